import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, type Format } from '../../src/db/schema';
import { GROUP_SIZE_MAX, planRound, type Unmatched } from '../../src/features/matching/round';
import {
  historyKey,
  ineligible,
  type MatchRules,
  type MentorSide,
  score,
  type Volunteer,
} from '../../src/features/matching/score';
import { noRules, person } from '../helpers/volunteers';

const TOPICS = ['ai', 'tools', 'social', 'green'];
const INTERESTS = ['chess', 'running', 'jazz'];

const volunteer = (userId: number, topics: string[] = TOPICS) =>
  fc
    .record({
      grade: fc.integer({ min: 1, max: 5 }),
      department: fc.constantFrom('IT', 'Sales', 'HR'),
      teach: fc.subarray(topics),
      learn: fc.subarray(topics, { minLength: 1 }),
      interests: fc.subarray(INTERESTS),
      formats: fc.subarray([...FORMATS], { minLength: 1 }),
      utcOffset: fc.constantFrom(0, 180, 300, -300),
      capacity: fc.integer({ min: 1, max: 3 }),
    })
    .map(
      (v): MentorSide => ({
        userId,
        name: `p${userId}`,
        grade: v.grade,
        department: v.department,
        teach: new Set(v.teach),
        learn: new Set(v.learn),
        interests: new Set(v.interests),
        formats: new Set(v.formats as Format[]),
        utcOffset: v.utcOffset,
        capacity: v.capacity,
      }),
    );

const instance = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
  .chain(([m, n]) =>
    fc.record({
      mentors: fc.tuple(...Array.from({ length: m }, (_, i) => volunteer(i + 1))),
      mentees: fc.tuple(...Array.from({ length: n }, (_, j) => volunteer(100 + j))),
      sameDepartment: fc.boolean(),
      declined: fc.array(
        fc.tuple(fc.integer({ min: 1, max: m }), fc.integer({ min: 100, max: 99 + n })),
        { maxLength: 3 },
      ),
    }),
  );

/**
 * Larger programs, for comparing the table with the index: over 32 mentors and 32 topics
 * (the table's bit sets span several words), some people in both roles.
 */
const MANY_TOPICS = Array.from({ length: 40 }, (_, i) => `topic${i}`);
const larger = fc
  .tuple(fc.integer({ min: 30, max: 70 }), fc.integer({ min: 1, max: 12 }))
  .chain(([m, n]) =>
    fc.record({
      mentors: fc.tuple(...Array.from({ length: m }, (_, i) => volunteer(i + 1, MANY_TOPICS))),
      mentees: fc.tuple(...Array.from({ length: n }, (_, j) => volunteer(100 + j, MANY_TOPICS))),
      both: fc.subarray(
        Array.from({ length: n }, (_, j) => j),
        { maxLength: Math.min(3, n) },
      ),
      sameDepartment: fc.boolean(),
      declined: fc.array(
        fc.tuple(fc.integer({ min: 1, max: m }), fc.integer({ min: 100, max: 99 + n })),
        { maxLength: 5 },
      ),
    }),
  )
  .map(({ mentors, mentees, both, ...rest }) => ({
    ...rest,
    mentees,
    mentors: [...mentors, ...both.map((j) => mentees[j] as MentorSide)],
  }));

