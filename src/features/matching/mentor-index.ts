import { type Compiled, extraUpperBound, popcount, type Side } from './compiled';
import { WEIGHTS } from './score';

/**
 * Mentors grouped by what bounds their score with any mentee, so a round can pass over
 * whole groups of them instead of scoring pair after pair (at 10 000 volunteers a mentee
 * shares a topic with thousands of mentors).
 *
 * A group is everyone who teaches the same set of topics: for mentee j they all share the
 * same number of topics with j. A group's zones hold its mentors by UTC offset: the same
 * time-zone penalty for j. A zone's classes hold them by grade: the grade rule takes a whole
 * class in or out. Within a class, what interests and formats can add (`extra`) bounds each
 * member. Flat typed arrays, as the round walks them for every mentee.
 */
export interface MentorIndex {
  groupCount: number;
  /** Topic id (its bit in the compiled sets) → the groups that teach it. */
  groupsByTopic: Int32Array[];
  /** Group g's zones are `groupZones[g] … groupZones[g + 1] − 1`, west to east. */
  groupZones: Int32Array;
  zoneOffset: Float64Array;
  /** Zone z's classes are `zoneStart[z] … zoneStart[z + 1] − 1`, highest grade first. */
  zoneStart: Int32Array;
  classGrade: Int32Array;
  /** The largest `extra` in the class. */
  classTop: Int32Array;
  /**
   * Per class, every interest its members have (`interestWords` words) and every format: a
   * mentee shares no more with any member than with these, which bounds a whole class by
   * what it has in common with that mentee, not only by what its best member could add.
   */
  classInterests: Uint32Array;
  classFormats: Int32Array;
  /** The same per zone. */
  zoneInterests: Uint32Array;
  zoneFormats: Int32Array;
  /** Class k's members are `members[classStart[k] … classStart[k + 1] − 1]`. */
  classStart: Int32Array;
  /** Mentor indices, class by class; in a class the largest `extra` first, index order among equals. */
  members: Int32Array;
  /** `extra` of the mentor at the same position of `members`. */
  extra: Int32Array;
  /** Per position of `members`, where its run of equal `extra` (within its class) ends. */
  extraRunEnd: Int32Array;
  /** Each mentor's class, zone and group. */
  classOf: Int32Array;
  zoneOf: Int32Array;
  groupOf: Int32Array;
  /** The most junior grade in each zone and group: the grade rule can pass over the rest. */
  zoneJunior: Int32Array;
  groupJunior: Int32Array;
  /**
   * Per class, per set of up to `WEIGHTS.interestCap` interests (its key, see
   * `forEachInterestSet`), the number of the list of members who have all of them: a
   * mentee's shared interests find the mentors that share them without scanning the rest.
   * Members with more than `LISTED_INTERESTS_MAX` interests are left out of these lists, and
   * their class marked in `unlisted`.
   */
  interestLists: ClassSetLists;
  /**
   * List n holds `listed[listStart[n] … listStart[n + 1] − 1]` (mentor indices). The
   * optimality check re-sorts each list by price in place on every pass.
   */
  listStart: Int32Array;
  listed: Int32Array;
  unlisted: Uint8Array;
  /**
   * When interests fit one word: per class, 32 words, word a holding bit b (a ≤ b) when a
   * listed member has interests a and b. A set of interests has a list in the class only if
   * every pair of it is here, which the check tests before it looks the set up (most sets
   * of a mentee have no list in most classes). Empty otherwise.
   */
  classPairs: Uint32Array;
  /**
   * Per mentee UTC offset (its slot, `offsetSlot`), per group, the group's zones nearest
   * first (filled as asked). Arrays, not a map per group: the scans ask once per group per
   * mentee, and the maps' look-ups were a tenth of a check at zipf 50 000.
   */
  nearest: (Int32Array | undefined)[][];
  /** Each mentee UTC offset asked about so far → its slot. */
  offsetSlots: Map<number, number>;
}

