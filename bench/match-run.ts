/**
 * One benchmark measurement in a fresh process (clean peak memory):
 *   tsx bench/match-run.ts <n> <tandem|greedy|munkres>
 * Prints one JSON line.
 */
import { munkres } from 'munkres';
import { compile, fastScore, ruleOut } from '../src/features/matching/compiled';
import { planRound } from '../src/features/matching/round';
import { ineligible, type MatchRules, score } from '../src/features/matching/score';
import { instance } from './match-instance';

const n = Number(process.argv[2] ?? 1000);
const method = process.argv[3] ?? 'tandem';
const { mentors, mentees } = instance(n);
const rules: MatchRules = { sameDepartment: false, history: new Set() };
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let total = 0;
let pairs = 0;

if (method === 'tandem') {
  const plan = planRound(mentors, mentees, rules);
  total = plan.total;
  pairs = plan.matches.length;
} else if (method === 'greedy') {
  // Baseline: take the best remaining eligible pair while capacity lasts (all pairs scored).
  const c = compile(mentors, mentees);
  const edges: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < mentors.length; i++) {
    for (let j = 0; j < mentees.length; j++) {
      if (!ruleOut(c, i, j, rules, undefined)) edges.push({ i, j, s: fastScore(c, i, j) });
    }
  }
  edges.sort((a, b) => b.s - a.s);
  const left = mentors.map((m) => m.capacity);
  const taken = new Set<number>();
  for (const { i, j, s } of edges) {
    if (s <= 0 || taken.has(j) || (left[i] ?? 0) <= 0) continue;
    left[i] = (left[i] ?? 0) - 1;
    taken.add(j);
    total += s;
    pairs += 1;
  }
} else {
  // Exact Hungarian on the dense matrix: one row per mentor slot, one column per mentee.
  const slots: number[] = [];
  mentors.forEach((m, i) => {
    for (let c = 0; c < m.capacity; c++) slots.push(i);
  });
  const matrix = slots.map((i) => {
    const mentor = mentors[i];
    return mentees.map((e) => {
      if (!mentor || ineligible(mentor, e, rules)) return 0;
      const s = score(mentor, e).total;
      return s > 0 ? -s : 0;
    });
  });
  for (const [row, col] of munkres(matrix)) {
    const cost = matrix[row]?.[col] ?? 0;
    if (cost < 0) {
      total -= cost;
      pairs += 1;
    }
  }
}

const ms = performance.now() - started;
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ n, method, ms: Math.round(ms), total, pairs, peakMb: Math.round(peakMb), startMb: Math.round(rssBefore / 1048576) })}\n`,
);
