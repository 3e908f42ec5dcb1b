import { randomInt } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { jsonEmptyArrayAt } from '../dialect';
import { first } from '../first';
import { inboxOf } from '../inbox-file';
import { formerVolunteers, meetings, proposals, users } from '../schema';
import { runStatement } from '../sqlite';
import { write } from '../transact';
import { forgetFailedInbox } from './inbox';
import { getProfile } from './profiles';
import { tombstoneUser } from './users';

/** The parts of `/mydata`, each a list or object in the JSON file. */
export const MYDATA_SECTIONS = [
  'profile',
  'roles',
  'pairs',
  'proposals',
  'meetings',
  'goals',
  'feedback',
  'fit',
  'ideas',
  'stories',
  'storyInvites',
  'finalSurveys',
  'surveyInvites',
  'forms',
  'scheduledActions',
  'calendars',
  'messages',
  'actions',
  'asStaff',
] as const;
export type MydataSection = (typeof MYDATA_SECTIONS)[number];

/**
 * What leaving does with a row that points at the person:
 * - `delete`: the row is theirs alone (profile, roles, forms, invites, stories, their messages);
 * - `unlink`: the row stays and stops saying it was them (an action they took, a timed action
 *   that still serves someone else, like the sponsor's idea check);
 * - `anonymise`: feedback stays for the figures, cut from them and from the meeting or pair
 *   that would say whose it was; `left_as` keeps it countable;
 * - `keep`: the pair's (or program's) history — pairs, meetings, goals, ideas — keeps
 *   pointing at the tombstone, shown as "a former participant".
 */
export type OnLeave = 'delete' | 'unlink' | 'anonymise' | 'keep';

export interface UserReference {
  onLeave: OnLeave;
  /** Columns cut with the person's own (the ones that would say whose it was). */
  alsoCut?: string[];
  /** Where `/mydata` shows the rows. */
  mydata: MydataSection;
}

/**
 * Every column that points at a person (`table.column`), checked against the schema's
 * foreign keys by a test: a new table that refers to people doesn't pass until it says what
 * leaving does with it and where `/mydata` shows it.
 */
export const USER_REFERENCES = {
  'audit_log.actor_user_id': { onLeave: 'unlink', mydata: 'actions' },
  'broadcasts.by_user_id': { onLeave: 'unlink', mydata: 'asStaff' },
  'content_posts.by_user_id': { onLeave: 'unlink', mydata: 'asStaff' },
  'experiment_outcomes.user_id': { onLeave: 'keep', mydata: 'ideas' },
  'experiments.author_user_id': { onLeave: 'keep', mydata: 'ideas' },
  'experiments.sponsor_user_id': { onLeave: 'keep', mydata: 'ideas' },
  'final_surveys.user_id': { onLeave: 'anonymise', mydata: 'finalSurveys' },
  'form_sessions.user_id': { onLeave: 'delete', mydata: 'forms' },
  'goals.owner_user_id': { onLeave: 'keep', mydata: 'goals' },
  'match_rounds.created_by': { onLeave: 'unlink', mydata: 'asStaff' },
  'meeting_feedback.user_id': {
    onLeave: 'anonymise',
    alsoCut: ['meeting_id'],
    mydata: 'feedback',
  },
  'meetings.created_by': { onLeave: 'keep', mydata: 'meetings' },
  'outbox.user_id': { onLeave: 'delete', mydata: 'messages' },
  'pair_fit.user_id': { onLeave: 'anonymise', alsoCut: ['pair_id'], mydata: 'fit' },
  'pairs.mentee_user_id': { onLeave: 'keep', mydata: 'pairs' },
  'pairs.mentor_user_id': { onLeave: 'keep', mydata: 'pairs' },
  'profiles.user_id': { onLeave: 'delete', mydata: 'profile' },
  'programs.created_by': { onLeave: 'unlink', mydata: 'asStaff' },
  'proposals.mentee_user_id': { onLeave: 'keep', mydata: 'proposals' },
  'proposals.mentor_user_id': { onLeave: 'keep', mydata: 'proposals' },
  'stories.author_user_id': { onLeave: 'delete', mydata: 'stories' },
  'stories.reviewed_by': { onLeave: 'unlink', mydata: 'asStaff' },
  'story_invites.user_id': { onLeave: 'delete', mydata: 'storyInvites' },
  'survey_invites.user_id': { onLeave: 'delete', mydata: 'surveyInvites' },
  'timers.user_id': { onLeave: 'unlink', mydata: 'scheduledActions' },
  'user_roles.user_id': { onLeave: 'delete', mydata: 'roles' },
  // The calendar's tokens and address go with the person.
  'calendar_links.user_id': { onLeave: 'delete', mydata: 'calendars' },
} as const satisfies Record<string, UserReference>;

/**
 * Removes the person and keeps what is not theirs alone, in the caller's transaction: their
 * personal rows go, their feedback stays unlinked, the pair's history keeps a tombstone of
 * them, and the summary keeps the role and dates it counted (so past weeks don't change).
 */
export async function forgetPerson(db: DbOrTx, userId: number, now: Date): Promise<void> {
  const data = await getProfile(db, userId);
  if (data) {
    await db.insert(formerVolunteers).values({
      role: data.profile.role,
      joinedAt: data.profile.joinedAt,
      preparedAt: data.profile.preparedAt,
      teaches: data.teach,
      learns: data.learn,
      leftAt: now,
    });
  }
  // Random, not the next number: an order of leaving could be lined up with the tombstones'.
  const leftAs = randomInt(1, 2 ** 47);
  for (const [ref, spec] of Object.entries(USER_REFERENCES) as [string, UserReference][]) {
    const [table = '', column = ''] = ref.split('.');
    const where = sql`${sql.identifier(column)} = ${userId}`;
    switch (spec.onLeave) {
      case 'delete':
        await runStatement(db, sql`delete from ${sql.identifier(table)} where ${where}`);
        break;
      case 'unlink':
        await runStatement(
          db,
          sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = null where ${where}`,
        );
        break;
      case 'anonymise': {
        const cut = [column, ...(spec.alsoCut ?? [])].map((c) => sql`${sql.identifier(c)} = null`);
        await runStatement(
          db,
          sql`update ${sql.identifier(table)} set ${sql.join(cut, sql`, `)}, left_as = ${leftAs} where ${where}`,
        );
        break;
      }
      case 'keep':
        break;
    }
  }
  // The shared interests in a proposal's reasons are the person's own words.
  await db
    .update(proposals)
    .set({ reasons: jsonEmptyArrayAt(db, proposals.reasons, 'interests') })
    .where(or(eq(proposals.mentorUserId, userId), eq(proposals.menteeUserId, userId)));
  // The ORGANIZER address kept for the invites of meetings they booked is their e-mail: it goes
  // as users.email does. Leaving has already called off the pair's future meetings (sent with
  // it), so no invite needs it any more.
  await db
    .update(meetings)
    .set({ inviteOrganizer: null })
    .where(and(eq(meetings.createdBy, userId), eq(meetings.inviteForm, 'organized')));
  const person = await first(
    db
      .select({ platform: users.platform, workspace: users.workspace, id: users.platformUserId })
      .from(users)
      .where(eq(users.id, userId)),
  );
  // The inbox may be a file of its own (src/db/inbox-file.ts): in turn with its other writes.
  if (person) await write(inboxOf(db), (inbox) => forgetFailedInbox(inbox, person));
  await tombstoneUser(db, userId, now);
}
