/**
 * Maximum-weight bipartite b-matching: every mentor takes at most `capacity` mentees, every
 * mentee at most one mentor, and the total weight of the chosen edges is as large as it
 * can be. Solved exactly as a minimum-cost flow by the primal-dual method: one shortest-path
 * search over the whole network per phase, then the shortest augmenting paths at that
 * distance, found in passes of breadth- then depth-first search as Hopcroft and Karp do.
 *
 * Weights are small positive integers (pair scores). Equal weights are welcome: a phase
 * routes every mentee its shortest distance reaches at once, so the number of phases is
 * bounded by the largest weight, not by the number of mentees or of ties.
 */

import { TandemError } from '../../core/errors';

export interface SolverEdge {
  /** Index into `hubs`. */
  hub: number;
  mentee: number;
  weight: number;
}

/**
 * Edges as parallel typed arrays that grow: a round of 50 000 volunteers holds over a
 * million and a half, which as objects weighed ~32 bytes each on the heap (and as much work
 * for the collector); here they weigh 12. Read `hub`, `mentee` and `weight` again after a
 * `push`: growing replaces them.
 */
export class EdgeList {
  hub = new Int32Array(1024);
  mentee = new Int32Array(1024);
  weight = new Int32Array(1024);
  size = 0;

  push(hub: number, mentee: number, weight: number): void {
    if (this.size === this.hub.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hub = grow(this.hub);
      this.mentee = grow(this.mentee);
      this.weight = grow(this.weight);
    }
    // Weights are integers: reduced costs then stay exact, which the solver's passes rely on.
    if (!Number.isInteger(weight))
      throw new TandemError('matching_invariant_broken', 'matching: a weight is not an integer');
    const k = this.size++;
    this.hub[k] = hub;
    this.mentee[k] = mentee;
    this.weight[k] = weight;
  }

  static of(edges: readonly SolverEdge[]): EdgeList {
    const list = new EdgeList();
    for (const e of edges) list.push(e.hub, e.mentee, e.weight);
    return list;
  }
}

/**
 * A mentor offers one or more hubs (1:1 and group), each with its own capacity; the
 * mentor's `limit` caps them together.
 */
export interface SolverInput {
  mentorLimit: number[];
  hubs: { mentor: number; capacity: number }[];
  menteeCount: number;
  edges: EdgeList;
}

export interface SolverResult {
  /** Chosen edges, by index into `input.edges`. */
  chosen: number[];
  total: number;
  /**
   * The final node potentials, as LP duals (see `priceLeftOut` in pricing.ts), measured
   * from the source: per hub its potential π(h), per mentee y = −π(mentee). Every edge in `input.edges` has
   * weight ≤ π(h) + y(mentee) but the chosen ones, which have weight ≥ π(h) + y(mentee).
   */
  hubDual: Float64Array;
  menteeDual: Float64Array;
}

