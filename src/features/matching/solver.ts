/**
 * Maximum-weight bipartite b-matching: every mentor takes at most `capacity` mentees, every
 * mentee at most one mentor, and the total weight of the chosen edges is as large as it
 * can be. Solved exactly as min-cost flow by successive shortest paths (Dijkstra with
 * potentials), stopping when the next augmenting path would no longer add weight.
 *
 * Weights must be positive integers and should be tie-free (see `tieBreak`): equal weights
 * make Dijkstra explore far more of the graph (TECH_NOTES §7).
 */

export interface SolverEdge {
  /** Index into `hubs`. */
  hub: number;
  mentee: number;
  weight: number;
}

/**
 * A mentor offers one or more hubs (1:1 and group), each with its own capacity; the
 * mentor's `limit` caps them together.
 */
export interface SolverInput {
  mentorLimit: number[];
  hubs: { mentor: number; capacity: number }[];
  menteeCount: number;
  edges: SolverEdge[];
}

export interface SolverResult {
  /** Chosen edges, by index into `input.edges`. */
  chosen: number[];
  total: number;
  /**
   * The final node potentials, as LP duals (see `priceLeftOut` in round.ts): per hub its
   * potential π(h) ≥ 0, per mentee y = −π(mentee) ≥ 0. Every edge in `input.edges` has
   * weight ≤ π(h) + y(mentee), with equality on the chosen ones.
   */
  hubDual: Float64Array;
  menteeDual: Float64Array;
}

/** A binary heap of (key, node) pairs, smallest key first. */
class MinHeap {
  #keys: number[] = [];
  #nodes: number[] = [];

  get size(): number {
    return this.#keys.length;
  }

  push(key: number, node: number): void {
    const keys = this.#keys;
    const nodes = this.#nodes;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] ?? 0) <= key) break;
      keys[i] = keys[parent] ?? 0;
      nodes[i] = nodes[parent] ?? 0;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the smallest; returns [key, node]. */
  pop(): [number, number] {
    const keys = this.#keys;
    const nodes = this.#nodes;
    const topKey = keys[0] ?? 0;
    const topNode = nodes[0] ?? 0;
    const lastKey = keys.pop() ?? 0;
    const lastNode = nodes.pop() ?? 0;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (keys[r] ?? 0) < (keys[l] ?? 0) ? r : l;
        if ((keys[c] ?? 0) >= lastKey) break;
        keys[i] = keys[c] ?? 0;
        nodes[i] = nodes[c] ?? 0;
        i = c;
      }
      keys[i] = lastKey;
      nodes[i] = lastNode;
    }
    return [topKey, topNode];
  }
}

/**
 * Solves the matching exactly on the given edges, mentee by mentee (the Jonker–Volgenant
 * idea on a flow network). Nodes: source, mentors, hubs, mentees; arcs source→mentor
 * (limit), mentor→hub (capacity), hub→mentee (1, cost −weight) and a direct source→mentee
 * arc of cost 0 that stands for "not matched". Every mentee receives exactly one unit, so
 * the minimum-cost flow is the maximum-weight matching. Each mentee is added by the
 * cheapest path from the source found by a Dijkstra search backwards from that mentee,
 * which stops as soon as it reaches the source: the "not matched" arc bounds the search,
 * so it stays local. Reduced costs stay non-negative, so the result is exact.
 */
