import { EdgeList, MinHeap, type SolverInput, type SolverResult } from './solver';

/**
 * The round's solver where it fits: an ε-scaling auction in which the mentors' places bid for
 * mentees (Bertsekas's forward auction for the asymmetric assignment problem, with reverse
 * steps), giving the same optimum and the same duals as the primal–dual `MatchingFlow`.
 *
 * Why the places bid: a round has more mentees than places where it is hard (zipf: 30 000
 * mentees for 20 000 places), and the mentees a round leaves out would bid prices up for
 * nothing; a place that finds no mentee worth more than 0 simply stays empty. Measured on the
 * networks a zipf round of 50 000 solves from zero (one process, alternating, median of 4
 * warm runs): 2.1 → 0.33 s, 3.1–3.6 → 0.51 s, 3.7–4.1 → 0.55–0.6 s, same totals and duals.
 *
 * - A hub of capacity c is c places, each a bidder with its own profit π; an empty place has
 *   profit 0. Weights are scaled by α = nodes + 1, so ε-optimality at ε = 1 is optimality.
 * - ε-complementary slackness: π(place) + price(mentee) ≥ α·w − ε on every edge, equal on the
 *   assigned ones; an unassigned mentee's price is at most ε. A phase bids until no place is
 *   free, then reverse steps let unassigned mentees priced above ε lower their price or take a
 *   place (never freeing one). Between phases ε shrinks by `THETA` and only the places whose
 *   slackness the new ε breaks are released.
 * - Exact duals (the highest potentials, as `MatchingFlow` gives them) by one Dijkstra on the
 *   scaled reduced costs + 1, which are ≥ 0; ⌊(distance + potential) / α⌋ is the exact one.
 *
 * Supported: each mentor's limit does not bind across several hubs (one hub, or a limit of at
 * least the hubs' capacities) — `fitsAuction` says so; otherwise the round uses `MatchingFlow`.
 */
export class AuctionFlow {
  readonly #H: number;
  readonly #N: number;
  readonly #S: number;
  readonly #alpha: number;
  /** Places of hub h: `#slotFirst[h]` … `#slotFirst[h + 1] − 1`. */
  readonly #slotFirst: Int32Array;
  readonly #slotHub: Int32Array;
  readonly #slotPi: Float64Array;
  readonly #slotMentee: Int32Array;
  readonly #slotEdge: Int32Array;
  readonly #slotState: Uint8Array;
  readonly #price: Float64Array;
  readonly #owner: Int32Array;
  #edges: EdgeList;
  #E = 0;
  #maxW = 1;
  /** Edges by hub, heaviest first: their mentee and scaled weight. */
  #hFirst: Int32Array = new Int32Array(0);
  #hEdge: Int32Array = new Int32Array(0);
  #hMentee: Int32Array = new Int32Array(0);
  #hA: Float64Array = new Float64Array(0);
  /** Edges by mentee, heaviest first. */
  #mFirst: Int32Array = new Int32Array(0);
  #mEdge: Int32Array = new Int32Array(0);
  /** The same edges' hub and weight, in that order (reverse steps read them in turn). */
  #mHub: Int32Array = new Int32Array(0);
  #mW: Int32Array = new Int32Array(0);
  #eps = 1;
  readonly #free: Ring;
  readonly #reverse: Ring;
  #solved = false;
  /** Edges from this one on were added since the last solve. */
  #added = 0;

  constructor(input: SolverInput) {
    this.#H = input.hubs.length;
    this.#N = input.menteeCount;
    this.#slotFirst = new Int32Array(this.#H + 1);
    for (let h = 0; h < this.#H; h++) {
      const hub = input.hubs[h];
      const places = hub
        ? Math.max(0, Math.min(hub.capacity, input.mentorLimit[hub.mentor] ?? 0))
        : 0;
      this.#slotFirst[h + 1] = (this.#slotFirst[h] ?? 0) + places;
    }
    this.#S = this.#slotFirst[this.#H] ?? 0;
    this.#alpha = input.mentorLimit.length + this.#H + this.#N + 2;
    this.#slotHub = new Int32Array(this.#S);
    for (let h = 0; h < this.#H; h++)
      this.#slotHub.fill(h, this.#slotFirst[h] ?? 0, this.#slotFirst[h + 1] ?? 0);
    this.#slotPi = new Float64Array(this.#S);
    this.#slotMentee = new Int32Array(this.#S).fill(-1);
    this.#slotEdge = new Int32Array(this.#S).fill(-1);
    this.#slotState = new Uint8Array(this.#S);
    this.#price = new Float64Array(this.#N);
    this.#owner = new Int32Array(this.#N).fill(-1);
    this.#free = new Ring(this.#S);
    this.#reverse = new Ring(this.#N);
    // Its own copy: the caller's list may grow, or hold only the edges it adds.
    this.#edges = new EdgeList();
    for (let k = 0; k < input.edges.size; k++)
      this.#edges.push(
        input.edges.hub[k] ?? 0,
        input.edges.mentee[k] ?? 0,
        input.edges.weight[k] ?? 0,
      );
    this.#index(this.#edges);
  }

