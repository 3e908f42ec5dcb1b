import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/features/scheduling/intervals';
import {
  type Attendee,
  checkTime,
  DEFAULT_WORKING_HOURS,
  findSlots,
  type SlotQuery,
  workingWindows,
} from '../../src/features/scheduling/slots';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Zones 25 hours apart (Kiritimati +14, Pago Pago −11), clocks that change in spring and
 * autumn in both hemispheres, half- and quarter-hour offsets, and none at all.
 */
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  // Clocks that change at midnight, by two hours, or at odd quarter hours.
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Cairo',
  'Antarctica/Troll',
  'Pacific/Chatham',
  'America/Scoresbysund',
];
/** Days the clocks change somewhere on the list (2026), so horizons straddle them. */
const CHANGES = [
  '2026-03-08T00:00:00Z', // United States, spring
  '2026-03-29T00:00:00Z', // Europe, spring
  '2026-04-05T00:00:00Z', // Australia, autumn (Lord Howe by half an hour)
  '2026-10-04T00:00:00Z', // Australia, spring
  '2026-10-25T00:00:00Z', // Europe, autumn
  '2026-11-01T00:00:00Z', // United States, autumn
  '2026-04-24T00:00:00Z', // Egypt, spring (at midnight)
  '2026-09-06T00:00:00Z', // Chile, spring (at midnight)
  '2026-09-27T00:00:00Z', // New Zealand and Chatham, spring
  '2026-10-29T00:00:00Z', // Egypt, autumn
  '2026-06-15T00:00:00Z', // none
].map((iso) => Date.parse(iso));

/** Whether a person's wall clock at `at` shows a working day and hour: the definition itself. */
function working(a: Attendee, at: number): boolean {
  const local = DateTime.fromMillis(at, { zone: a.zone });
  const minute = local.hour * 60 + local.minute;
  return a.hours.days.includes(local.weekday) && minute >= a.hours.start && minute < a.hours.end;
}

/** A slot fits a person when every 5 minutes of it is working time and none of it is busy. */
function fits(a: Attendee, slot: Interval): boolean {
  for (let at = slot.from; at < slot.to; at += 5 * MINUTE) if (!working(a, at)) return false;
  return free(a, slot);
}
const free = (a: Attendee, slot: Interval) =>
  a.busy.every((b) => slot.to <= b.from || slot.from >= b.to);

const attendee = (from: number) =>
  fc.record({
    zone: fc.constantFrom(...ZONES),
    hours: fc
      .record({
        days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        // Any hours, those the clocks skip or repeat included.
        start: fc.integer({ min: 0, max: 46 }).map((h) => h * 30),
        length: fc.integer({ min: 2, max: 36 }).map((h) => h * 30),
      })
      .map(({ days, start, length }) => ({ days, start, end: Math.min(1440, start + length) })),
    busy: fc.array(
      fc
        .record({
          at: fc.integer({ min: -DAY / MINUTE, max: (8 * DAY) / MINUTE }),
          length: fc.integer({ min: 15, max: 600 }),
        })
        .map(({ at, length }) => ({ from: from + at * MINUTE, to: from + (at + length) * MINUTE })),
      { maxLength: 12 },
    ),
  });

const query = fc
  .record({
    base: fc.constantFrom(...CHANGES),
    shift: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
    minutes: fc.constantFrom(30, 45, 60, 90),
    count: fc.integer({ min: 3, max: 5 }),
  })
  .chain(({ base, shift, minutes, count }) => {
    const from = base + shift * MINUTE;
    return fc
      .array(attendee(from), { minLength: 2, maxLength: 4 })
      .map((attendees): SlotQuery => ({ attendees, from, minutes, count }));
  });

/** Every start on the half hour within the week at which the slot fits everyone. */
function everyFit(q: SlotQuery): number[] {
  const out: number[] = [];
  const step = 30 * MINUTE;
  for (
    let at = Math.ceil(q.from / step) * step;
    at + q.minutes * MINUTE <= q.from + 7 * DAY;
    at += step
  )
    if (q.attendees.every((a) => fits(a, { from: at, to: at + q.minutes * MINUTE }))) out.push(at);
  return out;
}

