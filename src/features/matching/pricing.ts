import {
  type Compiled,
  extraScore,
  extraUpperBound,
  fastScore,
  popcount,
  ruleOut,
  ruleOutSharing,
  spread,
  timeZonePenalty,
} from './compiled';
import {
  forEachBit,
  forEachInterestSet,
  groupsSharingTopics,
  interestIds,
  LISTED_INTERESTS_MAX,
  type MentorIndex,
  offsetSlot,
  zonesNearestFirst,
} from './mentor-index';
import { type MatchRules, WEIGHTS } from './score';
import type { EdgeList, SolverResult } from './solver';

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
 * the one network (the reduced-cost optimality theorem; Ahuja, Magnanti and Orlin, Network
 * Flows, §9.3). Chosen pairs need no test: their arcs are full, and only their reverse arcs
 * (w ≥ π(h) + y(j)) are in the residual network, which the solver already keeps
 * non-negative.
 * A pair with w > π(h) + y(j) could improve the total: it is added and the round solved
 * again, until none is left; each pass adds at least one new pair, so this ends.
 *
 * Bounds, so the check does not score every pair. A mentee's candidate list holds its best
 * K pairs when it is full, so every left-out pair of mentee j weighs at most `cutoff[j]`, its
 * K-th weight (a list that is not full left nothing out). Every eligible pair also shares a
 * topic and obeys the grade rule, and its score is at most (shared topics) × 10 − (the
 * time-zone penalty) + (what interests and formats can add, for the mentee and for the best
 * mentor of the class): the same for a whole class of mentors (same topics, zone and grade;
 * see mentor-index.ts). A pair can only improve if w > π(h) + y(j) ≥ p(i) + y(j), where p(i)
 * is the smallest dual among mentor i's hubs; so in each class only the mentors with
 * p(i) < min(cutoff, class bound) − y(j) need a look (members sorted by p, then by what
 * their own interests and formats can add, which bounds each run of them), and a class, a
 * zone or a group whose bound falls below the smallest p is passed over whole. Only the
 * mentors looked at are scored exactly. Weights and duals are integers (sums of integer
 * scores), so the comparisons are exact in doubles; the tie-break added to a gain is below
 * 1/2, so it orders equal gains only and never makes a pair that cannot improve look as if
 * it could (a pair is kept only when its integer gain is above 0).
 */
export interface PricingInput {
  compiled: Compiled;
  rules: MatchRules;
  pastPairs: Map<number, Set<number>> | undefined;
  /** Hubs of the round, and each mentor's (see `MentorHubs`). */
  hubs: readonly { mentor: number }[];
  mentorHubs: MentorHubs;
  /** The edges the solver was given (pairs already in the candidate graph). */
  edges: EdgeList;
  result: Pick<SolverResult, 'hubDual' | 'menteeDual'>;
  /** Per mentee, the largest weight a left-out pair can have (−∞: nothing left out). */
  cutoff: Float64Array;
  /** The mentors grouped by what bounds their scores. */
  index: MentorIndex;
  /** Only these mentees (1) need a look this pass; all of them when absent (see `recheck`). */
  only?: Uint8Array;
  /** The order to look at mentees in (the pairs found come in it); index order when absent. */
  order?: Int32Array;
  /** Per mentor, how many mentees they can take in all (their limit): see `spreadOffers`. */
  mentorRoom: ArrayLike<number>;
}

/**
 * Each mentor's hubs in flat arrays: the checks read them once per pair they score (an array
 * of hub lists and a closure for the formats were a third of the check's time at favourites
 * 50 000).
 */
export interface MentorHubs {
  /** Per mentor, their 1:1 hub. */
  solo: Int32Array;
  /** Per mentor, their group hub, or −1. */
  group: Int32Array;
  /**
   * Per hub, the formats a mentee must share one of to fit it: a 1:1 hub, the mentor's
   * formats but the group; a group hub, the group.
   */
  formats: Int32Array;
}

/**
 * What a pair of weight w of mentor i and a mentee with formats `fj` and dual y gains over
 * the best hub of i's that fits the mentee: w − π(h) − y, or 0 when none gains.
 */
export function pairGain(
  hubs: MentorHubs,
  hubDual: Float64Array,
  i: number,
  fj: number,
  w: number,
  y: number,
): number {
  let gain = 0;
  const solo = hubs.solo[i] ?? 0;
  if ((fj & (hubs.formats[solo] ?? 0)) !== 0) gain = Math.max(gain, w - (hubDual[solo] ?? 0) - y);
  const group = hubs.group[i] ?? -1;
  if (group >= 0 && (fj & (hubs.formats[group] ?? 0)) !== 0)
    gain = Math.max(gain, w - (hubDual[group] ?? 0) - y);
  return gain;
}

