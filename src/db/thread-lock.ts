/**
 * One SQLite file written from two threads of a split process (src/units-thread.ts): the main
 * thread inserts inbox rows as events arrive, the units thread runs transactions. SQLite
 * itself would serialise them, but a writer that finds the file locked sleeps inside the
 * driver (busy_timeout), blocking its whole thread — in the main thread that is every ack.
 * So both threads take this lock around every write instead, and wait for it without
 * blocking: the main thread's inserts go first (the units thread lets a waiting insert in
 * before its next transaction), so an ack waits at most for the transaction already running.
 */

/** Who holds the lock (word 0) and how many of the main thread's writes wait for it (word 1). */
const OWNER = 0;
const MAIN_WAITING = 1;
const FREE = 0;
const UNITS = 1;
const MAIN = 2;

/** Long enough not to spin, short enough that a lost wake-up costs little. */
const WAIT_SLICE_MS = 20;
/** What the units thread gives a waiting insert to take the lock before it looks again. */
const YIELD_SLICE_MS = 1;

export type ThreadSide = 'main' | 'units';

/** A lock on a connection's writes, shared with the other thread of the process. */
export interface ThreadLock {
  /**
   * A write on this side has joined its connection's queue: from now the main thread's
   * counts as waiting, so the units thread does not slip in between two queued inserts.
   * Each call is followed by exactly one `acquire`.
   */
  queued(): void;
  acquire(): Promise<void>;
  release(): void;
}

/** The memory both threads' locks share: create it in the main thread, pass it to the units thread. */
export function threadLockMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: boolean; value: Promise<string> | string };
// Node has had Atomics.waitAsync since 16; the TypeScript lib this project targets does not name it.
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** Resolves when word OWNER is no longer `value` (or the slice is over). */
async function whileOwner(state: Int32Array, value: number, sliceMs: number): Promise<void> {
  const wait = waitAsync(state, OWNER, value, sliceMs);
  if (wait.async) await wait.value;
}

export function threadLock(memory: SharedArrayBuffer, side: ThreadSide): ThreadLock {
  const state = new Int32Array(memory);
  const me = side === 'main' ? MAIN : UNITS;
  return {
    queued() {
      if (side === 'main') Atomics.add(state, MAIN_WAITING, 1);
    },
    async acquire() {
      if (side === 'main') {
        try {
          for (;;) {
            const owner = Atomics.compareExchange(state, OWNER, FREE, MAIN);
            if (owner === FREE) return;
            await whileOwner(state, owner, WAIT_SLICE_MS);
          }
        } finally {
          Atomics.sub(state, MAIN_WAITING, 1);
        }
      }
      for (;;) {
        if (Atomics.load(state, MAIN_WAITING) === 0) {
          const owner = Atomics.compareExchange(state, OWNER, FREE, UNITS);
          if (owner === FREE) return;
          await whileOwner(state, owner, WAIT_SLICE_MS);
        } else {
          // An insert waits: it goes first. Its thread takes the lock as soon as its loop can.
          const owner = Atomics.load(state, OWNER);
          await whileOwner(state, owner, owner === FREE ? YIELD_SLICE_MS : WAIT_SLICE_MS);
        }
      }
    },
    release() {
      Atomics.compareExchange(state, OWNER, me, FREE);
      Atomics.notify(state, OWNER);
    },
  };
}

/**
 * Frees the lock if the units thread held it when it ended (it died mid-transaction; SQLite
 * rolled that back), so the main thread's inserts go on.
 */
export function releaseAbandoned(memory: SharedArrayBuffer): void {
  const state = new Int32Array(memory);
  if (Atomics.compareExchange(state, OWNER, UNITS, FREE) === UNITS) Atomics.notify(state, OWNER);
}
