import { type Compiled, fastScore, ruleOut, spread } from './compiled';
import type { MatchRules } from './score';
import type { SolverResult } from './solver';

/**
 * The optimality check of a round: prices every eligible pair the candidate lists left out
 * against the solver's final duals, and returns the pairs that could raise the total.
 *
 * Why an empty answer proves the round optimal over ALL eligible pairs. The solver finds a
 * minimum-cost flow on the network source→mentor (capacity: the mentor's limit, cost 0),
 * mentor→hub (the hub's capacity, 0), hub→mentee (1, −weight) and source→mentee (1, 0: "not
 * matched"), where every mentee receives exactly one unit. A feasible flow is of minimum
 * cost if and only if some node potentials π make every arc of its residual network
 * non-negative in reduced cost c(u,v) + π(u) − π(v) (the reduced-cost optimality condition;
 * equivalently, no negative cycle). The solver (`MatchingFlow`) keeps exactly such
 * potentials for the arcs it was given — also when pairs are added and it solves again, as
 * it re-routes every mentee a new arc would price below zero — and reports them measured
 * from the source (π(source) = 0): π(h) per hub and y(j) = −π(mentee j).
 *
 * Now add to the network every eligible pair left out, each with zero flow. The current flow
 * stays feasible (nothing it uses changed), and each new arc hub h → mentee j appears in the
 * residual network only forwards, with reduced cost −w + π(h) + y(j). If that is ≥ 0 for
 * every left-out pair, the same potentials certify the same flow as a minimum-cost flow of
 * the FULL network, i.e. a maximum-weight b-matching over all eligible pairs — with the
 * capacities, the group hubs, the mentors' limits across hubs and "not matched" all inside
 * the one network. In LP terms (the constraint matrix is a network matrix, so the LP
 * optimum is integral): the dual of max Σ w·x subject to mentee j ≤ 1, hub h ≤ cap(h),
 * mentor m ≤ limit(m) is min Σ y(j) + Σ cap(h)·z(h) + Σ limit(m)·u(m) subject to
 * y(j) + z(h) + u(m) ≥ w for every eligible edge, all ≥ 0. Take y⁺(j) = max(0, y(j)),
 * u(m) = max(0, π(m)), z(h) = max(0, π(h) − u(m)): then y⁺(j) + z(h) + u(m) ≥ y(j) + π(h),
 * so the test below (w ≤ π(h) + y(j)) makes them feasible, and complementary slackness
 * holds by the residual arcs' signs (u(m) > 0 only on a full mentor, z(h) > 0 only on a full
 * hub, y(j) ≥ 0 for a matched mentee and ≤ 0 for one left unmatched, equality on the
 * chosen edges), so the dual value equals the matching's total.
 * A pair with w > π(h) + y(j) could improve the total: it is added and the round solved
 * again, until none is left; each pass adds at least one new pair, so this ends.
 *
 * Bounds, so the check does not score every pair. A mentee's candidate list holds its best
 * K pairs when it is full, so every left-out pair of mentee j weighs at most `cutoff[j]`, its
 * K-th weight (a list that is not full left nothing out). A pair can only improve if
 * w > π(h) + y(j) ≥ p(i) + y(j), where p(i) is the smallest dual among mentor i's hubs; so
 * mentee j needs a look only if cutoff[j] − y(j) > p(i) for some mentor, and then only at
 * the mentors below that threshold (mentors sorted by p), or at those who teach j's topics
 * when that list is shorter — every eligible pair shares a topic. Only those are scored
 * exactly. Weights and duals are integers (sums of integer weights), so the comparisons are
 * exact in doubles.
 */
export interface PricingInput {
  compiled: Compiled;
  rules: MatchRules;
  pastPairs: Map<number, Set<number>> | undefined;
  /** Hubs of the round, and each mentor's hub indices. */
  hubs: readonly { mentor: number }[];
  hubsOfMentor: readonly (readonly number[])[];
  /** The edges the solver was given (pairs already in the candidate graph). */
  edges: readonly { mentor: number; mentee: number }[];
  result: Pick<SolverResult, 'hubDual' | 'menteeDual'>;
  /** Per mentee, the largest weight a left-out pair can have (−∞: nothing left out). */
  cutoff: Float64Array;
  /** Per mentee, the mentor lists (by topic) of the topics they want to learn. */
  topicMentors: (mentee: number) => readonly (readonly number[])[];
  /** The exact weight of an eligible pair, as the candidate lists weigh it. */
  weight: (mentor: number, mentee: number, score: number) => number;
  /** Whether hub h may take mentee j (its format). */
  hubFits: (hub: number, mentee: number) => boolean;
}

