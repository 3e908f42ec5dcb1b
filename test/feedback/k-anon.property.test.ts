import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  guardedWeeklyMean,
  publishableWeeks,
  type Respondent,
} from '../../src/features/feedback/k-anon';

type Row = { at: number; who: Respondent; u: number };

/**
 * `publishableWeeks` as it was before it was made linear (a week's cell copied for every
 * answer): the reference every figure must still agree with.
 */
function quadraticPublishableWeeks(rows: Row[], edges: number[], k: number) {
  const cells = new Map<number, Row[]>();
  for (const row of rows) {
    let i = -1;
    for (let e = 0; e < edges.length - 1; e++) {
      if (row.at >= (edges[e] ?? 0) && row.at < (edges[e + 1] ?? 0)) {
        i = e;
        break;
      }
    }
    if (i < 0) continue;
    cells.set(i, [...(cells.get(i) ?? []), row]);
  }
  const peopleIn = (list: Row[]) => new Set(list.map((r) => r.who ?? -1)).size;
  const kept = [...cells.values()].filter((cell) => peopleIn(cell) >= k).flat();
  const mostInAWeek = Math.max(0, ...[...cells.values()].map(peopleIn));
  return { rows: kept, people: peopleIn(kept), mostInAWeek };
}

const WEEK = 7 * 24 * 60 * 60 * 1000;

const who = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => `u${n}`),
  fc.integer({ min: 1, max: 4 }).map((n) => `l${n}`),
  fc.constant(null),
);

describe('k-anonymous weeks: linear, and the same figures as before', () => {
  it('keeps exactly the rows, people and week counts of the old cell-copying version', () => {
    fc.assert(
      fc.property(
        // Week edges oldest first; a zero gap makes an empty week, as a DST-free test can't.
        fc.array(fc.integer({ min: 0, max: 3 * WEEK }), { minLength: 0, maxLength: 9 }),
        fc.array(
          fc.record({
            at: fc.integer({ min: -WEEK, max: 20 * WEEK }),
            who,
            u: fc.integer({ min: 1, max: 5 }),
          }),
          { maxLength: 120 },
        ),
        fc.integer({ min: 1, max: 5 }),
        (gaps, rows, k) => {
          let edge = 0;
          const edges = gaps.map((g) => {
            edge += g;
            return edge;
          });
          const got = publishableWeeks(rows, edges, k);
          const want = quadraticPublishableWeeks(rows, edges, k);
          // The same rows in the same order, so sums and sorted lists are the same too.
          expect(got.rows).toEqual(want.rows);
          expect(got.people).toBe(want.people);
          expect(got.mostInAWeek).toBe(want.mostInAWeek);
          expect(guardedWeeklyMean(rows, edges, k, (r) => r.u)).toEqual(
            want.rows.length
              ? {
                  shown: true,
                  count: want.people,
                  value:
                    Math.round((want.rows.reduce((a, r) => a + r.u, 0) / want.rows.length) * 10) /
                    10,
                }
              : { shown: false, count: want.mostInAWeek },
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a week of 30 000 answers is counted in well under two seconds (a copy per answer took half a minute)', () => {
    const rows: Row[] = Array.from({ length: 30_000 }, (_, i) => ({
      at: WEEK + (i % WEEK),
      who: `u${i % 3_000}`,
      u: 1 + (i % 5),
    }));
    // No clock read: the test's timeout is the budget, and the quadratic version overruns it.
    const usable = publishableWeeks(rows, [0, WEEK, 2 * WEEK, 3 * WEEK], 3);
    expect(usable.rows).toHaveLength(30_000);
    expect(usable.people).toBe(3_000);
    expect(usable.mostInAWeek).toBe(3_000);
  }, 2_000);
});
