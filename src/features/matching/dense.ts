import { type Compiled, popcount, type Side, spread, timeZonePenalty } from './compiled';
import { keepBest, type MentorHubs, PRICED_PER_MENTEE, pairGain, TIE_SLACK } from './pricing';
import { type MatchRules, WEIGHTS } from './score';

/**
 * Rounds up to this many (mentor, mentee) pairs score every pair into one flat table
 * instead of walking the topic index (mentor-index.ts): at a few thousand volunteers a
 * straight loop over typed arrays is cheaper than the index's bounds, and the optimality
 * check then prices left-out pairs from the same table without scoring them again.
 * 4 M pairs are 16 MB of scores; larger rounds take the index, whose memory grows with n.
 */
export const DENSE_PAIRS_MAX = 1 << 22;

/** How far a mentor got with anyone (see `MentorReason` in round.ts). */
export const WANTED = 1;
export const SENIOR = 2;
export const FITS = 3;

// The weights as plain numbers, for the loop below (see `WEIGHTS`).
const TOPIC = WEIGHTS.topic;
const INTEREST = WEIGHTS.interest;
const INTEREST_CAP = WEIGHTS.interestCap;
const FORMAT = WEIGHTS.format;

/** Every pair's score, and what the round needs to explain who is left out. */
export interface DenseScores {
  /** Score of mentor i and mentee j at `j * mentors + i`; 0 when the pair is not eligible. */
  score: Int32Array;
  mentors: number;
  /** Per mentee, its best `k` mentors (`bestOf`) at `j * k`, heaviest first, and how many. */
  listI: Int32Array;
  listW: Int32Array;
  listSize: Int32Array;
  /** Per mentee, every mentor who fits, heaviest first, made when the check first needs it (`sortedRow`). */
  sorted: SortedRows;
  /** Per mentee: 0 nobody shares a topic, 1 only the grade rule stands in the way, 2 other rules do, 3 someone fits. */
  menteeReach: Uint8Array;
  /** Per mentor: 0, `WANTED`, `SENIOR` or `FITS`. */
  mentorReach: Int8Array;
  /** The largest score in the table. */
  top: number;
}

/**
 * Scores every pair with the hard rules applied (the same rules and the same numbers as
 * `ruleOut` and `fastScore`, inlined: this loop runs once per pair). `selfOf[j]` is the
 * mentor index of mentee j's own entry (role "both"), or −1.
 */
