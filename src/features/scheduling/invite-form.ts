import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type InviteForm, type MeetingRow, meetings, type UserRow } from '../../db/schema';
import type { IcsPerson } from './ics';

/** The ORGANIZER of every invite before random UIDs (the `legacy` form). */
export const LEGACY_ORGANIZER: IcsPerson = { name: 'Tandem', email: 'noreply@tandem.local' };

/** The ATTENDEE address a `legacy` invite gave a person. */
export const legacyAttendee = (userId: number) => `user-${userId}@tandem.local`;

/**
 * How a meeting's invites go out, chosen at the first one: an iTIP meeting organised by the
 * booker where they have a real address (and are one of the pair), a plain calendar object
 * where not. Kept on the meeting from then on: if the address disappears later (the scope
 * removed, the address hidden), a cancel sent any other way would not reach the event the
 * first REQUEST put in people's calendars.
 */
export function firstInviteForm(
  booker: UserRow | undefined,
): Pick<MeetingRow, 'inviteForm' | 'inviteOrganizer'> {
  return booker?.email
    ? { inviteForm: 'organized', inviteOrganizer: booker.email }
    : { inviteForm: 'plain', inviteOrganizer: null };
}

/**
 * The meeting with its invite form settled. Only meetings booked by the version that did not
 * keep the form lack one: it is settled from the booker as they are now (what that version
 * read at every invite, so most likely what their invites carried) and kept.
 */
export async function settleInviteForm(
  db: DbOrTx,
  meeting: MeetingRow,
  pair: readonly UserRow[],
): Promise<MeetingRow> {
  if (meeting.inviteForm !== null) return meeting;
  const form = firstInviteForm(pair.find((p) => p.id === meeting.createdBy));
  await db
    .update(meetings)
    .set(form)
    .where(and(eq(meetings.id, meeting.id), isNull(meetings.inviteForm)));
  return { ...meeting, ...form };
}

/** Who an invite of this meeting names: its ORGANIZER (none: a plain object) and the pair. */
export function inviteParties(
  meeting: MeetingRow,
  pair: readonly UserRow[],
): { organizer: IcsPerson | undefined; people: IcsPerson[] } {
  const form: InviteForm | null = meeting.inviteForm;
  const organizer = meeting.inviteOrganizer;
  if (form === 'legacy' && organizer) {
    // These invites are in calendars as METHOD:REQUEST from this ORGANIZER to these
    // ATTENDEEs. A calendar applies an update or a cancel only when it comes the same way
    // (Outlook matches the organizer; RFC 5546 §3.2.5 has a cancel name all attendees), so
    // they are repeated exactly. No address is made up here: these are the ones the first
    // invite already put there, and no new meeting is ever sent this way.
    return {
      organizer: { ...LEGACY_ORGANIZER, email: organizer },
      people: pair.map((p) => ({ name: p.name, email: legacyAttendee(p.id) })),
    };
  }
  if (form === 'organized' && organizer) {
    const booker = pair.find((p) => p.id === meeting.createdBy);
    return {
      // The address the first invite carried, even if the person has none now: it is the one
      // calendars know the event's organizer by.
      organizer: { name: booker?.name ?? '', email: organizer },
      people: pair.map((p) => ({
        name: p.name,
        email: p.id === meeting.createdBy ? organizer : p.email,
      })),
    };
  }
  // `plain`, or an organizer erased because the booker left: leaving calls off the pair's
  // future meetings first, so no later invite needs it.
  return { organizer: undefined, people: pair.map((p) => ({ name: p.name, email: null })) };
}
