/**
 * Spacing for platform rate limits: each key (a channel, a chat, "everything") has a next
 * free slot. Adapters reserve before sending; the outbox asks `readyIn` first, so it can send
 * to someone else instead of sleeping behind one busy chat.
 */
export class Pacer {
  readonly #next = new Map<string, number>();

  /** Milliseconds until all these keys are free (0 when they are). */
  readyIn(keys: string[], now = Date.now()): number {
    return Math.max(0, ...keys.map((k) => (this.#next.get(k) ?? 0) - now));
  }

  /** Takes the next slot for all keys at once (each with its own gap) and waits for it. */
  async reserve(gaps: [key: string, gapMs: number][]): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, ...gaps.map(([k]) => this.#next.get(k) ?? 0));
    for (const [key, gap] of gaps) this.#next.set(key, slot + gap);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  /** Keeps a key busy for at least `gapMs` from now (e.g. counted from when a call returned). */
  holdFor(key: string, gapMs: number, now = Date.now()): void {
    this.#next.set(key, Math.max(this.#next.get(key) ?? 0, now + gapMs));
  }
}
