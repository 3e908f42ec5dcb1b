/**
 * The fair baselines `npm run bench:match` runs next to Tandem: same eligibility and the
 * same fast scoring (`compiled.ts`), so the comparison is about the algorithm.
 */
import { munkres } from 'munkres';
import { compile, fastScore, historyIndex, ruleOut } from '../src/features/matching/compiled';
import type { MatchRules, Volunteer } from '../src/features/matching/score';
import type { Instance } from './match-families';

export interface Result {
  total: number;
  pairs: number;
}

/**
 * The dense Hungarian method (`munkres`): one row per mentee, one column per mentor slot
 * (capacities expanded), plus "unmatched" columns when there are fewer slots than mentees.
 * An ineligible cell costs 0, the same as staying unmatched.
 */
export function hungarian({ mentors, mentees }: Instance, rules: MatchRules): Result {
  const c = compile(mentors, mentees);
  const history = historyIndex(rules);
  const slotMentor: number[] = [];
  mentors.forEach((m, i) => {
    for (let k = 0; k < m.capacity; k++) slotMentor.push(i);
  });
  const columns = Math.max(slotMentor.length, mentees.length);
  const matrix = mentees.map((_, j) => {
    const row = new Float64Array(columns);
    let col = 0;
    mentors.forEach((m, i) => {
      const s = ruleOut(c, i, j, rules, history) === '' ? fastScore(c, i, j) : 0;
      const cost = s > 0 ? -s : 0;
      row.fill(cost, col, col + m.capacity);
      col += m.capacity;
    });
    return row;
  });
  let total = 0;
  let pairs = 0;
  for (const [row, col] of munkres(matrix)) {
    const cost = matrix[row]?.[col] ?? 0;
    if (cost < 0) {
      total -= cost;
      pairs += 1;
    }
  }
  return { total, pairs };
}

/** How many of each mentee's best mentors are kept at a time; refilled when used up. */
const GREEDY_LIST = 8;

/**
 * Greedy: take the best remaining eligible pair while capacity lasts — the same result as
 * sorting every pair, but streamed: each mentee keeps a short list of its best mentors with
 * room left, and a max-heap over the mentees' heads yields the next best pair. Memory stays
 * O(n) instead of one object per eligible pair.
 */
export function streamingGreedy({ mentors, mentees }: Instance, rules: MatchRules): Result {
  const c = compile(mentors, mentees);
  const history = historyIndex(rules);
  const byTopic = mentorsByTopic(mentors);
  const left = Int32Array.from(mentors, (m) => m.capacity);
  const nE = mentees.length;
  const listI = new Int32Array(nE * GREEDY_LIST);
  const listS = new Int32Array(nE * GREEDY_LIST);
  const length = new Int32Array(nE);
  const head = new Int32Array(nE);
  const seen = new Int32Array(mentors.length).fill(-1);
  let stampBase = 0;

  /** Refills mentee j's list with its best mentors ranked after (score, mentor) = (afterS, afterI). */
  const refill = (j: number, afterS: number, afterI: number): void => {
    const base = j * GREEDY_LIST;
    let len = 0;
    stampBase += 1;
    for (const topic of mentees[j]?.learn ?? []) {
      for (const i of byTopic.get(topic) ?? []) {
        if (seen[i] === stampBase) continue;
        seen[i] = stampBase;
        if ((left[i] as number) <= 0 || ruleOut(c, i, j, rules, history) !== '') continue;
        const s = fastScore(c, i, j);
        if (s <= 0 || s > afterS || (s === afterS && i <= afterI)) continue;
        // Ranked by score, then by mentor index; keep the best GREEDY_LIST.
        if (len === GREEDY_LIST) {
          const ls = listS[base + len - 1] as number;
          const li = listI[base + len - 1] as number;
          if (s < ls || (s === ls && i > li)) continue;
        }
        let k = len < GREEDY_LIST ? len++ : len - 1;
        while (k > 0) {
          const ps = listS[base + k - 1] as number;
          const pi = listI[base + k - 1] as number;
          if (ps > s || (ps === s && pi < i)) break;
          listS[base + k] = ps;
          listI[base + k] = pi;
          k -= 1;
        }
        listS[base + k] = s;
        listI[base + k] = i;
      }
    }
    length[j] = len;
    head[j] = 0;
  };

  // Max-heap of mentees by their head's score (then lower mentee index first).
  const heap: number[] = [];
  const key = (j: number) => (listS[j * GREEDY_LIST + (head[j] as number)] as number) * nE * 2 - j;
  const push = (j: number) => {
    let k = heap.length;
    heap.push(j);
    const kj = key(j);
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (key(heap[p] as number) >= kj) break;
      heap[k] = heap[p] as number;
      k = p;
    }
    heap[k] = j;
  };
  const pop = (): number => {
    const top = heap[0] as number;
    const last = heap.pop() as number;
    const n = heap.length;
    if (n > 0) {
      const kl = key(last);
      let k = 0;
      for (;;) {
        let ch = 2 * k + 1;
        if (ch >= n) break;
        if (ch + 1 < n && key(heap[ch + 1] as number) > key(heap[ch] as number)) ch += 1;
        if (key(heap[ch] as number) <= kl) break;
        heap[k] = heap[ch] as number;
        k = ch;
      }
      heap[k] = last;
    }
    return top;
  };

  for (let j = 0; j < nE; j++) {
    refill(j, Number.POSITIVE_INFINITY, -1);
    if ((length[j] as number) > 0) push(j);
  }
  let total = 0;
  let pairs = 0;
  while (heap.length > 0) {
    const j = pop();
    const at = j * GREEDY_LIST + (head[j] as number);
    const i = listI[at] as number;
    if ((left[i] as number) > 0) {
      left[i] = (left[i] as number) - 1;
      total += listS[at] as number;
      pairs += 1;
      continue;
    }
    head[j] = (head[j] as number) + 1;
    if ((head[j] as number) >= (length[j] as number)) refill(j, listS[at] as number, i);
    if ((length[j] as number) > 0) push(j);
  }
  return { total, pairs };
}

/** Each topic's mentors (their indexes), so a mentee only looks at mentors who teach what they want. */
function mentorsByTopic(mentors: readonly Pick<Volunteer, 'teach'>[]): Map<string, number[]> {
  const byTopic = new Map<string, number[]>();
  mentors.forEach((m, i) => {
    for (const topic of m.teach) {
      const list = byTopic.get(topic) ?? [];
      list.push(i);
      byTopic.set(topic, list);
    }
  });
  return byTopic;
}