/** The lower of mentor i's hub duals. */
export function lowestDual(hubs: MentorHubs, hubDual: Float64Array, i: number): number {
  const group = hubs.group[i] ?? -1;
  const solo = hubDual[hubs.solo[i] ?? 0] ?? 0;
  return group >= 0 ? Math.min(solo, hubDual[group] ?? 0) : solo;
}

/**
 * Per mentee, the most promising pairs the check adds in one pass. Adding every pair that
 * prices in floods the graph when many mentees share a few favourites (the first duals
 * undervalue everyone else); a few per mentee and another pass converge with a small graph.
 */
export const PRICED_PER_MENTEE = 10;

/**
 * How many improving pairs a mentee's look keeps to choose its `PRICED_PER_MENTEE` from
 * (see `spreadOffers`).
 */
export const PRICED_POOL = 30;

/**
 * Offers a mentor may receive in one pass, per place they have, before their pairs rank
 * lower for the mentees looked at after: a pair's gain counts as gain / (1 + offers /
 * (SPREAD_OFFERS × places)). Only which improving pairs are added depends on it, never
 * whether one is: the proof is the same.
 */
export const SPREAD_OFFERS = 5;

/**
 * Chooses, of a mentee's improving pairs (`finds`, highest gain first, at most
 * `PRICED_POOL`), the `PRICED_PER_MENTEE` to add, and counts them as offers. The duals a
 * pass prices against are those of the last solve, in which the mentors whom nobody's list
 * held look free: every mentee then finds the same few of them and the next solve finds
 * them full, and prices again — a cascade of passes, each a solve over the whole graph
 * (time-zone clusters at 50 000: 6 solves). A mentor already offered to many mentees in this
 * pass is likely to be dear after it, so the later mentees rank their pairs with them lower
 * and spread over more mentors. Measured against adding the 10 highest gains, same run,
 * CPU time of a round (`node --import tsx bench/match-run.ts <family> <n>`): time-zones
 * 50 000 −27 %, grade-traps −7 %, favourites −5 %, zipf −2 %; at 10 000 favourites −22 %,
 * time-zones −10 %. The families it does not help pay for the larger pool (a look that keeps
 * 30 passes over fewer mentors): ties +10 % at 10 000 and +7 % at 50 000, zipf +6 % at
 * 10 000, skewed capacities +5 % at 10 000 and +15 % at 50 000 (one more solve). Returns the
 * chosen pairs; `finds` and `gains` are left as they were.
 */
export function spreadOffers(
  finds: readonly [number, number, number][],
  gains: readonly number[],
  offers: Int32Array,
  room: ArrayLike<number>,
): [number, number, number][] {
  if (finds.length <= PRICED_PER_MENTEE) {
    for (const [i] of finds) offers[i] = (offers[i] ?? 0) + 1;
    return [...finds];
  }
  const rank = finds.map((f, k) => {
    const i = f[0];
    const share = (offers[i] ?? 0) / (SPREAD_OFFERS * Math.max(1, room[i] ?? 1));
    return { k, value: (gains[k] ?? 0) / (1 + share) };
  });
  // Equal values keep the gain order (itself broken by a hash of both ids).
  rank.sort((a, b) => b.value - a.value || a.k - b.k);
  const chosen: [number, number, number][] = [];
  for (const { k } of rank.slice(0, PRICED_PER_MENTEE)) {
    const f = finds[k];
    if (!f) continue;
    chosen.push(f);
    offers[f[0]] = (offers[f[0]] ?? 0) + 1;
  }
  return chosen;
}

/**
 * Equal gains are ordered by a fraction below this, from a hash of both ids, added to the
 * (integer) gain: each mentee then takes its own share of a large set of mentors who gain
 * the same, instead of every mentee the same first few — who would fill at once, leaving
 * the next pass to find the rest (time-zone clusters: 7 solves → 6, ties 3 → 2).
 */
export const TIE_SLACK = 0.5;

/**
 * Puts a pair into a mentee's best-priced list (gains highest first, at most `limit`): the
 * caller has checked it beats the last when the list is full.
 */
