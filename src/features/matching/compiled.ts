import type { MatchRules, Volunteer } from './score';
import { WEIGHTS } from './score';

/**
 * Volunteers as flat typed arrays of bit sets over interned topics, interests, formats and
 * departments, so the hard rules and the score of one pair cost a few integer operations —
 * a round at 10 000 volunteers looks at millions of pairs. `score.ts` stays the readable
 * reference; the property tests check both agree.
 */
export interface Side {
  count: number;
  userId: Int32Array;
  grade: Int32Array;
  formats: Int32Array;
  department: Int32Array;
  utcOffset: Float64Array;
  /** `topicWords` words per person. */
  teach: Uint32Array;
  learn: Uint32Array;
  /** `interestWords` words per person. */
  interests: Uint32Array;
}

export interface Compiled {
  mentors: Side;
  mentees: Side;
  topicWords: number;
  interestWords: number;
}

class Interner {
  readonly #ids = new Map<string, number>();
  id(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(value, id);
    }
    return id;
  }
  get size(): number {
    return this.#ids.size;
  }
}

const FORMAT_BITS: Record<string, number> = { one_on_one: 1, group: 2, long_term: 4, sprint: 8 };
/** The `formats` bit of the group format. */
export const GROUP_FORMAT_BIT = FORMAT_BITS.group ?? 2;

