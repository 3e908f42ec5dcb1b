/** An aggregate that may be shown only when enough people are behind it. */
export type Guarded<T> = { shown: true; count: number; value: T } | { shown: false; count: number };

/**
 * The junior-safety rule: a figure built from fewer than `k` people's answers could point at
 * one of them, so it is withheld (only the count is kept, to say "not enough answers").
 * `people` counts distinct authors, not answers.
 */
export function guarded<T>(people: number, k: number, compute: () => T): Guarded<T> {
  return people >= k
    ? { shown: true, count: people, value: compute() }
    : { shown: false, count: people };
}

/** Mean rounded to one decimal. */
export function mean(values: number[]): number {
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** Net Promoter Score from 0–10 answers: % promoters (9–10) minus % detractors (0–6). */
export function nps(scores: number[]): number {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

/**
 * The answers an aggregate over several weeks may use: only weeks in which at least `k`
 * people answered. A total over weeks that are hidden one by one would otherwise give the
 * hidden week away by subtraction (this week's mean next to last four weeks' mean). `edges`
 * are the week boundaries, oldest first; rows outside them are ignored.
 */
export function publishableWeeks<R extends { at: number; who: number | null }>(
  rows: R[],
  edges: number[],
  k: number,
): { rows: R[]; people: number; allPeople: number } {
  const cells = new Map<number, R[]>();
  for (const row of rows) {
    let i = -1;
    for (let e = 0; e < edges.length - 1; e++) {
      if (row.at >= (edges[e] ?? 0) && row.at < (edges[e + 1] ?? 0)) {
        i = e;
        break;
      }
    }
    if (i < 0) continue;
    cells.set(i, [...(cells.get(i) ?? []), row]);
  }
  // People who left count as one, whoever they were: never more people than there may be.
  const peopleIn = (list: R[]) => new Set(list.map((r) => r.who ?? -1)).size;
  const kept = [...cells.values()].filter((cell) => peopleIn(cell) >= k).flat();
  return { rows: kept, people: peopleIn(kept), allPeople: peopleIn([...cells.values()].flat()) };
}

/** A mean over the publishable weeks only, or "not enough answers" with how many there were. */
export function guardedWeeklyMean<R extends { at: number; who: number | null }>(
  rows: R[],
  edges: number[],
  k: number,
  value: (r: R) => number,
  aggregate: (values: number[]) => number = mean,
): Guarded<number> {
  const usable = publishableWeeks(rows, edges, k);
  return usable.rows.length
    ? { shown: true, count: usable.people, value: aggregate(usable.rows.map(value)) }
    : { shown: false, count: usable.allPeople };
}