export function keepBest(
  gains: number[],
  finds: [number, number, number][],
  gain: number,
  find: [number, number, number],
  limit = PRICED_PER_MENTEE,
): void {
  let k = finds.length < limit ? finds.length : finds.length - 1;
  while (k > 0 && (gains[k - 1] ?? 0) < gain) {
    gains[k] = gains[k - 1] ?? 0;
    finds[k] = finds[k - 1] ?? [0, 0, 0];
    k -= 1;
  }
  gains[k] = gain;
  finds[k] = find;
}

/**
 * Pairs [mentor, mentee, weight] that could raise the total (for each mentee at most
 * `PRICED_PER_MENTEE`: of its `PRICED_POOL` that gain the most, equal gains by a hash of
 * both ids, those `spreadOffers` chooses); empty when the round is optimal.
 */
export interface Priced {
  /** Pairs [mentor, mentee, weight] that could raise the total. */
  pairs: [number, number, number][];
  /** Mentees who had more such pairs than one pass adds. */
  more: number[];
}

export function priceLeftOut(input: PricingInput): Priced {
  // Everything the loops read, taken out of `input` once: the callers build a new `input`
  // for each pass, and a loop that reads its fields sees a new shape each time — the
  // optimised code is thrown away and the rest of the pass runs unoptimised.
  const { compiled, hubs, mentorHubs, edges, result, cutoff, index } = input;
  const { rules, pastPairs, only, order, mentorRoom } = input;
  const P = compiled.mentors.count;
  const N = compiled.mentees.count;
  const { hubDual, menteeDual } = result;

  const p = new Float64Array(P).fill(Number.POSITIVE_INFINITY);
  hubs.forEach((h, k) => {
    p[h.mentor] = Math.min(p[h.mentor] ?? 0, hubDual[k] ?? 0);
  });
  // Each class's members by p, smallest first.
  const { zoneOffset, zoneStart, classGrade, classTop, classStart } = index;
  const byPrice = Int32Array.from(index.members);
  const lowest = new Float64Array(classGrade.length);
  // Among equal p, the largest `extra` first (what interests and formats can add): a run of
  // equal p and extra shares one bound, and a run that cannot beat the finds is passed over.
  const extraOf = new Int32Array(P);
  index.members.forEach((i, at) => {
    extraOf[i] = index.extra[at] ?? 0;
  });
  const byP = (a: number, b: number) => {
    const d = (p[a] ?? 0) - (p[b] ?? 0);
    return d === 0 ? (extraOf[b] ?? 0) - (extraOf[a] ?? 0) || a - b : d < 0 ? -1 : 1;
  };
  // Each class's smallest p now; its members sorted by p only when a mentee looks at it
  // (`sortClass`): a pass that rechecks a few mentees looks at a few classes.
  for (let k = 0; k < classGrade.length; k++) {
    let least = Number.POSITIVE_INFINITY;
    for (let at = classStart[k] ?? 0; at < (classStart[k + 1] ?? 0); at++)
      least = Math.min(least, p[byPrice[at] ?? 0] ?? 0);
    lowest[k] = least;
  }
  let lowestOfAll = Number.POSITIVE_INFINITY;
  for (const v of lowest) lowestOfAll = Math.min(lowestOfAll, v);
  // The same for each zone and group: one comparison passes over all of it.
  const lowestInZone = new Float64Array(zoneStart.length - 1).fill(Number.POSITIVE_INFINITY);
  for (let z = 0; z + 1 < zoneStart.length; z++)
    for (let k = zoneStart[z] ?? 0; k < (zoneStart[z + 1] ?? 0); k++)
      lowestInZone[z] = Math.min(lowestInZone[z] ?? 0, lowest[k] ?? 0);
  const lowestInGroup = new Float64Array(index.groupCount).fill(Number.POSITIVE_INFINITY);
  for (let g = 0; g < index.groupCount; g++)
    for (let z = index.groupZones[g] ?? 0; z < (index.groupZones[g + 1] ?? 0); z++)
      lowestInGroup[g] = Math.min(lowestInGroup[g] ?? 0, lowestInZone[z] ?? 0);
  const { zoneJunior, groupJunior } = index;
  // Where each run of equal p and extra ends, per sorted list (runs never cross a class or a
  // list).
  const runEnds = (list: Int32Array, from: number, to: number, ends: Int32Array) => {
    for (let at = to - 1; at >= from; at--) {
      const a = list[at] ?? 0;
      const b = list[at + 1] ?? 0;
      ends[at] =
        at + 1 < to && p[b] === p[a] && extraOf[b] === extraOf[a] ? (ends[at + 1] ?? to) : at + 1;
    }
  };
  const byPriceEnds = new Int32Array(byPrice.length);
  const classSorted = new Uint8Array(classGrade.length);
  const sortClass = (k: number) => {
    if (classSorted[k]) return;
    classSorted[k] = 1;
    const from = classStart[k] ?? 0;
    const to = classStart[k + 1] ?? 0;
    byPrice.subarray(from, to).sort(byP);
    runEnds(byPrice, from, to, byPriceEnds);
  };
  // The interest lists, each sorted by p in place (one flat array for all of them), also
  // when first looked at.
  const { listStart, listed } = index;
  const listedEnds = new Int32Array(listed.length);
  const listSorted = new Uint8Array(Math.max(0, listStart.length - 1));
  const sortList = (n: number) => {
    if (listSorted[n]) return;
    listSorted[n] = 1;
    const from = listStart[n] ?? 0;
    const to = listStart[n + 1] ?? from;
    listed.subarray(from, to).sort(byP);
    runEnds(listed, from, to, listedEnds);
  };

  // The candidate graph's pairs, by mentee.
  const start = new Int32Array(N + 1);
  const edgeMentee = edges.mentee;
  const edgeHub = edges.hub;
  for (let k = 0; k < edges.size; k++) {
    const j = edgeMentee[k] ?? 0;
    start[j + 1] = (start[j + 1] ?? 0) + 1;
  }
  for (let j = 0; j < N; j++) start[j + 1] = (start[j + 1] ?? 0) + (start[j] ?? 0);
  const fill = start.slice(0, N);
  const inGraph = new Int32Array(edges.size);
  // Each hub's mentor in a typed array: this loop runs over every edge, every pass.
  const mentorOfHub = Int32Array.from(hubs, (h) => h.mentor);
  for (let k = 0; k < edges.size; k++) {
    const j = edgeMentee[k] ?? 0;
    const at = fill[j] ?? 0;
    inGraph[at] = mentorOfHub[edgeHub[k] ?? 0] ?? 0;
    fill[j] = at + 1;
  }

  const stamp = new Int32Array(P).fill(-1);
  /** Per mentor, the pairs with them this pass has added so far. */
  const offers = new Int32Array(P);
  const scratch = {
    stamp: new Int32Array(index.groupCount).fill(-1),
    count: new Int32Array(index.groupCount),
  };
  const groups: number[] = [];
  const shared: number[] = [];
  const ids: number[] = [];
  const setKeys: number[] = [];
  const setSizes: number[] = [];
  const setA: number[] = [];
  const setB: number[] = [];
  const setD: number[] = [];
  const { classPairs } = index;
  const found: [number, number, number][] = [];
  const more: number[] = [];
  // What bounds a pair's score with the mentee looked at, in the zone looked at: shared
  // topics less the time-zone penalty, and what the mentee's interests and formats can add.
  let near = 0;
  let extraJ = 0;
  // This mentee's best finds so far, by gain w − π(h) − y (the most negative reduced cost).
  const gains: number[] = [];
  const finds: [number, number, number][] = [];
  // The mentee looked at and what bounds its finds (see the loop below). The functions that
  // read them are made once, not per mentee: made per mentee, their call sites saw a new
  // function each time (the first check at favourites 50 000: 1.95 → 1.6 s).
  let j = 0;
  let cut = 0;
  let y = 0;
  let rotate = 0;
  let formatsOfJ = 0;
  /** What a find must gain to enter the list of finds: 0 until it is full. */
  let least = 0;
  /** A pair whose gain is at most this, before its tie-break, cannot enter the finds. */
  let bar = 0;
  /** Breaks equal gains by the mentee's own hash of the mentor's id (see `TIE_SLACK`). */
  const tieBreak = (i: number) =>
    TIE_SLACK * (spread((compiled.mentors.userId[i] ?? 0) ^ rotate) / 4294967296);
  const visit = (i: number) => {
    if (stamp[i] === j) return;
    stamp[i] = j;
    // Mentors come from classes below the mentee's grade in groups that share a topic:
    // the other rules are left, and the score is `near` plus interests and formats.
    if (ruleOutSharing(compiled, i, j, rules, pastPairs)) return;
    const w = near + extraScore(compiled, i, j);
    if (w <= 0) return;
    let gain = pairGain(mentorHubs, hubDual, i, formatsOfJ, w, y);
    if (gain <= 0) return;
    gain += tieBreak(i);
    if (finds.length === PRICED_POOL && gain <= (gains[gains.length - 1] ?? 0)) return;
    keepBest(gains, finds, gain, [i, j, w], PRICED_POOL);
    if (finds.length === PRICED_POOL) {
      least = gains[gains.length - 1] ?? 0;
      bar = least - TIE_SLACK;
    }
  };
  /**
   * Looks at the mentors of `list[from … to)` (sorted by p) whose pair may gain more than
   * `bound − p − y` allows: every one with p below `bound − y`, less what the list of finds
   * already holds when it is full.
   */
  const scan = (list: Int32Array, ends: Int32Array, from: number, to: number, bound: number) => {
    const reach = Math.min(cut, bound) - y;
    // Runs of mentors with the same p, cheapest first; each mentee starts a run at its own
    // place. A run is worth a look while its p is below what a find must beat.
    for (let run = from; run < to; ) {
      const price = p[list[run] ?? 0] ?? 0;
      if (price >= reach - bar) return;
      const end = ends[run] ?? to;
      // The run's own extra may bound its pairs below the list's bound: then only this run
      // is passed over (a later one has a higher p but may have a larger extra).
      const top =
        Math.min(reach, near + Math.min(extraOf[list[run] ?? 0] ?? 0, extraJ) - y) - price;
      if (top <= bar) {
        run = end;
        continue;
      }
      const size = end - run;
      const offset = size === 1 ? 0 : rotate % size;
      for (let r = 0; r < size; r++) {
        const at = r + offset;
        const i = list[run + (at < size ? at : at - size)] ?? 0;
        // A tie it would lose anyway is not worth scoring.
        if (top + tieBreak(i) <= least) continue;
        visit(i);
        if (price >= reach - bar) return;
      }
      run = end;
    }
  };
  for (let at = 0; at < N; at++) {
    j = order ? (order[at] ?? 0) : at;
    cut = cutoff[j] ?? Number.NEGATIVE_INFINITY;
    if (cut === Number.NEGATIVE_INFINITY || (only && !only[j])) continue;
    y = menteeDual[j] ?? 0;
    formatsOfJ = compiled.mentees.formats[j] ?? 0;
    // Mentor i can hold an improving pair only if p(i) < cut − y.
    if (cut - y <= lowestOfAll) continue;
    for (let k = start[j] ?? 0; k < (start[j + 1] ?? 0); k++) stamp[inGraph[k] ?? 0] = j;
    least = 0;
    bar = 0;
    gains.length = 0;
    finds.length = 0;
    const grade = compiled.mentees.grade[j] ?? 0;
    const offsetJ = compiled.mentees.utcOffset[j] ?? 0;
    const slotJ = offsetSlot(index, offsetJ);
    extraJ = extraUpperBound(compiled, compiled.mentees, j);
    const formatsJ = Math.max(0, popcount(compiled.mentees.formats[j] ?? 0) - 1) * WEIGHTS.format;
    // The mentee's interest sets, most interests first: the mentors who share the most are
    // looked at first, so the list of finds fills with the best and cuts the rest short.
    interestIds(compiled, compiled.mentees, j, ids);
    const bySets = ids.length <= LISTED_INTERESTS_MAX;
    setKeys.length = 0;
    setSizes.length = 0;
    if (bySets) {
      forEachInterestSet(compiled, ids, (key, size) => {
        setKeys.push(key);
        setSizes.push(size);
      });
      sortBySizeDown(setKeys, setSizes);
      // Each set's interests, smallest first (a, then b and d, or −1), from its key.
      const base = compiled.interestWords * 32 + 1;
      for (let n = 0; n < setKeys.length; n++) {
        let key = setKeys[n] ?? 0;
        const size = setSizes[n] ?? 0;
        const last = (key % base) - 1;
        key = Math.floor(key / base);
        const middle = size === 3 ? (key % base) - 1 : -1;
        if (size === 3) key = Math.floor(key / base);
        const firstId = size === 1 ? last : key - 1;
        setA[n] = firstId;
        setB[n] = size === 1 ? firstId : size === 2 ? last : middle;
        setD[n] = size === 3 ? last : -1;
      }
    }
    // Each mentee starts a run of equal p at its own place (see `spread`), and breaks equal
    // gains by its own hash of the mentor's id (see `tieBreak`).
    rotate = spread(compiled.mentees.userId[j] ?? 0);
    groupsSharingTopics(index, compiled, j, scratch, groups, shared);
    for (let g = 0; g < groups.length; g++) {
      const topics = (shared[g] ?? 0) * WEIGHTS.topic;
      // Groups come most shared topics first: the bounds only fall from here.
      const reach = Math.min(cut, topics + extraJ) - y - bar;
      if (reach <= lowestOfAll) break;
      if (reach <= (lowestInGroup[groups[g] ?? 0] ?? 0)) continue;
      if ((groupJunior[groups[g] ?? 0] ?? 0) >= grade) continue;
      for (const z of zonesNearestFirst(index, groups[g] ?? 0, offsetJ, slotJ)) {
        near = topics - timeZonePenalty(zoneOffset[z] ?? 0, offsetJ);
        // Zones come nearest first: the bound only falls from here.
        const zoneReach = Math.min(cut, near + extraJ) - y - bar;
        if (zoneReach <= lowestOfAll) break;
        if (zoneReach <= (lowestInZone[z] ?? 0) || (zoneJunior[z] ?? 0) >= grade) continue;
        for (let k = zoneStart[z] ?? 0; k < (zoneStart[z + 1] ?? 0); k++) {
          if ((classGrade[k] ?? 0) >= grade) continue;
          // The class's best member bounds what interests and formats add for all of it.
          const top = near + Math.min(classTop[k] ?? 0, extraJ);
          if (Math.min(cut, top) - y - bar <= (lowest[k] ?? 0)) continue;
          const first = classStart[k] ?? 0;
          const last = classStart[k + 1] ?? first;
          sortClass(k);
          if (!bySets) {
            scan(byPrice, byPriceEnds, first, last, top);
            continue;
          }
          // Those who share `size` interests with the mentee score at most `near` plus the
          // interests and every format the mentee has; those who share none, plus the formats.
          for (let n = 0; n < setKeys.length; n++) {
            const size = setSizes[n] ?? 0;
            const bound = near + interestBound(size) + formatsJ;
            // Sets come largest first: once their bound cannot beat the finds, no smaller can.
            if (Math.min(cut, bound) - y - bar <= (lowest[k] ?? 0)) break;
            if (classPairs.length > 0) {
              // No listed member has every pair of the set: it has no list here.
              const a = setA[n] ?? 0;
              const b = setB[n] ?? 0;
              const d = setD[n] ?? -1;
              const row = classPairs[k * 32 + a] ?? 0;
              if (((row >>> b) & 1) === 0) continue;
              if (d >= 0 && ((row >>> d) & ((classPairs[k * 32 + b] ?? 0) >>> d) & 1) === 0)
                continue;
            }
            const list = index.interestLists.get(k, setKeys[n] ?? 0);
            if (list < 0) continue;
            sortList(list);
            scan(listed, listedEnds, listStart[list] ?? 0, listStart[list + 1] ?? 0, bound);
          }
          scan(byPrice, byPriceEnds, first, last, index.unlisted[k] ? top : near + formatsJ);
        }
      }
    }
    for (const f of spreadOffers(finds, gains, offers, mentorRoom)) found.push(f);
    // Pairs left for a later pass: this mentee needs another look then.
    if (finds.length > PRICED_PER_MENTEE) more.push(j);
  }
  return { pairs: found, more };
}

