import type { Format } from '../../db/schema';

/**
 * Everything matching knows about a volunteer: pure data, no database. A person with
 * role "both" appears once as a mentor and once as a mentee, under the same `userId`.
 */
export interface Volunteer {
  userId: number;
  name: string;
  grade: number;
  department: string;
  teach: ReadonlySet<string>;
  learn: ReadonlySet<string>;
  interests: ReadonlySet<string>;
  formats: ReadonlySet<Format>;
  /** Minutes east of UTC, now. */
  utcOffset: number;
}

export interface MentorSide extends Volunteer {
  /** One-on-one mentees this mentor can still take in this round. */
  capacity: number;
  /** Group places left (default: a full group, if the mentor runs groups). */
  groupCapacity?: number;
  /** All places left, 1:1 and group together (default: the larger of the two sizes). */
  limit?: number;
  /** Members their group already has (from earlier rounds). */
  groupMembers?: number;
}

/** The score's parts, named and weighted in one place. */
export const WEIGHTS = {
  /** Per topic the mentor teaches that the mentee wants: the reason pairs exist. */
  topic: 10,
  /** Per shared interest or hobby (up to `interestCap`): rapport. */
  interest: 3,
  interestCap: 3,
  /** Per shared format beyond the first one the rules require. */
  format: 1,
  /** Subtracted per hour of time-zone distance beyond `freeHours`, up to `timeZoneCap`. */
  timeZonePerHour: 1,
  freeHours: 2,
  timeZoneCap: 6,
} as const;

export interface MatchRules {
  /** Allow a mentor and mentee from the same department (MATCH_SAME_DEPARTMENT). */
  sameDepartment: boolean;
  /** `mentorId:menteeId` pairs that met or declined before: never proposed again. */
  history: ReadonlySet<string>;
}

export type IneligibleReason = 'grade' | 'format' | 'department' | 'history' | 'topics' | 'self';

export interface Score {
  total: number;
  topics: string[];
  interests: string[];
  formats: Format[];
  hoursApart: number;
}

export const historyKey = (mentorId: number, menteeId: number) => `${mentorId}:${menteeId}`;

/** The hard rules. Returns why a pair may not be proposed, or undefined when it may. */
export function ineligible(
  mentor: MentorSide,
  mentee: Volunteer,
  rules: MatchRules,
): IneligibleReason | undefined {
  if (mentor.userId === mentee.userId) return 'self';
  if (mentor.grade >= mentee.grade) return 'grade';
  if (![...mentor.formats].some((f) => mentee.formats.has(f))) return 'format';
  if (!rules.sameDepartment && sameText(mentor.department, mentee.department)) return 'department';
  if (rules.history.has(historyKey(mentor.userId, mentee.userId))) return 'history';
  if (![...mentee.learn].some((t) => mentor.teach.has(t))) return 'topics';
  return undefined;
}

/** How good a pair is; only meaningful for pairs that pass `ineligible`. Always positive. */
export function score(mentor: MentorSide, mentee: Volunteer): Score {
  const topics = [...mentee.learn].filter((t) => mentor.teach.has(t)).sort();
  const interests = [...mentee.interests].filter((i) => mentor.interests.has(i)).sort();
  const formats = [...mentee.formats].filter((f) => mentor.formats.has(f)).sort();
  const hoursApart = Math.abs(mentor.utcOffset - mentee.utcOffset) / 60;
  const tzPenalty = Math.min(
    WEIGHTS.timeZoneCap,
    Math.max(0, Math.ceil(hoursApart - WEIGHTS.freeHours)) * WEIGHTS.timeZonePerHour,
  );
  const total =
    topics.length * WEIGHTS.topic +
    Math.min(WEIGHTS.interestCap, interests.length) * WEIGHTS.interest +
    Math.max(0, formats.length - 1) * WEIGHTS.format -
    tzPenalty;
  return { total, topics, interests, formats, hoursApart };
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