export function indexMentors(c: Compiled): MentorIndex {
  const m = c.mentors;
  const words = c.topicWords;
  const extraOf = Int32Array.from({ length: m.count }, (_, i) => extraUpperBound(c, m, i));
  // Sort mentors by group, zone, grade (highest first), extra (largest first), index.
  const groupOfKey = new Map<string, number>();
  const groupOf = new Int32Array(m.count);
  const samples: number[] = [];
  for (let i = 0; i < m.count; i++) {
    const key = m.teach.subarray(i * words, (i + 1) * words).join(',');
    let g = groupOfKey.get(key);
    if (g === undefined) {
      g = samples.push(i) - 1;
      groupOfKey.set(key, g);
    }
    groupOf[i] = g;
  }
  const order = Int32Array.from({ length: m.count }, (_, i) => i).sort(
    (a, b) =>
      (groupOf[a] ?? 0) - (groupOf[b] ?? 0) ||
      (m.utcOffset[a] ?? 0) - (m.utcOffset[b] ?? 0) ||
      (m.grade[b] ?? 0) - (m.grade[a] ?? 0) ||
      (extraOf[b] ?? 0) - (extraOf[a] ?? 0) ||
      a - b,
  );
  const groupZones: number[] = [];
  const zoneOffset: number[] = [];
  const zoneStart: number[] = [];
  const classGrade: number[] = [];
  const classTop: number[] = [];
  const classStart: number[] = [];
  let previous = -1;
  order.forEach((i, at) => {
    const g = groupOf[i] ?? 0;
    const newGroup = previous < 0 || groupOf[previous] !== g;
    const newZone = newGroup || m.utcOffset[previous] !== m.utcOffset[i];
    const newClass = newZone || m.grade[previous] !== m.grade[i];
    if (newGroup) groupZones.push(zoneOffset.length);
    if (newZone) {
      zoneOffset.push(m.utcOffset[i] ?? 0);
      zoneStart.push(classGrade.length);
    }
    if (newClass) {
      classGrade.push(m.grade[i] ?? 0);
      classTop.push(extraOf[i] ?? 0);
      classStart.push(at);
    }
    previous = i;
  });
  groupZones.push(zoneOffset.length);
  zoneStart.push(classGrade.length);
  classStart.push(m.count);
  const groupsByTopic: number[][] = Array.from({ length: words * 32 }, () => []);
  samples.forEach((i, g) => {
    forEachBit(m.teach, i * words, words, (t) => groupsByTopic[t]?.push(g));
  });
  const extra = Int32Array.from(order, (i) => extraOf[i] ?? 0);
  const extraRunEnd = new Int32Array(m.count);
  for (let k = 0; k + 1 < classStart.length; k++) {
    const to = classStart[k + 1] ?? 0;
    for (let at = to - 1; at >= (classStart[k] ?? 0); at--)
      extraRunEnd[at] =
        at + 1 < to && extra[at + 1] === extra[at] ? (extraRunEnd[at + 1] ?? to) : at + 1;
  }
  const classOf = new Int32Array(m.count);
  const zoneOf = new Int32Array(m.count);
  const zoneJunior = new Int32Array(zoneOffset.length).fill(Number.MAX_SAFE_INTEGER);
  for (let z = 0; z < zoneOffset.length; z++)
    for (let k = zoneStart[z] ?? 0; k < (zoneStart[z + 1] ?? 0); k++) {
      zoneJunior[z] = Math.min(zoneJunior[z] ?? 0, classGrade[k] ?? 0);
      for (let at = classStart[k] ?? 0; at < (classStart[k + 1] ?? 0); at++)
        zoneOf[order[at] ?? 0] = z;
    }
  const groupJunior = new Int32Array(samples.length).fill(Number.MAX_SAFE_INTEGER);
  for (let g = 0; g < samples.length; g++)
    for (let z = groupZones[g] ?? 0; z < (groupZones[g + 1] ?? 0); z++)
      groupJunior[g] = Math.min(groupJunior[g] ?? 0, zoneJunior[z] ?? 0);
  const classCount = classGrade.length;
  const iw = c.interestWords;
  const classInterests = new Uint32Array(classCount * iw);
  const classFormats = new Int32Array(classCount);
  for (let k = 0; k < classCount; k++)
    for (let at = classStart[k] ?? 0; at < (classStart[k + 1] ?? 0); at++) {
      const i = order[at] ?? 0;
      classFormats[k] = (classFormats[k] ?? 0) | (m.formats[i] ?? 0);
      for (let w = 0; w < iw; w++)
        classInterests[k * iw + w] =
          ((classInterests[k * iw + w] ?? 0) | (m.interests[i * iw + w] ?? 0)) >>> 0;
    }
  const zoneInterests = new Uint32Array(zoneOffset.length * iw);
  const zoneFormats = new Int32Array(zoneOffset.length);
  for (let z = 0; z < zoneOffset.length; z++)
    for (let k = zoneStart[z] ?? 0; k < (zoneStart[z + 1] ?? 0); k++) {
      zoneFormats[z] = (zoneFormats[z] ?? 0) | (classFormats[k] ?? 0);
      for (let w = 0; w < iw; w++)
        zoneInterests[z * iw + w] =
          ((zoneInterests[z * iw + w] ?? 0) | (classInterests[k * iw + w] ?? 0)) >>> 0;
    }
  const listKeys: number[] = [];
  const listStart: number[] = [0];
  const listed: number[] = [];
  const unlisted = new Uint8Array(classGrade.length);
  const classPairs = new Uint32Array(c.interestWords === 1 ? classGrade.length * 32 : 0);
  const ids: number[] = [];
  for (let k = 0; k + 1 < classStart.length; k++) {
    const lists = new Map<number, number[]>();
    for (let at = classStart[k] ?? 0; at < (classStart[k + 1] ?? 0); at++) {
      const i = order[at] ?? 0;
      classOf[i] = k;
      interestIds(c, m, i, ids);
      if (ids.length > LISTED_INTERESTS_MAX) {
        unlisted[k] = 1;
        continue;
      }
      if (classPairs.length > 0)
        for (let x = 0; x < ids.length; x++)
          for (let z = x; z < ids.length; z++) {
            const at = k * 32 + (ids[x] ?? 0);
            classPairs[at] = ((classPairs[at] ?? 0) | (1 << (ids[z] ?? 0))) >>> 0;
          }
      forEachInterestSet(c, ids, (key) => {
        const list = lists.get(key);
        if (list) list.push(i);
        else lists.set(key, [i]);
      });
    }
    for (const [key, list] of lists) {
      listKeys.push(k, key);
      for (const i of list) listed.push(i);
      listStart.push(listed.length);
    }
  }
  const interestLists = new ClassSetLists(listKeys, classGrade.length);
  return {
    groupCount: samples.length,
    groupsByTopic: groupsByTopic.map((list) => Int32Array.from(list)),
    groupZones: Int32Array.from(groupZones),
    zoneOffset: Float64Array.from(zoneOffset),
    zoneStart: Int32Array.from(zoneStart),
    classGrade: Int32Array.from(classGrade),
    classTop: Int32Array.from(classTop),
    classInterests,
    classFormats,
    zoneInterests,
    zoneFormats,
    classStart: Int32Array.from(classStart),
    members: order,
    extra,
    extraRunEnd,
    classOf,
    zoneOf,
    groupOf,
    zoneJunior,
    groupJunior,
    interestLists,
    listStart: Int32Array.from(listStart),
    listed: Int32Array.from(listed),
    unlisted,
    classPairs,
    nearest: [],
    offsetSlots: new Map(),
  };
}