/** What `size` shared interests add to a score, at most. */
function interestBound(size: number): number {
  return WEIGHTS.interest * (size < 3 ? size : Math.max(3, WEIGHTS.interestCap));
}

/** Sorts the keys by their sizes, largest first (sizes are 1 to 3: one sweep per size). */
function sortBySizeDown(keys: number[], sizes: number[]): void {
  const n = keys.length;
  let at = 0;
  for (let size = 3; size >= 1; size--) {
    for (let k = at; k < n; k++) {
      if (sizes[k] !== size) continue;
      // Swap it into place: the sizes left behind are all smaller.
      const key = keys[k] ?? 0;
      keys[k] = keys[at] ?? 0;
      keys[at] = key;
      sizes[k] = sizes[at] ?? 0;
      sizes[at] = size;
      at += 1;
    }
  }
}

/**
 * Which mentees the next pass must look at again, so that it can skip the rest. A pair the
 * last look found unable to improve, w ≤ π(h) + y(j), stays so while neither π(h) nor y(j)
 * falls. So: every mentee whose y fell, every mentee who had more improving pairs than a
 * pass adds, and — for each hub whose π fell — every mentee for whom a pair with that hub's
 * mentor now improves (found by scoring that mentor against the mentees who want what they
 * teach, but for the groups of them and the mentees whose bound rules it out: see
 * `MenteeGroups`). Everyone else's left-out pairs were priced before against duals no higher than
 * today's: still unable to improve. An empty next pass is then a proof, as a full one is.
 */
