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
