import type { Format } from '../src/db/schema';
import type { MentorSide, Volunteer } from '../src/features/matching/score';

import { rng } from '../test/helpers/random';

/** The benchmarks' seeded generator: every run benchmarks the same instances. */
export { rng };

const TOPICS = Array.from({ length: 10 }, (_, i) => `t${i}`);
const INTERESTS = Array.from({ length: 20 }, (_, i) => `i${i}`);
const ZONES = [-300, -240, 0, 60, 120, 180, 300, 420];
const DEPARTMENTS = Array.from({ length: 12 }, (_, i) => `d${i}`);
const FORMATS: Format[] = ['one_on_one', 'long_term', 'sprint'];

/**
 * A realistic random program: half mentors (mostly junior), half mentees (mostly senior),
 * ~10 topics, ~20 interests, 8 time zones, 5 grades, 12 departments. No group format, so
 * the dense Hungarian baseline (capacities expanded) solves exactly the same problem.
 */
export function instance(n: number, seed = 42): { mentors: MentorSide[]; mentees: Volunteer[] } {
  const r = rng(seed + n);
  const pick = <T>(list: T[], min: number, max: number) => {
    const k = min + Math.floor(r() * (max - min + 1));
    const copy = [...list];
    const out: T[] = [];
    while (out.length < k && copy.length)
      out.push(copy.splice(Math.floor(r() * copy.length), 1)[0] as T);
    return out;
  };
  const person = (userId: number, grades: number[]) => ({
    userId,
    name: `p${userId}`,
    grade: grades[Math.floor(r() * grades.length)] ?? 3,
    department: DEPARTMENTS[Math.floor(r() * DEPARTMENTS.length)] ?? 'd0',
    teach: new Set(pick(TOPICS, 1, 3)),
    learn: new Set(pick(TOPICS, 1, 3)),
    interests: new Set(pick(INTERESTS, 1, 4)),
    formats: new Set(pick(FORMATS, 1, 3)),
    utcOffset: ZONES[Math.floor(r() * ZONES.length)] ?? 0,
  });
  const half = Math.floor(n / 2);
  const mentors = Array.from({ length: half }, (_, i) => ({
    ...person(i + 1, [1, 1, 2, 2, 3]),
    capacity: 1 + Math.floor(r() * 3),
  }));
  const mentees = Array.from({ length: n - half }, (_, j) => person(half + j + 1, [3, 4, 4, 5, 5]));
  return { mentors, mentees };
}
