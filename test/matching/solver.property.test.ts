import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchingFlow, type SolverEdge, solveMatching } from '../../src/features/matching/solver';

/** Mentors with a 1:1 hub and maybe a group hub, random limits, small weights full of ties. */
const graph = fc
  .record({
    mentors: fc.array(
      fc.record({
        limit: fc.integer({ min: 0, max: 4 }),
        one: fc.integer({ min: 0, max: 3 }),
        group: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    menteeCount: fc.integer({ min: 1, max: 10 }),
  })
  .chain(({ mentors, menteeCount }) => {
    const hubs = mentors.flatMap((m, i) => [
      { mentor: i, capacity: m.one },
      ...(m.group === undefined ? [] : [{ mentor: i, capacity: m.group }]),
    ]);
    return fc.record({
      mentorLimit: fc.constant(mentors.map((m) => m.limit)),
      hubs: fc.constant(hubs),
      menteeCount: fc.constant(menteeCount),
      edges: fc.uniqueArray(
        fc.record({
          hub: fc.integer({ min: 0, max: hubs.length - 1 }),
          mentee: fc.integer({ min: 0, max: menteeCount - 1 }),
          weight: fc.integer({ min: 1, max: 6 }),
        }),
        { selector: (e) => `${e.hub}:${e.mentee}`, maxLength: 40 },
      ),
      // Which edges come first, and in how many batches the rest arrive.
      split: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
    });
  });

describe('MatchingFlow, solved again after edges are added', () => {
  it('ends where a fresh solve on all edges ends, with duals every edge respects', () => {
    fc.assert(
      fc.property(graph, ({ mentorLimit, hubs, menteeCount, edges, split }) => {
        // Scores, as the round gives them: small integers, many equal.
        const all: SolverEdge[] = edges;
        const batches: SolverEdge[][] = [[], [], [], []];
        all.forEach((e, k) => {
          batches[split[k] ?? 0]?.push(e);
        });
        const flow = new MatchingFlow({ mentorLimit, hubs, menteeCount, edges: batches[0] ?? [] });
        let result = flow.solve();
        const added = [...(batches[0] ?? [])];
        for (const batch of batches.slice(1)) {
          flow.addEdges(batch);
          added.push(...batch);
          result = flow.solve();
        }
        const fresh = solveMatching({ mentorLimit, hubs, menteeCount, edges: added });
        expect(result.total).toBe(fresh.total);
        // The certificate the optimality check reads: w ≤ π(hub) + y(mentee) on every edge
        // left unchosen, w ≥ on the chosen ones (their reverse arcs); y ≥ 0 for a matched
        // mentee, ≤ 0 for one left out.
        const chosen = new Set(result.chosen);
        const matched = new Set<number>();
        added.forEach((e, k) => {
          const slack =
            (result.hubDual[e.hub] ?? 0) + (result.menteeDual[e.mentee] ?? 0) - e.weight;
          if (chosen.has(k)) {
            expect(slack).toBeLessThanOrEqual(0);
            matched.add(e.mentee);
          } else expect(slack).toBeGreaterThanOrEqual(0);
        });
        for (let j = 0; j < menteeCount; j++) {
          if (matched.has(j)) expect(result.menteeDual[j]).toBeGreaterThanOrEqual(0);
          else expect(result.menteeDual[j]).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