/**
 * Per mentee, the most promising pairs the check adds in one pass. Adding every pair that
 * prices in floods the graph when many mentees share a few favourites (the first duals
 * undervalue everyone else); a few per mentee and another pass converge with a small graph.
 */
export const PRICED_PER_MENTEE = 10;

/**
 * Pairs [mentor, mentee, weight] that could raise the total (for each mentee, the
 * `PRICED_PER_MENTEE` that gain the most); empty when the round is optimal.
 */
export function priceLeftOut(input: PricingInput): [number, number, number][] {
  const { compiled, hubs, hubsOfMentor, edges, result, cutoff } = input;
  const P = compiled.mentors.count;
  const N = compiled.mentees.count;
  const { hubDual, menteeDual } = result;

  const p = new Float64Array(P).fill(Number.POSITIVE_INFINITY);
  hubs.forEach((h, k) => {
    p[h.mentor] = Math.min(p[h.mentor] ?? 0, hubDual[k] ?? 0);
  });
  const order = Int32Array.from({ length: P }, (_, i) => i).sort((a, b) => {
    const d = (p[a] ?? 0) - (p[b] ?? 0);
    return d === 0 ? a - b : d < 0 ? -1 : 1;
  });
  const sortedP = Float64Array.from(order, (i) => p[i] ?? 0);
  const below = (t: number) => {
    let lo = 0;
    let hi = P;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sortedP[mid] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // The candidate graph's pairs, by mentee.
  const start = new Int32Array(N + 1);
  for (const e of edges) start[e.mentee + 1] = (start[e.mentee + 1] ?? 0) + 1;
  for (let j = 0; j < N; j++) start[j + 1] = (start[j + 1] ?? 0) + (start[j] ?? 0);
  const fill = start.slice(0, N);
  const inGraph = new Int32Array(edges.length);
  for (const e of edges) {
    const at = fill[e.mentee] ?? 0;
    inGraph[at] = e.mentor;
    fill[e.mentee] = at + 1;
  }

  const stamp = new Int32Array(P).fill(-1);
  const found: [number, number, number][] = [];
  // This mentee's best finds so far, by gain w − π(h) − y (the most negative reduced cost).
  const gains: number[] = [];
  const finds: [number, number, number][] = [];
  for (let j = 0; j < N; j++) {
    const cut = cutoff[j] ?? Number.NEGATIVE_INFINITY;
    if (cut === Number.NEGATIVE_INFINITY) continue;
    const y = menteeDual[j] ?? 0;
    // Mentor i can hold an improving pair only if p(i) < cut − y.
    const threshold = cut - y;
    const count = below(threshold);
    if (count === 0) continue;
    for (let k = start[j] ?? 0; k < (start[j + 1] ?? 0); k++) stamp[inGraph[k] ?? 0] = j;
    const visit = (i: number) => {
      if (stamp[i] === j || (p[i] ?? 0) >= threshold) return;
      stamp[i] = j;
      if (ruleOut(compiled, i, j, input.rules, input.pastPairs)) return;
      const s = fastScore(compiled, i, j);
      if (s <= 0) return;
      const w = input.weight(i, j, s);
      let gain = 0;
      for (const h of hubsOfMentor[i] ?? []) {
        const g = w - (hubDual[h] ?? 0) - y;
        if (g > gain && input.hubFits(h, j)) gain = g;
      }
      if (gain <= 0) return;
      if (finds.length === PRICED_PER_MENTEE && gain <= (gains[gains.length - 1] ?? 0)) return;
      let k = finds.length < PRICED_PER_MENTEE ? finds.length : finds.length - 1;
      while (k > 0 && (gains[k - 1] ?? 0) < gain) {
        gains[k] = gains[k - 1] ?? 0;
        finds[k] = finds[k - 1] ?? [0, 0, 0];
        k -= 1;
      }
      gains[k] = gain;
      finds[k] = [i, j, w];
    };
    gains.length = 0;
    finds.length = 0;
    const lists = input.topicMentors(j);
    let listed = 0;
    for (const list of lists) listed += list.length;
    // Equal gains keep the first found: each mentee starts at its own place (see `spread`).
    const offset = spread(compiled.mentees.userId[j] ?? 0);
    if (count <= listed) {
      for (let k = 0; k < count; k++) visit(order[(k + offset) % count] ?? 0);
    } else {
      for (const list of lists)
        for (let k = 0; k < list.length; k++) visit(list[(k + offset) % list.length] ?? 0);
    }
    for (const f of finds) found.push(f);
  }
  return found;
}