export function recheck(
  input: Omit<PricingInput, 'only' | 'result'> & { result: SolverResult },
  before: Pick<SolverResult, 'hubDual' | 'menteeDual'>,
  more: readonly number[],
  wanting: MenteeGroups,
): Uint8Array {
  // Taken out of `input` once (see `priceLeftOut`).
  const { compiled, hubs, mentorHubs, result, cutoff, edges, rules, pastPairs } = input;
  const N = compiled.mentees.count;
  const only = new Uint8Array(N);
  for (const j of more) only[j] = 1;
  for (let j = 0; j < N; j++)
    if ((result.menteeDual[j] ?? 0) < (before.menteeDual[j] ?? 0)) only[j] = 1;
  const fell = new Set<number>();
  hubs.forEach((h, k) => {
    if ((result.hubDual[k] ?? 0) < (before.hubDual[k] ?? 0)) fell.add(h.mentor);
  });
  if (fell.size === 0) return only;
  const words = compiled.topicWords;
  const { menteeDual, hubDual } = result;
  const { mentors, mentees } = compiled;
  const G = wanting.groupCount;
  // Per group of mentees, the most any of them can gain over a hub's dual, cutoff − y (a
  // pair left out weighs at most its mentee's cutoff), and its members in runs of the same
  // extra (what their interests and formats can add), each run by y, smallest first: a member
  // gains at most near + min(extra of both) − y over a hub's dual (see below), so in a run,
  // from the first whose y reaches that less the dual, none does.
  const reachOf = new Float64Array(G).fill(Number.NEGATIVE_INFINITY);
  const byY = Int32Array.from(wanting.members);
  const { extraOf } = wanting;
  const byExtraThenY = (a: number, b: number) =>
    (extraOf[b] ?? 0) - (extraOf[a] ?? 0) || (menteeDual[a] ?? 0) - (menteeDual[b] ?? 0) || a - b;
  for (let g = 0; g < G; g++) {
    const from = wanting.start[g] ?? 0;
    const to = wanting.start[g + 1] ?? 0;
    for (let at = from; at < to; at++) {
      const j = byY[at] ?? 0;
      const reach = (cutoff[j] ?? Number.NEGATIVE_INFINITY) - (menteeDual[j] ?? 0);
      if (reach > (reachOf[g] ?? 0)) reachOf[g] = reach;
    }
    byY.subarray(from, to).sort(byExtraThenY);
  }
  // What the loop below reads of each member, in the members' order: it reads them in turn,
  // not by mentee (at favourites 50 000 those look-ups were most of a recheck).
  const yAt = Float64Array.from(byY, (j) => menteeDual[j] ?? 0);
  const reachAt = Float64Array.from(
    byY,
    (j, at) => (cutoff[j] ?? Number.NEGATIVE_INFINITY) - (yAt[at] ?? 0),
  );
  const extraAt = Int32Array.from(byY, (j) => extraOf[j] ?? 0);
  /** Where the run of equal extra that holds each member ends (runs never cross a group). */
  const runEnd = new Int32Array(byY.length);
  for (let g = 0; g < G; g++) {
    const from = wanting.start[g] ?? 0;
    const to = wanting.start[g + 1] ?? 0;
    for (let at = to - 1; at >= from; at--)
      runEnd[at] = at + 1 < to && extraAt[at + 1] === extraAt[at] ? (runEnd[at + 1] ?? to) : at + 1;
  }
  const stamp = new Int32Array(G).fill(-1);
  const matchedTo = new Int32Array(N).fill(-1);
  for (const k of result.chosen) {
    const hub = hubs[edges.hub[k] ?? -1];
    if (hub) matchedTo[edges.mentee[k] ?? 0] = hub.mentor;
  }
  for (const i of fell) {
    // A pair of mentor i gains at most (a bound on its weight) − y − (the lowest of i's hub
    // duals). The weight is at most its mentee's cutoff, and at most the shared topics less
    // the time-zone penalty plus what interests and formats can add, the same for a group
    // of mentees who want the same topics in the same zone: a group is passed over whole,
    // or from the first member whose y is too high (they come by y), and most mentees go
    // unscored. Of the pairs already in the graph only the chosen ones need leaving out:
    // the solver's duals keep every other at w ≤ π(h) + y for each hub it fits, so it
    // never looks as if it could improve (a chosen pair may weigh more).
    const lowest = lowestDual(mentorHubs, hubDual, i);
    const extraI = extraUpperBound(compiled, mentors, i);
    const offsetI = mentors.utcOffset[i] ?? 0;
    forEachBit(mentors.teach, i * words, words, (t) => {
      const groups = wanting.groupsByTopic[t];
      if (!groups) return;
      for (let n = 0; n < groups.length; n++) {
        const g = groups[n] ?? 0;
        if (stamp[g] === i || (reachOf[g] ?? 0) <= lowest) continue;
        stamp[g] = i;
        const from: number = wanting.start[g] ?? 0;
        const to = wanting.start[g + 1] ?? 0;
        const sample = wanting.members[from] ?? 0;
        let topics = 0;
        for (let w = 0; w < words; w++)
          topics += popcount(
            ((mentors.teach[i * words + w] ?? 0) & (mentees.learn[sample * words + w] ?? 0)) >>> 0,
          );
        const near = topics * WEIGHTS.topic - timeZonePenalty(offsetI, wanting.offset[g] ?? 0);
        for (let run = from; run < to; run = runEnd[run] ?? to) {
          // A member of this run gains nothing once y reaches this.
          const limit = near + Math.min(extraI, extraAt[run] ?? 0) - lowest;
          const end = runEnd[run] ?? to;
          for (let at = run; at < end; at++) {
            const y = yAt[at] ?? 0;
            if (y >= limit) break;
            if ((reachAt[at] ?? Number.NEGATIVE_INFINITY) <= lowest) continue;
            const j = byY[at] ?? 0;
            if (only[j] || matchedTo[j] === i) continue;
            const w = fastScore(compiled, i, j);
            if (w <= 0) continue;
            // The rules last: few pairs get this far.
            if (
              pairGain(mentorHubs, hubDual, i, mentees.formats[j] ?? 0, w, y) > 0 &&
              !ruleOut(compiled, i, j, rules, pastPairs)
            )
              only[j] = 1;
          }
        }
      }
    });
  }
  return only;
}