describe('finding a time that fits everyone', () => {
  it('offers only times inside everyone’s working hours and outside their busy times, and finds one whenever one exists', () => {
    fc.assert(
      fc.property(query, (q) => {
        const answer = findSlots(q);
        const all = everyFit(q);
        const length = q.minutes * MINUTE;
        expect(answer.slots.length).toBeLessThanOrEqual(q.count ?? 5);
        answer.slots.forEach((slot, k) => {
          expect(slot.to - slot.from).toBe(length);
          expect(slot.from).toBeGreaterThanOrEqual(q.from);
          expect(slot.to).toBeLessThanOrEqual(q.from + 7 * DAY);
          // Sorted, and never two offers of overlapping times.
          if (k > 0) expect(slot.from).toBeGreaterThanOrEqual(answer.slots[k - 1]?.to ?? 0);
          for (const a of q.attendees) expect(free(a, slot)).toBe(true);
        });
        if (all.length > 0) {
          expect(answer.fit).toBe('working_hours');
          expect(answer.slots.length).toBeGreaterThan(0);
          for (const slot of answer.slots) expect(all).toContain(slot.from);
          // As many as asked, or as many as fit without overlapping when fewer do (earliest
          // first, each clear of the last, is the most that fit: equal lengths).
          let fit = 0;
          let last = Number.NEGATIVE_INFINITY;
          for (const at of all)
            if (at >= last + length) {
              fit += 1;
              last = at;
            }
          expect(answer.slots).toHaveLength(Math.min(q.count ?? 5, fit));
        } else {
          expect(answer.fit).not.toBe('working_hours');
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a person’s working windows are exactly the moments their wall clock shows working hours, on the days clocks change too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANGES),
        fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }),
        attendee(0),
        (base, shift, a) => {
          const horizon = { from: base + shift * MINUTE, to: base + shift * MINUTE + 7 * DAY };
          const windows = workingWindows(a, horizon);
          // Every quarter hour of the week (clock changes and offsets fall on quarter hours).
          for (let at = horizon.from; at < horizon.to; at += 15 * MINUTE) {
            const inside = windows.some((w) => at >= w.from && at < w.to);
            expect(inside, new Date(at).toISOString()).toBe(working(a, at));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('spreads the offers over days: the first is the earliest time that fits', () => {
    fc.assert(
      fc.property(query, (q) => {
        const answer = findSlots(q);
        const all = everyFit(q);
        if (answer.fit !== 'working_hours') return;
        expect(answer.slots[0]?.from).toBe(all[0]);
        // Days as the first attendee (the one asking) counts them.
        const zone = q.attendees[0]?.zone ?? 'UTC';
        const dayOf = (at: number) => DateTime.fromMillis(at, { zone }).toISODate();
        const days = new Set(all.map(dayOf));
        const offeredDays = new Set(answer.slots.map((s) => dayOf(s.from)));
        expect(offeredDays.size).toBe(Math.min(days.size, answer.slots.length));
      }),
      { numRuns: 100 },
    );
  });

  it('09:00–18:00 in Moscow and in New York: the hours both work, weekdays only, through New York’s clock change', () => {
    const from = Date.parse('2026-10-29T00:00:00Z');
    const answer = findSlots({
      attendees: [
        { zone: 'Europe/Moscow', hours: DEFAULT_WORKING_HOURS, busy: [] },
        { zone: 'America/New_York', hours: DEFAULT_WORKING_HOURS, busy: [] },
      ],
      from,
      minutes: 60,
    });
    expect(answer.fit).toBe('working_hours');
    const shown = answer.slots.map((s) =>
      DateTime.fromMillis(s.from, { zone: 'America/New_York' }).toFormat('ccc HH:mm'),
    );
    // Moscow's 09:00–18:00 is 06:00–15:00 UTC; New York's 09:00 is 13:00 UTC until its clocks
    // go back on 1 November, 14:00 after: two shared hours a day, then one — each day's first
    // offer is 09:00 in New York either way, and the weekend is skipped.
    expect(shown).toEqual(['Thu 09:00', 'Fri 09:00', 'Mon 09:00', 'Tue 09:00', 'Wed 09:00']);
  });

  it('Tokyo and New York, 14 hours apart, never work at the same time: the free times closest to both, said as such', () => {
    const from = Date.parse('2026-12-01T00:00:00Z');
    const answer = findSlots({
      attendees: [
        { zone: 'Asia/Tokyo', hours: DEFAULT_WORKING_HOURS, busy: [] },
        { zone: 'America/New_York', hours: DEFAULT_WORKING_HOURS, busy: [] },
      ],
      from,
      minutes: 60,
    });
    expect(answer.fit).toBe('closest');
    expect(answer.slots.length).toBeGreaterThan(0);
    // Each is in one person's hours and an hour past the other's edge (the least possible:
    // Tokyo starts an hour after New York stops), never at night for either.
    const tokyo = { zone: 'Asia/Tokyo', hours: DEFAULT_WORKING_HOURS, busy: [] };
    const newYork = { zone: 'America/New_York', hours: DEFAULT_WORKING_HOURS, busy: [] };
    for (const slot of answer.slots) {
      expect(fits(tokyo, slot) || fits(newYork, slot)).toBe(true);
      const hours = [slot.from, slot.to - MINUTE].flatMap((at) =>
        ['Asia/Tokyo', 'America/New_York'].map((zone) => DateTime.fromMillis(at, { zone }).hour),
      );
      for (const hour of hours) expect(hour >= 7 && hour < 22).toBe(true);
      const off = [
        DateTime.fromMillis(slot.from, { zone: 'America/New_York' }).toFormat('HH:mm'),
        DateTime.fromMillis(slot.from, { zone: 'Asia/Tokyo' }).toFormat('HH:mm'),
      ];
      expect([
        ['17:00', '07:00'],
        ['19:00', '09:00'],
      ]).toContainEqual(off);
    }
  });

  it('an unknown zone is refused with a stable code, not a wrong answer', () => {
    expect(() =>
      findSlots({
        attendees: [{ zone: 'Mars/Olympus', hours: DEFAULT_WORKING_HOURS, busy: [] }],
        from: Date.parse('2026-12-01T00:00:00Z'),
        minutes: 30,
      }),
    ).toThrow(expect.objectContaining({ code: 'slots_zone_invalid' }));
  });
});

describe('a time typed by hand', () => {
  const ann = { zone: 'America/New_York', hours: DEFAULT_WORKING_HOURS, busy: [] };
  const at = (iso: string, minutes = 60) => ({
    from: Date.parse(iso),
    to: Date.parse(iso) + minutes * MINUTE,
  });
  const local = (check: ReturnType<typeof checkTime>) =>
    check.fits
      ? 'fits'
      : `${check.reason} ${new Date(check.localStart).toISOString().slice(0, 16)}`;

  it('names the partner’s own time when it is night, a day off, outside hours or busy for them', () => {
    // Tuesday 1 December 2026; New York is UTC−5.
    expect(local(checkTime(at('2026-12-01T15:00:00Z'), ann))).toBe('fits');
    expect(local(checkTime(at('2026-12-01T03:30:00Z'), ann))).toBe('night 2026-11-30T22:30');
    expect(local(checkTime(at('2026-12-01T11:30:00Z'), ann))).toBe('night 2026-12-01T06:30');
    expect(local(checkTime(at('2026-12-01T12:30:00Z'), ann))).toBe(
      'outside_hours 2026-12-01T07:30',
    );
    expect(local(checkTime(at('2026-12-01T22:30:00Z'), ann))).toBe(
      'outside_hours 2026-12-01T17:30',
    );
    expect(local(checkTime(at('2026-12-05T15:00:00Z'), ann))).toBe('day_off 2026-12-05T10:00');
    const busy = { ...ann, busy: [at('2026-12-01T15:30:00Z', 30)] };
    expect(local(checkTime(at('2026-12-01T15:00:00Z'), busy))).toBe('busy 2026-12-01T10:00');
  });

  it('agrees with the suggestions: every offered slot fits everyone', () => {
    fc.assert(
      fc.property(query, (q) => {
        const answer = findSlots(q);
        if (answer.fit !== 'working_hours') return;
        for (const slot of answer.slots)
          for (const a of q.attendees) {
            const check = checkTime(slot, a);
            // A working hour may fall in the night band for someone who works late.
            if (!check.fits) expect(check.reason).toBe('night');
          }
      }),
      { numRuns: 50 },
    );
  });
});
