import { AuctionFlow, fitsAuction } from './auction';
import {
  compile,
  extraScore,
  extraUpperBound,
  GROUP_FORMAT_BIT,
  historyIndex,
  ruleOut,
  ruleOutSharing,
  spread,
  timeZonePenalty,
} from './compiled';
import { DENSE_PAIRS_MAX, priceDense, scoreAll } from './dense';
import { GROUP_SIZE_MAX } from './limits';
import {
  groupsSharingTopics,
  indexMentors,
  offsetSlot,
  sharedExtraBound,
  zonesNearestFirst,
} from './mentor-index';
import { type MentorHubs, menteesWanting, priceLeftOut, recheck } from './pricing';
import {
  historyKey,
  type MatchRules,
  type MentorSide,
  type Score,
  score,
  type Volunteer,
  WEIGHTS,
} from './score';
import { EdgeList, MatchingFlow } from './solver';

/**
 * Candidate mentors kept per mentee, for speed. They are not trusted to hold the optimum:
 * every round proves it over all eligible pairs (pricing.ts) and adds what they missed.
 */
export const CANDIDATES_PER_MENTEE = 40;
/**
 * The same with the table (dense.ts), where the check prices left-out pairs cheaply: a
 * smaller graph to solve, for a few more pairs added. Measured at 2 000 volunteers (CPU
 * time per round against 40): product −35 %, grade-traps −25 %, time-zones and
 * skewed-capacity −10 to −15 %, zipf −10 %, favourites and ties about the same; 12 was no
 * better than 20.
 */
export const CANDIDATES_PER_MENTEE_DENSE = 20;
export { GROUP_SIZE_MAX };

export interface Match {
  mentor: MentorSide;
  mentee: Volunteer;
  score: Score;
  /** Met as part of the mentor's group rather than one-on-one. */
  group: boolean;
}

/**
 * Why a mentee got no proposal. In reverse mentoring the mentor is the junior one (mentor
 * grade < mentee grade), so a mentee needs someone of a LOWER grade who teaches their topics.
 */
export type MenteeReason =
  | 'no_topic_teacher' // nobody teaches what they want to learn
  | 'no_junior' // everyone who teaches it is at their grade or above
  | 'no_fit' // candidates exist, but formats, departments or history rule them out
  | 'capacity_full'; // suitable mentors all went to closer matches

/** Why a mentor got no proposal: they need someone of a HIGHER grade who wants their topics. */
export type MentorReason =
  | 'no_demand' // nobody wants what they teach
  | 'no_senior' // only colleagues at their grade or below want it
  | 'no_fit' // seniors want it, but formats, departments or history rule them out
  | 'capacity_full'; // suitable mentees all went to closer matches

export type UnmatchedReason = MenteeReason | MentorReason;

export type Unmatched = { volunteer: Volunteer } & (
  | { side: 'mentee'; reason: MenteeReason }
  | { side: 'mentor'; reason: MentorReason }
);

export interface RoundPlan {
  matches: Match[];
  unmatched: Unmatched[];
  /** Sum of the chosen pairs' scores: the largest any pairing of eligible pairs reaches. */
  total: number;
  /** The optimality check: pairs it added to the candidate lists, and solves it took. */
  proof: { added: number; solves: number };
}

/**
 * How a round finds its candidate pairs and prices the rest: every pair scored into one
 * table (dense.ts), or the topic index (mentor-index.ts); 'auto' takes the table up to
 * `DENSE_PAIRS_MAX` pairs. Both give the optimum; tests run both.
 */
export type RoundScan = 'auto' | 'dense' | 'index';

/**
 * Plans a matching round: candidate pairs (each mentee's `listSize` best, by default
 * `CANDIDATES_PER_MENTEE_DENSE` with the table and `CANDIDATES_PER_MENTEE` with the topic
 * index: see `RoundScan`), hard rules, scores, the exact maximum-total b-matching on those,
 * then the check that proves it optimal over all eligible pairs (adding pairs and solving
 * again until it does). Same input → same output.
 */