  /**
   * Takes `edges` from its entry `from` on as new edges, numbered after the ones it has (as
   * `MatchingFlow.addEdges` does); the next `solve` uses them.
   */
  addEdges(edges: EdgeList, from = 0): void {
    this.#added = Math.min(this.#added, this.#E);
    const before = this.#E;
    for (let k = from; k < edges.size; k++)
      this.#edges.push(edges.hub[k] ?? 0, edges.mentee[k] ?? 0, edges.weight[k] ?? 0);
    if ((this.#edges.size - before) * MERGE_SHARE > before) this.#index(this.#edges);
    else {
      this.#merge(before);
    }
  }

  /**
   * The optimum on the edges so far, with exact duals. After a few added edges it goes on
   * from the last prices and places (see `#warm`); the first time, and when the new edges
   * concern more than a third of the mentees, from zero.
   */
  solve(): SolverResult {
    if (this.#added < this.#E && this.#warm()) return this.#finish();
    this.#price.fill(0);
    this.#owner.fill(-1);
    this.#slotMentee.fill(-1);
    this.#slotEdge.fill(-1);
    this.#slotPi.fill(0);
    this.#slotState.fill(FREE);
    this.#free.clear();
    this.#reverse.clear();
    for (let s = 0; s < this.#S; s++) this.#free.push(s);
    this.#eps = Math.max(1, Math.floor((this.#alpha * this.#maxW) / FIRST_EPS_DIVISOR));
    return this.#finish();
  }

  /** Phases from the current ε down to 1, then the result. */
  #finish(): SolverResult {
    for (;;) {
      this.#forward();
      this.#reverseSteps();
      if (this.#eps === 1) break;
      this.#eps = Math.max(1, Math.floor(this.#eps / THETA));
      this.#releaseBroken();
    }
    this.#solved = true;
    this.#added = this.#E;
    return this.#result();
  }

  /**
   * A warm start after edges were added: prices and places are kept, the places a new edge
   * would now beat are freed, and a short rescale from `α / WARM_EPS_DIVISOR` follows. Not at
   * ε = 1 directly: among tied weights that turns into price wars (measured at zipf 10 000:
   * 44 ms from zero, 554 ms warm at ε = 1). False (nothing done) when the new edges concern
   * more than a third of the mentees: then starting from zero is quicker (favourites 50 000,
   * +131 000 edges: 11 s warm against 1.1 s).
   */
  #warm(): boolean {
    if (!this.#solved) return false;
    const { hub: eh, mentee: em, weight: ew } = this.#edges;
    const touched = new Uint8Array(this.#N);
    let count = 0;
    for (let k = this.#added; k < this.#E; k++) {
      const j = em[k] ?? 0;
      if (!touched[j]) {
        touched[j] = 1;
        count += 1;
      }
    }
    if (count * 3 > this.#N) return false;
    this.#eps = Math.max(1, Math.floor(this.#alpha / WARM_EPS_DIVISOR));
    for (let k = this.#added; k < this.#E; k++) {
      const h = eh[k] ?? 0;
      const limit = (ew[k] ?? 0) * this.#alpha - (this.#price[em[k] ?? 0] ?? 0) - this.#eps;
      for (let s = this.#slotFirst[h] ?? 0; s < (this.#slotFirst[h + 1] ?? 0); s++)
        if (this.#slotState[s] !== FREE && (this.#slotPi[s] ?? 0) < limit) this.#release(s);
    }
    return true;
  }

  /** Indexes the edges by hub and by mentee, heaviest first (a counting sort by weight). */
  #index(edges: EdgeList): void {
    const E = edges.size;
    const { hub: eh, mentee: em, weight: ew } = edges;
    const H = this.#H;
    const N = this.#N;
    let maxW = 1;
    for (let k = 0; k < E; k++) maxW = Math.max(maxW, ew[k] ?? 0);
    // Scaled weights and prices stay exact integers in a double.
    if (this.#alpha * maxW * 4 > 2 ** 52)
      throw new Error('auction: scores too large for exact arithmetic');
    const hFirst = new Int32Array(H + 1);
    const mFirst = new Int32Array(N + 1);
    for (let k = 0; k < E; k++) {
      const h = (eh[k] ?? 0) + 1;
      const j = (em[k] ?? 0) + 1;
      hFirst[h] = (hFirst[h] ?? 0) + 1;
      mFirst[j] = (mFirst[j] ?? 0) + 1;
    }
    for (let h = 0; h < H; h++) hFirst[h + 1] = (hFirst[h + 1] ?? 0) + (hFirst[h] ?? 0);
    for (let j = 0; j < N; j++) mFirst[j + 1] = (mFirst[j + 1] ?? 0) + (mFirst[j] ?? 0);
    const byWeight = new Int32Array(maxW + 2);
    const rank = (k: number) => maxW - Math.max(0, ew[k] ?? 0);
    for (let k = 0; k < E; k++) byWeight[rank(k) + 1] = (byWeight[rank(k) + 1] ?? 0) + 1;
    for (let w = 0; w <= maxW; w++) byWeight[w + 1] = (byWeight[w + 1] ?? 0) + (byWeight[w] ?? 0);
    const order = new Int32Array(E);
    for (let k = 0; k < E; k++) {
      const at = byWeight[rank(k)] ?? 0;
      order[at] = k;
      byWeight[rank(k)] = at + 1;
    }
    const hNext = hFirst.slice(0, H);
    const mNext = mFirst.slice(0, N);
    const hEdge = new Int32Array(E);
    const hMentee = new Int32Array(E);
    const hA = new Float64Array(E);
    const mEdge = new Int32Array(E);
    const mHub = new Int32Array(E);
    const mW = new Int32Array(E);
    for (let i = 0; i < E; i++) {
      const k = order[i] ?? 0;
      const h = eh[k] ?? 0;
      const j = em[k] ?? 0;
      const q = hNext[h] ?? 0;
      hNext[h] = q + 1;
      hEdge[q] = k;
      hMentee[q] = j;
      hA[q] = (ew[k] ?? 0) * this.#alpha;
      const r = mNext[j] ?? 0;
      mNext[j] = r + 1;
      mEdge[r] = k;
      mHub[r] = h;
      mW[r] = ew[k] ?? 0;
    }
    this.#keep({ E, maxW, hFirst, hEdge, hMentee, hA, mFirst, mEdge, mHub, mW });
  }

  /**
   * Adds edges `from` … to the orders by hub and by mentee by merging them in: the same
   * orders `#index` gives (heaviest first, then by edge number), without sorting every edge
   * again. A check that adds a few hundred pairs to 1.5 million edges re-solved in ~0.3 s,
   * a third of it sorting them all (zipf 50 000).
   */
  #merge(from: number): void {
    const { hub: eh, mentee: em, weight: ew } = this.#edges;
    const E = this.#edges.size;
    const alpha = this.#alpha;
    const added = Int32Array.from({ length: E - from }, (_, n) => from + n);
    let maxW = this.#maxW;
    for (const k of added) maxW = Math.max(maxW, ew[k] ?? 0);
    if (alpha * maxW * 4 > 2 ** 52)
      throw new Error('auction: scores too large for exact arithmetic');
    /** The weight an order ranks an edge by (as `#index`'s counting sort). */
    const rankW = (k: number) => Math.max(0, ew[k] ?? 0);
    const byHub = added
      .slice()
      .sort((a, b) => (eh[a] ?? 0) - (eh[b] ?? 0) || rankW(b) - rankW(a) || a - b);
    const byMentee = added
      .slice()
      .sort((a, b) => (em[a] ?? 0) - (em[b] ?? 0) || rankW(b) - rankW(a) || a - b);
    // By hub, then by mentee: untouched groups are copied in blocks, each touched one merged
    // with its new edges.
    const hEdge = new Int32Array(E);
    const hMentee = new Int32Array(E);
    const hA = new Float64Array(E);
    const oldA = this.#hA;
    mergeOrder(
      this.#hFirst,
      [this.#hEdge, this.#hMentee, oldA],
      [hEdge, hMentee, hA],
      byHub,
      eh,
      (src, k) => Math.max(0, oldA[src] ?? 0) >= rankW(k) * alpha,
      (dst, k) => {
        hEdge[dst] = k;
        hMentee[dst] = em[k] ?? 0;
        hA[dst] = (ew[k] ?? 0) * alpha;
      },
    );
    const mEdge = new Int32Array(E);
    const mHub = new Int32Array(E);
    const mW = new Int32Array(E);
    const oldW = this.#mW;
    mergeOrder(
      this.#mFirst,
      [this.#mEdge, this.#mHub, oldW],
      [mEdge, mHub, mW],
      byMentee,
      em,
      (src, k) => Math.max(0, oldW[src] ?? 0) >= rankW(k),
      (dst, k) => {
        mEdge[dst] = k;
        mHub[dst] = eh[k] ?? 0;
        mW[dst] = ew[k] ?? 0;
      },
    );
    this.#keep({
      E,
      maxW,
      hFirst: shifted(this.#hFirst, byHub, eh),
      hEdge,
      hMentee,
      hA,
      mFirst: shifted(this.#mFirst, byMentee, em),
      mEdge,
      mHub,
      mW,
    });
  }

  /** Takes the orders `#index` or `#merge` made. */
  #keep(o: Orders): void {
    this.#E = o.E;
    this.#maxW = o.maxW;
    this.#hFirst = o.hFirst;
    this.#hEdge = o.hEdge;
    this.#hMentee = o.hMentee;
    this.#hA = o.hA;
    this.#mFirst = o.mFirst;
    this.#mEdge = o.mEdge;
    this.#mHub = o.mHub;
    this.#mW = o.mW;
  }

  /** Frees place s (its mentee, if priced above ε, gets a reverse step). */
  #release(s: number): void {
    const j = this.#slotMentee[s] ?? -1;
    if (j >= 0) {
      this.#owner[j] = -1;
      this.#slotMentee[s] = -1;
      this.#slotEdge[s] = -1;
      if ((this.#price[j] ?? 0) > this.#eps) this.#reverse.push(j);
    }
    this.#slotState[s] = FREE;
    this.#free.push(s);
  }

  /** Free places bid, one at a time, until none is free (each takes its best mentee or parks). */
  #forward(): void {
    const hFirst = this.#hFirst;
    const hMentee = this.#hMentee;
    const hA = this.#hA;
    const hEdge = this.#hEdge;
    const price = this.#price;
    const owner = this.#owner;
    const slotPi = this.#slotPi;
    const slotMentee = this.#slotMentee;
    const slotEdge = this.#slotEdge;
    const slotState = this.#slotState;
    const eps = this.#eps;
    const free = this.#free;
    while (!free.empty) {
      const s = free.shift();
      if (slotState[s] !== FREE) continue;
      const h = this.#slotHub[s] ?? 0;
      // The best and second best values; staying empty is worth 0.
      let v1 = 0;
      let v2 = 0;
      let q1 = -1;
      const end = hFirst[h + 1] ?? 0;
      for (let q = hFirst[h] ?? 0; q < end; q++) {
        const a = hA[q] ?? 0;
        // Heaviest first and prices ≥ 0: nothing further can beat the second best.
        if (a <= v2) break;
        const v = a - (price[hMentee[q] ?? 0] ?? 0);
        if (v > v2) {
          if (v > v1) {
            v2 = v1;
            v1 = v;
            q1 = q;
          } else v2 = v;
        }
      }
      if (q1 < 0) {
        slotState[s] = PARKED;
        slotPi[s] = 0;
        continue;
      }
      const j = hMentee[q1] ?? 0;
      price[j] = (hA[q1] ?? 0) - v2 + eps;
      slotPi[s] = v2 - eps;
      const before = owner[j] ?? -1;
      owner[j] = s;
      slotMentee[s] = j;
      slotEdge[s] = hEdge[q1] ?? -1;
      slotState[s] = ASSIGNED;
      if (before >= 0) {
        slotMentee[before] = -1;
        slotEdge[before] = -1;
        slotState[before] = FREE;
        free.push(before);
      }
    }
  }

  /** Unassigned mentees priced above ε lower their price, or take a place from its mentee. */
  #reverseSteps(): void {
    const mFirst = this.#mFirst;
    const mEdge = this.#mEdge;
    const mHub = this.#mHub;
    const mW = this.#mW;
    const slotFirst = this.#slotFirst;
    const slotPi = this.#slotPi;
    const slotMentee = this.#slotMentee;
    const slotEdge = this.#slotEdge;
    const slotState = this.#slotState;
    const price = this.#price;
    const owner = this.#owner;
    const alpha = this.#alpha;
    const eps = this.#eps;
    const queue = this.#reverse;
    while (!queue.empty) {
      const j = queue.shift();
      if ((owner[j] ?? -1) >= 0 || (price[j] ?? 0) <= eps) continue;
      let b1 = Number.NEGATIVE_INFINITY;
      let b2 = Number.NEGATIVE_INFINITY;
      let s1 = -1;
      let q1 = -1;
      const end = mFirst[j + 1] ?? 0;
      for (let q = mFirst[j] ?? 0; q < end; q++) {
        const h = mHub[q] ?? 0;
        const a = (mW[q] ?? 0) * alpha;
        // A place's profit is at least −ε: nothing further can beat the second best.
        if (a + eps <= b2) break;
        for (let s = slotFirst[h] ?? 0; s < (slotFirst[h + 1] ?? 0); s++) {
          const b = a - (slotPi[s] ?? 0);
          if (b > b2) {
            if (b > b1) {
              b2 = b1;
              b1 = b;
              s1 = s;
              q1 = q;
            } else b2 = b;
          }
        }
      }
      if (b1 - eps <= 0) {
        price[j] = 0;
        continue;
      }
      const pj = Math.max(0, b2 - eps);
      price[j] = pj;
      slotPi[s1] = (mW[q1] ?? 0) * alpha - pj;
      const before = slotMentee[s1] ?? -1;
      if (before >= 0) {
        owner[before] = -1;
        if ((price[before] ?? 0) > eps) queue.push(before);
      }
      slotMentee[s1] = j;
      slotEdge[s1] = mEdge[q1] ?? -1;
      slotState[s1] = ASSIGNED;
      owner[j] = s1;
    }
  }

  /** At a smaller ε: frees the places whose slackness no longer holds. */
  #releaseBroken(): void {
    const hFirst = this.#hFirst;
    const hMentee = this.#hMentee;
    const hA = this.#hA;
    const hEdge = this.#hEdge;
    const price = this.#price;
    const eps = this.#eps;
    for (let s = 0; s < this.#S; s++) {
      if (this.#slotState[s] === FREE) continue;
      const h = this.#slotHub[s] ?? 0;
      const own = this.#slotEdge[s] ?? -1;
      const limit = (this.#slotPi[s] ?? 0) + eps;
      let broken = limit < 0;
      const end = hFirst[h + 1] ?? 0;
      for (let q = hFirst[h] ?? 0; !broken && q < end; q++) {
        const a = hA[q] ?? 0;
        if (a <= limit) break;
        // (A parallel edge to the same mentee counts.)
        if (hEdge[q] !== own && a - (price[hMentee[q] ?? 0] ?? 0) > limit) broken = true;
      }
      if (broken) this.#release(s);
    }
    for (let j = 0; j < this.#N; j++)
      if ((this.#owner[j] ?? -1) < 0 && (price[j] ?? 0) > eps) this.#reverse.push(j);
  }

  /**
   * The chosen edges and exact duals in `MatchingFlow`'s convention: nodes are the source
   * (0), hubs (1 + h) and mentees (1 + H + j); the potentials the auction ends with are
   * 1-optimal in α-scaled costs, so one Dijkstra on reduced costs + 1 gives the exact ones.
   */
  #result(): SolverResult {
    if (!this.#solved) throw new Error('auction: solve first');
    const H = this.#H;
    const N = this.#N;
    const alpha = this.#alpha;
    const E = this.#E;
    const { hub: eh, mentee: em, weight: ew } = this.#edges;
    const slotFirst = this.#slotFirst;
    const V = 1 + H + N;
    const pot = new Float64Array(V);
    const hubFlow = new Int32Array(H);
    const hubCap = new Int32Array(H);
    for (let h = 0; h < H; h++) {
      let lowest = Number.POSITIVE_INFINITY;
      for (let s = slotFirst[h] ?? 0; s < (slotFirst[h + 1] ?? 0); s++) {
        lowest = Math.min(lowest, this.#slotPi[s] ?? 0);
        if (this.#slotState[s] === ASSIGNED) hubFlow[h] = (hubFlow[h] ?? 0) + 1;
      }
      hubCap[h] = (slotFirst[h + 1] ?? 0) - (slotFirst[h] ?? 0);
      if (lowest === Number.POSITIVE_INFINITY) {
        // A hub with no place: high enough for its edges.
        lowest = 0;
        for (let q = this.#hFirst[h] ?? 0; q < (this.#hFirst[h + 1] ?? 0); q++)
          lowest = Math.max(lowest, (this.#hA[q] ?? 0) - (this.#price[this.#hMentee[q] ?? 0] ?? 0));
      }
      pot[1 + h] = lowest;
    }
    for (let j = 0; j < N; j++) pot[1 + H + j] = -(this.#price[j] ?? 0);
    const chosenEdge = new Uint8Array(E);
    const menteeEdge = new Int32Array(N).fill(-1);
    for (let s = 0; s < this.#S; s++) {
      const k = this.#slotEdge[s] ?? -1;
      if (k < 0) continue;
      chosenEdge[k] = 1;
      menteeEdge[em[k] ?? 0] = k;
    }
    const dist = new Float64Array(V).fill(Number.POSITIVE_INFINITY);
    const done = new Uint8Array(V);
    const heap = new MinHeap();
    const hFirst = this.#hFirst;
    const hEdge = this.#hEdge;
    const hMentee = this.#hMentee;
    const hA = this.#hA;
    const relax = (u: number, v: number, d: number, cost: number): void => {
      const reduced = cost * alpha + (pot[u] ?? 0) - (pot[v] ?? 0) + 1;
      if (reduced < 0) throw new Error('auction: not ε-optimal');
      const next = d + reduced;
      if (next < (dist[v] ?? 0)) {
        dist[v] = next;
        heap.push(next, v);
      }
    };
    // The residual network of the flow: source → hub with room, hub → source when used,
    // hub → mentee on unchosen edges, mentee → its hub on the chosen one, source ↔ mentee.
    const settle = (): void => {
      while (heap.size > 0) {
        const d = heap.topKey;
        const u = heap.pop();
        if (done[u] || d > (dist[u] ?? 0)) continue;
        done[u] = 1;
        if (u === 0) {
          for (let h = 0; h < H; h++)
            if ((hubFlow[h] ?? 0) < (hubCap[h] ?? 0) && !done[1 + h]) relax(0, 1 + h, d, 0);
          for (let j = 0; j < N; j++)
            if ((menteeEdge[j] ?? -1) >= 0 && !done[1 + H + j]) relax(0, 1 + H + j, d, 0);
        } else if (u <= H) {
          const h = u - 1;
          if ((hubFlow[h] ?? 0) > 0 && !done[0]) relax(u, 0, d, 0);
          // The hub's edges in their own order (no look-up by edge number: at 1.5 million
          // edges those reads missed the cache and were most of this search); an edge is the
          // chosen one of its mentee's or not.
          const from = d + (pot[u] ?? 0) + 1;
          for (let q = hFirst[h] ?? 0; q < (hFirst[h + 1] ?? 0); q++) {
            const j = hMentee[q] ?? 0;
            const v = 1 + H + j;
            if (done[v] || menteeEdge[j] === hEdge[q]) continue;
            const next = from - (hA[q] ?? 0) - (pot[v] ?? 0);
            if (next < d) throw new Error('auction: not ε-optimal');
            if (next < (dist[v] ?? 0)) {
              dist[v] = next;
              heap.push(next, v);
            }
          }
        } else {
          const k = menteeEdge[u - 1 - H] ?? -1;
          if (k >= 0) {
            const v = 1 + (eh[k] ?? 0);
            if (!done[v]) relax(u, v, d, ew[k] ?? 0);
          } else if (!done[0]) relax(u, 0, d, 0);
        }
      }
    };
    dist[0] = 0;
    heap.push(0, 0);
    settle();
    const pi = new Float64Array(V);
    const reached = done.slice();
    let unreached = 0;
    for (let v = 0; v < V; v++) {
      if (reached[v]) pi[v] = Math.floor(((dist[v] ?? 0) + (pot[v] ?? 0) - (pot[0] ?? 0)) / alpha);
      else unreached += 1;
    }
    if (unreached > 0) {
      // Nodes the flow cannot reach from the source: from a virtual root with an arc of
      // reduced cost 1 to each, then shifted up until their arcs into the rest are ≥ 0.
      let root = Number.NEGATIVE_INFINITY;
      for (let v = 0; v < V; v++) if (!reached[v]) root = Math.max(root, pot[v] ?? 0);
      for (let v = 0; v < V; v++)
        if (!reached[v]) {
          dist[v] = root - (pot[v] ?? 0) + 1;
          heap.push(dist[v] ?? 0, v);
        }
      settle();
      for (let v = 0; v < V; v++)
        if (!reached[v]) pi[v] = Math.floor(((dist[v] ?? 0) + (pot[v] ?? 0) - root) / alpha);
      let shift = 0;
      const need = (u: number, v: number, cost: number): void => {
        if (!reached[u] && reached[v]) shift = Math.max(shift, (pi[v] ?? 0) - cost - (pi[u] ?? 0));
      };
      for (let h = 0; h < H; h++) {
        if (reached[1 + h]) continue;
        if ((hubFlow[h] ?? 0) > 0) need(1 + h, 0, 0);
        for (let q = hFirst[h] ?? 0; q < (hFirst[h + 1] ?? 0); q++) {
          const k = hEdge[q] ?? 0;
          if (!chosenEdge[k]) need(1 + h, 1 + H + (em[k] ?? 0), -(ew[k] ?? 0));
        }
      }
      for (let j = 0; j < N; j++) {
        const u = 1 + H + j;
        if (reached[u]) continue;
        const k = menteeEdge[j] ?? -1;
        if (k >= 0) need(u, 1 + (eh[k] ?? 0), ew[k] ?? 0);
        else need(u, 0, 0);
      }
      for (let v = 0; v < V; v++) if (!reached[v]) pi[v] = (pi[v] ?? 0) + shift;
    }
    const chosen: number[] = [];
    let total = 0;
    for (let k = 0; k < E; k++)
      if (chosenEdge[k]) {
        chosen.push(k);
        total += ew[k] ?? 0;
      }
    const base = pi[0] ?? 0;
    const hubDual = new Float64Array(H);
    for (let h = 0; h < H; h++) hubDual[h] = (pi[1 + h] ?? 0) - base;
    const menteeDual = new Float64Array(N);
    for (let j = 0; j < N; j++) menteeDual[j] = base - (pi[1 + H + j] ?? 0);
    // A hub with no place (capacity or limit 0) takes no one: priced above each of its edges.
    for (let h = 0; h < H; h++) {
      if ((hubCap[h] ?? 0) > 0) continue;
      let price = 0;
      for (let q = hFirst[h] ?? 0; q < (hFirst[h + 1] ?? 0); q++) {
        const k = hEdge[q] ?? 0;
        price = Math.max(price, (ew[k] ?? 0) - (menteeDual[em[k] ?? 0] ?? 0));
      }
      hubDual[h] = price;
    }
    return { chosen, total, hubDual, menteeDual };
  }
}

/**
 * Whether the round takes the auction. Only where it fits: every mentor's limit is at least
 * the capacity of their hubs together, or they have one hub (whose places are then
 * min(capacity, limit)). And only where it is quicker. With clearly fewer places than mentees
 * (at most nine tenths) it always was. With more, it is slower in two cases, which take the
 * primal–dual method:
 * - most candidate pairs weigh the same: the places — the side that bids — want the same
 *   mentees as much as each other and raise prices by ε at a time (ties at 50 000: 4.3 s by
 *   the primal–dual method, 9.7 s by the auction);
 * - a hub has more than `AUCTION_HUB_PLACES` places: they bid one at a time, and a reverse
 *   step reads every place of every hub a mentee could go to (skewed capacities, where a few
 *   mentors take 10–30: at 2 000 47 → 67 ms, at 50 000 5.7 → 5.9 s).
 * Measured otherwise, one run each in one session, wall clock, auction against primal–dual:
 * at 50 000 grade traps 9.4 → 6.5 s, time-zones 6.3 → 5.7, product 2.9 → 2.5, favourites
 * 11.5 → 10.5; at 10 000 5 to 25 % quicker (zipf, with fewer places, 12.6 → 7.8 s CPU at
 * 50 000 against session 19's primal–dual method).
 */
export function fitsAuction(
  input: Pick<SolverInput, 'hubs' | 'mentorLimit' | 'menteeCount' | 'edges'>,
): boolean {
  if (!auctionSolves(input)) return false;
  let places = 0;
  let most = 0;
  for (const hub of input.hubs) {
    const own = Math.max(0, Math.min(hub.capacity, input.mentorLimit[hub.mentor] ?? 0));
    places += own;
    most = Math.max(most, own);
  }
  if (places * 10 <= input.menteeCount * 9) return true;
  return most <= AUCTION_HUB_PLACES && !mostlyTied(input.edges);
}

/** The most places a hub may have for the auction to take a round with more places than mentees. */
export const AUCTION_HUB_PLACES = 8;

/** Whether more than half the edges weigh the same. */
export function mostlyTied(edges: EdgeList): boolean {
  const count = new Map<number, number>();
  for (let k = 0; k < edges.size; k++) {
    const w = edges.weight[k] ?? 0;
    const n = (count.get(w) ?? 0) + 1;
    if (n * 2 > edges.size) return true;
    count.set(w, n);
  }
  return false;
}

/** Whether the auction solves this network at all (each mentor's limit, as above). */
export function auctionSolves(input: Pick<SolverInput, 'hubs' | 'mentorLimit'>): boolean {
  const hubs = new Int32Array(input.mentorLimit.length);
  const capacity = new Float64Array(input.mentorLimit.length);
  for (const hub of input.hubs) {
    hubs[hub.mentor] = (hubs[hub.mentor] ?? 0) + 1;
    capacity[hub.mentor] = (capacity[hub.mentor] ?? 0) + hub.capacity;
  }
  return input.mentorLimit.every((limit, m) => (hubs[m] ?? 0) <= 1 || limit >= (capacity[m] ?? 0));
}

/**
 * Added edges up to 1 / this of those there are are merged into the orders (`#merge`); more
 * are sorted again with the rest (`#index`), which is then quicker.
 */
const MERGE_SHARE = 8;

/** The auction's edges by hub and by mentee, heaviest first (see `AuctionFlow`). */
interface Orders {
  E: number;
  maxW: number;
  hFirst: Int32Array;
  hEdge: Int32Array;
  hMentee: Int32Array;
  hA: Float64Array;
  mFirst: Int32Array;
  mEdge: Int32Array;
  mHub: Int32Array;
  mW: Int32Array;
}

type Column = Int32Array | Float64Array;

/**
 * Merges `added` (new edges, sorted by group and then as the order ranks them) into an order
 * kept in groups that start at `first`: the `old` columns are copied into `out` in blocks
 * where no edge joins, and each group that gains edges is merged — an old entry first while
 * `oldFirst(src, k)` (so old before new among equals), `put(dst, k)` writing new edge k.
 */
function mergeOrder(
  first: Int32Array,
  old: readonly Column[],
  out: readonly Column[],
  added: Int32Array,
  groupOf: Int32Array,
  oldFirst: (src: number, k: number) => boolean,
  put: (dst: number, k: number) => void,
): void {
  const copy = (from: number, to: number, at: number) => {
    old.forEach((column, c) => {
      out[c]?.set(column.subarray(from, to), at);
    });
  };
  let src = 0;
  let dst = 0;
  for (let a = 0; a < added.length; ) {
    const g = groupOf[added[a] ?? 0] ?? 0;
    const start = first[g] ?? 0;
    const end = first[g + 1] ?? 0;
    copy(src, start, dst);
    dst += start - src;
    src = start;
    for (;;) {
      const k = added[a] ?? -1;
      const isNew = a < added.length && (groupOf[k] ?? 0) === g;
      if (!isNew && src === end) break;
      if (!isNew || (src < end && oldFirst(src, k))) {
        for (let c = 0; c < old.length; c++) {
          const column = out[c];
          if (column) column[dst] = old[c]?.[src] ?? 0;
        }
        src += 1;
      } else {
        put(dst, k);
        a += 1;
      }
      dst += 1;
    }
  }
  copy(src, first[first.length - 1] ?? 0, dst);
}

/** Where each group starts once `added` (sorted by `of`) joins the groups that start at `first`. */
function shifted(first: Int32Array, added: Int32Array, of: Int32Array): Int32Array<ArrayBuffer> {
  const out = new Int32Array(first.length);
  const more = new Int32Array(first.length);
  for (const k of added) more[(of[k] ?? 0) + 1] = (more[(of[k] ?? 0) + 1] ?? 0) + 1;
  let sum = 0;
  for (let g = 0; g < first.length; g++) {
    sum += more[g] ?? 0;
    out[g] = (first[g] ?? 0) + sum;
  }
  return out;
}

const FREE = 1;
const ASSIGNED = 0;
const PARKED = 2;
/** ε shrinks by this much per phase (10: measured within ±10 % of 6–16). */
const THETA = 10;
/** The first ε: the largest scaled weight over this. */
const FIRST_EPS_DIVISOR = 16;
/**
 * A warm start's ε: α over this, about a hundredth of a score point (measured at 50 000:
 * zipf +30 to +30 000 edges 0.26–0.42 s against 0.4–3.3 s for the primal–dual method's own
 * warm start; favourites +30 / +300: 0.5 / 0.65 s against 0.46 / 0.86 s).
 */
const WARM_EPS_DIVISOR = 64;

/** A FIFO of node ids that holds each id at most once. */
class Ring {
  readonly #items: Int32Array;
  readonly #queued: Uint8Array;
  #head = 0;
  #tail = 0;

  constructor(size: number) {
    this.#items = new Int32Array(size + 1);
    this.#queued = new Uint8Array(size);
  }

  get empty(): boolean {
    return this.#head === this.#tail;
  }

  push(id: number): void {
    if (this.#queued[id]) return;
    this.#queued[id] = 1;
    this.#items[this.#tail] = id;
    this.#tail = this.#tail + 1 === this.#items.length ? 0 : this.#tail + 1;
  }

  shift(): number {
    const id = this.#items[this.#head] ?? 0;
    this.#head = this.#head + 1 === this.#items.length ? 0 : this.#head + 1;
    this.#queued[id] = 0;
    return id;
  }

  clear(): void {
    this.#head = 0;
    this.#tail = 0;
    this.#queued.fill(0);
  }
}
