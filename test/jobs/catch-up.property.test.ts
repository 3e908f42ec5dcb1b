import fc from 'fast-check';
import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cronSchedule, firesEver, slotsBetween } from '../../src/core/cron-schedule';

/**
 * Catch-up after downtime must name exactly the slots node-cron would have fired, for every
 * expression the config accepts. The oracle is node-cron's public API only: `match(date)`,
 * `getNextRuns()` read with the clock pinned at the start of the downtime, and a real
 * started task under fake timers.
 */

afterEach(() => {
  vi.useRealTimers();
});

const int = (min: number, max: number) => fc.integer({ min, max });

/** One cron field: values, names, `*`, steps, ranges (wrapping too), lists of them. */
function field(
  min: number,
  max: number,
  options: { names?: string[]; special?: fc.Arbitrary<string>; maxItems?: number } = {},
) {
  const value = options.names
    ? fc.oneof(int(min, max).map(String), fc.constantFrom(...options.names))
    : int(min, max).map(String);
  const atoms: fc.Arbitrary<string>[] = [
    value,
    value,
    fc.constant('*'),
    int(1, max - min + 1).map((s) => `*/${s}`),
    fc.tuple(value, value).map(([a, b]) => `${a}-${b}`),
    fc.tuple(value, value, int(1, 12)).map(([a, b, s]) => `${a}-${b}/${s}`),
  ];
  if (options.special) atoms.push(options.special, options.special);
  return fc
    .array(fc.oneof(...atoms), { minLength: 1, maxLength: options.maxItems ?? 3 })
    .map((items) => items.join(','));
}

const MONTHS = ['jan', 'Feb', 'MAR', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'Mon', 'TUE', 'wed', 'thu', 'fri', 'sat'];

const second = fc.oneof(fc.constant('0'), field(0, 59, { maxItems: 2 }));
// Mostly sparse times (one or two values), so slots land inside the windows tried.
const minute = fc.oneof(int(0, 59).map(String), int(0, 59).map(String), field(0, 59));
const hour = fc.oneof(int(0, 23).map(String), fc.constantFrom('1', '2', '3'), field(0, 23));
const dayOfMonth = fc.oneof(
  fc.constant('*'),
  fc.constant('?'),
  field(1, 31, {
    special: fc.oneof(
      fc.constant('L'),
      fc.constant('LW'),
      int(1, 31).map((d) => `${d}W`),
      int(1, 30).map((n) => `L-${n}`),
    ),
  }),
);
const month = fc.oneof(fc.constant('*'), field(1, 12, { names: MONTHS }));
const dayOfWeek = fc.oneof(
  fc.constant('*'),
  fc.constant('?'),
  field(0, 7, {
    names: WEEKDAYS,
    special: fc.oneof(
      fc
        .tuple(fc.oneof(int(0, 7).map(String), fc.constantFrom(...WEEKDAYS)), int(1, 5))
        .map(([d, n]) => `${d}#${n}`),
      int(0, 7).map((d) => `${d}L`),
    ),
  }),
);

/** Expressions in node-cron's grammar: five fields, six with seconds, or a nickname. */
const expression = fc
  .oneof(
    { weight: 6, arbitrary: fc.tuple(minute, hour, dayOfMonth, month, dayOfWeek) },
    { weight: 2, arbitrary: fc.tuple(second, minute, hour, dayOfMonth, month, dayOfWeek) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('@hourly', '@daily', '@midnight', '@weekly', '@monthly', '@yearly')
        .map((n) => [n]),
    },
  )
  .map((fields) => fields.join(' '));

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe', // DST of half an hour
  'UTC',
];

/** Clock changes in those zones, where wall times are skipped or repeated. */
const TRANSITIONS = [
  '2026-03-29T01:00:00Z', // Berlin forward
  '2026-10-25T01:00:00Z', // Berlin back
  '2026-03-08T07:00:00Z', // New York forward
  '2026-11-01T06:00:00Z', // New York back
  '2026-04-04T15:00:00Z', // Lord Howe back
  '2026-10-03T15:30:00Z', // Lord Howe forward
].map((iso) => new Date(iso).getTime());

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Start of a downtime: near a clock change, or anywhere in a few years; any millisecond. */
const downFrom = fc.oneof(
  fc.tuple(fc.constantFrom(...TRANSITIONS), int(-3 * DAY, DAY)).map(([t, d]) => new Date(t + d)),
  int(Date.UTC(2024, 0, 1), Date.UTC(2030, 0, 1)).map((t) => new Date(t)),
);
/** Its length: minutes to a couple of months. */
const downFor = fc.oneof(int(0, 6 * HOUR), int(0, 3 * DAY), int(0, 62 * DAY));

const accepted = (expr: string, zone: string) => cron.validate(expr) && firesEver(expr, zone);

/** node-cron's next runs as its public API gives them, with the clock pinned at `at`. */
function nextRunsAt(expr: string, zone: string, at: Date, count: number): Date[] {
  vi.useFakeTimers({ now: at, toFake: ['Date'] });
  const task = cron.createTask(expr, () => undefined, { timezone: zone });
  try {
    return task.getNextRuns(count);
  } finally {
    task.destroy();
    vi.useRealTimers();
  }
}

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('catch-up reads schedules as node-cron fires them', () => {
  it("the slots missed between two moments are node-cron's next runs from the first, and each fires", () => {
    fc.assert(
      fc.property(
        expression,
        fc.constantFrom(...ZONES),
        downFrom,
        downFor,
        (expr, zone, from, span) => {
          fc.pre(accepted(expr, zone));
          const until = new Date(from.getTime() + span);
          const schedule = cronSchedule(expr, zone);
          const ours = slotsBetween(schedule, from, until, 12);
          const theirs = nextRunsAt(expr, zone, from, 12).filter((d) => d <= until);
          expect(iso(ours)).toEqual(iso(theirs));
          // The catch-up decision: was anything missed at all?
          expect(slotsBetween(schedule, from, until, 1).length > 0).toBe(theirs.length > 0);
          const task = cron.createTask(expr, () => undefined, { timezone: zone });
          try {
            for (const slot of ours) expect(task.match(slot)).toBe(true);
            // And "does it fire at this moment" agrees anywhere, not only at slots.
            for (const at of [from, until, new Date(Math.floor(from.getTime() / 1000) * 1000)])
              expect(schedule.fires(at)).toBe(task.match(at));
          } finally {
            task.destroy();
          }
        },
      ),
      { numRuns: 250 },
    );
  }, 90_000);

  it('a real node-cron task left running over the downtime fires exactly at those slots', async () => {
    await fc.assert(
      fc.asyncProperty(
        expression,
        fc.constantFrom(...ZONES),
        downFrom,
        downFor,
        async (expr, zone, from, span) => {
          fc.pre(accepted(expr, zone));
          const schedule = cronSchedule(expr, zone);
          // At most a dozen runs, so an every-second schedule stays quick.
          const expected = slotsBetween(schedule, from, new Date(from.getTime() + span), 12);
          const until = expected.at(-1) ?? new Date(from.getTime() + span);
          vi.useFakeTimers({ now: from });
          const fired: Date[] = [];
          const task = cron.schedule(expr, (ctx) => void fired.push(ctx.date), {
            timezone: zone,
          });
          try {
            await vi.advanceTimersByTimeAsync(until.getTime() - from.getTime());
            await vi.advanceTimersByTimeAsync(0);
          } finally {
            task.destroy();
            vi.useRealTimers();
          }
          expect(iso(fired)).toEqual(iso(expected));
        },
      ),
      { numRuns: 150 },
    );
  }, 90_000);
});
