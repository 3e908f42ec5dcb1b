/**
 * Instance families users meet, for `npm run bench:match`. Each is seeded, so every run
 * benchmarks the same people, and each is built here, not by the solver's authors. None
 * uses the group format, so every baseline solves exactly the same problem (1:1 pairs
 * within capacities). `n` counts volunteers on both sides.
 */
import type { Format } from '../src/db/schema';
import type { MentorSide, Volunteer } from '../src/features/matching/score';
import { instance, rng } from './match-instance';

export interface Instance {
  mentors: MentorSide[];
  mentees: Volunteer[];
}

const names = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const INTERESTS = names('i', 20);
const DEPARTMENTS = names('d', 12);
const ZONES = [-300, -240, 0, 60, 120, 180, 300, 420];
const FORMATS: Format[] = ['one_on_one', 'long_term', 'sprint'];

/** Random helpers over one seeded stream. */
function dice(seed: number) {
  const r = rng(seed);
  const int = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
  const one = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const some = <T>(list: readonly T[], min: number, max: number): Set<T> => {
    const k = int(min, max);
    const copy = [...list];
    const out = new Set<T>();
    while (out.size < k && copy.length)
      out.add(copy.splice(Math.floor(r() * copy.length), 1)[0] as T);
    return out;
  };
  /** Zipf: item k (0-based) drawn with weight 1 / (k + 1)^s. */
  const zipf = <T>(list: readonly T[], s: number) => {
    const weights = list.map((_, k) => 1 / (k + 1) ** s);
    const sum = weights.reduce((a, b) => a + b, 0);
    return (count: number): Set<T> => {
      const out = new Set<T>();
      while (out.size < Math.min(count, list.length)) {
        let x = r() * sum;
        let k = 0;
        while (k < list.length - 1 && x >= (weights[k] as number)) x -= weights[k++] as number;
        out.add(list[k] as T);
      }
      return out;
    };
  };
  return { r, int, one, some, zipf };
}

type Dice = ReturnType<typeof dice>;

/** A volunteer with product-like defaults; `over` replaces any field. */
function person(d: Dice, userId: number, over: Partial<Volunteer>): Volunteer {
  return {
    userId,
    name: `p${userId}`,
    grade: 3,
    department: d.one(DEPARTMENTS),
    teach: new Set(),
    learn: new Set(),
    interests: d.some(INTERESTS, 1, 4),
    formats: d.some(FORMATS, 1, 3),
    utcOffset: d.one(ZONES),
    ...over,
  };
}

/** Mentors get ids 1…, mentees follow them. */
function sides(
  n: number,
  mentorShare: number,
  mentor: (d: Dice, id: number, k: number, count: number) => MentorSide,
  mentee: (d: Dice, id: number, k: number, count: number) => Volunteer,
  d: Dice,
): Instance {
  const m = Math.max(1, Math.round(n * mentorShare));
  const mentors = Array.from({ length: m }, (_, k) => mentor(d, k + 1, k, m));
  const mentees = Array.from({ length: n - m }, (_, k) => mentee(d, m + k + 1, k, n - m));
  return { mentors, mentees };
}

const TOPICS10 = names('t', 10);
const TOPICS30 = names('t', 30);

/** Zipf topic popularity: what mentees want follows Zipf (everyone wants "AI"), what mentors teach does not; 40 % mentors, one mentee each. */
function zipfTopics(n: number, seed: number): Instance {
  const d = dice(seed);
  const wanted = d.zipf(TOPICS30, 1.2);
  return sides(
    n,
    0.4,
    (d, id) => ({
      ...person(d, id, { grade: d.one([1, 1, 2, 2, 3]), teach: d.some(TOPICS30, 1, 2) }),
      capacity: 1,
    }),
    (d, id) => person(d, id, { grade: d.one([3, 4, 4, 5, 5]), learn: wanted(d.int(2, 3)) }),
    d,
  );
}

/** 50 favourite mentors who teach everything and share every interest; everyone ranks them first. */
function favourites(n: number, seed: number): Instance {
  const d = dice(seed);
  const hot = names('t', 3);
  return sides(
    n,
    0.5,
    (d, id, k) =>
      k < 50
        ? {
            ...person(d, id, {
              grade: 1,
              teach: new Set(hot),
              interests: new Set(INTERESTS),
              formats: new Set(FORMATS),
              utcOffset: 0,
            }),
            capacity: 1,
          }
        : {
            ...person(d, id, { grade: d.one([1, 2, 2, 3]), teach: d.some(hot, 1, 1) }),
            capacity: d.int(1, 3),
          },
    (d, id) =>
      person(d, id, { grade: d.one([4, 4, 5, 5]), learn: d.some(hot, 1, 3), utcOffset: 0 }),
    d,
  );
}

