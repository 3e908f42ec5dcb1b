import { describe, expect, it } from 'vitest';
import { backoffDelay, RECONNECT_BACKOFF, withJitter } from '../../src/core/backoff';
import { OUTBOX_BACKOFF } from '../../src/core/outbox';

describe('backoff', () => {
  it('reconnects after 1 s, doubling, and never waits more than a minute', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, RECONNECT_BACKOFF));
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    // However long the outage: no overflow, no Infinity, still the cap.
    expect(backoffDelay(10_000, RECONNECT_BACKOFF)).toBe(60_000);
    // Before any failure (or a nonsense attempt number) it is the first wait.
    expect(backoffDelay(0, RECONNECT_BACKOFF)).toBe(1_000);
  });

  it("retries the outbox's transient failures from 2 s up to 10 minutes apart", () => {
    expect(backoffDelay(1, OUTBOX_BACKOFF)).toBe(2_000);
    expect(backoffDelay(2, OUTBOX_BACKOFF)).toBe(4_000);
    expect(backoffDelay(50, OUTBOX_BACKOFF)).toBe(10 * 60_000);
  });

  it('spreads a wait over its upper half', () => {
    expect(withJitter(1_000, () => 0)).toBe(500);
    expect(withJitter(1_000, () => 0.5)).toBe(750);
    expect(withJitter(1_000, () => 0.999_999)).toBe(1_000);
  });
});