export function scoreAll(
  c: Compiled,
  rules: MatchRules,
  history: Map<number, Set<number>> | undefined,
  selfOf: Int32Array,
  k: number,
): DenseScores {
  const m = c.mentors;
  const e = c.mentees;
  const P = m.count;
  const N = e.count;
  const tw = c.topicWords;
  const iw = c.interestWords;
  const score = new Int32Array(P * N);
  const menteeReach = new Uint8Array(N);
  const mentorReach = new Int8Array(P);
  const barred = new Uint8Array(P);
  const past = new Int32Array(P);
  // No department is −1: with the rule off, nobody's department matches.
  const checkDepartment = !rules.sameDepartment;
  const userId = m.userId;
  // Mentors' UTC offsets, each distinct one once: few, whatever the number of people.
  const zoneIds = new Map<number, number>();
  const zoneOf = Int32Array.from(m.utcOffset, (offset) => {
    let z = zoneIds.get(offset);
    if (z === undefined) {
      z = zoneIds.size;
      zoneIds.set(offset, z);
    }
    return z;
  });
  const zones = [...zoneIds.keys()];
  const penalty = new Int32Array(zones.length);
  let top = 0;
  // Scores are small integers: the most one pair can score, for counting them.
  const most = tw * 32 * TOPIC + INTEREST_CAP * INTEREST + 3 * FORMAT;
  const counts = new Int32Array(most + 1);
  const listI = new Int32Array(N * k);
  const listW = new Int32Array(N * k);
  const listSize = new Int32Array(N);
  // Mentors most senior first: a row lists them so, and among those who score the same a
  // list takes the most senior the grade rule allows first (as the index's scan does: the
  // most junior, whom everyone may take, are left for those who can take no one else).
  const seniorFirst = Int32Array.from({ length: P }, (_, i) => i).sort(
    (a, b) => (m.grade[b] ?? 0) - (m.grade[a] ?? 0) || a - b,
  );
  const ranked = rankMentors(m, tw, iw, seniorFirst, zoneOf);
  const rank = new Int32Array(P);
  seniorFirst.forEach((i, n) => {
    rank[i] = n;
  });
  /** `mentorReach` by rank (most senior first), copied back at the end. */
  const reachByRank = new Int8Array(P);
  /** Ranks whose reach is still 0, as bits; and the mentors sharing a topic with a row's mentee. */
  const unreached = new Uint32Array(ranked.words).fill(0xffffffff);
  const shared = new Uint32Array(ranked.words);
  const ties = new Int32Array(P);
  /** The mentors who fit the mentee of the row, and (at `P`) how many. */
  const fits = new Int32Array(P + 1);
  for (let j = 0; j < N; j++) {
    const gradeJ = e.grade[j] ?? 0;
    const formatsJ = e.formats[j] ?? 0;
    const departmentJ = checkDepartment ? (e.department[j] ?? 0) : -1;
    // The time-zone penalty per distinct mentor offset, for this mentee.
    const offsetJ = e.utcOffset[j] ?? 0;
    for (let z = 0; z < zones.length; z++) penalty[z] = timeZonePenalty(zones[z] ?? 0, offsetJ);
    const self = selfOf[j] ?? -1;
    const selfRank = self >= 0 ? (rank[self] ?? -1) : -1;
    // Pairs that met or declined before, as a mark per mentor (by rank) for this mentee's row.
    // (A counted typed array, not a list walked by for…of: a walk over a list that is
    // always empty has no type feedback, and the engine threw this function's compiled
    // code away at every mentee.)
    let pastCount = 0;
    if (history) {
      const menteeId = e.userId[j] ?? 0;
      for (let i = 0; i < P; i++) {
        if (history.get(userId[i] ?? 0)?.has(menteeId)) {
          const n = rank[i] ?? 0;
          barred[n] = 1;
          past[pastCount++] = n;
        }
      }
    }
    const row = j * P;
    const packed = scoreRow(
      ranked,
      tw,
      iw,
      e.learn,
      e.interests,
      j,
      gradeJ,
      formatsJ,
      departmentJ,
      penalty,
      selfRank,
      barred,
      reachByRank,
      unreached,
      shared,
      score,
      row,
      counts,
      fits,
    );
    const reach = packed & 3;
    const rowTop = packed >> 2;
    if (rowTop > top) top = rowTop;
    // The row is still in the cache: pick the list now.
    listSize[j] = bestOf(
      score,
      row,
      fits,
      fits[P] ?? 0,
      rowTop,
      k,
      spread(e.userId[j] ?? 0),
      counts,
      listI,
      listW,
      j * k,
      m.grade,
      ties,
    );
    menteeReach[j] = reach;
    for (let k = 0; k < pastCount; k++) barred[past[k] ?? 0] = 0;
  }
  for (let n = 0; n < P; n++) mentorReach[seniorFirst[n] ?? 0] = reachByRank[n] ?? 0;
  return {
    score,
    mentors: P,
    listI,
    listW,
    listSize,
    sorted: {
      order: seniorFirst,
      most,
      mentors: new Int32Array(Math.max(16, P * 8)),
      start: new Int32Array(N).fill(-1),
      end: new Int32Array(N),
      used: 0,
    },
    menteeReach,
    mentorReach,
    top,
  };
}

/** The mentors' data in rank order (most senior first), so a row reads it front to back. */
interface Ranked {
  count: number;
  /** Rank → mentor index. */
  mentor: Int32Array;
  teach: Uint32Array;
  interests: Uint32Array;
  grade: Int32Array;
  formats: Int32Array;
  department: Int32Array;
  zone: Int32Array;
  /** Words per bit set over ranks. */
  words: number;
  /** Per topic, a bit set of the ranks of the mentors who teach it (`words` words each). */
  byTopic: Uint32Array;
}

function rankMentors(
  m: Side,
  tw: number,
  iw: number,
  seniorFirst: Int32Array,
  zoneOf: Int32Array,
): Ranked {
  const P = m.count;
  const r: Ranked = {
    count: P,
    mentor: seniorFirst,
    teach: new Uint32Array(P * tw),
    interests: new Uint32Array(P * iw),
    grade: new Int32Array(P),
    formats: new Int32Array(P),
    department: new Int32Array(P),
    zone: new Int32Array(P),
    words: (P + 31) >>> 5,
    byTopic: new Uint32Array(tw * 32 * ((P + 31) >>> 5)),
  };
  for (let n = 0; n < P; n++) {
    const i = seniorFirst[n] ?? 0;
    r.teach.set(m.teach.subarray(i * tw, i * tw + tw), n * tw);
    r.interests.set(m.interests.subarray(i * iw, i * iw + iw), n * iw);
    r.grade[n] = m.grade[i] ?? 0;
    r.formats[n] = m.formats[i] ?? 0;
    r.department[n] = m.department[i] ?? 0;
    r.zone[n] = zoneOf[i] ?? 0;
    for (let t = 0; t < tw * 32; t++)
      if ((((m.teach[i * tw + (t >>> 5)] ?? 0) >>> (t & 31)) & 1) === 1)
        r.byTopic[t * r.words + (n >>> 5)] =
          ((r.byTopic[t * r.words + (n >>> 5)] ?? 0) | (1 << (n & 31))) >>> 0;
  }
  return r;
}