/** A binary heap of (key, node) pairs, smallest key first, on growable typed arrays. */
export class MinHeap {
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
 * A pass that routes fewer mentees than this hands over to `#layer`'s nearest-path mode
 * until a search finds no free path: at the end of a distance, passes often route one or
 * two mentees each along long paths (the few mentors left with room are far from those
 * waiting), and a whole pass — a search and depth-first walks over all the free arcs — is
 * paid for each; a search stopped at the first waiting mentee pays only up to it. Measured
 * (arcs looked at, 10 000 volunteers): time-zones −8 %, favourites −6 %, zipf −15 %, the
 * other families −3 to −5 % or the same; zipf at 50 000 −28 % (CPU 67 → 56 s). 8 and 16
 * did worse.
 */
const FEW = 4;

/**
 * When edges added after a solve re-route more than this share of the mentees (1 / it),
 * `addEdges` starts again from zero flow instead (`#restart`). Re-routing a large share
 * from a finished flow takes long paths: most mentees hold their units, and each re-routed
 * one displaces others; from zero flow, the phases route mentees in bulk along short paths.
 * Measured in arcs looked at, 10 000 volunteers: time-zones −46 %, zipf −15 %, favourites
 * −16 %; ties +30 % (3 114 of 5 000 mentees re-routed, where one distance does).
 */
const RESTART_SHARE = 3;

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

/** Scratch arrays one `solve` shares among its searches. */
interface Workspace {
  dist: Float64Array;
  done: Uint8Array;
  queue: DistanceQueue;
  /** Per node, its level in the free arcs (see `#layer`), −1 when not reached. */
  level: Int32Array;
  fifo: Int32Array;
  /** Per node, the next arc `#augment` tries from it, and one past the last it may try. */
  current: Int32Array;
  end: Int32Array;
  pathNodes: Int32Array;
  pathArcs: Int32Array;
  /** Per node, the free arc `#layer` reached it by (for its nearest-path mode). */
  via: Int32Array;
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
 * Arcs are kept node by node (compressed rows): node u's are `#first[u]` to
 * `#end[u] − 1`, each paired with its twin, the arc the other way. A search reads a
 * node's arcs from one stretch of memory; on 200 000 edges, chasing linked lists across the
 * whole arc table instead was most of its time.
 *
 * Edges can be added afterwards and the matching solved again from where it was, or from
 * zero flow when the new edges concern many mentees (the optimality check does): see
 * `addEdges`.
 */
export class MatchingFlow {
  readonly #P: number;
  readonly #N: number;
  readonly #firstMentee: number;
  readonly #source: number;
  readonly #first: Int32Array;
  /** One past node u's last arc; the free places of its row run from `#rowStart[u]` to `#first[u]`. */
  readonly #end: Int32Array;
  readonly #rowStart: Int32Array;
  /** Arc places in use (rows, their free places and the places rows moved from). */
  #size = 0;
  #to = new Int32Array(0);
  /** Room left on the arc. */
  #cap = new Int32Array(0);
  #cost = new Int32Array(0);
  #twin = new Int32Array(0);
  /** The edges as given (their hubs and weights are what `#result` and moves read). */
  readonly #edges = new EdgeList();
  /** Per edge, its arc hub→mentee. */
  #edgeArc = new Int32Array(0);
  readonly #potential: Float64Array;
  /** Units a node holds to pass on: the source's N at first, a hub's after a reset. */
  readonly #excess: Int32Array;
  /** 1 for a mentee still waiting for its unit. */
  readonly #waiting: Uint8Array;
  #waitingCount: number;
  /**
   * Per mentee, the one arc out of it with room — back along the arc its unit came by — or
   * −1 while it waits. The searches take it instead of scanning the mentee's arcs, all the
   * others of which are empty: that halves their work.
   */
  readonly #unitArc: Int32Array;

