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
 * cheapest path from a node with a unit to spare (at first only the source) found by a
 * Dijkstra search backwards from that mentee, which stops as soon as it reaches one: the
 * "not matched" arc bounds the search, so it stays local. Reduced costs stay non-negative,
 * so the result is exact.
 *
 * Edges can be added afterwards and the matching solved again from where it was (the
 * optimality check does): see `addEdges`.
 */
export class MatchingFlow {
  readonly #P: number;
  readonly #N: number;
  readonly #firstMentee: number;
  readonly #source: number;
  #to: Int32Array;
  #cap: Int32Array;
  #cost: Float64Array;
  #next: Int32Array;
  readonly #head: Int32Array;
  #arcs = 0;
  readonly #edges: SolverEdge[] = [];
  readonly #edgeArc: number[] = [];
  readonly #potential: Float64Array;
  /** Units a node holds to pass on: the source's N at first, a hub's after a reset. */
  readonly #excess: Int32Array;
  /** Mentees still to receive their unit. */
  #waiting: number[] = [];

  constructor(input: SolverInput) {
    const P = input.mentorLimit.length;
    const H = input.hubs.length;
    const N = input.menteeCount;
    this.#P = P;
    this.#N = N;
    // Node numbering: mentors 0..P-1, hubs P..P+H-1, mentees P+H.., then the source.
    this.#firstMentee = P + H;
    this.#source = this.#firstMentee + N;
    const V = this.#source + 1;
    const arcCount = 2 * (P + H + input.edges.length + N);
    this.#to = new Int32Array(arcCount);
    this.#cap = new Int32Array(arcCount);
    this.#cost = new Float64Array(arcCount);
    this.#next = new Int32Array(arcCount);
    this.#head = new Int32Array(V).fill(-1);
    this.#potential = new Float64Array(V);
    this.#excess = new Int32Array(V);
    const source = this.#source;
    for (let m = 0; m < P; m++) this.#addArc(source, m, input.mentorLimit[m] ?? 0, 0);
    input.hubs.forEach((hub, h) => {
      this.#addArc(hub.mentor, P + h, hub.capacity, 0);
    });
    for (let j = 0; j < N; j++) this.#addArc(source, this.#firstMentee + j, 1, 0);
    for (const e of input.edges) this.#addEdge(e);
    // Potentials that make every arc's reduced cost non-negative at zero flow.
    for (const e of input.edges) {
      const v = this.#firstMentee + e.mentee;
      this.#potential[v] = Math.min(this.#potential[v] ?? 0, -e.weight);
    }
    this.#excess[source] = N;
    this.#waiting = Array.from({ length: N }, (_, j) => j);
  }

