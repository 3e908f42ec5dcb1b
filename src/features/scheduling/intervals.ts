/**
 * Half-open time intervals [from, to) in epoch milliseconds, and the three operations slot
 * finding needs. Lists are sorted by start and disjoint unless a function says otherwise;
 * each operation is one linear pass.
 */
export interface Interval {
  from: number;
  to: number;
}

/** Sorts and merges intervals that overlap or touch; drops empty ones. Any input order. */
export function normalize(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ from: i.from, to: i.to });
  }
  return out;
}

/** `base` less every part covered by `cut` (both sorted and disjoint). */
export function subtract(base: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let k = 0;
  for (const b of base) {
    let from = b.from;
    // Cuts that end before this interval starts matter to no later one either.
    while (k < cut.length && (cut[k]?.to ?? 0) <= from) k += 1;
    for (let c = k; c < cut.length; c++) {
      const x = cut[c] as Interval;
      if (x.from >= b.to) break;
      if (x.from > from) out.push({ from, to: x.from });
      from = Math.max(from, x.to);
      if (from >= b.to) break;
    }
    if (from < b.to) out.push({ from, to: b.to });
  }
  return out;
}

/** The parts both lists cover (both sorted and disjoint). */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (from < to) out.push({ from, to });
    if (x.to < y.to) i += 1;
    else j += 1;
  }
  return out;
}

/** How much of `slot` the list (sorted and disjoint) covers, in ms. */
export function overlap(slot: Interval, list: readonly Interval[]): number {
  // The first interval that ends after the slot starts, by halving.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.to ?? 0) <= slot.from) lo = mid + 1;
    else hi = mid;
  }
  let covered = 0;
  for (let k = lo; k < list.length; k++) {
    const i = list[k] as Interval;
    if (i.from >= slot.to) break;
    covered += Math.min(i.to, slot.to) - Math.max(i.from, slot.from);
  }
  return covered;
}
