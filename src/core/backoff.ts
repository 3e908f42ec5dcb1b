/** An exponential backoff: the first wait, doubled after every further failure, up to a cap. */
export interface Backoff {
  /** The wait after the first failure. */
  minMs: number;
  /** No wait is longer than this, however many failures in a row. */
  maxMs: number;
}

/**
 * Reconnecting to a platform and retrying a platform's start: 1 s, 2 s, 4 s … up to a
 * minute, so a long outage is retried every minute rather than hammered, and a blip is
 * over within seconds.
 */
export const RECONNECT_BACKOFF: Backoff = { minMs: 1_000, maxMs: 60_000 };

/**
 * The wait before retry number `attempt` (1 after the first failure): `minMs · 2^(attempt-1)`,
 * capped at `maxMs`. Pure and deterministic, so callers and tests can predict it.
 */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  // Past 2^30 the cap has long been reached; the exponent is bounded so it never overflows.
  const exponent = Math.min(Math.max(0, attempt - 1), 30);
  return Math.min(backoff.maxMs, backoff.minMs * 2 ** exponent);
}

/**
 * A wait spread over its upper half (`ms/2 … ms`), so that many processes retrying the same
 * outage do not all come back in the same second. `random` is injectable for tests.
 */
export function withJitter(ms: number, random: () => number = Math.random): number {
  return Math.round(ms / 2 + (random() * ms) / 2);
}