/**
 * The mentees whose lists left pairs out, in groups of those who want the same topics in
 * the same zone (what bounds their scores with a given mentor), for `recheck`.
 */
export interface MenteeGroups {
  groupCount: number;
  /** Group g's members are `members[start[g] … start[g + 1] − 1]`. */
  start: Int32Array;
  members: Int32Array;
  /** Per group, its UTC offset and the largest `extraUpperBound` of its members. */
  offset: Float64Array;
  extra: Int32Array;
  /** Per mentee, `extraUpperBound`. */
  extraOf: Int32Array;
  /** Topic id (its bit in the compiled sets) → the groups that want it. */
  groupsByTopic: Int32Array[];
}

export function menteesWanting(compiled: Compiled, cutoff: Float64Array): MenteeGroups {
  const { mentees, topicWords: words } = compiled;
  const N = mentees.count;
  const extraOf = Int32Array.from({ length: N }, (_, j) => extraUpperBound(compiled, mentees, j));
  const groupOfKey = new Map<string, number>();
  const lists: number[][] = [];
  for (let j = 0; j < N; j++) {
    if ((cutoff[j] ?? Number.NEGATIVE_INFINITY) === Number.NEGATIVE_INFINITY) continue;
    const key = `${mentees.learn.subarray(j * words, (j + 1) * words).join(',')}@${mentees.utcOffset[j] ?? 0}`;
    let g = groupOfKey.get(key);
    if (g === undefined) {
      g = lists.push([]) - 1;
      groupOfKey.set(key, g);
    }
    lists[g]?.push(j);
  }
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, g) => {
    start[g + 1] = (start[g] ?? 0) + list.length;
  });
  const members = Int32Array.from(lists.flat());
  const offset = Float64Array.from(lists, (list) => mentees.utcOffset[list[0] ?? 0] ?? 0);
  const extra = Int32Array.from(lists, (list) =>
    list.reduce((most, j) => Math.max(most, extraOf[j] ?? 0), 0),
  );
  const byTopic: number[][] = Array.from({ length: words * 32 }, () => []);
  lists.forEach((list, g) => {
    forEachBit(mentees.learn, (list[0] ?? 0) * words, words, (t) => byTopic[t]?.push(g));
  });
  return {
    groupCount: lists.length,
    start,
    members,
    offset,
    extra,
    extraOf,
    groupsByTopic: byTopic.map((list) => Int32Array.from(list)),
  };
}
