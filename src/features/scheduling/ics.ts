import type * as Ics from 'ics';
import type { EventAttributes } from 'ics';
import { lazyRequire } from '../../core/lazy';

const ics = lazyRequire<typeof Ics>('ics');

export interface IcsMeeting {
  id: number;
  sequence: number;
  startsAt: Date;
  durationMin: number;
  title: string;
  description: string;
  link?: string | null;
  /** Both people, so calendars (Outlook) accept updates and cancellations. */
  attendees: { id: number; name: string }[];
}

/** The domain in calendar UIDs; stable, so an update replaces the right event. */
export const ICS_UID_DOMAIN = 'tandem.local';

/**
 * An RFC 5545 invite: a stable UID per meeting, SEQUENCE for updates, METHOD:CANCEL when
 * called off. Times are UTC; calendars show them in each reader's zone. DTSTAMP is `stamp`, the
 * engine's clock (never the wall clock: the demo's clock and tests move it).
 */
export function meetingIcs(meeting: IcsMeeting, method: 'REQUEST' | 'CANCEL', stamp: Date): string {
  const s = meeting.startsAt;
  // `timestamp` (DTSTAMP) is read by ics but missing from its type definitions.
  const attributes: EventAttributes & { timestamp: number } = {
    timestamp: stamp.getTime(),
    uid: `meeting-${meeting.id}@${ICS_UID_DOMAIN}`,
    sequence: meeting.sequence,
    method,
    ...(method === 'CANCEL' ? { status: 'CANCELLED' as const } : { status: 'CONFIRMED' as const }),
    start: [
      s.getUTCFullYear(),
      s.getUTCMonth() + 1,
      s.getUTCDate(),
      s.getUTCHours(),
      s.getUTCMinutes(),
    ],
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: meeting.durationMin },
    title: meeting.title,
    description: meeting.description,
    ...(meeting.link && /^https?:\/\//.test(meeting.link) ? { url: meeting.link } : {}),
    productId: 'tandem/reverse-mentoring',
    organizer: { name: 'Tandem', email: `noreply@${ICS_UID_DOMAIN}` },
    attendees: meeting.attendees.map((a) => ({
      name: a.name,
      email: `user-${a.id}@${ICS_UID_DOMAIN}`,
      rsvp: false,
      role: 'REQ-PARTICIPANT' as const,
    })),
  };
  const { error, value } = ics().createEvent(attributes);
  if (error || !value) throw new Error('could not build the calendar invite', { cause: error });
  return value;
}
