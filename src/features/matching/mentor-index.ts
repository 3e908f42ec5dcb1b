import { type Compiled, extraUpperBound } from './compiled';

/**
 * Mentors grouped by what bounds their score with any mentee, so a round can skip whole
 * groups of them instead of scoring pair after pair (at 10 000 volunteers a mentee shares a
 * topic with thousands of mentors).
 *
 * A group is everyone who teaches the same set of topics: for mentee j they share the same
 * number of topics with j. Within a group, a class is everyone in the same time zone and
 * grade: the same time-zone penalty for j, and the grade rule rules a whole class in or out.
 * Within a class, what interests and formats can add (`extra`) bounds each member.
 */
export interface MentorClass {
  grade: number;
  utcOffset: number;
  /** Mentor indices, the largest `extra` first (index order among equals). */
  members: Int32Array;
  /** Per member, in the same order: the most shared interests and formats can add. */
  extra: Int32Array;
}

export interface MentorZone {
  utcOffset: number;
  /** Classes of the zone, highest grade first. */
  classes: number[];
}

export interface MentorGroup {
  /** A member whose topic bits stand for the group's (all members teach the same). */
  sample: number;
  /** The group's time zones, west to east. */
  zones: MentorZone[];
}

export interface MentorIndex {
  groups: MentorGroup[];
  classes: MentorClass[];
  /** Each mentor's class. */
  classOf: Int32Array;
  /** Topic id (its bit in the compiled sets) → the groups that teach it. */
  groupsByTopic: number[][];
}

export function indexMentors(c: Compiled): MentorIndex {
  const m = c.mentors;
  const words = c.topicWords;
  const groupOfKey = new Map<string, number>();
  const groups: MentorGroup[] = [];
  const classOfKey = new Map<string, number>();
  const classMembers: number[][] = [];
  const classes: Omit<MentorClass, 'members' | 'extra'>[] = [];
  const classOf = new Int32Array(m.count);
  for (let i = 0; i < m.count; i++) {
    const teach = m.teach.subarray(i * words, (i + 1) * words).join(',');
    let g = groupOfKey.get(teach);
    if (g === undefined) {
      g = groups.push({ sample: i, zones: [] }) - 1;
      groupOfKey.set(teach, g);
    }
    const key = `${g}|${m.utcOffset[i]}|${m.grade[i]}`;
    let k = classOfKey.get(key);
    if (k === undefined) {
      k = classes.push({ grade: m.grade[i] ?? 0, utcOffset: m.utcOffset[i] ?? 0 }) - 1;
      classMembers.push([]);
      classOfKey.set(key, k);
      const group = groups[g];
      const offset = m.utcOffset[i] ?? 0;
      let zone = group?.zones.find((z) => z.utcOffset === offset);
      if (!zone) {
        zone = { utcOffset: offset, classes: [] };
        group?.zones.push(zone);
      }
      zone.classes.push(k);
    }
    classMembers[k]?.push(i);
    classOf[i] = k;
  }
  const extraOf = Int32Array.from({ length: m.count }, (_, i) => extraUpperBound(c, m, i));
  const built: MentorClass[] = classes.map((cls, k) => {
    const members = Int32Array.from(classMembers[k] ?? []).sort(
      (a, b) => (extraOf[b] ?? 0) - (extraOf[a] ?? 0) || a - b,
    );
    return { ...cls, members, extra: Int32Array.from(members, (i) => extraOf[i] ?? 0) };
  });
  // Highest grade first: among equal scores a mentee then takes the most senior mentor the
  // grade rule allows, and leaves the most junior — whom everyone may take — to those who
  // can take no one else.
  for (const group of groups) {
    group.zones.sort((a, b) => a.utcOffset - b.utcOffset);
    for (const zone of group.zones)
      zone.classes.sort((a, b) => (built[b]?.grade ?? 0) - (built[a]?.grade ?? 0) || a - b);
  }
  const groupsByTopic: number[][] = Array.from({ length: words * 32 }, () => []);
  groups.forEach((group, g) => {
    forEachBit(m.teach, group.sample * words, words, (t) => groupsByTopic[t]?.push(g));
  });
  return { groups, classes: built, classOf, groupsByTopic };
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
 * `shared` (how many topics each shares), both the same length. `stamp` and `count` are
 * scratch arrays of the index's group count, `stamp` filled with −1 before the first call.
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
  forEachBit(c.mentees.learn, j * c.topicWords, c.topicWords, (t) => {
    for (const g of index.groupsByTopic[t] ?? []) {
      if (stamp[g] !== j) {
        stamp[g] = j;
        count[g] = 0;
        touched.push(g);
      }
      count[g] = (count[g] ?? 0) + 1;
    }
  });
  touched.sort((a, b) => (count[b] ?? 0) - (count[a] ?? 0) || a - b);
  groups.length = 0;
  shared.length = 0;
  for (const g of touched) {
    groups.push(g);
    shared.push(count[g] ?? 0);
  }
}

/**
 * The group's zones nearest to `utcOffset` first (the time-zone penalty only grows from
 * there), as indices into `group.zones`, into `out`.
 */
export function zonesNearestFirst(group: MentorGroup, utcOffset: number, out: number[]): void {
  const zones = group.zones;
  out.length = 0;
  let right = 0;
  while (right < zones.length && (zones[right]?.utcOffset ?? 0) < utcOffset) right += 1;
  let left = right - 1;
  while (left >= 0 || right < zones.length) {
    const west = left >= 0 ? utcOffset - (zones[left]?.utcOffset ?? 0) : Number.POSITIVE_INFINITY;
    const east =
      right < zones.length ? (zones[right]?.utcOffset ?? 0) - utcOffset : Number.POSITIVE_INFINITY;
    if (west <= east) out.push(left--);
    else out.push(right++);
  }
}
