import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuctionFlow, auctionSolves } from '../../src/features/matching/auction';
import {
  EdgeList,
  MatchingFlow,
  type SolverEdge,
  type SolverInput,
  solveMatching,
} from '../../src/features/matching/solver';

/**
 * Mentors with a 1:1 hub and maybe a group hub, random limits, weights up to `maxWeight`.
 * `fewLater`: most edges come first and the later batches hold one or two each, as the
 * optimality check's last rounds add them (the auction merges those into its orders).
 */
const graphWith = (maxWeight: number, fewLater = false) =>
  fc
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
            weight: fc.integer({ min: 1, max: maxWeight }),
          }),
          { selector: (e) => `${e.hub}:${e.mentee}`, maxLength: 40 },
        ),
        // Which edges come first, and in how many batches the rest arrive.
        split: fc.array(
          fewLater
            ? fc.oneof(
                { arbitrary: fc.constant(0), weight: 14 },
                { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 },
              )
            : fc.integer({ min: 0, max: 3 }),
          { minLength: 40, maxLength: 40 },
        ),
      });
    });

/** Scores, as the round gives them: small integers, many equal. */
const graph = graphWith(6);

describe('MatchingFlow, solved again after edges are added', () => {
  it('ends where a fresh solve on all edges ends, with duals every edge respects', () => {
    expectWarmEqualsFresh(graph, 1500);
  });

  it('stays exact when distances outgrow the queue buckets', () => {
    // Weights this large give reduced costs past the buckets, so the heap side is used too.
    expectWarmEqualsFresh(graphWith(20_000), 300, { bruteForce: true });
  });
});

describe('AuctionFlow (the places bid), solved again after edges are added', () => {
  it('ends at the primal–dual optimum, with duals every edge respects', () => {
    expectWarmEqualsFresh(graph, 1500, { solver: 'auction' });
  });

  it('stays exact with large weights (scaled by the number of nodes)', () => {
    expectWarmEqualsFresh(graphWith(20_000), 300, { bruteForce: true, solver: 'auction' });
  });

  it('stays exact when a few edges at a time join many', () => {
    // Many runs: a wrong order of a mentee's edges shows only when a reverse step reads it.
    expectWarmEqualsFresh(graphWith(6, true), 20_000, { solver: 'auction' });
    expectWarmEqualsFresh(graphWith(20_000, true), 300, { bruteForce: true, solver: 'auction' });
  });
});

/** A solver input with its edges as a plain list, for the checks below. */
type PlainInput = Omit<SolverInput, 'edges'> & { edges: readonly SolverEdge[] };

/** The best total by trying every choice: each mentee takes one of its edges, or none. */
function bestByTrying(input: PlainInput): number {
  const { mentorLimit, hubs, menteeCount, edges } = input;
  const byMentee = Array.from({ length: menteeCount }, () => [] as SolverEdge[]);
  for (const e of edges) byMentee[e.mentee]?.push(e);
  const hubLoad = new Int32Array(hubs.length);
  const mentorLoad = new Int32Array(mentorLimit.length);
  let best = 0;
  const choose = (j: number, total: number): void => {
    if (j === menteeCount) {
      best = Math.max(best, total);
      return;
    }
    choose(j + 1, total);
    for (const e of byMentee[j] ?? []) {
      const hub = hubs[e.hub];
      if (!hub) continue;
      if ((hubLoad[e.hub] ?? 0) >= hub.capacity) continue;
      if ((mentorLoad[hub.mentor] ?? 0) >= (mentorLimit[hub.mentor] ?? 0)) continue;
      hubLoad[e.hub] = (hubLoad[e.hub] ?? 0) + 1;
      mentorLoad[hub.mentor] = (mentorLoad[hub.mentor] ?? 0) + 1;
      choose(j + 1, total + e.weight);
      hubLoad[e.hub] = (hubLoad[e.hub] ?? 0) - 1;
      mentorLoad[hub.mentor] = (mentorLoad[hub.mentor] ?? 0) - 1;
    }
  };
  choose(0, 0);
  return best;
}

/** How many choices `bestByTrying` walks through. */
function choices({ menteeCount, edges }: PlainInput): number {
  const degree = new Array<number>(menteeCount).fill(1);
  for (const e of edges) degree[e.mentee] = (degree[e.mentee] ?? 1) + 1;
  return degree.reduce((a, b) => a * b, 1);
}

function expectWarmEqualsFresh(
  arbitrary: typeof graph,
  numRuns: number,
  options: { bruteForce?: boolean; solver?: 'auction' } = {},
): void {
  fc.assert(
    fc.property(arbitrary, ({ mentorLimit, hubs, menteeCount, edges, split }) => {
      // The auction takes only mentors whose limit does not bind across two hubs.
      if (options.solver === 'auction') fc.pre(auctionSolves({ mentorLimit, hubs }));
      const all: SolverEdge[] = edges;
      const batches: SolverEdge[][] = [[], [], [], []];
      all.forEach((e, k) => {
        batches[split[k] ?? 0]?.push(e);
      });
      const network = { mentorLimit, hubs, menteeCount, edges: EdgeList.of(batches[0] ?? []) };
      const flow =
        options.solver === 'auction' ? new AuctionFlow(network) : new MatchingFlow(network);
      let result = flow.solve();
      const added = [...(batches[0] ?? [])];
      for (const batch of batches.slice(1)) {
        // Half the batches as the round adds them: the tail of a list that holds the others too.
        if (batch.length % 2 === 0) flow.addEdges(EdgeList.of(batch));
        else {
          const list = EdgeList.of(added);
          for (const e of batch) list.push(e.hub, e.mentee, e.weight);
          flow.addEdges(list, added.length);
        }
        added.push(...batch);
        result = flow.solve();
      }
      const fresh = solveMatching({ mentorLimit, hubs, menteeCount, edges: EdgeList.of(added) });
      expect(result.total).toBe(fresh.total);
      const input = { mentorLimit, hubs, menteeCount, edges: added };
      if (options.bruteForce && choices(input) <= 50_000)
        expect(result.total).toBe(bestByTrying(input));
      // The certificate the optimality check reads: w ≤ π(hub) + y(mentee) on every edge
      // left unchosen, w ≥ on the chosen ones (their reverse arcs); y ≥ 0 for a matched
      // mentee, ≤ 0 for one left out.
      const chosen = new Set(result.chosen);
      const matched = new Set<number>();
      added.forEach((e, k) => {
        const slack = (result.hubDual[e.hub] ?? 0) + (result.menteeDual[e.mentee] ?? 0) - e.weight;
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
    { numRuns },
  );
}