/**
 * Scores mentee j against every mentor into `score[row …]` and counts the scores; marks how
 * far each mentor got (`reachOf`, by rank; `unreached` holds the ranks still at 0). Returns
 * the row's top score × 4 + how far the mentee got (0–3). Only the mentors who share a topic
 * with the mentee are looked at — the bits of `shared`, the union of the mentee's topics' bit
 * sets — most senior first, so those the grade rule rules out for this mentee are a first
 * stretch, marked wanted and not scored. A function of its own, called per mentee, so the
 * engine compiles it whole with the types it saw.
 */
function scoreRow(
  m: Ranked,
  tw: number,
  iw: number,
  learnJ: Uint32Array,
  interestsJ: Uint32Array,
  j: number,
  gradeJ: number,
  formatsJ: number,
  departmentJ: number,
  penalty: Int32Array,
  self: number,
  barred: Uint8Array,
  reachOf: Int8Array,
  unreached: Uint32Array,
  shared: Uint32Array,
  score: Int32Array,
  row: number,
  counts: Int32Array,
  fits: Int32Array,
): number {
  const { teach, grade, formats, department, interests, zone, mentor, words, byTopic } = m;
  const P = m.count;
  shared.fill(0);
  for (let w = 0; w < tw; w++) {
    let topics = learnJ[j * tw + w] as number;
    while (topics !== 0) {
      const low = topics & -topics;
      topics ^= low;
      const t = (w << 5) + 31 - Math.clz32(low);
      for (let k = 0, at = t * words; k < words; k++)
        shared[k] = (shared[k] as number) | (byTopic[at + k] as number);
    }
  }
  if (self >= 0) shared[self >>> 5] = (shared[self >>> 5] as number) & ~(1 << (self & 31));
  // The first rank below the mentee's grade.
  let below = 0;
  for (let hi = P; below < hi; ) {
    const mid = (below + hi) >>> 1;
    if ((grade[mid] as number) >= gradeJ) below = mid + 1;
    else hi = mid;
  }
  let reach = 0;
  // At the mentee's grade or above: wanted, no more.
  for (let w = 0; w < words && w << 5 < below; w++) {
    const inside = below - (w << 5) >= 32 ? -1 : (1 << (below - (w << 5))) - 1;
    const wanted = (shared[w] as number) & inside;
    if (wanted === 0) continue;
    reach = 1;
    let bits = wanted & (unreached[w] as number);
    unreached[w] = (unreached[w] as number) & ~bits;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const n = (w << 5) + 31 - Math.clz32(low);
      if ((reachOf[n] as number) < WANTED) reachOf[n] = WANTED;
    }
  }
  const learn0 = learnJ[j * tw] as number;
  const interests0 = interestsJ[j * iw] as number;
  let rowTop = 0;
  let eligible = 0;
  for (let w = below >>> 5; w < words; w++) {
    let bits = (shared[w] as number) & (w === below >>> 5 ? ~((1 << (below & 31)) - 1) : -1);
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const n = (w << 5) + 31 - Math.clz32(low);
      const both = (formats[n] as number) & formatsJ;
      if (both === 0 || (department[n] as number) === departmentJ || barred[n] === 1) {
        if ((reachOf[n] as number) < SENIOR) reachOf[n] = SENIOR;
        if (reach < 2) reach = 2;
        continue;
      }
      reachOf[n] = FITS;
      reach = 3;
      let topics = popcount((teach[n * tw] as number) & learn0);
      for (let v = 1; v < tw; v++)
        topics += popcount((teach[n * tw + v] as number) & (learnJ[j * tw + v] as number));
      let common = popcount((interests[n * iw] as number) & interests0);
      for (let v = 1; v < iw; v++)
        common += popcount((interests[n * iw + v] as number) & (interestsJ[j * iw + v] as number));
      const s =
        topics * TOPIC +
        Math.min(common, INTEREST_CAP) * INTEREST +
        (popcount(both) - 1) * FORMAT -
        (penalty[zone[n] as number] as number);
      if (s <= 0) continue;
      const i = mentor[n] as number;
      score[row + i] = s;
      fits[eligible++] = i;
      counts[s] = (counts[s] as number) + 1;
      if (s > rowTop) rowTop = s;
    }
  }
  fits[P] = eligible;
  return rowTop * 4 + reach;
}