export function planRound(
  mentors: MentorSide[],
  mentees: Volunteer[],
  rules: MatchRules,
  listSize?: number,
  scan: RoundScan = 'auto',
): RoundPlan {
  const compiled = compile(mentors, mentees);
  const pastPairs = historyIndex(rules);

  // Hubs: every mentor has a 1:1 hub; those who run groups also have a group hub.
  const hubs: { mentor: number; capacity: number; group: boolean }[] = [];
  const hubOf = mentors.map((m, i) => {
    const individual = hubs.push({ mentor: i, capacity: m.capacity, group: false }) - 1;
    const group = m.formats.has('group')
      ? hubs.push({ mentor: i, capacity: m.groupCapacity ?? GROUP_SIZE_MAX, group: true }) - 1
      : undefined;
    return { individual, group };
  });
  // What the pool says is left; a fresh mentor has the larger of a 1:1 load and a group.
  const limit = mentors.map(
    (m) => m.limit ?? (m.formats.has('group') ? Math.max(m.capacity, GROUP_SIZE_MAX) : m.capacity),
  );

  const edges = new EdgeList();
  const menteeReasons = new Map<number, MenteeReason>();
  const mentorHasCandidate = new Uint8Array(mentors.length);
  // How far each mentor got with anyone: wanted at all, past the grade rule, past every rule.
  const mentorReach = new Int8Array(mentors.length);
  const WANTED = 1;
  const SENIOR = 2;
  const FITS = 3;
  /** Mentees whose scan stopped early: not every mentor who shares a topic was looked at. */
  const skipped = new Uint8Array(mentees.length);
  const bestI: number[] = [];
  const bestW: number[] = [];
  const menteeFormats = compiled.mentees.formats;
  const mentorFormats = compiled.mentors.formats;
  const dense =
    scan === 'dense' || (scan === 'auto' && mentors.length * mentees.length <= DENSE_PAIRS_MAX);
  const candidatesPerMentee =
    listSize ?? (dense ? CANDIDATES_PER_MENTEE_DENSE : CANDIDATES_PER_MENTEE);
  /** With the table: 1 for each pair (at `j * mentors + i`) in the candidate graph. */
  const inGraph = new Uint8Array(dense ? mentors.length * mentees.length : 0);
  // A 1:1 hub takes a mentee who shares a format besides the group; a group hub, one who chose groups.
  const mentorHubs: MentorHubs = {
    solo: Int32Array.from(hubOf, (h) => h.individual),
    group: Int32Array.from(hubOf, (h) => h.group ?? -1),
    formats: Int32Array.from(hubs, (h) =>
      h.group ? GROUP_FORMAT_BIT : (mentorFormats[h.mentor] ?? 0) & ~GROUP_FORMAT_BIT,
    ),
  };
  const addPair = (i: number, j: number, w: number) => {
    mentorHasCandidate[i] = 1;
    if (dense) inGraph[j * mentors.length + i] = 1;
    const fj = menteeFormats[j] ?? 0;
    const solo = mentorHubs.solo[i] ?? 0;
    if ((fj & (mentorHubs.formats[solo] ?? 0)) !== 0) edges.push(solo, j, w);
    const group = mentorHubs.group[i] ?? -1;
    if (group >= 0 && (fj & GROUP_FORMAT_BIT) !== 0) edges.push(group, j, w);
  };
  const cutoff = new Float64Array(mentees.length).fill(Number.NEGATIVE_INFINITY);
  // The table needs no index (an empty one keeps the code below the same).
  const index = indexMentors(dense ? compile([], []) : compiled);
  const { zoneOffset, zoneStart, classGrade, classTop, classStart, members, extra, extraRunEnd } =
    index;
  const scratch = {
    stamp: new Int32Array(index.groupCount).fill(-1),
    count: new Int32Array(index.groupCount),
  };
  const sharedGroups: number[] = [];
  const sharedTopics: number[] = [];
  /** Classes, zones and groups the grade rule ruled out for some mentee: everyone in them is wanted by someone. */
  const classWanted = new Uint8Array(classGrade.length);
  const { zoneJunior, groupJunior, groupZones } = index;
  const { classInterests, classFormats, zoneInterests, zoneFormats } = index;
  const zoneWanted = new Uint8Array(zoneOffset.length);
  const groupWanted = new Uint8Array(index.groupCount);
  const zoneSize = (z: number) =>
    (classStart[zoneStart[z + 1] ?? 0] ?? 0) - (classStart[zoneStart[z] ?? 0] ?? 0);
  const membersOfGroup = (g: number) =>
    (classStart[zoneStart[groupZones[g + 1] ?? 0] ?? 0] ?? 0) -
    (classStart[zoneStart[groupZones[g] ?? 0] ?? 0] ?? 0);
  const mentorOfUser = new Map<number, number>();
  mentors.forEach((m, i) => {
    mentorOfUser.set(m.userId, i);
  });
  // Mentees in an order set by a hash of their ids: the solver takes pairs that score the
  // same in the order it was given them, so no one wins or loses every tie for having
  // volunteered early or late, and the same people still get the same round.
  const menteeOrder = Int32Array.from(mentees, (_, j) => j).sort(
    (a, b) =>
      spread(compiled.mentees.userId[a] ?? 0) - spread(compiled.mentees.userId[b] ?? 0) || a - b,
  );
  const table = dense
    ? scoreAll(
        compiled,
        rules,
        pastPairs,
        Int32Array.from(mentees, (e) => mentorOfUser.get(e.userId) ?? -1),
        candidatesPerMentee,
      )
    : undefined;
  if (table) {
    // Every pair is scored: each mentee's best few go on its list, the rest wait for the check.
    mentorReach.set(table.mentorReach);
    const menteeReason: (MenteeReason | undefined)[] = ['no_topic_teacher', 'no_junior', 'no_fit'];
    const { listI, listW, listSize } = table;
    for (const j of menteeOrder) {
      const reason = menteeReason[table.menteeReach[j] ?? 0];
      if (reason) {
        menteeReasons.set(j, reason);
        continue;
      }
      const size = listSize[j] ?? 0;
      const at = j * candidatesPerMentee;
      if (size === candidatesPerMentee) cutoff[j] = listW[at + size - 1] ?? 0;
      for (let k = at; k < at + size; k++) addPair(listI[k] ?? 0, j, listW[k] ?? 0);
    }
  } else
    menteeOrder.forEach((j) => {
      const mentee = mentees[j];
      if (!mentee) return;
      bestI.length = 0;
      bestW.length = 0;
      let candidates = 0;
      let onlyGrade = true;
      const self = mentorOfUser.get(mentee.userId);
      const selfClass = self === undefined ? -1 : (index.classOf[self] ?? -1);
      const selfZone = self === undefined ? -1 : (index.zoneOf[self] ?? -1);
      const selfGroup = self === undefined ? -1 : (index.groupOf[self] ?? -1);
      const grade = compiled.mentees.grade[j] ?? 0;
      const offsetJ = compiled.mentees.utcOffset[j] ?? 0;
      const slotJ = offsetSlot(index, offsetJ);
      const extraJ = extraUpperBound(compiled, compiled.mentees, j);
      const rotate = spread(mentee.userId);
      /** Whether the list is full and holds nothing a pair bounded by `bound` could beat. */
      const settled = (bound: number) =>
        bestW.length === candidatesPerMentee && (bestW[bestW.length - 1] ?? 0) >= bound;
      groupsSharingTopics(index, compiled, j, scratch, sharedGroups, sharedTopics);
      // Groups by shared topics, most first: a pair's score is mostly its shared topics, so the
      // scan stops once nothing left can beat the list's last entry; the optimality check
      // covers what it skipped, by that bound.
      for (let g = 0; g < sharedGroups.length; g++) {
        const topics = (sharedTopics[g] ?? 0) * WEIGHTS.topic;
        if (settled(topics + extraJ)) {
          skipped[j] = 1;
          break;
        }
        const group = sharedGroups[g] ?? 0;
        // A whole group (or zone) at the mentee's grade or above: wanted, but no candidate.
        if ((groupJunior[group] ?? 0) >= grade && group !== selfGroup) {
          candidates += membersOfGroup(group);
          groupWanted[group] = 1;
          continue;
        }
        for (const z of zonesNearestFirst(index, group, offsetJ, slotJ)) {
          const base = topics - timeZonePenalty(zoneOffset[z] ?? 0, offsetJ);
          // Zones come nearest first: once one cannot beat the list, no farther one can.
          if (settled(base + extraJ)) {
            skipped[j] = 1;
            break;
          }
          // What the zone has in common with the mentee bounds it as a whole (but not the
          // farther zones: it is not the same for them).
          if (settled(base + sharedExtraBound(compiled, zoneInterests, zoneFormats, z, j))) {
            skipped[j] = 1;
            continue;
          }
          if ((zoneJunior[z] ?? 0) >= grade && z !== selfZone) {
            candidates += zoneSize(z);
            zoneWanted[z] = 1;
            continue;
          }
          classes: for (let k = zoneStart[z] ?? 0; k < (zoneStart[z + 1] ?? 0); k++) {
            const first = classStart[k] ?? 0;
            const last = classStart[k + 1] ?? first;
            if ((classGrade[k] ?? 0) >= grade) {
              // Everyone here is at the mentee's grade or above (the mentee's own entry as a
              // mentor, for role "both", is no candidate at all).
              if (k !== selfClass) {
                candidates += last - first;
                classWanted[k] = 1;
              } else {
                candidates += last - first - 1;
                for (let at = first; at < last; at++) {
                  const i = members[at] ?? 0;
                  if (i !== self && (mentorReach[i] ?? 0) < WANTED) mentorReach[i] = WANTED;
                }
              }
              continue;
            }
            // What the class has in common with the mentee bounds it as a whole: most
            // classes share no interest with a given mentee, and are passed over unscored.
            const shared = sharedExtraBound(compiled, classInterests, classFormats, k, j);
            if (settled(base + Math.min(classTop[k] ?? 0, shared))) {
              skipped[j] = 1;
              continue;
            }
            // Runs of members with the same bound; each mentee starts a run at its own place,
            // so mentors who score the same land on different lists, not the first on every list.
            for (let from = first; from < last; ) {
              const end = extraRunEnd[from] ?? last;
              const bound = base + Math.min(extra[from] ?? 0, extraJ);
              const size = end - from;
              const offset = size === 1 ? 0 : rotate % size;
              for (let r = 0; r < size; r++) {
                if (settled(bound)) {
                  skipped[j] = 1;
                  continue classes;
                }
                const at = r + offset;
                const i = members[from + (at < size ? at : at - size)] ?? 0;
                // The class is below the mentee's grade and its group shares a topic: only
                // the other rules are left to check, and the score is `base` plus what
                // interests and formats add (the scan's cost is mostly this, per pair).
                const why = ruleOutSharing(compiled, i, j, rules, pastPairs);
                // Teaching what you want to learn (role "both") is nobody else teaching it, nor wanting it.
                if (why === 'self') continue;
                candidates += 1;
                const reach = why ? SENIOR : FITS;
                if ((mentorReach[i] ?? 0) < reach) mentorReach[i] = reach;
                if (why) {
                  onlyGrade = false;
                  continue;
                }
                const s = base + extraScore(compiled, i, j);
                if (s <= 0) continue;
                const w = s;
                // Keep the best few, in descending order (a small insertion sort).
                if (bestW.length === candidatesPerMentee && w <= (bestW[bestW.length - 1] ?? 0))
                  continue;
                let k2 = bestW.length < candidatesPerMentee ? bestW.length : bestW.length - 1;
                while (k2 > 0 && (bestW[k2 - 1] ?? 0) < w) {
                  bestW[k2] = bestW[k2 - 1] ?? 0;
                  bestI[k2] = bestI[k2 - 1] ?? 0;
                  k2 -= 1;
                }
                bestW[k2] = w;
                bestI[k2] = i;
              }
              from = end;
            }
          }
        }
      }
      if (candidates === 0) {
        menteeReasons.set(j, 'no_topic_teacher');
        return;
      }
      if (bestW.length === 0) {
        menteeReasons.set(j, onlyGrade ? 'no_junior' : 'no_fit');
        return;
      }
      // A full list may have left pairs out, none heavier than its last one.
      if (bestW.length === candidatesPerMentee) cutoff[j] = bestW[bestW.length - 1] ?? 0;
      for (let k = 0; k < bestW.length; k++) addPair(bestI[k] ?? 0, j, bestW[k] ?? 0);
    });
  members.forEach((i) => {
    if (
      (mentorReach[i] ?? 0) < WANTED &&
      (classWanted[index.classOf[i] ?? 0] ||
        zoneWanted[index.zoneOf[i] ?? 0] ||
        groupWanted[index.groupOf[i] ?? 0])
    )
      mentorReach[i] = WANTED;
  });
  const network = { mentorLimit: limit, hubs, menteeCount: mentees.length, edges };
  // The auction where it fits and is quicker (see `fitsAuction`); the primal–dual method
  // otherwise.
  const flow = fitsAuction(network) ? new AuctionFlow(network) : new MatchingFlow(network);
  let result = flow.solve();
  const proof = { added: 0, solves: 1 };
  const pricing = {
    compiled,
    rules,
    pastPairs,
    hubs,
    mentorHubs,
    edges,
    cutoff,
    index,
    mentorRoom: limit,
  };
  const wanting = table ? undefined : menteesWanting(compiled, cutoff);
  // The first look covers every mentee; later ones only those the last solve could have
  // changed the answer for (see `recheck`).
  let only: Uint8Array | undefined;
  for (;;) {
    const priced = table
      ? {
          pairs: priceDense(table, {
            ...pricing,
            inGraph,
            order: menteeOrder,
            hubDual: result.hubDual,
            menteeDual: result.menteeDual,
          }),
          more: [],
        }
      : priceLeftOut({ ...pricing, result, only, order: menteeOrder });
    const better = priced.pairs;
    if (better.length === 0) break;
    const before = edges.size;
    for (const [i, j, w] of better) addPair(i, j, w);
    proof.added += better.length;
    proof.solves += 1;
    // From where it was: only the mentees the new pairs concern are routed again (or all
    // of them, when they are many: see `RESTART_SHARE` in solver.ts).
    flow.addEdges(edges, before);
    const previous = result;
    result = flow.solve();
    // The table's check looks at every mentee again: it is cheap.
    if (!table && wanting) only = recheck({ ...pricing, result }, previous, priced.more, wanting);
  }

  const matches: Match[] = [];
  const matchedMentees = new Set<number>();
  const matchedMentors = new Set<number>();
  let total = 0;
  for (const k of result.chosen) {
    const j = edges.mentee[k] ?? -1;
    const hub = hubs[edges.hub[k] ?? -1];
    const mentor = hub && mentors[hub.mentor];
    const mentee = mentees[j];
    if (!hub || !mentor || !mentee) continue;
    // Details (which topics, which interests) only for the pairs that are proposed.
    const s = score(mentor, mentee);
    matches.push({ mentor, mentee, score: s, group: hub.group });
    matchedMentees.add(j);
    matchedMentors.add(hub.mentor);
    total += s.total;
  }
  matches.sort((a, b) => a.mentor.userId - b.mentor.userId || a.mentee.userId - b.mentee.userId);
  // A "group" of one is just a pair.
  const groupSize = new Map<number, number>();
  for (const m of matches)
    if (m.group) groupSize.set(m.mentor.userId, (groupSize.get(m.mentor.userId) ?? 0) + 1);
  for (const m of matches)
    if (m.group && (groupSize.get(m.mentor.userId) ?? 0) + (m.mentor.groupMembers ?? 0) < 2)
      m.group = false;

  // Someone matched on one side (role "both") is not "unmatched" on the other.
  const matchedPeople = new Set(matches.flatMap((m) => [m.mentor.userId, m.mentee.userId]));
  const unmatched: Unmatched[] = [];
  mentees.forEach((m, j) => {
    if (matchedMentees.has(j) || matchedPeople.has(m.userId)) return;
    unmatched.push({
      volunteer: m,
      side: 'mentee',
      reason: menteeReasons.get(j) ?? 'capacity_full',
    });
  });
  const mentorReason: Record<number, MentorReason> = {
    0: 'no_demand',
    [WANTED]: 'no_senior',
    [SENIOR]: 'no_fit',
    [FITS]: 'capacity_full',
  };
  // The scans that stopped early skipped some pairs; a mentor left out with no candidate
  // gets them looked at now, to say how far they got.
  let menteesByTopic: Map<string, number[]> | undefined;
  const reachOf = (i: number): number => {
    const mentor = mentors[i];
    if (!mentor || (mentorReach[i] ?? 0) === FITS) return mentorReach[i] ?? 0;
    if (!menteesByTopic) {
      menteesByTopic = new Map();
      for (let j = 0; j < mentees.length; j++) {
        if (!skipped[j]) continue;
        for (const topic of mentees[j]?.learn ?? []) {
          const list = menteesByTopic.get(topic) ?? [];
          list.push(j);
          menteesByTopic.set(topic, list);
        }
      }
    }
    for (const topic of mentor.teach) {
      for (const j of menteesByTopic.get(topic) ?? []) {
        const why = ruleOut(compiled, i, j, rules, pastPairs);
        if (why === 'self') continue;
        const reach = why === 'grade' ? WANTED : why ? SENIOR : FITS;
        if ((mentorReach[i] ?? 0) < reach) mentorReach[i] = reach;
        if (reach === FITS) return FITS;
      }
    }
    return mentorReach[i] ?? 0;
  };
  mentors.forEach((m, i) => {
    if (matchedMentors.has(i) || matchedPeople.has(m.userId)) return;
    unmatched.push({
      volunteer: m,
      side: 'mentor',
      reason: mentorHasCandidate[i] ? 'capacity_full' : (mentorReason[reachOf(i)] ?? 'no_demand'),
    });
  });
  return { matches, unmatched, total, proof };
}

export { historyKey };