/** The true optimum by trying everything (small instances only), under the same rules. */
function bruteForce(mentors: MentorSide[], mentees: Volunteer[], rules: MatchRules): number {
  let best = 0;
  const indiv = mentors.map(() => 0);
  const group = mentors.map(() => 0);
  const rec = (j: number, acc: number) => {
    if (j === mentees.length) {
      best = Math.max(best, acc);
      return;
    }
    rec(j + 1, acc);
    const mentee = mentees[j] as Volunteer;
    mentors.forEach((mentor, i) => {
      if (ineligible(mentor, mentee, rules)) return;
      const s = score(mentor, mentee).total;
      if (s <= 0) return;
      const limit = mentor.formats.has('group')
        ? Math.max(mentor.capacity, GROUP_SIZE_MAX)
        : mentor.capacity;
      const used = (indiv[i] ?? 0) + (group[i] ?? 0);
      const sharedOther = [...mentee.formats].some((f) => f !== 'group' && mentor.formats.has(f));
      if (sharedOther && (indiv[i] ?? 0) < mentor.capacity && used < limit) {
        indiv[i] = (indiv[i] ?? 0) + 1;
        rec(j + 1, acc + s);
        indiv[i] = (indiv[i] ?? 0) - 1;
      }
      if (
        mentor.formats.has('group') &&
        mentee.formats.has('group') &&
        (group[i] ?? 0) < GROUP_SIZE_MAX &&
        used < limit
      ) {
        group[i] = (group[i] ?? 0) + 1;
        rec(j + 1, acc + s);
        group[i] = (group[i] ?? 0) - 1;
      }
    });
  };
  rec(0, 0);
  return best;
}

/** Both ways a round finds its pairs (see `RoundScan`): small rounds take the table by default. */
const SCANS = ['dense', 'index'] as const;

