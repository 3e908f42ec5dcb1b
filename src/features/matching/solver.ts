/**
 * Maximum-weight bipartite b-matching: every mentor takes at most `capacity` mentees, every
 * mentee at most one mentor, and the total weight of the chosen edges is as large as it
 * can be. Solved exactly as a minimum-cost flow by the primal-dual method: one shortest-path
 * search over the whole network per phase, then as many shortest augmenting paths as a
 * depth-first search finds at that distance.
 *
 * Weights are small positive integers (pair scores). Equal weights are welcome: a phase
 * routes every mentee its shortest distance reaches at once, so the number of phases is
 * bounded by the largest weight, not by the number of mentees or of ties.
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
   * The final node potentials, as LP duals (see `priceLeftOut` in pricing.ts), measured
   * from the source: per hub its potential π(h), per mentee y = −π(mentee). Every edge in `input.edges` has
   * weight ≤ π(h) + y(mentee), with equality on the chosen ones.
   */
  hubDual: Float64Array;
  menteeDual: Float64Array;
}

/** A binary heap of (key, node) pairs, smallest key first, on growable typed arrays. */
class MinHeap {
  #keys = new Float64Array(1024);
  #nodes = new Int32Array(1024);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.#keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.#keys);
      this.#keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.#nodes);
      this.#nodes = nodes;
    }
    const keys = this.#keys;
    const nodes = this.#nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] ?? 0;
      if (pk <= key) break;
      keys[i] = pk;
      nodes[i] = nodes[parent] ?? 0;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** The smallest key (the heap must not be empty). */
  get topKey(): number {
    return this.#keys[0] ?? 0;
  }

  /** Removes the smallest and returns its node. */
  pop(): number {
    const keys = this.#keys;
    const nodes = this.#nodes;
    const top = nodes[0] ?? 0;
    const n = --this.size;
    const lastKey = keys[n] ?? 0;
    const lastNode = nodes[n] ?? 0;
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
    return top;
  }

  clear(): void {
    this.size = 0;
  }
}

