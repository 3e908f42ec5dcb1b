/**
 * The matching benchmark judges Tandem by its own full-graph reference, so the reference
 * itself must be right: checked here against brute force, the dense Hungarian and the
 * 41-mentee star case, and the streaming greedy against sorting every pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hungarian, streamingGreedy } from '../../bench/match-baselines';
import { fullGraphOptimum, type ScoreMatrix, scoreMatrix } from '../../bench/match-exact';
import { FAMILIES, star } from '../../bench/match-families';
import { compile, fastScore, ruleOut } from '../../src/features/matching/compiled';
import type { MatchRules } from '../../src/features/matching/score';

const rules: MatchRules = { sameDepartment: false, history: new Set() };

/** Every way to give each mentee one mentor or none, within capacities. */
function bruteForce(m: ScoreMatrix, capacity: number[]): number {
  const left = [...capacity];
  const go = (j: number): number => {
    if (j === m.mentees) return 0;
    let best = go(j + 1);
    for (let i = 0; i < m.mentors; i++) {
      const s = m.score[j * m.mentors + i] ?? 0;
      if (s === 0 || (left[i] ?? 0) === 0) continue;
      left[i] = (left[i] ?? 0) - 1;
      best = Math.max(best, s + go(j + 1));
      left[i] = (left[i] ?? 0) + 1;
    }
    return best;
  };
  return go(0);
}

describe('the benchmark reference', () => {
  it('finds the brute-force optimum on small random score matrices, ties and gaps included', () => {
    const instance = fc
      .record({ mentors: fc.integer({ min: 1, max: 4 }), mentees: fc.integer({ min: 1, max: 6 }) })
      .chain(({ mentors, mentees }) =>
        fc.record({
          mentors: fc.constant(mentors),
          mentees: fc.constant(mentees),
          // Few distinct values, so ties and zero (ineligible) cells are common.
          score: fc.array(fc.constantFrom(0, 0, 4, 10, 10, 19, 23), {
            minLength: mentors * mentees,
            maxLength: mentors * mentees,
          }),
          capacity: fc.array(fc.integer({ min: 1, max: 3 }), {
            minLength: mentors,
            maxLength: mentors,
          }),
        }),
      );
    fc.assert(
      fc.property(instance, ({ mentors, mentees, score, capacity }) => {
        const m = { mentors, mentees, score: Int16Array.from(score) };
        expect(fullGraphOptimum(m, capacity).total).toBe(bruteForce(m, capacity));
      }),
      { numRuns: 400 },
    );
  });

  it('matches all 41 mentees in the star case, as the Hungarian method does', () => {
    const s = star();
    const best = fullGraphOptimum(
      scoreMatrix(s, rules),
      s.mentors.map((m) => m.capacity),
    );
    expect(best.pairs).toBe(41);
    expect(hungarian(s, rules).total).toBe(best.total);
  });

  it('agrees with the Hungarian method on every family at 200 volunteers', () => {
    for (const build of Object.values(FAMILIES)) {
      const s = build(200);
      const best = fullGraphOptimum(
        scoreMatrix(s, rules),
        s.mentors.map((m) => m.capacity),
      );
      expect(hungarian(s, rules).total).toBe(best.total);
    }
  });

  it('streams the same greedy round as sorting every pair', () => {
    for (const build of Object.values(FAMILIES)) {
      const s = build(300);
      const c = compile(s.mentors, s.mentees);
      const pairs: { i: number; j: number; s: number }[] = [];
      s.mentors.forEach((_, i) => {
        s.mentees.forEach((_, j) => {
          if (ruleOut(c, i, j, rules, undefined) === '')
            pairs.push({ i, j, s: fastScore(c, i, j) });
        });
      });
      pairs.sort((a, b) => b.s - a.s);
      const left = s.mentors.map((m) => m.capacity);
      const taken = new Set<number>();
      let total = 0;
      for (const p of pairs) {
        if (taken.has(p.j) || (left[p.i] ?? 0) === 0) continue;
        left[p.i] = (left[p.i] ?? 0) - 1;
        taken.add(p.j);
        total += p.s;
      }
      expect(streamingGreedy(s, rules).total).toBe(total);
    }
  });
});