/**
 * The best `k` of the row's mentors who fit (`fits[0 … eligible)`, which `scoreRow` listed,
 * so that the row is not read again whole) into `outI` / `outW` from `out`, heaviest first;
 * returns how many. By a
 * count of scores (they are small integers), not a sort: the lightest score that makes the
 * list, then everyone above it and, from a place set by a hash of the mentee's id, as many
 * at it as fit — so mentors who score the same land on different mentees' lists, not the
 * first few on every list.
 */
export function bestOf(
  score: Int32Array,
  row: number,
  fits: Int32Array,
  eligible: number,
  top: number,
  k: number,
  rotate: number,
  counts: Int32Array,
  outI: Int32Array,
  outW: Int32Array,
  out: number,
  grade: Int32Array,
  ties: Int32Array,
): number {
  // `counts` holds the row's scores counted (and is left zeroed).
  if (eligible === 0) {
    counts.fill(0, 0, top + 1);
    return 0;
  }
  // The lightest score on the list, and how many at it make the list.
  let cut = top;
  let above = 0;
  while (cut > 0 && above + (counts[cut] ?? 0) < k) above += counts[cut--] ?? 0;
  const atCut = cut > 0 ? k - above : 0;
  const size = cut > 0 ? k : above;
  // Places per score, heaviest first (a counting sort of the list).
  let at = 0;
  for (let s = top; s > cut; s--) {
    const c = counts[s] ?? 0;
    counts[s] = at;
    at += c;
  }
  // Everyone above the cut; those at it aside, in the row's order (most senior first).
  let tied = 0;
  for (let r = 0; r < eligible; r++) {
    const i = fits[r] as number;
    const s = score[row + i] as number;
    if (s < cut) continue;
    if (s === cut) {
      ties[tied++] = i;
      continue;
    }
    const place = counts[s] ?? 0;
    counts[s] = place + 1;
    outI[out + place] = i;
    outW[out + place] = s;
  }
  // Of those at the cut, whole grades while they fit, then part of the next one, from a
  // place set by the mentee's hash: mentors who score the same at the same grade land on
  // different mentees' lists, not the first few on every list.
  let taken = 0;
  for (let from = 0; from < tied && taken < atCut; ) {
    let to = from + 1;
    while (to < tied && grade[ties[to] as number] === grade[ties[from] as number]) to += 1;
    const run = to - from;
    const take = Math.min(run, atCut - taken);
    const start = take === run ? 0 : rotate % run;
    for (let r = 0; r < take; r++) {
      const at = r + start < run ? r + start : r + start - run;
      outI[out + above + taken] = ties[from + at] as number;
      outW[out + above + taken] = cut;
      taken += 1;
    }
    from = to;
  }
  counts.fill(0, 0, top + 1);
  return size;
}

/**
 * Rows of the table sorted heaviest first, each made the first time the check reaches its
 * mentee: most mentees never need one (their list's cutoff already proves them), and
 * sorting every row up front was a tenth of a round at 2 000 volunteers.
 */
export interface SortedRows {
  /** Mentors in the order a row lists those who score the same (most senior first). */
  order: Int32Array;
  /** The largest score there can be. */
  most: number;
  mentors: Int32Array;
  /** Per mentee, where its row starts in `mentors` (−1: not made yet) and ends. */
  start: Int32Array;
  end: Int32Array;
  used: number;
}

/** Sorts mentee j's row (a counting sort: scores are small integers) unless it already is. */
function sortedRow(d: DenseScores, j: number, counts: Int32Array): void {
  const rows = d.sorted;
  if ((rows.start[j] ?? -1) >= 0) return;
  const { score, mentors: P } = d;
  const { order } = rows;
  const row = j * P;
  let eligible = 0;
  let top = 0;
  for (let n = 0; n < P; n++) {
    const s = score[row + (order[n] as number)] as number;
    if (s <= 0) continue;
    counts[s] = (counts[s] as number) + 1;
    eligible += 1;
    if (s > top) top = s;
  }
  if (rows.used + eligible > rows.mentors.length) {
    const grown = new Int32Array(Math.max(2 * rows.mentors.length, rows.used + eligible));
    grown.set(rows.mentors.subarray(0, rows.used));
    rows.mentors = grown;
  }
  let at = rows.used;
  for (let s = top; s > 0; s--) {
    const c = counts[s] as number;
    counts[s] = at;
    at += c;
  }
  const out = rows.mentors;
  for (let n = 0; n < P; n++) {
    const i = order[n] as number;
    const s = score[row + i] as number;
    if (s <= 0) continue;
    const to = counts[s] as number;
    out[to] = i;
    counts[s] = to + 1;
  }
  counts.fill(0, 0, top + 1);
  rows.start[j] = rows.used;
  rows.end[j] = rows.used + eligible;
  rows.used += eligible;
}