describe('planRound on random instances', () => {
  it.each(SCANS)(
    'never breaks a hard rule or a capacity, places everyone once, and reaches the optimum (%s scan)',
    (scan) => {
      fc.assert(
        fc.property(instance, ({ mentors, mentees, sameDepartment, declined }) => {
          const rules: MatchRules = {
            sameDepartment,
            history: new Set(declined.map(([a, b]) => historyKey(a, b))),
          };
          const plan = planRound(mentors, mentees, rules, undefined, scan);
          const perMentee = new Map<number, number>();
          const perMentor = new Map<number, number>();
          let total = 0;
          for (const m of plan.matches) {
            expect(ineligible(m.mentor, m.mentee, rules)).toBeUndefined();
            expect(m.mentor.grade).toBeLessThan(m.mentee.grade);
            perMentee.set(m.mentee.userId, (perMentee.get(m.mentee.userId) ?? 0) + 1);
            perMentor.set(m.mentor.userId, (perMentor.get(m.mentor.userId) ?? 0) + 1);
            total += m.score.total;
          }
          for (const count of perMentee.values()) expect(count).toBe(1);
          for (const mentor of mentors) {
            const limit = mentor.formats.has('group')
              ? Math.max(mentor.capacity, GROUP_SIZE_MAX)
              : mentor.capacity;
            expect(perMentor.get(mentor.userId) ?? 0).toBeLessThanOrEqual(limit);
          }
          expect(plan.total).toBe(total);
          expect(plan.total).toBe(bruteForce(mentors, mentees, rules));
          // Same input, same output.
          expect(planRound(mentors, mentees, rules, undefined, scan)).toEqual(plan);
        }),
        { numRuns: 400 },
      );
    },
  );

  it.each([
    ['small', instance, 400],
    ['larger', larger, 100],
  ] as const)(
    'scores every pair (the table) or walks the index, with the same total and the same reasons (%s)',
    (_, programs, runs) => {
      fc.assert(
        fc.property(programs, ({ mentors, mentees, sameDepartment, declined }) => {
          const rules: MatchRules = {
            sameDepartment,
            history: new Set(declined.map(([a, b]) => historyKey(a, b))),
          };
          // Short lists, so the check adds pairs on both paths.
          const table = planRound(mentors, mentees, rules, 1, 'dense');
          const index = planRound(mentors, mentees, rules, 1, 'index');
          expect(table.total).toBe(index.total);
          // Ties may go to other people; who is left out in both is left out for the same reason.
          const key = (u: Unmatched) => `${u.side}:${u.volunteer.userId}`;
          const reasons = new Map(index.unmatched.map((u) => [key(u), u.reason]));
          for (const u of table.unmatched)
            if (reasons.has(key(u))) expect(u.reason).toBe(reasons.get(key(u)));
        }),
        { numRuns: runs },
      );
    },
  );

  it.each(SCANS)('explains why people are left out (%s scan)', (scan) => {
    const base = {
      department: 'IT',
      interests: new Set<string>(),
      formats: new Set<Format>(['one_on_one']),
      utcOffset: 0,
    };
    const mentor: MentorSide = {
      ...base,
      userId: 1,
      name: 'm',
      grade: 1,
      teach: new Set(['ai']),
      learn: new Set(),
      capacity: 1,
    };
    const wantsGreen: Volunteer = {
      ...base,
      userId: 2,
      name: 'g',
      grade: 5,
      department: 'Sales',
      teach: new Set(),
      learn: new Set(['green']),
    };
    const junior: Volunteer = {
      ...base,
      userId: 3,
      name: 'j',
      grade: 1,
      department: 'Sales',
      teach: new Set(),
      learn: new Set(['ai']),
    };
    const plan = planRound(
      [mentor],
      [wantsGreen, junior],
      { sameDepartment: false, history: new Set() },
      undefined,
      scan,
    );
    expect(plan.matches).toHaveLength(0);
    const reasons = Object.fromEntries(plan.unmatched.map((u) => [u.volunteer.userId, u.reason]));
    expect(reasons).toEqual({ 1: 'no_senior', 2: 'no_topic_teacher', 3: 'no_junior' });
  });

  it.each(SCANS)(
    'does not count someone in both roles as their own teacher, however many mentors come first (%s scan)',
    (scan) => {
      // 40 mentors more senior than Bo rank first: Bo's own entry lies past the table's first
      // word of 32. Bo teaches and wants "rare", which nobody else teaches or wants.
      const others = Array.from({ length: 40 }, (_, i) =>
        person(i + 1, { grade: 3, teach: new Set(['ai']) }),
      );
      const bo = person(99, { grade: 2, teach: new Set(['rare']), learn: new Set(['rare']) });
      const juniors = [person(200, { grade: 4, learn: new Set(['ai']) })];
      const plan = planRound([...others, bo], [bo, ...juniors], noRules, undefined, scan);
      const reasons = plan.unmatched
        .filter((u) => u.volunteer.userId === 99)
        .map((u) => `${u.side}: ${u.reason}`)
        .sort();
      expect(reasons).toEqual(['mentee: no_topic_teacher', 'mentor: no_demand']);
    },
  );

  it.each(SCANS)(
    'does not count someone with role "both" as their own candidate (%s scan)',
    (scan) => {
      const base = {
        department: 'IT',
        interests: new Set<string>(),
        formats: new Set<Format>(['one_on_one']),
        utcOffset: 0,
      };
      const both = (userId: number, grade: number, topic: string): MentorSide => ({
        ...base,
        userId,
        name: `b${userId}`,
        grade,
        department: `Dept ${userId}`,
        teach: new Set([topic]),
        learn: new Set([topic]),
        capacity: 1,
      });
      // Ada alone teaches what she wants to learn; Ben's topic is taught, but only by someone senior.
      const ada = both(1, 3, 'social');
      const ben = both(2, 2, 'green');
      const greg: MentorSide = {
        ...base,
        userId: 3,
        name: 'greg',
        grade: 4,
        department: 'Finance',
        teach: new Set(['green']),
        learn: new Set(),
        capacity: 1,
      };
      const plan = planRound(
        [ada, ben, greg],
        [ada, ben],
        { sameDepartment: false, history: new Set() },
        undefined,
        scan,
      );
      expect(plan.matches).toHaveLength(0);
      const reasons = plan.unmatched.map((u) => `${u.volunteer.name}/${u.side}: ${u.reason}`);
      expect(reasons.sort()).toEqual([
        'b1/mentee: no_topic_teacher',
        'b1/mentor: no_demand',
        'b2/mentee: no_junior',
        'b2/mentor: no_demand',
        'greg/mentor: no_senior',
      ]);
    },
  );
});
