import type { Format } from '../../src/db/schema';
import type { MatchRules, MentorSide } from '../../src/features/matching/score';

/** Rules with nothing ruled out beyond grade, topics and formats. */
export const noRules: MatchRules = { sameDepartment: false, history: new Set() };

/** A volunteer for matching tests: one-on-one, grade 1, their own department, unless `p` says otherwise. */
export const person = (userId: number, p: Partial<MentorSide>): MentorSide => ({
  userId,
  name: `p${userId}`,
  grade: 1,
  department: `D${userId}`,
  teach: new Set(),
  learn: new Set(),
  interests: new Set(),
  formats: new Set<Format>(['one_on_one']),
  utcOffset: 0,
  capacity: 1,
  ...p,
});