/** Time-zone clusters: 90 % of mentees in one zone, 90 % of mentors an ocean away. */
function timeZones(n: number, seed: number): Instance {
  const d = dice(seed);
  const topics = names('t', 3);
  return sides(
    n,
    0.5,
    (d, id) => ({
      ...person(d, id, {
        grade: d.one([1, 2, 2, 3]),
        teach: d.some(topics, 1, 2),
        interests: d.some(INTERESTS, 0, 1),
        utcOffset: d.r() < 0.1 ? 180 : d.one([-300, -240]),
      }),
      capacity: d.int(1, 3),
    }),
    (d, id) =>
      person(d, id, {
        grade: d.one([4, 4, 5, 5]),
        learn: d.some(topics, 1, 2),
        interests: d.some(INTERESTS, 0, 1),
        utcOffset: d.r() < 0.9 ? 180 : d.one([-300, 0]),
      }),
    d,
  );
}

/** Grade traps: most mentees are junior to most mentors, so most pairs break the grade rule. */
function gradeTraps(n: number, seed: number): Instance {
  const d = dice(seed);
  return sides(
    n,
    0.5,
    (d, id) => ({
      ...person(d, id, {
        grade: d.one([1, 2, 3, 3, 4, 4, 4, 5, 5, 5]),
        teach: d.some(TOPICS10, 1, 3),
      }),
      capacity: d.int(1, 3),
    }),
    (d, id) =>
      person(d, id, {
        grade: d.one([1, 1, 2, 2, 2, 2, 3, 3, 4, 5]),
        learn: d.some(TOPICS10, 1, 3),
      }),
    d,
  );
}

/** Ties: one topic, no interests, one format, one zone — every eligible pair scores the same. */
function ties(n: number, seed: number): Instance {
  const d = dice(seed);
  const flat = {
    teach: new Set(['t0']),
    learn: new Set(['t0']),
    interests: new Set<string>(),
    formats: new Set<Format>(['one_on_one']),
    utcOffset: 0,
  };
  const depts = names('d', 3);
  return sides(
    n,
    0.5,
    (d, id) => ({
      ...person(d, id, { ...flat, grade: d.one([1, 2, 3]), department: d.one(depts) }),
      capacity: 1,
    }),
    (d, id) => person(d, id, { ...flat, grade: d.one([2, 3, 4]), department: d.one(depts) }),
    d,
  );
}

/** Skewed capacities: 5 % of mentors are popular leads taking 10–30 mentees, the rest take one. */
function skewedCapacities(n: number, seed: number): Instance {
  const d = dice(seed);
  return sides(
    n,
    0.5,
    (d, id, k) =>
      k % 20 === 0
        ? {
            ...person(d, id, {
              grade: 1,
              teach: d.some(TOPICS10.slice(0, 4), 3, 4),
              interests: d.some(INTERESTS, 6, 10),
            }),
            capacity: d.int(10, 30),
          }
        : {
            ...person(d, id, { grade: d.one([1, 2, 2, 3]), teach: d.some(TOPICS10, 1, 2) }),
            capacity: 1,
          },
    (d, id) =>
      person(d, id, { grade: d.one([3, 4, 4, 5, 5]), learn: d.some(TOPICS10.slice(0, 6), 1, 3) }),
    d,
  );
}

/**
 * The smallest known trap: 40 "star" mentors (capacity 1) whom all 41 mentees rank first,
 * and one ordinary mentor (capacity 1) who fits everyone. A full matching exists.
 */
export function star(): Instance {
  const d = dice(41);
  const base = {
    department: 'mentors',
    teach: new Set(['ai']),
    formats: new Set<Format>(['one_on_one']),
    utcOffset: 0,
    grade: 1,
  };
  const mentors: MentorSide[] = Array.from({ length: 41 }, (_, k) => ({
    ...person(d, k + 1, {
      ...base,
      interests: k < 40 ? new Set(['i0', 'i1', 'i2']) : new Set<string>(),
    }),
    capacity: 1,
  }));
  const mentees = Array.from({ length: 41 }, (_, k) =>
    person(d, 100 + k, {
      ...base,
      grade: 5,
      department: 'mentees',
      learn: new Set(['ai']),
      interests: new Set(['i0', 'i1', 'i2']),
    }),
  );
  return { mentors, mentees };
}

export const FAMILIES = {
  product: (n: number) => instance(n),
  zipf: (n: number) => zipfTopics(n, 1000 + n),
  favourites: (n: number) => favourites(n, 2000 + n),
  'time-zones': (n: number) => timeZones(n, 3000 + n),
  'grade-traps': (n: number) => gradeTraps(n, 4000 + n),
  ties: (n: number) => ties(n, 5000 + n),
  'skewed-capacity': (n: number) => skewedCapacities(n, 6000 + n),
  star: (_n: number) => star(),
} satisfies Record<string, (n: number) => Instance>;

export type Family = keyof typeof FAMILIES;

export const isFamily = (name: string): name is Family => Object.hasOwn(FAMILIES, name);
