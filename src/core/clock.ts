/** Time is injected so every timed behaviour can be tested by moving a clock, not by waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests and the console demo can move by hand. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | string = new Date()) {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  set(date: Date | string): void {
    this.#ms = new Date(date).getTime();
  }

  advance(ms: number): void {
    this.#ms += ms;
  }
}

/** Real time plus an offset the console demo can move forward (`/time +1d`). */
export class OffsetClock implements Clock {
  #offsetMs: number;

  constructor(offsetMs = 0) {
    this.#offsetMs = offsetMs;
  }

  /** How far ahead of real time this clock runs (the console demo keeps it across restarts). */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}

/**
 * Milliseconds (to a tenth) since a `performance.now()` reading: durations and latencies in
 * debug logs. Monotonic, so it measures how long something took, never what time it is.
 */
export function msSince(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