  #addArc(u: number, v: number, c: number, w: number): number {
    if (this.#arcs + 2 > this.#to.length) {
      const size = this.#to.length * 2 + 16;
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.#to = grow(this.#to, new Int32Array(size));
      this.#cap = grow(this.#cap, new Int32Array(size));
      this.#cost = grow(this.#cost, new Float64Array(size));
      this.#next = grow(this.#next, new Int32Array(size));
    }
    const a = this.#arcs;
    this.#to[a] = v;
    this.#cap[a] = c;
    this.#cost[a] = w;
    this.#next[a] = this.#head[u] ?? -1;
    this.#head[u] = a;
    this.#to[a + 1] = u;
    this.#cap[a + 1] = 0;
    this.#cost[a + 1] = -w;
    this.#next[a + 1] = this.#head[v] ?? -1;
    this.#head[v] = a + 1;
    this.#arcs += 2;
    return a;
  }

  #addEdge(e: SolverEdge): number {
    this.#edges.push(e);
    const a = this.#addArc(this.#P + e.hub, this.#firstMentee + e.mentee, 1, -e.weight);
    this.#edgeArc.push(a);
    return a;
  }

  /**
   * Adds edges after a solve. An edge whose reduced cost is negative would break the
   * invariant the exactness rests on; its mentee is reset instead: its unit goes back to
   * the node it came through (which now holds it to spare), and its potential drops until
   * every arc into it is non-negative again — the only arc out of it was the one taken back.
   * The next `solve` routes those mentees again, each by one shortest path.
   */
  addEdges(edges: readonly SolverEdge[]): void {
    const potential = this.#potential;
    const reset = new Set<number>();
    for (const e of edges) {
      const a = this.#addEdge(e);
      const u = this.#P + e.hub;
      const v = this.#firstMentee + e.mentee;
      if ((this.#cost[a] ?? 0) + (potential[u] ?? 0) - (potential[v] ?? 0) < 0) reset.add(e.mentee);
    }
    for (const j of reset) {
      const v = this.#firstMentee + j;
      let lowest = Number.POSITIVE_INFINITY;
      for (let a = this.#head[v] ?? -1; a !== -1; a = this.#next[a] ?? -1) {
        const fwd = a ^ 1;
        const u = this.#to[a] ?? 0;
        if ((this.#cap[a] ?? 0) > 0) {
          // a runs v→u with room: the arc u→v carries v's unit. Take it back.
          this.#cap[a] = (this.#cap[a] ?? 0) - 1;
          this.#cap[fwd] = (this.#cap[fwd] ?? 0) + 1;
          this.#excess[u] = (this.#excess[u] ?? 0) + 1;
        }
        const c = (this.#cost[fwd] ?? 0) + (potential[u] ?? 0);
        if (c < lowest) lowest = c;
      }
      potential[v] = Math.min(potential[v] ?? 0, lowest);
      this.#waiting.push(j);
    }
  }

  /** Routes every mentee still waiting, then reports the matching and its duals. */
  solve(): SolverResult {
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const next = this.#next;
    const head = this.#head;
    const potential = this.#potential;
    const excess = this.#excess;
    const V = potential.length;
    const dist = new Float64Array(V).fill(Number.POSITIVE_INFINITY);
    const nextArc = new Int32Array(V);
    const done = new Uint8Array(V);
    const touched: number[] = [];
    const settled: number[] = [];
    const heap = new MinHeap();

    for (const j of this.#waiting) {
      const start = this.#firstMentee + j;
      dist[start] = 0;
      touched.push(start);
      heap.push(0, start);
      let found = -1;
      settled.length = 0;
      while (heap.size > 0) {
        const [d, v] = heap.pop();
        if (done[v] || d > (dist[v] ?? 0)) continue;
        done[v] = 1;
        settled.push(v);
        if ((excess[v] ?? 0) > 0) {
          found = v;
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
      if (found >= 0) {
        const D = dist[found] ?? 0;
        for (const v of settled) potential[v] = (potential[v] ?? 0) + D - (dist[v] ?? 0);
        // Push one unit from the node that had it to spare … → mentee j along the arcs found.
        excess[found] = (excess[found] ?? 0) - 1;
        for (let u = found; u !== start; ) {
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
    this.#waiting = [];

    const chosen: number[] = [];
    let total = 0;
    this.#edges.forEach((e, i) => {
      if ((cap[this.#edgeArc[i] ?? 0] ?? 1) === 0) {
        chosen.push(i);
        total += e.weight;
      }
    });
    // Potentials are defined up to a constant: measure them from the source.
    const base = potential[this.#source] ?? 0;
    const H = this.#firstMentee - this.#P;
    const hubDual = new Float64Array(H);
    for (let h = 0; h < H; h++) hubDual[h] = (potential[this.#P + h] ?? 0) - base;
    const menteeDual = new Float64Array(this.#N);
    for (let j = 0; j < this.#N; j++)
      menteeDual[j] = base - (potential[this.#firstMentee + j] ?? 0);
    return { chosen, total, hubDual, menteeDual };
  }
}

/** Solves the matching exactly on the given edges (see `MatchingFlow`). */
export function solveMatching(input: SolverInput): SolverResult {
  return new MatchingFlow(input).solve();
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