/** What `priceDense` reads besides the scores: the round's hubs, duals and lists. */
export interface DensePricing {
  compiled: Compiled;
  hubs: readonly { mentor: number }[];
  mentorHubs: MentorHubs;
  /** 1 for each pair (at `j * mentors + i`) already in the candidate graph. */
  inGraph: Uint8Array;
  /** Per mentee, the largest weight a left-out pair can have (−∞: nothing left out). */
  cutoff: Float64Array;
  order: Int32Array;
  hubDual: Float64Array;
  menteeDual: Float64Array;
}

/**
 * `priceLeftOut` (pricing.ts, where the proof is) over the table: every left-out eligible
 * pair is priced against the duals, none is skipped by a bound, and the answer is the same
 * kind — per mentee the `PRICED_PER_MENTEE` pairs that gain the most, equal gains by a hash
 * of both ids — so an empty answer proves the round optimal over all eligible pairs. It adds
 * them as they come, not through `spreadOffers`: a pass here is cheap, and at 2 000
 * volunteers spreading saved no solve (favourites took longer, the rest the same).
 */
export function priceDense(d: DenseScores, input: DensePricing): [number, number, number][] {
  const { compiled, hubs, mentorHubs, inGraph, cutoff, order } = input;
  const { hubDual, menteeDual } = input;
  const P = d.mentors;
  const { score } = d;
  const counts = new Int32Array(d.sorted.most + 1);
  const N = compiled.mentees.count;
  // Per mentor, the smallest dual among its hubs: a pair gains at most w − p(i) − y.
  const p = new Float64Array(P).fill(Number.POSITIVE_INFINITY);
  hubs.forEach((h, k) => {
    p[h.mentor] = Math.min(p[h.mentor] ?? 0, hubDual[k] ?? 0);
  });
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < P; i++) lowest = Math.min(lowest, p[i] ?? 0);
  const mentorId = compiled.mentors.userId;
  const found: [number, number, number][] = [];
  const gains: number[] = [];
  const finds: [number, number, number][] = [];
  for (let at = 0; at < N; at++) {
    const j = order[at] ?? 0;
    const cut = cutoff[j] ?? Number.NEGATIVE_INFINITY;
    if (cut === Number.NEGATIVE_INFINITY) continue;
    const y = menteeDual[j] ?? 0;
    if (cut - y <= lowest) continue;
    const formatsJ = compiled.mentees.formats[j] ?? 0;
    const rotate = spread(compiled.mentees.userId[j] ?? 0);
    const row = j * P;
    gains.length = 0;
    finds.length = 0;
    /** A pair gaining at most this (before its tie-break) cannot enter the finds. */
    let bar = 0;
    sortedRow(d, j, counts);
    const sorted = d.sorted.mentors;
    const last = d.sorted.end[j] ?? 0;
    for (let at = d.sorted.start[j] ?? 0; at < last; at++) {
      const i = sorted[at] ?? 0;
      const w = score[row + i] ?? 0;
      // Heaviest first: once no mentor's dual lets a pair gain, none further on does.
      if (w - lowest - y <= bar) break;
      if (w - (p[i] ?? 0) - y <= bar || inGraph[row + i] === 1) continue;
      let gain = pairGain(mentorHubs, hubDual, i, formatsJ, w, y);
      if (gain <= bar) continue;
      gain += TIE_SLACK * (spread((mentorId[i] ?? 0) ^ rotate) / 4294967296);
      if (finds.length === PRICED_PER_MENTEE && gain <= (gains[gains.length - 1] ?? 0)) continue;
      keepBest(gains, finds, gain, [i, j, w]);
      if (finds.length === PRICED_PER_MENTEE) bar = (gains[gains.length - 1] ?? 0) - TIE_SLACK;
    }
    for (const f of finds) found.push(f);
  }
  return found;
}
