/**
 * The benchmark's full-graph reference: the maximum total score over ALL eligible pairs,
 * written here independently of Tandem's solver (no candidate lists, no tie-breakers).
 *
 * Min-cost flow by the primal-dual method on a dense score matrix: one Dijkstra (with
 * potentials) finds the cheapest augmenting path, then depth-first search pushes flow along
 * every path of zero reduced cost before the next Dijkstra. Scores are small integers, so
 * the number of Dijkstra phases stays near the number of distinct path costs. It stops when
 * the cheapest path would no longer add score. Meant for n ≤ 2 000 (the matrix is dense).
 */
import { compile, fastScore, historyIndex, ruleOut } from '../src/features/matching/compiled';
import type { MatchRules } from '../src/features/matching/score';
import type { Instance } from './match-families';

/** Eligible pairs' scores, one row per mentee; 0 marks an ineligible pair (scores are ≥ 1). */
export interface ScoreMatrix {
  mentors: number;
  mentees: number;
  score: Int16Array;
}

/** Scores every pair once with the fast scoring Tandem uses. */
export function scoreMatrix({ mentors, mentees }: Instance, rules: MatchRules): ScoreMatrix {
  const c = compile(mentors, mentees);
  const history = historyIndex(rules);
  const nM = mentors.length;
  const score = new Int16Array(nM * mentees.length);
  for (let j = 0; j < mentees.length; j++) {
    for (let i = 0; i < nM; i++) {
      if (ruleOut(c, i, j, rules, history) !== '') continue;
      score[j * nM + i] = Math.max(0, fastScore(c, i, j));
    }
  }
  return { mentors: nM, mentees: mentees.length, score };
}

/** A binary min-heap of (key, node) with lazy deletion. */
class Heap {
  keys: number[] = [];
  nodes: number[] = [];
  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let k = keys.length;
    keys.push(key);
    nodes.push(node);
    while (k > 0) {
      const p = (k - 1) >> 1;
      if ((keys[p] as number) <= key) break;
      keys[k] = keys[p] as number;
      nodes[k] = nodes[p] as number;
      k = p;
    }
    keys[k] = key;
    nodes[k] = node;
  }
  /** Removes the smallest; returns its node (its key is left in `lastKey`). */
  lastKey = 0;
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0] as number;
    this.lastKey = keys[0] as number;
    const key = keys.pop() as number;
    const node = nodes.pop() as number;
    const n = keys.length;
    if (n > 0) {
      let k = 0;
      for (;;) {
        let c = 2 * k + 1;
        if (c >= n) break;
        if (c + 1 < n && (keys[c + 1] as number) < (keys[c] as number)) c += 1;
        if ((keys[c] as number) >= key) break;
        keys[k] = keys[c] as number;
        nodes[k] = nodes[c] as number;
        k = c;
      }
      keys[k] = key;
      nodes[k] = node;
    }
    return top;
  }
  get size(): number {
    return this.keys.length;
  }
}

export interface Optimum {
  total: number;
  pairs: number;
  /** Mentor index per mentee, -1 when unmatched. */
  mentorOf: Int32Array;
}

