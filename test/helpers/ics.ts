import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { expect } from 'vitest';

/** What a calendar reads from an invite, the same whichever parser reads it. */
export interface ReadInvite {
  method: string | undefined;
  uid: string;
  sequence: number;
  status: string | undefined;
  /** ISO 8601 in UTC. */
  start: string;
  end: string;
  summary: string;
  location: string | undefined;
  description: string | undefined;
  url: string | undefined;
  /** The ORGANIZER's address (without `mailto:`, lower case), if any. */
  organizer: string | undefined;
  /** ATTENDEE addresses, as above, sorted. */
  attendees: string[];
}

const address = (value: unknown): string =>
  String(value)
    .replace(/^mailto:/i, '')
    .toLowerCase();

/** node-ical gives a property as its value, or as `{ params, val }` when it has parameters. */
const valueIn = (prop: unknown): unknown =>
  prop && typeof prop === 'object' && 'val' in prop ? (prop as { val: unknown }).val : prop;

function withNodeIcal(text: string): ReadInvite {
  const data = ical.sync.parseICS(text);
  const events = Object.values(data).filter((c) => c?.type === 'VEVENT') as VEvent[];
  expect(events).toHaveLength(1);
  const event = events[0] as VEvent & Record<string, unknown>;
  const calendar = Object.values(data).find((c) => c?.type === 'VCALENDAR') as
    | Record<string, unknown>
    | undefined;
  const attendees = event.attendee === undefined ? [] : [event.attendee].flat();
  const text_ = (v: unknown) => (v === undefined ? undefined : String(valueIn(v)));
  return {
    method: text_(calendar?.method),
    uid: String(event.uid),
    sequence: Number(event.sequence ?? 0),
    status: text_(event.status),
    start: new Date(event.start as Date).toISOString(),
    end: new Date(event.end as Date).toISOString(),
    summary: String(valueIn(event.summary)),
    location: text_(event.location),
    description: text_(event.description),
    url: text_(event.url),
    organizer: event.organizer === undefined ? undefined : address(valueIn(event.organizer)),
    attendees: attendees.map((a) => address(valueIn(a))).sort(),
  };
}

function withIcalJs(text: string): ReadInvite {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const vevent = vevents[0] as ICAL.Component;
  const event = new ICAL.Event(vevent);
  const value = (name: string) => {
    const v = vevent.getFirstPropertyValue(name);
    return v === null || v === undefined ? undefined : String(v);
  };
  const method = calendar.getFirstPropertyValue('method');
  return {
    method: method === null || method === undefined ? undefined : String(method),
    uid: event.uid,
    sequence: event.sequence,
    status: value('status'),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    location: value('location'),
    description: value('description'),
    url: value('url'),
    organizer: value('organizer') === undefined ? undefined : address(value('organizer')),
    attendees: vevent
      .getAllProperties('attendee')
      .map((p) => address(p.getFirstValue()))
      .sort(),
  };
}

/**
 * Reads an invite with two independent parsers (node-ical and ical.js), checks they read the
 * same thing and that every line is CRLF-ended and at most 75 octets (RFC 5545 §3.1).
 */
export function readInvite(text: string): ReadInvite {
  expect(text.endsWith('\r\n')).toBe(true);
  for (const line of text.slice(0, -2).split('\r\n')) {
    expect(line).not.toContain('\n');
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  }
  const a = withNodeIcal(text);
  const b = withIcalJs(text);
  expect(b).toEqual(a);
  return a;
}
