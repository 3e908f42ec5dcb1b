import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's libfaketime lives (package `faketime`); undefined when it is not installed. */
export const LIBFAKETIME = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
].find((path) => existsSync(path));

/**
 * A ManualClock for whole processes: libfaketime reads the wall-clock time from a file this
 * class writes, so every process started with `env` sees the same time, and only the test
 * moves it (forward by `run()`'s steps, or by `jump()`). Monotonic time stays real, so timers,
 * timeouts and pacing sleeps work as usual. Never reads the machine's clock.
 */
export class ProcessClock {
  readonly #dir = mkdtempSync(join(tmpdir(), 'tandem-clock-'));
  readonly #file = join(this.#dir, 'faketime');
  #ms: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(start: string) {
    this.#ms = new Date(start).getTime();
    this.#write();
  }

  /** What a process needs in its environment to read this clock (with TZ=UTC). */
  get env(): Record<string, string> {
    if (!LIBFAKETIME) throw new Error('libfaketime is not installed');
    return {
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME_TIMESTAMP_FILE: this.#file,
      // Read on every call: all processes move together, at once.
      FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      TZ: 'UTC',
    };
  }

  now(): Date {
    return new Date(this.#ms);
  }

  /** Lets the clock run: `stepMs` forward every `stepMs` of real (monotonic) time. */
  run(stepMs = 100): void {
    this.stop();
    this.#timer = setInterval(() => {
      this.#ms += stepMs;
      this.#write();
    }, stepMs);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Moves the clock forward at once. */
  jump(ms: number): void {
    this.#ms += ms;
    this.#write();
  }

  dispose(): void {
    this.stop();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  #write(): void {
    // libfaketime's absolute format, in UTC (the processes run with TZ=UTC); renamed into
    // place so a process never reads half a file.
    const text = new Date(this.#ms).toISOString().replace('T', ' ').replace('Z', '');
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, `${text}\n`);
    renameSync(tmp, this.#file);
  }
}