/** The optimum b-matching: each mentor at most `capacity[i]` mentees, each mentee one mentor. */
export function fullGraphOptimum(m: ScoreMatrix, capacity: ArrayLike<number>): Optimum {
  const { mentors: nM, mentees: nE, score: S } = m;
  // Nodes: mentees 0…nE-1, mentors nE…nE+nM-1, sink t. The source is implicit (potential 0).
  const t = nE + nM;
  const V = t + 1;
  const pi = new Float64Array(V);
  const dist = new Float64Array(V);
  const done = new Uint8Array(V);
  const matchOf = new Int32Array(nE).fill(-1);
  const used = new Int32Array(nM);
  const assigned: number[][] = Array.from({ length: nM }, () => []);
  // Initial potentials make every arc's reduced cost non-negative: mentee → mentor costs -score.
  for (let i = 0; i < nM; i++) {
    let best = 0;
    for (let j = 0; j < nE; j++) best = Math.max(best, S[j * nM + i] as number);
    pi[nE + i] = -best;
    pi[t] = Math.min(pi[t] as number, -best);
  }

  const dead = new Uint8Array(V);
  const seen = new Int32Array(V);
  let stamp = 0;
  const cap = (i: number) => capacity[i] as number;

  const fromMentee = (j: number): boolean => {
    seen[j] = stamp;
    const row = j * nM;
    const pj = pi[j] as number;
    for (let i = 0; i < nM; i++) {
      const s = S[row + i] as number;
      if (s === 0 || matchOf[j] === i) continue;
      const v = nE + i;
      if (dead[v] || seen[v] === stamp || -s + pj - (pi[v] as number) !== 0) continue;
      if (fromMentor(i)) {
        const old = matchOf[j] as number;
        if (old >= 0) {
          const list = assigned[old] as number[];
          list.splice(list.indexOf(j), 1);
          used[old] = (used[old] as number) - 1;
        }
        matchOf[j] = i;
        (assigned[i] as number[]).push(j);
        used[i] = (used[i] as number) + 1;
        return true;
      }
    }
    dead[j] = 1;
    return false;
  };
  const fromMentor = (i: number): boolean => {
    const v = nE + i;
    seen[v] = stamp;
    if ((used[i] as number) < cap(i) && pi[v] === pi[t]) return true;
    for (const j of assigned[i] as number[]) {
      if (dead[j] || seen[j] === stamp) continue;
      if ((S[j * nM + i] as number) + (pi[v] as number) - (pi[j] as number) !== 0) continue;
      if (fromMentee(j)) return true;
    }
    dead[v] = 1;
    return false;
  };

  const heap = new Heap();
  for (;;) {
    // Dijkstra on reduced costs from the free mentees, stopping at the sink.
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    heap.keys.length = 0;
    heap.nodes.length = 0;
    for (let j = 0; j < nE; j++) {
      if (matchOf[j] !== -1) continue;
      dist[j] = -(pi[j] as number);
      heap.push(dist[j] as number, j);
    }
    while (heap.size > 0) {
      const u = heap.pop();
      const du = heap.lastKey;
      if (done[u] || du !== dist[u]) continue;
      done[u] = 1;
      if (u === t) break;
      const pu = pi[u] as number;
      if (u < nE) {
        const row = u * nM;
        for (let i = 0; i < nM; i++) {
          const s = S[row + i] as number;
          if (s === 0 || matchOf[u] === i) continue;
          const v = nE + i;
          const nd = du - s + pu - (pi[v] as number);
          if (nd < (dist[v] as number)) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      } else {
        const i = u - nE;
        if ((used[i] as number) < cap(i)) {
          const nd = du + pu - (pi[t] as number);
          if (nd < (dist[t] as number)) {
            dist[t] = nd;
            heap.push(nd, t);
          }
        }
        for (const j of assigned[i] as number[]) {
          const nd = du + (S[j * nM + i] as number) + pu - (pi[j] as number);
          if (nd < (dist[j] as number)) {
            dist[j] = nd;
            heap.push(nd, j);
          }
        }
      }
    }
    const dt = dist[t] as number;
    if (!Number.isFinite(dt)) break;
    for (let v = 0; v < V; v++) pi[v] = (pi[v] as number) + Math.min(dist[v] as number, dt);
    // The cheapest path's real cost is pi[t] - pi[source] = pi[t]: stop once it adds nothing.
    if ((pi[t] as number) >= 0) break;
    // Push flow along every zero-reduced-cost path this phase still finds.
    dead.fill(0);
    for (let j = 0; j < nE; j++) {
      if (matchOf[j] !== -1 || dead[j] || pi[j] !== 0) continue;
      stamp += 1;
      fromMentee(j);
    }
  }

  let total = 0;
  let pairs = 0;
  for (let j = 0; j < nE; j++) {
    const i = matchOf[j] as number;
    if (i < 0) continue;
    total += S[j * nM + i] as number;
    pairs += 1;
  }
  return { total, pairs, mentorOf: matchOf };
}
