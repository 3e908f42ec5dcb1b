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
   * The final node potentials, as LP duals (see `priceLeftOut` in pricing.ts): per hub its
   * potential π(h) ≥ 0, per mentee y = −π(mentee) ≥ 0. Every edge in `input.edges` has
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
 * Distances below this are kept in buckets, one per integer (Dial's method); reduced costs
 * of scores stay far below it.
 */
const BUCKETS = 4096;

/**
 * Dijkstra's queue, smallest key first. Reduced costs of integer scores are small integers,
 * so those keys go to a bucket per value — O(1) per push and pop, where a heap pays a
 * logarithm — and any other key (a fraction, a large distance) to a heap. Like a lazy heap
 * it keeps outdated entries: the caller skips a node already settled.
 */
class DistanceQueue {
  readonly #heap = new MinHeap();
  readonly #first = new Int32Array(BUCKETS).fill(-1);
  #node = new Int32Array(1024);
  #after = new Int32Array(1024);
  #entries = 0;
  /** No bucket below it holds an entry. */
  #lowest = 0;
  /** No bucket above it was used since `clear`. */
  #highest = -1;
  size = 0;
  /** The key of the node `pop` returned last. */
  poppedKey = 0;

  push(key: number, node: number): void {
    this.size += 1;
    if (!(Number.isInteger(key) && key >= 0 && key < BUCKETS)) {
      this.#heap.push(key, node);
      return;
    }
    if (this.#entries === this.#node.length) {
      const size = this.#entries * 2;
      const nodes = new Int32Array(size);
      nodes.set(this.#node);
      this.#node = nodes;
      const after = new Int32Array(size);
      after.set(this.#after);
      this.#after = after;
    }
    const e = this.#entries++;
    this.#node[e] = node;
    this.#after[e] = this.#first[key] ?? -1;
    this.#first[key] = e;
    if (key < this.#lowest) this.#lowest = key;
    if (key > this.#highest) this.#highest = key;
  }

  /** Removes the entry with the smallest key (the queue must not be empty); its node. */
  pop(): number {
    this.size -= 1;
    const first = this.#first;
    let b = this.#lowest;
    while (b <= this.#highest && (first[b] ?? -1) === -1) b += 1;
    this.#lowest = b;
    const heap = this.#heap;
    if (b > this.#highest || (heap.size > 0 && heap.topKey < b)) {
      this.poppedKey = heap.topKey;
      return heap.pop();
    }
    const e = first[b] ?? 0;
    first[b] = this.#after[e] ?? -1;
    this.poppedKey = b;
    return this.#node[e] ?? 0;
  }

  clear(): void {
    if (this.#highest >= 0) this.#first.fill(-1, 0, this.#highest + 1);
    this.#entries = 0;
    this.#lowest = 0;
    this.#highest = -1;
    this.#heap.clear();
    this.size = 0;
  }
}

/**
 * The arcs laid out node by node for one `solve`: node u's are `first[u]` to
 * `first[u + 1] − 1`. A search then reads each node's arcs from one stretch of memory
 * instead of chasing a linked list across the whole arc table, which on 200 000 edges was
 * most of its time.
 */
interface Layout {
  first: Int32Array;
  to: Int32Array;
  /** Room left. */
  cap: Int32Array;
  cost: Float64Array;
  /** The arc the other way (its room grows when this one's shrinks). */
  twin: Int32Array;
  /** The arc as `#addArc` numbered it, to write the flow back. */
  added: Int32Array;
}

/** Scratch arrays one `solve` shares among its searches. */
interface Workspace {
  dist: Float64Array;
  done: Uint8Array;
  queue: DistanceQueue;
  /** Per node, its level in the free arcs (see `#layer`), −1 when not reached. */
  level: Int32Array;
  fifo: Int32Array;
  /** Per node, the next arc `#augment` tries from it; past its last at a dead end. */
  current: Int32Array;
  pathNodes: Int32Array;
  pathArcs: Int32Array;
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
    const net = this.#layOut();
    const V = this.#potential.length;
    const work: Workspace = {
      dist: new Float64Array(V),
      done: new Uint8Array(V),
      queue: new DistanceQueue(),
      level: new Int32Array(V),
      fifo: new Int32Array(V),
      current: new Int32Array(V),
      pathNodes: new Int32Array(V + 1),
      pathArcs: new Int32Array(V + 1),
    };
    let passes = 0;
    let dijkstras = 0;
    while (this.#waitingCount > 0) {
      dijkstras += 1;
      this.#raisePotentials(net, work);
      // Route along the arcs the raise made free until none leads to a waiting mentee.
      while (this.#waitingCount > 0 && this.#layer(net, work)) {
        passes += 1;
        this.#augment(net, work);
      }
    }
    if (process.env.SOLVER_TRACE)
      // biome-ignore lint/suspicious/noConsole: a developer's count of the work, off by default
      console.error('phases', passes, 'dijkstras', dijkstras, 'edges', this.#edges.length);
    this.#lowestPotentials(net, work);
    for (let k = 0; k < net.added.length; k++) this.#cap[net.added[k] ?? 0] = net.cap[k] ?? 0;
    return this.#result();
  }

  /**
   * The arcs, node by node (see `Layout`). Within a node they keep the order the lists have:
   * last added first.
   */
  #layOut(): Layout {
    const V = this.#potential.length;
    const M = this.#arcs;
    const first = new Int32Array(V + 1);
    const added = new Int32Array(M);
    const at = new Int32Array(M);
    let k = 0;
    for (let u = 0; u < V; u++) {
      first[u] = k;
      for (let a = this.#head[u] ?? -1; a !== -1; a = this.#next[a] ?? -1) {
        added[k] = a;
        at[a] = k;
        k += 1;
      }
    }
    first[V] = k;
    const to = new Int32Array(M);
    const cap = new Int32Array(M);
    const cost = new Float64Array(M);
    const twin = new Int32Array(M);
    for (k = 0; k < M; k++) {
      const a = added[k] ?? 0;
      to[k] = this.#to[a] ?? 0;
      cap[k] = this.#cap[a] ?? 0;
      cost[k] = this.#cost[a] ?? 0;
      twin[k] = at[a ^ 1] ?? 0;
    }
    return { first, to, cap, cost, twin, added };
  }

  /**
   * Dijkstra on reduced costs from every node with a unit to spare, stopped at the first
   * mentee still waiting (distance D); then π(v) += min(dist(v), D) for every node, which
   * keeps every reduced cost non-negative and makes the shortest paths' arcs 0.
   */
  #raisePotentials({ first, to, cap, cost }: Layout, { dist, done, queue }: Workspace): void {
    const potential = this.#potential;
    const excess = this.#excess;
    const waiting = this.#waiting;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    const V = potential.length;
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    queue.clear();
    for (let v = 0; v < V; v++) {
      if ((excess[v] ?? 0) > 0) {
        dist[v] = 0;
        queue.push(0, v);
      }
    }
    let D = Number.POSITIVE_INFINITY;
    while (queue.size > 0) {
      const v = queue.pop();
      const d = queue.poppedKey;
      if (done[v] || d > (dist[v] ?? 0)) continue;
      done[v] = 1;
      const j = v - firstMentee;
      if (j >= 0 && j < N && waiting[j]) {
        D = d;
        break;
      }
      const pv = potential[v] ?? 0;
      const end = first[v + 1] ?? 0;
      for (let a = first[v] ?? 0; a < end; a++) {
        if ((cap[a] ?? 0) <= 0) continue;
        const u = to[a] ?? 0;
        if (done[u]) continue;
        const nd = d + (cost[a] ?? 0) + pv - (potential[u] ?? 0);
        if (nd < (dist[u] ?? 0)) {
          dist[u] = nd;
          queue.push(nd, u);
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
   * Breadth-first search over the free arcs (room left, reduced cost 0) from the nodes that
   * hold units: each node's level is the fewest free arcs that reach it. True when a waiting
   * mentee is reached. `#augment` then routes only along arcs that climb one level (as
   * Hopcroft and Karp do): the arcs its paths open run one level down, so when it is done no
   * climbing path is left and the next search's paths are longer — few searches, where
   * unlevelled ones keep finding paths that earlier paths' reverse arcs open.
   */
  #layer({ first, to, cap, cost }: Layout, { level, fifo }: Workspace): boolean {
    const potential = this.#potential;
    const excess = this.#excess;
    const waiting = this.#waiting;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    const V = potential.length;
    level.fill(-1);
    let tail = 0;
    for (let v = 0; v < V; v++) {
      if ((excess[v] ?? 0) > 0) {
        level[v] = 0;
        fifo[tail++] = v;
      }
    }
    let reached = false;
    for (let k = 0; k < tail; k++) {
      const u = fifo[k] ?? 0;
      const lu = level[u] ?? 0;
      const pu = potential[u] ?? 0;
      const end = first[u + 1] ?? 0;
      for (let a = first[u] ?? 0; a < end; a++) {
        if ((cap[a] ?? 0) <= 0) continue;
        const w = to[a] ?? 0;
        if ((level[w] ?? 0) >= 0) continue;
        if ((cost[a] ?? 0) + pu - (potential[w] ?? 0) !== 0) continue;
        level[w] = lu + 1;
        fifo[tail++] = w;
        const j = w - firstMentee;
        if (j >= 0 && j < N && waiting[j]) reached = true;
      }
    }
    return reached;
  }

  /**
   * Pushes units from the nodes that hold them to waiting mentees along free arcs that climb
   * one level each (see `#layer`), by depth-first search. A node's current arc only moves
   * forward and one past its last marks a dead end, so a search walks each arc once, plus
   * the paths it takes. Every path is a shortest one, which is all exactness needs.
   */
  #augment(net: Layout, { level, current, pathNodes, pathArcs }: Workspace): void {
    const { first, to, cap, cost } = net;
    const potential = this.#potential;
    const excess = this.#excess;
    const waiting = this.#waiting;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    const V = potential.length;
    current.set(first.subarray(0, V));
    for (let e = 0; e < V && this.#waitingCount > 0; e++) {
      if ((excess[e] ?? 0) <= 0 || level[e] !== 0) continue;
      let depth = 0;
      pathNodes[0] = e;
      while ((excess[e] ?? 0) > 0 && this.#waitingCount > 0) {
        const u = pathNodes[depth] ?? 0;
        const ju = u - firstMentee;
        if (depth > 0 && ju >= 0 && ju < N && waiting[ju]) {
          waiting[ju] = 0;
          this.#waitingCount -= 1;
          excess[e] = (excess[e] ?? 0) - 1;
          depth = this.#push(net, pathArcs, depth);
          continue;
        }
        const lu = level[u] ?? 0;
        const pu = potential[u] ?? 0;
        const end = first[u + 1] ?? 0;
        let a = current[u] ?? 0;
        for (; a < end; a++) {
          if ((cap[a] ?? 0) <= 0) continue;
          const w = to[a] ?? 0;
          if (level[w] !== lu + 1 || current[w] === first[w + 1]) continue;
          if ((cost[a] ?? 0) + pu - (potential[w] ?? 0) === 0) break;
        }
        current[u] = a;
        if (a === end) {
          // A dead end for this search: step back, past the arc that led here.
          if (depth === 0) break;
          depth -= 1;
          const parent = pathNodes[depth] ?? 0;
          current[parent] = (current[parent] ?? 0) + 1;
          continue;
        }
        pathArcs[depth] = a;
        depth += 1;
        pathNodes[depth] = to[a] ?? 0;
      }
    }
  }

  /**
   * Moves one unit along the path `arcs[0..depth)` and returns where the search goes on:
   * the first node whose arc on the path is now full (the arc into a mentee always is).
   */
  #push({ cap, twin }: Layout, arcs: Int32Array, depth: number): number {
    let resume = depth - 1;
    for (let k = depth - 1; k >= 0; k--) {
      const a = arcs[k] ?? 0;
      const b = twin[a] ?? 0;
      cap[a] = (cap[a] ?? 0) - 1;
      cap[b] = (cap[b] ?? 0) + 1;
      if (cap[a] === 0) resume = k;
    }
    return resume;
  }

  /**
   * Among the potentials that certify the final flow, the lowest: π(v) = −(cost of the
   * cheapest residual path from v back to the source). They give every mentee the largest
   * dual y it can have — what it would lose by giving its unit back — so the optimality
   * check prices the pairs the candidate lists left out as generously as the flow allows
   * (to a hub with room, exactly). Computed by Dijkstra backwards from the source on
   * reduced costs, which stay non-negative. Mentors and hubs that cannot reach the source
   * (no edges, no flow) take the source's potential: the highest they may.
   */
  #lowestPotentials(
    { first, to, cap, cost, twin }: Layout,
    { dist, done, queue }: Workspace,
  ): void {
    const potential = this.#potential;
    const source = this.#source;
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    queue.clear();
    dist[source] = 0;
    queue.push(0, source);
    while (queue.size > 0) {
      const v = queue.pop();
      const d = queue.poppedKey;
      if (done[v] || d > (dist[v] ?? 0)) continue;
      done[v] = 1;
      const pv = potential[v] ?? 0;
      // Arcs x→v with room, walked backwards: a is v's own arc, its twin runs x→v.
      const end = first[v + 1] ?? 0;
      for (let a = first[v] ?? 0; a < end; a++) {
        const back = twin[a] ?? 0;
        if ((cap[back] ?? 0) <= 0) continue;
        const x = to[a] ?? 0;
        if (done[x]) continue;
        const nd = d + (cost[back] ?? 0) + (potential[x] ?? 0) - pv;
        if (nd < (dist[x] ?? 0)) {
          dist[x] = nd;
          queue.push(nd, x);
        }
      }
    }
    const P = this.#P;
    for (let v = 0; v < potential.length; v++) {
      if (done[v]) potential[v] = (potential[v] ?? 0) - (dist[v] ?? 0);
    }
    const base = potential[source] ?? 0;
    for (let m = 0; m < P; m++) if (!done[m]) potential[m] = base;
    this.#hubMentor.forEach((m, h) => {
      if (!done[P + h]) potential[P + h] = potential[m] ?? base;
    });
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