/**
 * Per (class, set of interests) the number of its list, or −1: a small open-addressing hash
 * table per class, all in typed arrays, each class's in one stretch. The optimality check
 * looks up each of a mentee's interest sets in every class it passes, more than a thousand
 * times per mentee; a `Map` per class made those lookups a third of its time, and one table
 * for every class missed the cache on most of them at 50 000 volunteers.
 */
export class ClassSetLists {
  /** Per class, where its table starts and its size − 1 (−1: the class has no list). */
  readonly #start: Int32Array;
  readonly #mask: Int32Array;
  /** Doubles: a key of three interests among thousands passes 2^31. */
  readonly #keys: Float64Array;
  readonly #lists: Int32Array;

  /** `pairs` holds class, key, class, key, … by class, smallest first; list n is the n-th pair. */
  constructor(pairs: readonly number[], classCount: number) {
    const count = pairs.length >> 1;
    const perClass = new Int32Array(classCount);
    for (let n = 0; n < count; n++) {
      const k = pairs[2 * n] ?? 0;
      perClass[k] = (perClass[k] ?? 0) + 1;
    }
    this.#start = new Int32Array(classCount);
    this.#mask = new Int32Array(classCount).fill(-1);
    let total = 0;
    for (let k = 0; k < classCount; k++) {
      const lists = perClass[k] ?? 0;
      this.#start[k] = total;
      if (lists === 0) continue;
      let size = 2;
      while (size < 2 * lists) size *= 2;
      this.#mask[k] = size - 1;
      total += size;
    }
    this.#keys = new Float64Array(total);
    this.#lists = new Int32Array(total).fill(-1);
    for (let n = 0; n < count; n++) {
      const k = pairs[2 * n] ?? 0;
      const key = pairs[2 * n + 1] ?? 0;
      const start = this.#start[k] ?? 0;
      const mask = this.#mask[k] ?? 0;
      let at = hashKey(key) & mask;
      while ((this.#lists[start + at] ?? -1) >= 0) at = (at + 1) & mask;
      this.#keys[start + at] = key;
      this.#lists[start + at] = n;
    }
  }

  /** The number of class k's list for the set `key` (see `forEachInterestSet`), or −1. */
  get(k: number, key: number): number {
    const mask = this.#mask[k] ?? -1;
    if (mask < 0) return -1;
    const start = this.#start[k] ?? 0;
    const lists = this.#lists;
    for (let at = hashKey(key) & mask; ; at = (at + 1) & mask) {
      const n = lists[start + at] ?? -1;
      if (n < 0 || this.#keys[start + at] === key) return n;
    }
  }
}

/** Mixes a set's key into 32 bits (`key | 0` keeps its low bits, the division its high ones). */
function hashKey(key: number): number {
  const x = Math.imul(key | 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296), 0x85ebca77);
  return x ^ (x >>> 15);
}

/**
 * The most shared interests and formats can add to the score of mentee j with any of the
 * mentors whose interests and formats, all together, are the k-th of `interests` and
 * `formats` (`classInterests` or `zoneInterests` and theirs).
 */
export function sharedExtraBound(
  c: Compiled,
  interests: Uint32Array,
  formats: Int32Array,
  k: number,
  j: number,
): number {
  const words = c.interestWords;
  let shared = 0;
  for (let w = 0; w < words; w++)
    shared += popcount(
      ((interests[k * words + w] ?? 0) & (c.mentees.interests[j * words + w] ?? 0)) >>> 0,
    );
  const common = popcount(((formats[k] ?? 0) & (c.mentees.formats[j] ?? 0)) >>> 0);
  return (
    Math.min(WEIGHTS.interestCap, shared) * WEIGHTS.interest +
    Math.max(0, common - 1) * WEIGHTS.format
  );
}

/** Calls `f` with the index of every set bit of the `words` words from `at`. */
export function forEachBit(
  bits: Uint32Array,
  at: number,
  words: number,
  f: (bit: number) => void,
): void {
  for (let w = 0; w < words; w++) {
    let x = bits[at + w] ?? 0;
    while (x !== 0) {
      const low = x & -x;
      f(w * 32 + 31 - Math.clz32(low));
      x = (x ^ low) >>> 0;
    }
  }
}

/**
 * The groups that share a topic with mentee j, most shared topics first: fills `groups` and
 * `shared` (how many topics each shares), both the same length. `scratch` arrays have the
 * index's group count, `stamp` filled with −1 before the first call.
 */
export function groupsSharingTopics(
  index: MentorIndex,
  c: Compiled,
  j: number,
  scratch: { stamp: Int32Array; count: Int32Array },
  groups: number[],
  shared: number[],
): void {
  const { stamp, count } = scratch;
  const touched: number[] = [];
  let most = 0;
  forEachBit(c.mentees.learn, j * c.topicWords, c.topicWords, (t) => {
    const list = index.groupsByTopic[t];
    if (!list) return;
    for (let k = 0; k < list.length; k++) {
      const g = list[k] ?? 0;
      if (stamp[g] !== j) {
        stamp[g] = j;
        count[g] = 0;
        touched.push(g);
      }
      const n = (count[g] ?? 0) + 1;
      count[g] = n;
      if (n > most) most = n;
    }
  });
  groups.length = 0;
  shared.length = 0;
  // Most shared first, by buckets (a mentee wants a handful of topics).
  for (let n = most; n >= 1; n--) {
    for (const g of touched) {
      if (count[g] !== n) continue;
      groups.push(g);
      shared.push(n);
    }
  }
}

/** The slot of a mentee UTC offset in `nearest` (ask once per mentee, not per group). */
export function offsetSlot(index: MentorIndex, utcOffset: number): number {
  let slot = index.offsetSlots.get(utcOffset);
  if (slot === undefined) {
    slot = index.offsetSlots.size;
    index.offsetSlots.set(utcOffset, slot);
    index.nearest.push(new Array<Int32Array | undefined>(index.groupCount).fill(undefined));
  }
  return slot;
}

/**
 * Group g's zones, nearest to `utcOffset` first (the time-zone penalty only grows from
 * there), as zone indices; computed once per group and offset. `slot` is the offset's
 * `offsetSlot`.
 */
export function zonesNearestFirst(
  index: MentorIndex,
  g: number,
  utcOffset: number,
  slot: number,
): Int32Array {
  const cache = index.nearest[slot];
  const known = cache?.[g];
  if (known) return known;
  const first = index.groupZones[g] ?? 0;
  const end = index.groupZones[g + 1] ?? first;
  const out = new Int32Array(end - first);
  let right = first;
  while (right < end && (index.zoneOffset[right] ?? 0) < utcOffset) right += 1;
  let left = right - 1;
  for (let k = 0; k < out.length; k++) {
    const west =
      left >= first ? utcOffset - (index.zoneOffset[left] ?? 0) : Number.POSITIVE_INFINITY;
    const east =
      right < end ? (index.zoneOffset[right] ?? 0) - utcOffset : Number.POSITIVE_INFINITY;
    out[k] = west <= east ? left-- : right++;
  }
  if (cache) cache[g] = out;
  return out;
}

/** A mentor with more interests than this is not spelled out in `interestLists` (2^k sets). */
export const LISTED_INTERESTS_MAX = 8;

/** The interest ids of `side`'s person k, into `out`, smallest first. */
export function interestIds(c: Compiled, side: Side, k: number, out: number[]): void {
  out.length = 0;
  forEachBit(side.interests, k * c.interestWords, c.interestWords, (id) => out.push(id));
}

/**
 * Calls `f(key, size)` for every non-empty set of up to `WEIGHTS.interestCap` of the sorted
 * interest ids; the same set always gives the same key.
 */
export function forEachInterestSet(
  c: Compiled,
  ids: readonly number[],
  f: (key: number, size: number) => void,
): void {
  const base = c.interestWords * 32 + 1;
  const n = ids.length;
  for (let a = 0; a < n; a++) {
    const ka = (ids[a] ?? 0) + 1;
    f(ka, 1);
    if (WEIGHTS.interestCap < 2) continue;
    for (let b = a + 1; b < n; b++) {
      const kb = ka * base + (ids[b] ?? 0) + 1;
      f(kb, 2);
      if (WEIGHTS.interestCap < 3) continue;
      for (let d = b + 1; d < n; d++) f(kb * base + (ids[d] ?? 0) + 1, 3);
    }
  }
}
