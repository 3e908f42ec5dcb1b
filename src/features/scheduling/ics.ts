import type * as Ics from 'ics';
import type { EventAttributes } from 'ics';
import { lazyRequire } from '../../core/lazy';

const ics = lazyRequire<typeof Ics>('ics');

/** Someone on an invite: the address only where the platform gave a real one. */
export interface IcsPerson {
  name: string;
  email: string | null;
}

export interface IcsMeeting {
  /** Random per meeting (meetings.uid), kept across moves and the cancel. */
  uid: string;
  sequence: number;
  startsAt: Date;
  durationMin: number;
  title: string;
  /** The session's task. */
  topic: string;
  /** Whatever the person typed as the link: a URL, or a room ("Room 4B"). */
  link?: string | null;
  /** Who booked it: the ORGANIZER, when they have a real address. */
  organizer: IcsPerson | undefined;
  /** Both people of the pair. */
  people: IcsPerson[];
}

/** RFC 5545 §3.1: a content line SHOULD NOT be longer than 75 octets (CRLF not counted). */
export const ICS_LINE_OCTETS = 75;

/**
 * An RFC 5545 invite, with one UID per meeting and SEQUENCE for updates. Times are UTC;
 * calendars show them in each reader's zone. DTSTAMP is `stamp`, the engine's clock (never the
 * wall clock: the demo's clock and tests move it).
 *
 * The link goes into LOCATION and DESCRIPTION as well as URL: Google Calendar and Outlook
 * show no URL property.
 *
 * Who is on it: only real addresses. iTIP (RFC 5546 §3.2) requires an ORGANIZER for every
 * method — REQUEST and CANCEL, and PUBLISH too (which also forbids ATTENDEEs) — and RFC 5545
 * §3.8.4.1 for any event with attendees. So:
 * - the person who booked has a real e-mail: an iTIP message, METHOD:REQUEST (or CANCEL when
 *   called off) with them as ORGANIZER and each person with a real e-mail as an ATTENDEE —
 *   calendars then treat it as a meeting and apply updates and the cancel to it;
 * - they have none (Telegram, the console, Slack without `users:read.email`): no METHOD, no
 *   ORGANIZER and no ATTENDEE — a plain calendar object that "merely transports a snapshot"
 *   (RFC 5545 §3.7.2), which every calendar imports as an event. Called off, the snapshot
 *   says STATUS:CANCELLED with a higher SEQUENCE: opening it updates the event where the
 *   calendar matches the UID (the caption also says to delete it by hand).
 * No address is ever made up: a calendar would send replies and updates to it.
 * Which of the two a meeting gets is fixed at its first invite (invite-form.ts): its updates
 * and cancel reach the imported event only when they come the same way.
 */
export function meetingIcs(meeting: IcsMeeting, cancelled: boolean, stamp: Date): string {
  const s = meeting.startsAt;
  const e = new Date(s.getTime() + meeting.durationMin * 60_000);
  const utc = (d: Date): [number, number, number, number, number] => [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
  const organizer = meeting.organizer?.email ? meeting.organizer : undefined;
  const link = meeting.link?.trim() || undefined;
  // `timestamp` (DTSTAMP) is read by ics but missing from its type definitions.
  const attributes: EventAttributes & { timestamp: number } = {
    timestamp: stamp.getTime(),
    uid: meeting.uid,
    sequence: meeting.sequence,
    // Left undefined (not absent) on purpose: ics would otherwise write its default PUBLISH.
    method: organizer ? (cancelled ? 'CANCEL' : 'REQUEST') : undefined,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    start: utc(s),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utc(e),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: meeting.title,
    description: link ? `${meeting.topic}\n${link}` : meeting.topic,
    ...(link ? { location: link } : {}),
    ...(link && isWebUrl(link) ? { url: link } : {}),
    productId: 'tandem/reverse-mentoring',
    ...(organizer
      ? {
          organizer: { name: paramText(organizer.name), email: organizer.email ?? '' },
          attendees: meeting.people.flatMap((p) =>
            p.email
              ? [
                  {
                    name: paramText(p.name),
                    email: p.email,
                    rsvp: false,
                    role: 'REQ-PARTICIPANT' as const,
                    partstat:
                      p.email === organizer.email
                        ? ('ACCEPTED' as const)
                        : ('NEEDS-ACTION' as const),
                  },
                ]
              : [],
          ),
        }
      : {}),
  };
  const { error, value } = ics().createEvent(attributes);
  if (error || !value) throw new Error('could not build the calendar invite', { cause: error });
  return foldOctets(value);
}

/** An absolute http(s) URL with nothing in it that a URI can't hold. */
function isWebUrl(text: string): boolean {
  if (/\s/.test(text) || !URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'https:' || protocol === 'http:';
}

/**
 * A name as a quoted parameter value (CN). RFC 5545 §3.2 allows no DQUOTE and no control
 * characters there at all (ics escapes `"` as `\"`, which calendars don't read), so they go.
 */
function paramText(name: string): string {
  return name.replace(/"/g, "'").replace(/\p{Cc}/gu, ' ');
}

/**
 * Folds every content line at 75 octets (RFC 5545 §3.1), never inside a multi-octet UTF-8
 * character. ics folds at 75 *characters*, so a Cyrillic name or task makes lines of up to
 * 150 octets; its folding is undone first (a CRLF followed by one space or tab).
 */
export function foldOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  // The first line may hold 75 octets; each continuation 74 after its leading space.
  let room = ICS_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
      room = ICS_LINE_OCTETS - 1;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}