export function compile(mentors: readonly Volunteer[], mentees: readonly Volunteer[]): Compiled {
  const topics = new Interner();
  const interests = new Interner();
  const departments = new Interner();
  // Ids in sorted order, not in the order people typed them: the same data then gives the
  // same ids, and the same round.
  const topicNames = new Set<string>();
  const interestNames = new Set<string>();
  for (const v of [...mentors, ...mentees]) {
    for (const t of v.teach) topicNames.add(t);
    for (const t of v.learn) topicNames.add(t);
    for (const i of v.interests) interestNames.add(i);
  }
  for (const t of [...topicNames].sort()) topics.id(t);
  for (const i of [...interestNames].sort()) interests.id(i);
  const topicWords = Math.max(1, Math.ceil(topics.size / 32));
  const interestWords = Math.max(1, Math.ceil(interests.size / 32));
  const setBits = (
    target: Uint32Array,
    offset: number,
    values: Iterable<string>,
    interner: Interner,
  ) => {
    for (const v of values) {
      const id = interner.id(v);
      const at = offset + (id >>> 5);
      target[at] = ((target[at] ?? 0) | (1 << (id & 31))) >>> 0;
    }
  };
  const side = (people: readonly Volunteer[]): Side => {
    const n = people.length;
    const s: Side = {
      count: n,
      userId: new Int32Array(n),
      grade: new Int32Array(n),
      formats: new Int32Array(n),
      department: new Int32Array(n),
      utcOffset: new Float64Array(n),
      teach: new Uint32Array(n * topicWords),
      learn: new Uint32Array(n * topicWords),
      interests: new Uint32Array(n * interestWords),
    };
    people.forEach((v, k) => {
      s.userId[k] = v.userId;
      s.grade[k] = v.grade;
      let formats = 0;
      for (const f of v.formats) formats |= FORMAT_BITS[f] ?? 0;
      s.formats[k] = formats;
      s.department[k] = departments.id(v.department.trim().toLowerCase());
      s.utcOffset[k] = v.utcOffset;
      setBits(s.teach, k * topicWords, v.teach, topics);
      setBits(s.learn, k * topicWords, v.learn, topics);
      setBits(s.interests, k * interestWords, v.interests, interests);
    });
    return s;
  };
  return { mentors: side(mentors), mentees: side(mentees), topicWords, interestWords };
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function overlap(a: Uint32Array, ai: number, b: Uint32Array, bi: number, words: number): number {
  let n = 0;
  for (let w = 0; w < words; w++) n += popcount(((a[ai + w] ?? 0) & (b[bi + w] ?? 0)) >>> 0);
  return n;
}

export type RuleOut = '' | 'self' | 'grade' | 'format' | 'department' | 'history' | 'topics';

/** Why mentor i and mentee j are ruled out (same codes as `ineligible`), or ''. */
export function ruleOut(
  c: Compiled,
  i: number,
  j: number,
  rules: MatchRules,
  history: Map<number, Set<number>> | undefined,
): RuleOut {
  const m = c.mentors;
  const e = c.mentees;
  if ((m.userId[i] ?? 0) === (e.userId[j] ?? 0)) return 'self';
  if ((m.grade[i] ?? 0) >= (e.grade[j] ?? 0)) return 'grade';
  const other = ruleOutSharing(c, i, j, rules, history);
  if (other) return other;
  if (overlap(m.teach, i * c.topicWords, e.learn, j * c.topicWords, c.topicWords) === 0)
    return 'topics';
  return '';
}

/**
 * `ruleOut` for a pair already known to pass the grade rule and to share a topic — a mentor
 * the round's index found in a class below the mentee's grade and in a group teaching what
 * the mentee wants: the same codes, without the two checks (the scan asks it per pair).
 */
export function ruleOutSharing(
  c: Compiled,
  i: number,
  j: number,
  rules: MatchRules,
  history: Map<number, Set<number>> | undefined,
): RuleOut {
  const m = c.mentors;
  const e = c.mentees;
  const mentorId = m.userId[i] ?? 0;
  const menteeId = e.userId[j] ?? 0;
  if (mentorId === menteeId) return 'self';
  if (((m.formats[i] ?? 0) & (e.formats[j] ?? 0)) === 0) return 'format';
  if (!rules.sameDepartment && m.department[i] === e.department[j]) return 'department';
  if (history?.get(mentorId)?.has(menteeId)) return 'history';
  return '';
}

/** The same number `score(...).total` gives, for mentor i and mentee j. */
export function fastScore(c: Compiled, i: number, j: number): number {
  const m = c.mentors;
  const e = c.mentees;
  const topics = overlap(m.teach, i * c.topicWords, e.learn, j * c.topicWords, c.topicWords);
  return (
    topics * WEIGHTS.topic +
    extraScore(c, i, j) -
    timeZonePenalty(m.utcOffset[i] ?? 0, e.utcOffset[j] ?? 0)
  );
}

/**
 * What shared interests and formats add to the score of mentor i and mentee j: all of
 * `fastScore` but the topics and the time-zone penalty, which a scan over a class of mentors
 * (same topics, same zone) knows once for all of them.
 */
export function extraScore(c: Compiled, i: number, j: number): number {
  const m = c.mentors;
  const e = c.mentees;
  const words = c.interestWords;
  const interests =
    words === 1
      ? popcount(((m.interests[i] ?? 0) & (e.interests[j] ?? 0)) >>> 0)
      : overlap(m.interests, i * words, e.interests, j * words, words);
  const formats = popcount(((m.formats[i] ?? 0) & (e.formats[j] ?? 0)) >>> 0);
  return (
    Math.min(WEIGHTS.interestCap, interests) * WEIGHTS.interest +
    Math.max(0, formats - 1) * WEIGHTS.format
  );
}

/** What the score takes off for two UTC offsets (minutes) too far apart. */
export function timeZonePenalty(a: number, b: number): number {
  const hoursApart = Math.abs(a - b) / 60;
  return Math.min(
    WEIGHTS.timeZoneCap,
    Math.max(0, Math.ceil(hoursApart - WEIGHTS.freeHours)) * WEIGHTS.timeZonePerHour,
  );
}

/** The most shared interests and formats can add to a score of `side`'s person k, with anyone. */
export function extraUpperBound(c: Compiled, side: Side, k: number): number {
  let interests = 0;
  for (let w = 0; w < c.interestWords; w++)
    interests += popcount(side.interests[k * c.interestWords + w] ?? 0);
  const formats = popcount(side.formats[k] ?? 0);
  return (
    Math.min(WEIGHTS.interestCap, interests) * WEIGHTS.interest +
    Math.max(0, formats - 1) * WEIGHTS.format
  );
}

/** History as mentor → mentees, for cheap lookups. */
export function historyIndex(rules: MatchRules): Map<number, Set<number>> | undefined {
  if (rules.history.size === 0) return undefined;
  const index = new Map<number, Set<number>>();
  for (const key of rules.history) {
    const [a, b] = key.split(':').map(Number);
    if (a === undefined || b === undefined) continue;
    const set = index.get(a) ?? new Set<number>();
    set.add(b);
    index.set(a, set);
  }
  return index;
}

/**
 * A well-spread, deterministic number from an id (a multiplicative hash): where a scan may
 * start, so that mentors who score the same are spread over the mentees' lists instead of
 * the same few landing on every list.
 */
export function spread(id: number): number {
  return Math.imul(id ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
}
