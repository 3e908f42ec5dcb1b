/** Clock changes inside someone's hours (found in review): no offer outside them. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { findSlots } from '../../src/features/scheduling/slots';

const MINUTE = 60_000;
const local = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat('ccc HH:mm');
const ALL = [1, 2, 3, 4, 5, 6, 7];
/** A partner free only in [from, to): everything else in the week busy. */
const onlyFree = (week: number, from: number, to: number) => ({
  zone: 'UTC',
  hours: { days: ALL, start: 0, end: 1440 },
  busy: [
    { from: week - 2 * 86400000, to: from },
    { from: to, to: week + 9 * 86400000 },
  ],
});

describe('review: DST edges', () => {
  it('autumn: hours starting 01:30 in New York never offer 01:00 (the repeated hour)', () => {
    const from = Date.parse('2026-10-31T12:00:00Z');
    const at = Date.parse('2026-11-01T06:00:00Z'); // 01:00 EST, second showing
    const answer = findSlots({
      attendees: [
        { zone: 'America/New_York', hours: { days: ALL, start: 90, end: 300 }, busy: [] },
        onlyFree(from, at, at + 30 * MINUTE),
      ],
      from,
      minutes: 30,
    });
    const shown = answer.slots.map((s) => local(s.from, 'America/New_York'));
    expect(answer.fit === 'working_hours' ? shown : []).not.toContain('Sun 01:00');
  });
  it('spring: hours ending 02:30 in Berlin never offer 03:00 (after the gap)', () => {
    const from = Date.parse('2026-03-28T12:00:00Z');
    const at = Date.parse('2026-03-29T01:00:00Z'); // 03:00 CEST
    const answer = findSlots({
      attendees: [
        { zone: 'Europe/Berlin', hours: { days: ALL, start: 0, end: 150 }, busy: [] },
        onlyFree(from, at, at + 30 * MINUTE),
      ],
      from,
      minutes: 30,
    });
    const shown = answer.slots.map((s) => local(s.from, 'Europe/Berlin'));
    expect(answer.fit === 'working_hours' ? shown : []).not.toContain('Sun 03:00');
  });
});
