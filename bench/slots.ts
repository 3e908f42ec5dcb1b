/**
 * `npm run bench:slots`: "Find a time" for many pairs at once — each person with a zone,
 * working hours and a week of busy times (meetings, calendar blocks) — against a plain pass
 * over the same intervals in the same run (sorting and merging each pair's busy times, the
 * least any answer must do). Sizes 1 000, 5 000 and 10 000 pairs show how it grows; CPU time
 * per pair is what counts (this machine is shared and noisy). Goal: under 1 ms per pair.
 */

import { normalize } from '../src/features/scheduling/intervals';
import { findSlots, type SlotQuery } from '../src/features/scheduling/slots';
import { rng } from './match-instance';

const SIZES = (process.env.BENCH_SLOTS_SIZES ?? '1000,5000,10000').split(',').map(Number);
const BUSY_PER_WEEK = Number(process.env.BENCH_SLOTS_BUSY ?? 20);
const GOAL_MS = 1;
const MINUTE = 60_000;
const FROM = Date.parse('2026-10-22T07:00:00Z'); // a week that holds Europe's clock change
const ZONES = [
  'Europe/Moscow',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
];

function pairs(count: number, seed: number): SlotQuery[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const person = () => {
    const start = pick([480, 540, 600]);
    return {
      zone: pick(ZONES),
      hours: { days: [1, 2, 3, 4, 5], start, end: start + pick([480, 540]) },
      // Meetings of 30 minutes to 2 hours on the quarter hour, anywhere in the week.
      busy: Array.from({ length: BUSY_PER_WEEK }, () => {
        const from = FROM + Math.floor(r() * 7 * 24 * 4) * 15 * MINUTE;
        return { from, to: from + pick([30, 45, 60, 90, 120]) * MINUTE };
      }),
    };
  };
  return Array.from({ length: count }, () => ({
    attendees: [person(), person()],
    from: FROM,
    minutes: pick([45, 60]),
  }));
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measure(
  queries: SlotQuery[],
  run: (q: SlotQuery) => number,
): { ms: number; check: number } {
  const started = cpuMs();
  let check = 0;
  for (const q of queries) check += run(q);
  return { ms: cpuMs() - started, check };
}

const plainPass = (q: SlotQuery) =>
  q.attendees.reduce(
    (sum, a) => sum + normalize(a.busy).reduce((s, i) => s + (i.to - i.from), 0),
    0,
  );
const tandem = (q: SlotQuery) => findSlots(q).slots.length;

// Warm both paths up (JIT), then measure each size with the two interleaved.
measure(pairs(500, 1), plainPass);
measure(pairs(500, 1), tandem);
const rows: string[] = [];
let worst = 0;
for (const n of SIZES) {
  const queries = pairs(n, n);
  const plain = measure(queries, plainPass);
  const found = measure(queries, tandem);
  const perPair = found.ms / n;
  worst = Math.max(worst, perPair);
  rows.push(
    `| ${n} | ${(plain.ms / n).toFixed(3)} | ${perPair.toFixed(3)} | ${(found.ms / plain.ms).toFixed(1)}× | ${(found.check / n).toFixed(2)} |`,
  );
}
process.stdout.write(
  [
    `Find a time: pairs of two people, ${BUSY_PER_WEEK} busy times each in a week, 8 zones, working hours 08:00–19:00 (varied); CPU ms, node ${process.version}`,
    '',
    '| pairs | plain pass ms/pair | find slots ms/pair | ratio | slots/pair |',
    '|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Goal: under ${GOAL_MS} ms per pair: ${worst < GOAL_MS ? '✓' : '✗'} (worst ${worst.toFixed(3)} ms)`,
    '',
  ].join('\n'),
);
if (worst >= GOAL_MS) process.exitCode = 1;
