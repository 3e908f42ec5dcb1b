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
 * Solves the matching exactly on the given edges. Nodes: source, mentors, hubs, mentees,
 * sink; arcs source→mentor (limit), mentor→hub (capacity), hub→mentee (1, −weight),
 * mentee→sink (1).
 */
export function solveMatching(input: SolverInput): SolverResult {
  const P = input.mentorLimit.length;
  const H = input.hubs.length;
  const N = input.menteeCount;
  // Node numbering: mentors 0..P-1, hubs P..P+H-1, mentees P+H..P+H+N-1, then source, sink.
  const M = P + H;
  const source = M + N;
  const sink = source + 1;
  const V = sink + 1;

  // Arc arrays (forward arc 2k, its reverse 2k+1).
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
    addArc(P + e.hub, M + e.mentee, 1, -e.weight);
  });
  for (let j = 0; j < N; j++) addArc(M + j, sink, 1, 0);

  // Initial potentials: the graph is a DAG, so shortest distances come in layer order.
  const potential = new Float64Array(V);
  for (let j = 0; j < N; j++) potential[M + j] = 0;
  for (const e of input.edges) {
    const v = M + e.mentee;
    potential[v] = Math.min(potential[v] ?? 0, -e.weight);
  }
  let sinkPot = 0;
  for (let j = 0; j < N; j++) sinkPot = Math.min(sinkPot, potential[M + j] ?? 0);
  potential[sink] = sinkPot;

  const dist = new Float64Array(V);
  const prevArc = new Int32Array(V);
  const done = new Uint8Array(V);
  let total = 0;

  for (;;) {
    // Dijkstra on reduced costs, stopping as soon as the sink is settled.
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    dist[source] = 0;
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (done[u] || d > (dist[u] ?? 0)) continue;
      done[u] = 1;
      if (u === sink) break;
      const pu = potential[u] ?? 0;
      for (let a = head[u] ?? -1; a !== -1; a = next[a] ?? -1) {
        if ((cap[a] ?? 0) <= 0) continue;
        const v = to[a] ?? 0;
        if (done[v]) continue;
        const nd = d + (cost[a] ?? 0) + pu - (potential[v] ?? 0);
        if (nd < (dist[v] ?? Number.POSITIVE_INFINITY)) {
          dist[v] = nd;
          prevArc[v] = a;
          heap.push(nd, v);
        }
      }
    }
    if (!done[sink]) break;
    const dSink = dist[sink] ?? 0;
    // The path's real cost; stop once another mentee would add no weight.
    const pathCost = dSink + (potential[sink] ?? 0) - (potential[source] ?? 0);
    if (pathCost >= 0) break;
    // Settled nodes move by their distance, all others by the sink's: reduced costs stay ≥ 0.
    for (let v = 0; v < V; v++) {
      potential[v] = (potential[v] ?? 0) + (done[v] ? (dist[v] ?? 0) : dSink);
    }
    for (let v = sink; v !== source; ) {
      const a = prevArc[v] ?? 0;
      cap[a] = (cap[a] ?? 0) - 1;
      cap[a ^ 1] = (cap[a ^ 1] ?? 0) + 1;
      v = to[a ^ 1] ?? source;
    }
    total -= pathCost;
  }

  const chosen: number[] = [];
  input.edges.forEach((_, i) => {
    if ((cap[edgeArc[i] ?? 0] ?? 1) === 0) chosen.push(i);
  });
  return { chosen, total };
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