export function solveMatching(input: SolverInput): SolverResult {
  const P = input.mentorLimit.length;
  const H = input.hubs.length;
  const N = input.menteeCount;
  // Node numbering: mentors 0..P-1, hubs P..P+H-1, mentees P+H.., then the source.
  const firstMentee = P + H;
  const source = firstMentee + N;
  const V = source + 1;

  const arcCount = 2 * (P + H + input.edges.length + N);
  const to = new Int32Array(arcCount);
  const cap = new Int32Array(arcCount);
  const cost = new Float64Array(arcCount);
  const next = new Int32Array(arcCount);
  const head = new Int32Array(V).fill(-1);
  let arcs = 0;
  const addArc = (u: number, v: number, c: number, w: number) => {
    to[arcs] = v;
    cap[arcs] = c;
    cost[arcs] = w;
    next[arcs] = head[u] ?? -1;
    head[u] = arcs++;
    to[arcs] = u;
    cap[arcs] = 0;
    cost[arcs] = -w;
    next[arcs] = head[v] ?? -1;
    head[v] = arcs++;
  };
  for (let m = 0; m < P; m++) addArc(source, m, input.mentorLimit[m] ?? 0, 0);
  input.hubs.forEach((hub, h) => {
    addArc(hub.mentor, P + h, hub.capacity, 0);
  });
  const edgeArc = new Int32Array(input.edges.length);
  input.edges.forEach((e, i) => {
    edgeArc[i] = arcs;
    addArc(P + e.hub, firstMentee + e.mentee, 1, -e.weight);
  });
  for (let j = 0; j < N; j++) addArc(source, firstMentee + j, 1, 0);

  // Potentials that make every arc's reduced cost non-negative at zero flow.
  const potential = new Float64Array(V);
  for (const e of input.edges) {
    const v = firstMentee + e.mentee;
    potential[v] = Math.min(potential[v] ?? 0, -e.weight);
  }

  const dist = new Float64Array(V).fill(Number.POSITIVE_INFINITY);
  const nextArc = new Int32Array(V);
  const done = new Uint8Array(V);
  const touched: number[] = [];
  const heap = new MinHeap();

  for (let j = 0; j < N; j++) {
    const start = firstMentee + j;
    dist[start] = 0;
    touched.push(start);
    heap.push(0, start);
    let found = false;
    const settled: number[] = [];
    while (heap.size > 0) {
      const [d, v] = heap.pop();
      if (done[v] || d > (dist[v] ?? 0)) continue;
      done[v] = 1;
      settled.push(v);
      if (v === source) {
        found = true;
        break;
      }
      const pv = potential[v] ?? 0;
      // Arcs u→v with room, walked backwards: a is v's own arc, a^1 runs u→v.
      for (let a = head[v] ?? -1; a !== -1; a = next[a] ?? -1) {
        const back = a ^ 1;
        if ((cap[back] ?? 0) <= 0) continue;
        const u = to[a] ?? 0;
        if (done[u]) continue;
        const nd = d + (cost[back] ?? 0) + (potential[u] ?? 0) - pv;
        if (nd < (dist[u] ?? Number.POSITIVE_INFINITY)) {
          if (dist[u] === Number.POSITIVE_INFINITY) touched.push(u);
          dist[u] = nd;
          nextArc[u] = back;
          heap.push(nd, u);
        }
      }
    }
    if (found) {
      const D = dist[source] ?? 0;
      for (const v of settled) potential[v] = (potential[v] ?? 0) + D - (dist[v] ?? 0);
      // Push one unit source → … → mentee j along the arcs found.
      for (let u = source; u !== start; ) {
        const a = nextArc[u] ?? 0;
        cap[a] = (cap[a] ?? 0) - 1;
        cap[a ^ 1] = (cap[a ^ 1] ?? 0) + 1;
        u = to[a] ?? start;
      }
    }
    for (const v of touched) {
      dist[v] = Number.POSITIVE_INFINITY;
      done[v] = 0;
    }
    touched.length = 0;
    while (heap.size > 0) heap.pop();
  }

  const chosen: number[] = [];
  let total = 0;
  input.edges.forEach((e, i) => {
    if ((cap[edgeArc[i] ?? 0] ?? 1) === 0) {
      chosen.push(i);
      total += e.weight;
    }
  });
  const hubDual = potential.slice(P, P + H);
  const menteeDual = new Float64Array(N);
  for (let j = 0; j < N; j++) menteeDual[j] = -(potential[firstMentee + j] ?? 0);
  return { chosen, total, hubDual, menteeDual };
}

/** FNV-1a hash of two ids: a deterministic, well-spread tie-breaker. */
export function tieBreak(a: number, b: number): number {
  let h = 0x811c9dc5;
  for (const x of [a, b]) {
    for (let i = 0; i < 4; i++) {
      h ^= (x >>> (i * 8)) & 0xff;
      h = Math.imul(h, 0x01000193);
    }
  }
  return (h >>> 0) % 1000;
}