/**
 * The flow network and its solution. Nodes: source, mentors, hubs, mentees; arcs
 * source→mentor (limit), mentor→hub (capacity), hub→mentee (1, cost −weight) and a direct
 * source→mentee arc of cost 0 that stands for "not matched". Every mentee receives exactly
 * one unit, so the minimum-cost flow is the maximum-weight matching.
 *
 * Invariant (what exactness rests on): node potentials π keep every arc with room at a
 * non-negative reduced cost c(u,v) + π(u) − π(v). A phase computes each node's distance from
 * the nodes holding units to spare (Dijkstra on reduced costs) up to the nearest mentee still
 * waiting, raises potentials by those distances — arcs on shortest paths drop to reduced cost
 * 0 and none goes below — and pushes units along paths of such arcs only. So every unit
 * travels a cheapest path, and when no mentee waits the flow is of minimum cost.
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
  /** 1 for a mentee still waiting for its unit. */
  readonly #waiting: Uint8Array;
  #waitingCount: number;
  readonly #hubMentor: Int32Array;

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
    this.#waiting = new Uint8Array(N).fill(1);
    this.#waitingCount = N;
    this.#hubMentor = Int32Array.from(input.hubs, (h) => h.mentor);
    const source = this.#source;
    // The "not matched" arcs first: the search tries them last (lists are last-in first).
    for (let j = 0; j < N; j++) this.#addArc(source, this.#firstMentee + j, 1, 0);
    for (let m = 0; m < P; m++) this.#addArc(source, m, input.mentorLimit[m] ?? 0, 0);
    input.hubs.forEach((hub, h) => {
      this.#addArc(hub.mentor, P + h, hub.capacity, 0);
    });
    for (const e of input.edges) this.#addEdge(e);
    // Potentials that make every arc's reduced cost non-negative at zero flow.
    for (const e of input.edges) {
      const v = this.#firstMentee + e.mentee;
      this.#potential[v] = Math.min(this.#potential[v] ?? 0, -e.weight);
    }
    this.#excess[source] = N;
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
   * invariant; its mentee is reset instead: its unit goes back to the node it came through
   * (which now holds it to spare), and its potential drops until every arc into it is
   * non-negative again — the only arc out of it was the one taken back. The next `solve`
   * routes those mentees again.
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
      if (!this.#waiting[j]) {
        this.#waiting[j] = 1;
        this.#waitingCount += 1;
      }
    }
  }

  /** Routes every mentee still waiting, then reports the matching and its duals. */
  solve(): SolverResult {
    const V = this.#potential.length;
    const dist = new Float64Array(V);
    const done = new Uint8Array(V);
    const heap = new MinHeap();
    const search = {
      dead: new Int32Array(V),
      onPath: new Uint8Array(V),
      current: new Int32Array(V),
      seen: new Int32Array(V),
      pathNodes: new Int32Array(V + 1),
      pathArcs: new Int32Array(V + 1),
    };
    let phase = 0;
    let dijkstras = 0;
    while (this.#waitingCount > 0) {
      dijkstras += 1;
      this.#raisePotentials(dist, done, heap);
      // Paths a search leaves behind are still shortest ones: look again before the next
      // Dijkstra, as long as looking finds some.
      while (this.#waitingCount > 0) {
        const before = this.#waitingCount;
        phase += 1;
        this.#augment(phase, search);
        if (this.#waitingCount === before) break;
      }
    }
    if (process.env.SOLVER_TRACE)
      console.error('phases', phase, 'dijkstras', dijkstras, 'edges', this.#edges.length);
    this.#highestPotentials(dist, done, heap);
    return this.#result();
  }

  /**
   * Dijkstra on reduced costs from every node with a unit to spare, stopped at the first
   * mentee still waiting (distance D); then π(v) += min(dist(v), D) for every node, which
   * keeps every reduced cost non-negative and makes the shortest paths' arcs 0.
   */
  #raisePotentials(dist: Float64Array, done: Uint8Array, heap: MinHeap): void {
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const next = this.#next;
    const head = this.#head;
    const potential = this.#potential;
    const excess = this.#excess;
    const waiting = this.#waiting;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    const V = potential.length;
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    heap.clear();
    for (let v = 0; v < V; v++) {
      if ((excess[v] ?? 0) > 0) {
        dist[v] = 0;
        heap.push(0, v);
      }
    }
    let D = Number.POSITIVE_INFINITY;
    while (heap.size > 0) {
      const d = heap.topKey;
      const v = heap.pop();
      if (done[v] || d > (dist[v] ?? 0)) continue;
      done[v] = 1;
      const j = v - firstMentee;
      if (j >= 0 && j < N && waiting[j]) {
        D = d;
        break;
      }
      const pv = potential[v] ?? 0;
      for (let a = head[v] ?? -1; a !== -1; a = next[a] ?? -1) {
        if ((cap[a] ?? 0) <= 0) continue;
        const u = to[a] ?? 0;
        if (done[u]) continue;
        const nd = d + (cost[a] ?? 0) + pv - (potential[u] ?? 0);
        if (nd < (dist[u] ?? 0)) {
          dist[u] = nd;
          heap.push(nd, u);
        }
      }
    }
    if (D === Number.POSITIVE_INFINITY)
      throw new Error('matching: a waiting mentee is unreachable');
    for (let v = 0; v < V; v++) {
      // A settled node is no farther than D; every other node is at least D away.
      potential[v] = (potential[v] ?? 0) + (done[v] ? (dist[v] ?? 0) : D);
    }
  }

  /**
   * Pushes units from the nodes that hold them to waiting mentees along arcs of reduced cost
   * 0, by depth-first search with dead ends remembered for the phase. It may leave some such
   * paths for the next phase (which then finds them at distance 0); every path it takes is a
   * shortest one, which is all exactness needs.
   */
  #augment(
    phase: number,
    s: {
      dead: Int32Array;
      onPath: Uint8Array;
      current: Int32Array;
      seen: Int32Array;
      pathNodes: Int32Array;
      pathArcs: Int32Array;
    },
  ): void {
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const next = this.#next;
    const head = this.#head;
    const potential = this.#potential;
    const excess = this.#excess;
    const waiting = this.#waiting;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    const V = potential.length;
    const { dead, onPath, current, seen, pathNodes, pathArcs } = s;
    for (let e = 0; e < V && this.#waitingCount > 0; e++) {
      if ((excess[e] ?? 0) <= 0 || dead[e] === phase) continue;
      while ((excess[e] ?? 0) > 0 && this.#waitingCount > 0) {
        // One path from e, or e is a dead end for this phase.
        let depth = 0;
        pathNodes[0] = e;
        onPath[e] = 1;
        if (seen[e] !== phase) {
          seen[e] = phase;
          current[e] = head[e] ?? -1;
        }
        let reached = -1;
        while (depth >= 0) {
          const u = pathNodes[depth] ?? 0;
          const j = u - firstMentee;
          if (depth > 0 && j >= 0 && j < N && waiting[j]) {
            reached = j;
            break;
          }
          const pu = potential[u] ?? 0;
          let a = current[u] ?? -1;
          let v = -1;
          for (; a !== -1; a = next[a] ?? -1) {
            if ((cap[a] ?? 0) <= 0) continue;
            const w = to[a] ?? 0;
            if (dead[w] === phase || onPath[w]) continue;
            if ((cost[a] ?? 0) + pu - (potential[w] ?? 0) !== 0) continue;
            v = w;
            break;
          }
          current[u] = a;
          if (v === -1) {
            // A dead end: nothing from u reaches a waiting mentee this phase.
            dead[u] = phase;
            onPath[u] = 0;
            depth -= 1;
            if (depth >= 0) {
              const parent = pathNodes[depth] ?? 0;
              current[parent] = next[current[parent] ?? -1] ?? -1;
            }
            continue;
          }
          if (seen[v] !== phase) {
            seen[v] = phase;
            current[v] = head[v] ?? -1;
          }
          pathArcs[depth] = a;
          depth += 1;
          pathNodes[depth] = v;
          onPath[v] = 1;
        }
        if (reached < 0) break;
        for (let k = 0; k < depth; k++) {
          const a = pathArcs[k] ?? 0;
          cap[a] = (cap[a] ?? 0) - 1;
          cap[a ^ 1] = (cap[a ^ 1] ?? 0) + 1;
        }
        for (let k = 0; k <= depth; k++) onPath[pathNodes[k] ?? 0] = 0;
        excess[e] = (excess[e] ?? 0) - 1;
        waiting[reached] = 0;
        this.#waitingCount -= 1;
      }
      onPath[e] = 0;
    }
  }

  /**
   * Among the potentials that certify the final flow, the highest: π(v) = the cost of the
   * cheapest residual path from the source to v (Dijkstra on reduced costs, which stay
   * non-negative; a node it cannot reach is raised as far as the farthest one it can, which
   * keeps every reduced cost non-negative too). They price every hub as high as the flow
   * allows, so the optimality check flags few pairs that cannot really improve: measured on
   * the benchmark's families, fewer than with the lowest potentials (paths back to the
   * source) or any mix of the two.
   */
  #highestPotentials(dist: Float64Array, done: Uint8Array, heap: MinHeap): void {
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const next = this.#next;
    const head = this.#head;
    const potential = this.#potential;
    const V = potential.length;
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    heap.clear();
    dist[this.#source] = 0;
    heap.push(0, this.#source);
    let farthest = 0;
    while (heap.size > 0) {
      const d = heap.topKey;
      const v = heap.pop();
      if (done[v] || d > (dist[v] ?? 0)) continue;
      done[v] = 1;
      farthest = d;
      const pv = potential[v] ?? 0;
      for (let a = head[v] ?? -1; a !== -1; a = next[a] ?? -1) {
        if ((cap[a] ?? 0) <= 0) continue;
        const u = to[a] ?? 0;
        if (done[u]) continue;
        const nd = d + (cost[a] ?? 0) + pv - (potential[u] ?? 0);
        if (nd < (dist[u] ?? 0)) {
          dist[u] = nd;
          heap.push(nd, u);
        }
      }
    }
    for (let v = 0; v < V; v++)
      potential[v] = (potential[v] ?? 0) + (done[v] ? (dist[v] ?? 0) : farthest);
  }

  #result(): SolverResult {
    const cap = this.#cap;
    const potential = this.#potential;
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
