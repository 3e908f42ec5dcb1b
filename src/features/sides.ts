import type { DbOrTx } from '../db/client';
import { getUser } from '../db/queries/users';
import type { UserRow } from '../db/schema';

/** One person of a mentor–mentee link, with the other one. */
export interface Side {
  me: UserRow;
  other: UserRow;
  side: 'mentor' | 'mentee';
}

/**
 * Both people of a proposal, pair or meeting's pair, each with the other — what every
 * "tell both sides" message loops over. Empty when either person is gone.
 */
export async function bothSides(
  db: DbOrTx,
  link: { mentorUserId: number; menteeUserId: number },
): Promise<Side[]> {
  const mentor = await getUser(db, link.mentorUserId);
  const mentee = await getUser(db, link.menteeUserId);
  if (!mentor || !mentee) return [];
  return [
    { me: mentor, other: mentee, side: 'mentor' },
    { me: mentee, other: mentor, side: 'mentee' },
  ];
}
