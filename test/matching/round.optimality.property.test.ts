import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, type Format } from '../../src/db/schema';
import { GROUP_SIZE_MAX, planRound } from '../../src/features/matching/round';
import {
  historyKey,
  ineligible,
  type MatchRules,
  type MentorSide,
  score,
  type Volunteer,
} from '../../src/features/matching/score';
import { noRules, person } from '../helpers/volunteers';

/**
 * The optimum over EVERY eligible pair, by a different method than the round's: plain
 * successive shortest paths with Bellman–Ford on the full graph (no candidate lists, no
 * potentials, no tie-breaking), scored with the readable `score()`. Source → mentor (its
 * limit) → hub (1:1 capacity, or the group's places) → mentee (1, cost −score) → sink;
 * augment while the cheapest path still gains.
 */
function fullGraphOptimum(mentors: MentorSide[], mentees: Volunteer[], rules: MatchRules): number {
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const from: number[] = [];
  const arc = (u: number, v: number, c: number, w: number) => {
    from.push(u, v);
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
  };
  const S = 0;
  const mentorNode = (i: number) => 1 + i;
  let nodes = 1 + mentors.length;
  const hubs = mentors.map((m, i) => {
    const limit =
      m.limit ?? (m.formats.has('group') ? Math.max(m.capacity, GROUP_SIZE_MAX) : m.capacity);
    arc(S, mentorNode(i), limit, 0);
    const one = nodes++;
    arc(mentorNode(i), one, m.capacity, 0);
    let group: number | undefined;
    if (m.formats.has('group')) {
      group = nodes++;
      arc(mentorNode(i), group, m.groupCapacity ?? GROUP_SIZE_MAX, 0);
    }
    return { one, group };
  });
  const firstMentee = nodes;
  nodes += mentees.length;
  const T = nodes++;
  mentees.forEach((e, j) => {
    arc(firstMentee + j, T, 1, 0);
    mentors.forEach((m, i) => {
      if (ineligible(m, e, rules)) return;
      const s = score(m, e).total;
      if (s <= 0) return;
      const hub = hubs[i];
      if (!hub) return;
      if ([...e.formats].some((f) => f !== 'group' && m.formats.has(f)))
        arc(hub.one, firstMentee + j, 1, -s);
      if (hub.group !== undefined && e.formats.has('group')) arc(hub.group, firstMentee + j, 1, -s);
    });
  });
  let total = 0;
  for (;;) {
    const dist = new Array<number>(nodes).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(nodes).fill(-1);
    dist[S] = 0;
    for (let round = 0; round < nodes; round++) {
      let changed = false;
      for (let a = 0; a < to.length; a++) {
        const u = from[a] ?? 0;
        const v = to[a] ?? 0;
        if ((cap[a] ?? 0) > 0 && (dist[u] ?? 0) + (cost[a] ?? 0) < (dist[v] ?? 0)) {
          dist[v] = (dist[u] ?? 0) + (cost[a] ?? 0);
          via[v] = a;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (!((dist[T] ?? 0) < 0)) return total;
    total -= dist[T] ?? 0;
    for (let v = T; v !== S; ) {
      const a = via[v] ?? 0;
      cap[a] = (cap[a] ?? 0) - 1;
      cap[a ^ 1] = (cap[a ^ 1] ?? 0) + 1;
      v = from[a] ?? S;
    }
  }
}

/** Both ways a round finds its pairs (see `RoundScan`): small rounds take the table by default. */
const SCANS = ['dense', 'index'] as const;

describe.each(SCANS)(
  'a round is optimal over every eligible pair, not just its candidate lists (%s scan)',
  (scan) => {
    it('matches all 41 mentees when 40 star mentors fill every top-40 list', () => {
      const stars = Array.from({ length: 40 }, (_, i) =>
        person(i + 1, { teach: new Set(['ai']), interests: new Set(['chess', 'jazz', 'go']) }),
      );
      const ordinary = person(41, { teach: new Set(['ai']) });
      const mentees = Array.from({ length: 41 }, (_, j) =>
        person(100 + j, {
          grade: 3,
          learn: new Set(['ai']),
          interests: new Set(['chess', 'jazz', 'go']),
        }),
      );
      const plan = planRound([...stars, ordinary], mentees, noRules, undefined, scan);
      expect(plan.matches).toHaveLength(41);
      expect(plan.total).toBe(fullGraphOptimum([...stars, ordinary], mentees, noRules));
      expect(plan.proof.added).toBeGreaterThan(0);
    });

    it('looks again at a mentee who had more improving pairs than one pass adds', () => {
      // One favourite fills every one-candidate list; each of 15 mentees could improve with
      // any of 15 ordinary mentors, more than the 10 pairs a pass adds per mentee.
      const favourite = person(1, {
        teach: new Set(['ai']),
        interests: new Set(['chess', 'jazz', 'go']),
      });
      // Ten who share an interest with everyone (the same top ten for all), five who don't.
      const ordinary = Array.from({ length: 15 }, (_, i) =>
        person(10 + i, { teach: new Set(['ai']), interests: new Set(i < 10 ? ['chess'] : []) }),
      );
      const mentees = Array.from({ length: 15 }, (_, j) =>
        person(100 + j, { grade: 3, learn: new Set(['ai']), interests: new Set(['chess']) }),
      );
      const plan = planRound([favourite, ...ordinary], mentees, noRules, 1, scan);
      expect(plan.matches).toHaveLength(15);
      expect(plan.total).toBe(fullGraphOptimum([favourite, ...ordinary], mentees, noRules));
    });

    it('looks again at a mentee whose improving pairs one pass did not all add', () => {
      // One favourite fills every one-candidate list; the other 11 mentees could each
      // improve with 10 near mentors (19) or one far away (4). A pass adds 10 per mentee, the
      // near ones, as offered to too few mentees yet to rank below the far one: one mentee is
      // left over, with the far mentor its only way in, and nothing else falls to recheck it.
      const interests = new Set(['chess', 'jazz', 'go']);
      const favourite = person(1, { teach: new Set(['ai', 'ml']), interests });
      const near = Array.from({ length: 10 }, (_, i) =>
        person(10 + i, { teach: new Set(['ai']), interests }),
      );
      const far = person(30, { teach: new Set(['ai']), utcOffset: 600 });
      const mentors = [favourite, ...near, far];
      const mentees = Array.from({ length: 12 }, (_, j) =>
        person(100 + j, { grade: 3, learn: new Set(['ai', 'ml']), interests }),
      );
      const plan = planRound(mentors, mentees, noRules, 1, scan);
      expect(plan.matches).toHaveLength(12);
      expect(plan.total).toBe(fullGraphOptimum(mentors, mentees, noRules));
      expect(plan.proof.solves).toBeGreaterThanOrEqual(3);
    });

    it('looks past the mentors who share more topics when one sharing fewer scores higher', () => {
      // Two topics far away (20 − 3) against one topic with every interest (10 + 9): the scan
      // that stops at the stronger overlap must not stop before the weaker one could win.
      const mentee = person(100, {
        grade: 3,
        learn: new Set(['ai', 'tools']),
        interests: new Set(['chess', 'jazz', 'go']),
      });
      const far = person(1, { teach: new Set(['ai', 'tools']), utcOffset: 300 });
      const close = person(2, {
        teach: new Set(['ai']),
        interests: new Set(['chess', 'jazz', 'go']),
      });
      for (const k of [1, 2, 40]) {
        const plan = planRound([far, close], [mentee], noRules, k, scan);
        expect(plan.total).toBe(19);
        expect(plan.total).toBe(fullGraphOptimum([far, close], [mentee], noRules));
      }
    });

    it('still says why a mentor the shortened scan skipped is left out', () => {
      const mentee = person(100, { grade: 3, learn: new Set(['ai', 'tools']) });
      const both = person(1, { teach: new Set(['ai', 'tools']) });
      // Senior to the only mentee who wants AI: the scan stopped at `both` before reaching them.
      const senior = person(2, { grade: 4, teach: new Set(['ai']) });
      const plan = planRound([both, senior], [mentee], noRules, 1, scan);
      expect(plan.matches.map((m) => m.mentor.userId)).toEqual([1]);
      expect(plan.unmatched.map((u) => [u.volunteer.userId, u.reason])).toEqual([[2, 'no_senior']]);
    });

    const TOPICS = ['ai', 'tools', 'social', 'green'];
    /** What people may list: few interests and whole-hour zones, or many and odd offsets. */
    interface Palette {
      interests: string[];
      offsets: number[];
      /** What mentors teach and mentees want (default `TOPICS`). */
      topics?: string[];
      /** How many mentors (default 1–14). */
      mentors?: { min: number; max: number };
    }
    const NARROW: Palette = {
      interests: ['chess', 'running', 'jazz'],
      offsets: [0, 180, 300, -300],
    };
    // More interests than the pricing spells out per person (8), and zones 30/45 minutes off.
    const WIDE: Palette = {
      interests: Array.from({ length: 12 }, (_, i) => `hobby${i}`),
      offsets: [0, 180, 300, -300, 330, 345, -570, 840],
    };
    // Over 32 mentors and over 32 topics: the table's bit sets (dense.ts) span several words.
    const MANY: Palette = {
      interests: ['chess', 'running', 'jazz', 'go'],
      offsets: [0, 180, 300, -300],
      topics: Array.from({ length: 40 }, (_, i) => `topic${i}`),
      mentors: { min: 30, max: 70 },
    };
    const volunteer = (userId: number, favourite: boolean, palette: Palette) =>
      fc
        .record({
          grade: fc.integer({ min: 1, max: 5 }),
          department: fc.constantFrom('IT', 'Sales', 'HR'),
          teach: favourite
            ? fc.constant(palette.topics ?? TOPICS)
            : fc.subarray(palette.topics ?? TOPICS),
          learn: fc.subarray(palette.topics ?? TOPICS, { minLength: 1 }),
          interests: favourite ? fc.constant(palette.interests) : fc.subarray(palette.interests),
          formats: fc.subarray([...FORMATS], { minLength: 1 }),
          utcOffset: fc.constantFrom(...palette.offsets),
          capacity: fc.integer({ min: 1, max: 3 }),
          groupCapacity: fc.option(fc.integer({ min: 0, max: GROUP_SIZE_MAX }), { nil: undefined }),
          limit: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        })
        .map(
          (v): MentorSide => ({
            userId,
            name: `p${userId}`,
            grade: favourite ? 1 : v.grade,
            department: v.department,
            teach: new Set(v.teach),
            learn: new Set(v.learn),
            interests: new Set(v.interests),
            formats: new Set(v.formats as Format[]),
            utcOffset: v.utcOffset,
            capacity: v.capacity,
            groupCapacity: v.groupCapacity,
            limit: v.limit,
          }),
        );

    /**
     * Small programs where the lists are short (1–3 per mentee), so they miss pairs the way
     * top-40 lists do at scale: a few favourite mentors everyone ranks first, capacities,
     * groups, ties (identical profiles), grade and department rules, past pairs.
     */
    const instance = (palette: Palette) =>
      fc
        .record({
          m: fc.integer(palette.mentors ?? { min: 1, max: 14 }),
          n: fc.integer({ min: 1, max: 20 }),
          favourites: fc.integer({ min: 0, max: 4 }),
          k: fc.integer({ min: 1, max: 3 }),
        })
        .chain(({ m, n, favourites, k }) =>
          fc.record({
            k: fc.constant(k),
            mentors: fc.tuple(
              ...Array.from({ length: m }, (_, i) => volunteer(i + 1, i < favourites, palette)),
            ),
            mentees: fc.tuple(
              ...Array.from({ length: n }, (_, j) => volunteer(100 + j, false, palette)),
            ),
            // Role "both": some mentees also mentor, under the same id.
            both: fc.subarray(
              Array.from({ length: n }, (_, j) => j),
              { maxLength: Math.min(2, n) },
            ),
            sameDepartment: fc.boolean(),
            declined: fc.array(
              fc.tuple(fc.integer({ min: 1, max: m }), fc.integer({ min: 100, max: 99 + n })),
              { maxLength: 3 },
            ),
          }),
        );

    it.each([
      ['few interests, whole-hour zones', NARROW, 3000],
      ['many interests, odd zones', WIDE, 1000],
      ['many mentors and topics', MANY, 150],
    ] as const)(
      'equals the full-graph optimum on small adversarial programs with short lists (%s)',
      (_, palette, runs) => {
        fc.assert(
          fc.property(
            instance(palette),
            ({ k, mentors, mentees, both, sameDepartment, declined }) => {
              const rules: MatchRules = {
                sameDepartment,
                history: new Set(declined.map(([a, b]) => historyKey(a, b))),
              };
              const allMentors = [...mentors, ...both.map((j) => mentees[j] as MentorSide)];
              const plan = planRound(allMentors, mentees, rules, k, scan);
              expect(plan.total).toBe(fullGraphOptimum(allMentors, mentees, rules));
              // Exactly as today: the pairs obey the rules, each mentee once, the hubs' sizes.
              const seen = new Set<number>();
              for (const match of plan.matches) {
                expect(ineligible(match.mentor, match.mentee, rules)).toBeUndefined();
                expect(seen.has(match.mentee.userId)).toBe(false);
                seen.add(match.mentee.userId);
              }
              for (const mentor of allMentors) {
                const mine = plan.matches.filter((x) => x.mentor === mentor);
                const limit =
                  mentor.limit ??
                  (mentor.formats.has('group')
                    ? Math.max(mentor.capacity, GROUP_SIZE_MAX)
                    : mentor.capacity);
                expect(mine.length).toBeLessThanOrEqual(limit);
                expect(mine.filter((x) => !x.group).length).toBeLessThanOrEqual(
                  mentor.capacity + (mentor.groupCapacity ?? GROUP_SIZE_MAX),
                );
              }
            },
          ),
          { numRuns: runs },
        );
      },
    );

    it('equals the full-graph optimum when many mentees share a few favourite mentors', () => {
      // Two favourites (capacity 1 and a group), eight ordinary mentors, twenty mentees, all
      // wanting the same topic: lists of 3 see only the favourites and one more.
      const favourites = [
        person(1, {
          teach: new Set(['ai', 'tools']),
          interests: new Set(['chess', 'jazz', 'go']),
          capacity: 1,
        }),
        person(2, {
          teach: new Set(['ai', 'tools']),
          interests: new Set(['chess', 'jazz', 'go']),
          formats: new Set<Format>(['one_on_one', 'group']),
          capacity: 1,
        }),
      ];
      const ordinary = Array.from({ length: 8 }, (_, i) =>
        person(10 + i, { teach: new Set(['ai']), utcOffset: i * 60, capacity: 1 + (i % 3) }),
      );
      const mentees = Array.from({ length: 20 }, (_, j) =>
        person(100 + j, {
          grade: 2 + (j % 3),
          learn: new Set(['ai', 'tools']),
          interests: new Set(['chess', 'jazz', 'go']),
          formats: new Set<Format>(j % 2 ? ['one_on_one', 'group'] : ['one_on_one']),
          department: j % 5 === 0 ? 'D1' : 'Sales',
        }),
      );
      const all = [...favourites, ...ordinary];
      for (const k of [1, 2, 3, 40]) {
        const plan = planRound(all, mentees, noRules, k, scan);
        expect(plan.total).toBe(fullGraphOptimum(all, mentees, noRules));
      }
    });
  },
);