  constructor(input: SolverInput) {
    const P = input.mentorLimit.length;
    const H = input.hubs.length;
    const N = input.menteeCount;
    const E = input.edges.size;
    this.#P = P;
    this.#N = N;
    // Node numbering: mentors 0..P-1, hubs P..P+H-1, mentees P+H.., then the source.
    this.#firstMentee = P + H;
    this.#source = this.#firstMentee + N;
    const V = this.#source + 1;
    this.#first = new Int32Array(V);
    this.#end = new Int32Array(V);
    this.#rowStart = new Int32Array(V);
    this.#potential = new Float64Array(V);
    this.#excess = new Int32Array(V);
    this.#waiting = new Uint8Array(N).fill(1);
    this.#waitingCount = N;
    this.#unitArc = new Int32Array(N).fill(-1);
    const arcs = new ArcBatch(N + P + H + E);
    const source = this.#source;
    // The "not matched" arcs first: the search tries them last (newest first).
    for (let j = 0; j < N; j++) arcs.add(source, this.#firstMentee + j, 1, 0);
    for (let m = 0; m < P; m++) arcs.add(source, m, input.mentorLimit[m] ?? 0, 0);
    input.hubs.forEach((hub, h) => {
      arcs.add(hub.mentor, P + h, hub.capacity, 0);
    });
    const { hub, mentee, weight } = input.edges;
    for (let k = 0; k < E; k++)
      arcs.add(P + (hub[k] ?? 0), this.#firstMentee + (mentee[k] ?? 0), 1, -(weight[k] ?? 0));
    this.#edgeArc = this.#insert(arcs).slice(N + P + H);
    for (let k = 0; k < E; k++) this.#edges.push(hub[k] ?? 0, mentee[k] ?? 0, weight[k] ?? 0);
    // Potentials that make every arc's reduced cost non-negative at zero flow.
    for (let k = 0; k < E; k++) {
      const v = this.#firstMentee + (mentee[k] ?? 0);
      this.#potential[v] = Math.min(this.#potential[v] ?? 0, -(weight[k] ?? 0));
    }
    this.#excess[source] = N;
  }

  /**
   * Adds the batch's arcs with their twins, each node's new arcs ahead of its old ones (the
   * searches try the newest first), and returns where the batch's arcs went. Each node's row
   * keeps free places in front of its arcs, and a batch goes there, at a cost that grows
   * with the batch, not with the network (the optimality check's later passes add a few
   * pairs): a row without room enough moves, alone, to the end of the arrays with more. A
   * batch of an eighth of the places or more lays every row out again (`#compact`).
   */
  #insert(batch: ArcBatch): Int32Array {
    const first = this.#first;
    const rowStart = this.#rowStart;
    const V = rowStart.length;
    const extra = new Int32Array(V);
    for (let q = 0; q < batch.size; q++) {
      const u = batch.tail[q] ?? 0;
      const v = batch.head[q] ?? 0;
      extra[u] = (extra[u] ?? 0) + 1;
      extra[v] = (extra[v] ?? 0) + 1;
    }
    if (this.#size === 0) this.#layOut(extra);
    else if (8 * batch.size > this.#size) this.#compact(extra);
    else {
      // Where each row that moves went (how far its arcs moved), to move what points at them.
      const moved = new Map<number, number>();
      for (let u = 0; u < V; u++)
        if ((extra[u] ?? 0) > (first[u] ?? 0) - (rowStart[u] ?? 0))
          moved.set(u, this.#move(u, extra[u] ?? 0));
      if (moved.size > 0) this.#repoint(moved);
    }
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const twin = this.#twin;
    const placed = new Int32Array(batch.size);
    for (let q = 0; q < batch.size; q++) {
      const u = batch.tail[q] ?? 0;
      const v = batch.head[q] ?? 0;
      const a = (first[u] ?? 0) - 1;
      const b = (first[v] ?? 0) - 1;
      first[u] = a;
      first[v] = b;
      const c = batch.cost[q] ?? 0;
      to[a] = v;
      cap[a] = batch.room[q] ?? 0;
      cost[a] = c;
      twin[a] = b;
      to[b] = u;
      cap[b] = 0;
      cost[b] = -c;
      twin[b] = a;
      placed[q] = a;
    }
    return placed;
  }

  /** Room in front of a row's arcs, for later batches, when it is laid out or moved. */
  static #room(arcs: number): number {
    return (arcs >> 2) + 4;
  }

  /** Lays out every row at once, empty, with room for `extra[u]` arcs and some more. */
  #layOut(extra: Int32Array): void {
    const V = extra.length;
    let size = 0;
    for (let u = 0; u < V; u++) {
      const wanted = extra[u] ?? 0;
      this.#rowStart[u] = size;
      size += wanted + MatchingFlow.#room(wanted);
      this.#first[u] = size;
      this.#end[u] = size;
    }
    this.#reserve(size + (size >> 2));
    this.#size = size;
  }

  /**
   * Moves node u's row to the end of the arrays, with room for `need` more arcs and some
   * more; the twins of its arcs are pointed at the new places. Returns how far the arcs
   * moved. The old places stay unused.
   */
  #move(u: number, need: number): number {
    const from = this.#first[u] ?? 0;
    const end = this.#end[u] ?? 0;
    const live = end - from;
    const room = need + MatchingFlow.#room(live + need);
    const start = this.#size;
    if (start + room + live > this.#to.length)
      this.#reserve(Math.max(2 * this.#to.length, start + room + live));
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const twin = this.#twin;
    const shift = start + room - from;
    for (let p = from; p < end; p++) {
      const q = p + shift;
      to[q] = to[p] ?? 0;
      cap[q] = cap[p] ?? 0;
      cost[q] = cost[p] ?? 0;
      const t = twin[p] ?? 0;
      twin[q] = t;
      twin[t] = q;
    }
    this.#rowStart[u] = start;
    this.#first[u] = from + shift;
    this.#end[u] = end + shift;
    this.#size = start + room + live;
    return shift;
  }

  /**
   * Lays every row out again, in order, with room for `extra[u]` more arcs and some more: a
   * batch this large costs as much anyway, and the rows that moved or grew are close again.
   */
  #compact(extra: Int32Array): void {
    const first = this.#first;
    const rowEnd = this.#end;
    const V = rowEnd.length;
    const shift = new Int32Array(V);
    let size = 0;
    for (let u = 0; u < V; u++) {
      const live = (rowEnd[u] ?? 0) - (first[u] ?? 0);
      const wanted = live + (extra[u] ?? 0);
      this.#rowStart[u] = size;
      size += wanted + MatchingFlow.#room(wanted);
      shift[u] = size - (rowEnd[u] ?? 0);
    }
    const to = new Int32Array(size + (size >> 2));
    const cap = new Int32Array(to.length);
    const cost = new Int32Array(to.length);
    const twin = new Int32Array(to.length);
    for (let u = 0; u < V; u++) {
      const d = shift[u] ?? 0;
      const end = rowEnd[u] ?? 0;
      for (let p = first[u] ?? 0; p < end; p++) {
        const w = this.#to[p] ?? 0;
        to[p + d] = w;
        cap[p + d] = this.#cap[p] ?? 0;
        cost[p + d] = this.#cost[p] ?? 0;
        twin[p + d] = (this.#twin[p] ?? 0) + (shift[w] ?? 0);
      }
      first[u] = (first[u] ?? 0) + d;
      rowEnd[u] = end + d;
    }
    this.#to = to;
    this.#cap = cap;
    this.#cost = cost;
    this.#twin = twin;
    this.#size = size;
    const edgeArc = this.#edgeArc;
    const edgeHub = this.#edges.hub;
    for (let k = 0; k < this.#edges.size; k++)
      edgeArc[k] = (edgeArc[k] ?? 0) + (shift[this.#P + (edgeHub[k] ?? 0)] ?? 0);
    const unitArc = this.#unitArc;
    for (let j = 0; j < this.#N; j++)
      if ((unitArc[j] ?? -1) >= 0)
        unitArc[j] = (unitArc[j] ?? 0) + (shift[this.#firstMentee + j] ?? 0);
  }

  /** Grows the arc arrays to hold `size` arcs; the arcs keep their places. */
  #reserve(size: number): void {
    const used = this.#size;
    const to = new Int32Array(size);
    to.set(this.#to.subarray(0, used));
    this.#to = to;
    const cap = new Int32Array(size);
    cap.set(this.#cap.subarray(0, used));
    this.#cap = cap;
    const cost = new Int32Array(size);
    cost.set(this.#cost.subarray(0, used));
    this.#cost = cost;
    const twin = new Int32Array(size);
    twin.set(this.#twin.subarray(0, used));
    this.#twin = twin;
  }

  /** Points the edges' arcs and the mentees' unit arcs in rows that moved at the new places. */
  #repoint(moved: Map<number, number>): void {
    const edgeArc = this.#edgeArc;
    const P = this.#P;
    const edgeHub = this.#edges.hub;
    for (let k = 0; k < this.#edges.size; k++) {
      const shift = moved.get(P + (edgeHub[k] ?? 0));
      if (shift !== undefined) edgeArc[k] = (edgeArc[k] ?? 0) + shift;
    }
    const unitArc = this.#unitArc;
    for (let j = 0; j < this.#N; j++) {
      const shift = moved.get(this.#firstMentee + j);
      if (shift !== undefined && (unitArc[j] ?? -1) >= 0) unitArc[j] = (unitArc[j] ?? 0) + shift;
    }
  }

  /**
   * Adds edges after a solve. An edge whose reduced cost is negative would break the
   * invariant; its mentee is reset instead: its unit goes back to the node it came through
   * (which now holds it to spare), and its potential drops until every arc into it is
   * non-negative again — the only arc out of it was the one taken back. The next `solve`
   * routes those mentees again. When they are many, every mentee starts again instead
   * (see `RESTART_SHARE`). Takes `edges` from its entry `from` on.
   */
  addEdges(edges: EdgeList, from = 0): void {
    const P = this.#P;
    const firstMentee = this.#firstMentee;
    const { hub, mentee, weight } = edges;
    const arcs = new ArcBatch(edges.size - from);
    for (let k = from; k < edges.size; k++)
      arcs.add(P + (hub[k] ?? 0), firstMentee + (mentee[k] ?? 0), 1, -(weight[k] ?? 0));
    const placed = this.#insert(arcs);
    const edgeArc = new Int32Array(this.#edgeArc.length + placed.length);
    edgeArc.set(this.#edgeArc);
    edgeArc.set(placed, this.#edgeArc.length);
    this.#edgeArc = edgeArc;
    for (let k = from; k < edges.size; k++)
      this.#edges.push(hub[k] ?? 0, mentee[k] ?? 0, weight[k] ?? 0);

    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const twin = this.#twin;
    const first = this.#first;
    const potential = this.#potential;
    const reset = new Set<number>();
    for (let k = from; k < edges.size; k++) {
      const u = P + (hub[k] ?? 0);
      const v = firstMentee + (mentee[k] ?? 0);
      if (-(weight[k] ?? 0) + (potential[u] ?? 0) - (potential[v] ?? 0) < 0)
        reset.add(mentee[k] ?? 0);
    }
    if (reset.size * RESTART_SHARE > this.#N) {
      this.#restart();
      return;
    }
    for (const j of reset) {
      const v = firstMentee + j;
      let lowest = Number.POSITIVE_INFINITY;
      const end = this.#end[v] ?? 0;
      for (let a = first[v] ?? 0; a < end; a++) {
        const fwd = twin[a] ?? 0;
        const u = to[a] ?? 0;
        if ((cap[a] ?? 0) > 0) {
          // a runs v→u with room: the arc u→v carries v's unit. Take it back.
          cap[a] = (cap[a] ?? 0) - 1;
          cap[fwd] = (cap[fwd] ?? 0) + 1;
          this.#excess[u] = (this.#excess[u] ?? 0) + 1;
        }
        const c = (cost[fwd] ?? 0) + (potential[u] ?? 0);
        if (c < lowest) lowest = c;
      }
      potential[v] = Math.min(potential[v] ?? 0, lowest);
      this.#unitArc[j] = -1;
      if (!this.#waiting[j]) {
        this.#waiting[j] = 1;
        this.#waitingCount += 1;
      }
    }
  }

  /**
   * Takes every unit back to the source and starts from the potentials of a fresh network,
   * every mentee waiting (see `RESTART_SHARE`). The arcs, old and new, stay where they are.
   */
  #restart(): void {
    const first = this.#first;
    const rowEnd = this.#end;
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const twin = this.#twin;
    const potential = this.#potential;
    const source = this.#source;
    const V = potential.length;
    for (let u = 0; u < V; u++) {
      const end = rowEnd[u] ?? 0;
      for (let a = first[u] ?? 0; a < end; a++) {
        const v = to[a] ?? 0;
        // Arcs run from the source to mentors and mentees, from mentors to hubs and from
        // hubs to mentees (node numbers grow that way, but the source's): give back the flow.
        if (u === source || (u < v && v !== source)) {
          const b = twin[a] ?? 0;
          cap[a] = (cap[a] ?? 0) + (cap[b] ?? 0);
          cap[b] = 0;
        }
      }
    }
    // As the constructor sets them: every arc into a mentee non-negative at zero flow.
    potential.fill(0);
    for (let v = this.#firstMentee; v < source; v++) {
      let lowest = 0;
      const end = rowEnd[v] ?? 0;
      for (let a = first[v] ?? 0; a < end; a++) lowest = Math.min(lowest, cost[twin[a] ?? 0] ?? 0);
      potential[v] = lowest;
    }
    this.#excess.fill(0);
    this.#excess[source] = this.#N;
    this.#waiting.fill(1);
    this.#waitingCount = this.#N;
    this.#unitArc.fill(-1);
  }

  /** Routes every mentee still waiting, then reports the matching and its duals. */
  solve(): SolverResult {
    const V = this.#potential.length;
    const work: Workspace = {
      dist: new Float64Array(V),
      done: new Uint8Array(V),
      queue: new DistanceQueue(),
      level: new Int32Array(V),
      fifo: new Int32Array(V),
      current: new Int32Array(V),
      end: new Int32Array(V),
      pathNodes: new Int32Array(V + 1),
      pathArcs: new Int32Array(V + 1),
      via: new Int32Array(V),
    };
    let few = false;
    while (this.#waitingCount > 0) {
      // Free paths left over from the last pass cost nothing to take: raise only without.
      const D = this.#raisePotentials(work, few);
      if (few && D === 0) continue;
      if (D > 0) this.#layer(work);
      const before = this.#waitingCount;
      this.#augment(work);
      // Each pass has a free path to take (integer weights keep reduced costs exact): never spin.
      if (this.#waitingCount === before)
        throw new TandemError('matching_invariant_broken', 'matching: a pass found no path');
      few = before - this.#waitingCount < FEW;
    }
    this.#highestPotentials(work);
    return this.#result();
  }

  /**
   * Dijkstra on reduced costs from every node with a unit to spare, stopped at the first
   * mentee still waiting (distance D); then π(v) += min(dist(v), D) for every node, which
   * keeps every reduced cost non-negative and makes the shortest paths' arcs 0. Returns D.
   *
   * Its first stage, distance 0, is `#layer`'s breadth-first search over the free arcs: when
   * that reaches a waiting mentee, D is 0, nothing changes, and the levels are ready for
   * `#augment`; so the search that finds a pass's paths is also the one that finds none left.
   * With `nearest`, a search that reaches one routes it at once (and returns 0).
   */
  #raisePotentials(work: Workspace, nearest: boolean): number {
    const { dist, done, queue, fifo } = work;
    const potential = this.#potential;
    const V = potential.length;
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    queue.clear();
    const free = this.#layer(work, true, nearest);
    if (free.reached > 0) return 0;
    for (let k = 0; k < free.size; k++) done[fifo[k] ?? 0] = 1;
    const D = this.#settle(work, true);
    if (D === Number.POSITIVE_INFINITY)
      throw new TandemError(
        'matching_invariant_broken',
        'matching: a waiting mentee is unreachable',
      );
    for (let v = 0; v < V; v++) {
      // A settled node is no farther than D; every other node is at least D away.
      potential[v] = (potential[v] ?? 0) + (done[v] ? (dist[v] ?? 0) : D);
    }
    return D;
  }

  /**
   * Breadth-first search over the free arcs (room left, reduced cost 0) from the nodes that
   * hold units: each node's level is the fewest free arcs that reach it. `#augment` then
   * routes only along arcs that climb one level (as Hopcroft and Karp do): the arcs its
   * paths open run one level down, so when it is done no climbing path is left and the next
   * search's paths are longer — few searches, where unlevelled ones keep finding paths that
   * earlier paths' reverse arcs open. Stops once every waiting mentee has its level.
   *
   * As Dijkstra's first stage (`relax`), it also leaves in the queue the distances that
   * arcs of positive reduced cost give (everything it reaches is at distance 0).
   * Returns how many waiting mentees it reached and how many nodes (the first in `fifo`).
   *
   * With `nearest`, it stops at the first waiting mentee it reaches — by the fewest free arcs —
   * and pushes a unit to it along the arcs it came by (see `FEW`).
   */
  #layer(work: Workspace, relax = false, nearest = false): { reached: number; size: number } {
    const { level, fifo, dist, queue, via } = work;
    const first = this.#first;
    const rowEnd = this.#end;
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const potential = this.#potential;
    const excess = this.#excess;
    const unitArc = this.#unitArc;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    const V = potential.length;
    level.fill(-1);
    let tail = 0;
    for (let v = 0; v < V; v++) {
      if ((excess[v] ?? 0) > 0) {
        level[v] = 0;
        dist[v] = 0;
        fifo[tail++] = v;
      }
    }
    let reached = 0;
    for (let k = 0; k < tail && reached < this.#waitingCount; k++) {
      const u = fifo[k] ?? 0;
      let a = first[u] ?? 0;
      let end = rowEnd[u] ?? 0;
      const j = u - firstMentee;
      if (j >= 0 && j < N) {
        a = unitArc[j] ?? -1;
        // Before the test, so that waiting mentees run it too (see `#augment`).
        end = a + 1;
        if (a < 0) {
          reached += 1;
          if (nearest) {
            this.#takePath(u, work);
            return { reached, size: tail };
          }
          continue;
        }
      }
      const lu = level[u] ?? 0;
      const pu = potential[u] ?? 0;
      for (; a < end; a++) {
        if ((cap[a] ?? 0) <= 0) continue;
        const w = to[a] ?? 0;
        if ((level[w] ?? 0) >= 0) continue;
        const rc = (cost[a] ?? 0) + pu - (potential[w] ?? 0);
        if (rc === 0) {
          level[w] = lu + 1;
          dist[w] = 0;
          via[w] = a;
          fifo[tail++] = w;
        } else if (relax && rc < (dist[w] ?? 0)) {
          dist[w] = rc;
          queue.push(rc, w);
        }
      }
    }
    return { reached, size: tail };
  }

  /**
   * Pushes units from the nodes that hold them to waiting mentees along free arcs that climb
   * one level each (see `#layer`), by depth-first search. A node's current arc only moves
   * forward, and a node whose current arc is past its last is a dead end, so a search walks
   * each arc once, plus the paths it takes. Every path is a shortest one, which is all
   * exactness needs.
   */
  #augment({ level, current, end, pathNodes, pathArcs }: Workspace): void {
    const first = this.#first;
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const potential = this.#potential;
    const excess = this.#excess;
    const waiting = this.#waiting;
    const unitArc = this.#unitArc;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    const V = potential.length;
    current.set(first);
    end.set(this.#end);
    // Every step here runs for every mentee, waiting (keeps its row) or not: the first
    // solve's first passes, when everyone waits, are when the engine compiles this
    // function, and a step none of them took would throw the compiled code away, and the
    // rest of the pass would run uncompiled, the first time a mentee holds a unit.
    for (let j = 0; j < N; j++) {
      const a = unitArc[j] ?? -1;
      const next = a + 1;
      const v = firstMentee + j;
      current[v] = a >= 0 ? a : (current[v] ?? 0);
      end[v] = a >= 0 ? next : (end[v] ?? 0);
    }
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
          depth = this.#push(pathArcs, depth);
          continue;
        }
        const lu = level[u] ?? 0;
        const pu = potential[u] ?? 0;
        const last = end[u] ?? 0;
        let a = current[u] ?? 0;
        for (; a < last; a++) {
          if ((cap[a] ?? 0) <= 0) continue;
          const w = to[a] ?? 0;
          if (level[w] !== lu + 1 || (current[w] ?? 0) >= (end[w] ?? 0)) continue;
          if ((cost[a] ?? 0) + pu - (potential[w] ?? 0) === 0) break;
        }
        current[u] = a;
        if (a === last) {
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
   * Pushes a unit to waiting mentee node u along the free arcs `#layer` reached it by (`via`),
   * from the node holding it.
   */
  #takePath(u: number, { level, via, pathArcs }: Workspace): void {
    const to = this.#to;
    const twin = this.#twin;
    const depth = level[u] ?? 0;
    let v = u;
    for (let d = depth - 1; d >= 0; d--) {
      const arc = via[v] ?? 0;
      pathArcs[d] = arc;
      v = to[twin[arc] ?? 0] ?? 0;
    }
    this.#excess[v] = (this.#excess[v] ?? 0) - 1;
    this.#waiting[u - this.#firstMentee] = 0;
    this.#waitingCount -= 1;
    this.#push(pathArcs, depth);
  }

  /**
   * Moves one unit along the path `arcs[0..depth)` and returns where the search goes on:
   * the first node whose arc on the path is now full (the arc into a mentee always is).
   * Each mentee on the path now holds its unit by the arc the path came in on.
   */
  #push(arcs: Int32Array, depth: number): number {
    const to = this.#to;
    const cap = this.#cap;
    const twin = this.#twin;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    let resume = depth - 1;
    for (let k = depth - 1; k >= 0; k--) {
      const a = arcs[k] ?? 0;
      const b = twin[a] ?? 0;
      cap[a] = (cap[a] ?? 0) - 1;
      cap[b] = (cap[b] ?? 0) + 1;
      if (cap[a] === 0) resume = k;
      const j = (to[a] ?? 0) - firstMentee;
      if (j >= 0 && j < N) this.#unitArc[j] = b;
    }
    return resume;
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
  #highestPotentials(work: Workspace): void {
    const { dist, done, queue } = work;
    const potential = this.#potential;
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    queue.clear();
    dist[this.#source] = 0;
    queue.push(0, this.#source);
    const farthest = this.#settle(work, false);
    for (let v = 0; v < potential.length; v++)
      potential[v] = (potential[v] ?? 0) + (done[v] ? (dist[v] ?? 0) : farthest);
  }

  /**
   * Dijkstra on reduced costs from what `work.queue` holds, settling nodes in `work.done`
   * with their distances in `work.dist`. A mentee's only arc with room is its `#unitArc`
   * (none while it waits). With `stopAtWaiting`, stops at the first waiting mentee and
   * returns its distance (∞ if none is reached); otherwise settles everything reachable and
   * returns the farthest distance.
   */
  #settle({ dist, done, queue }: Workspace, stopAtWaiting: boolean): number {
    const first = this.#first;
    const rowEnd = this.#end;
    const to = this.#to;
    const cap = this.#cap;
    const cost = this.#cost;
    const potential = this.#potential;
    const unitArc = this.#unitArc;
    const firstMentee = this.#firstMentee;
    const N = this.#N;
    let last = stopAtWaiting ? Number.POSITIVE_INFINITY : 0;
    while (queue.size > 0) {
      const v = queue.pop();
      const d = queue.poppedKey;
      if (done[v] || d > (dist[v] ?? 0)) continue;
      done[v] = 1;
      if (!stopAtWaiting) last = d;
      let a = first[v] ?? 0;
      let end = rowEnd[v] ?? 0;
      const j = v - firstMentee;
      if (j >= 0 && j < N) {
        a = unitArc[j] ?? -1;
        // Before the test, so that waiting mentees run it too (see `#augment`).
        end = a + 1;
        if (a < 0) {
          if (stopAtWaiting) return d;
          continue;
        }
      }
      const pv = potential[v] ?? 0;
      for (; a < end; a++) {
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
    return last;
  }

  #result(): SolverResult {
    const cap = this.#cap;
    const potential = this.#potential;
    const chosen: number[] = [];
    let total = 0;
    const { weight, size } = this.#edges;
    for (let k = 0; k < size; k++) {
      if ((cap[this.#edgeArc[k] ?? 0] ?? 1) === 0) {
        chosen.push(k);
        total += weight[k] ?? 0;
      }
    }
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

/** Arcs to add at once (see `MatchingFlow.#insert`), in the order they were added. */
class ArcBatch {
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly room: Int32Array;
  readonly cost: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.tail = new Int32Array(capacity);
    this.head = new Int32Array(capacity);
    this.room = new Int32Array(capacity);
    this.cost = new Int32Array(capacity);
  }

  add(tail: number, head: number, room: number, cost: number): void {
    const q = this.size++;
    this.tail[q] = tail;
    this.head[q] = head;
    this.room[q] = room;
    this.cost[q] = cost;
  }
}

/** Solves the matching exactly on the given edges (see `MatchingFlow`). */
export function solveMatching(input: SolverInput): SolverResult {
  return new MatchingFlow(input).solve();
}
