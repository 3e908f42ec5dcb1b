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

/** Who gave an answer, for counting people: a stable key, never shown. */
export type Respondent = number | string | null;

/**
 * The respondent of a stored answer: its author, or after they left the number standing for
 * them (`left_as`) — so a week's head count is the same before and after anyone leaves.
 */
export function respondent(row: { userId: number | null; leftAs: number | null }): Respondent {
  if (row.userId !== null) return `u${row.userId}`;
  return row.leftAs !== null ? `l${row.leftAs}` : null;
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
export function publishableWeeks<R extends { at: number; who: Respondent }>(
  rows: R[],
  edges: number[],
  k: number,
): { rows: R[]; people: number; mostInAWeek: number } {
  // Each row is appended to its week's cell in place: the cost grows with the answers, not
  // with their square (a cell copied per answer made four times the data cost fifteen times).
  const cells = new Map<number, R[]>();
  for (const row of rows) {
    const i = weekOf(edges, row.at);
    if (i < 0) continue;
    const cell = cells.get(i);
    if (cell) cell.push(row);
    else cells.set(i, [row]);
  }
  // Answers kept from before people were counted after leaving count as one person: never
  // more people than there may be.
  const peopleIn = (list: R[]) => new Set(list.map((r) => r.who ?? -1)).size;
  const kept = [...cells.values()].filter((cell) => peopleIn(cell) >= k).flat();
  // "Not enough answers (n of at least k)" compares with one week's count, as the rule does:
  // people over several weeks added up could exceed k while no week reaches it.
  const mostInAWeek = Math.max(0, ...[...cells.values()].map(peopleIn));
  return { rows: kept, people: peopleIn(kept), mostInAWeek };
}

/**
 * The week `at` falls in: the last `e` with edges[e] <= at < edges[e + 1], or -1 outside them.
 * Edges are oldest first, so a binary search finds it.
 */
function weekOf(edges: number[], at: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] ?? 0) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && at < (edges[found + 1] ?? 0) ? found : -1;
}

/** A mean over the publishable weeks only, or "not enough answers" with how many there were. */
export function guardedWeeklyMean<R extends { at: number; who: Respondent }>(
  rows: R[],
  edges: number[],
  k: number,
  value: (r: R) => number,
  aggregate: (values: number[]) => number = mean,
): Guarded<number> {
  const usable = publishableWeeks(rows, edges, k);
  return usable.rows.length
    ? { shown: true, count: usable.people, value: aggregate(usable.rows.map(value)) }
    : { shown: false, count: usable.mostInAWeek };
}
