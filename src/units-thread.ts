import { Worker } from 'node:worker_threads';
import type { ConnectionStatus, HandleResult } from './core/adapter';
import { backoffDelay, RECONNECT_BACKOFF } from './core/backoff';
import type { InboxHandoff } from './core/engine';
import { codeOf } from './core/errors';
import type { Platform } from './core/refs';
import type { Db } from './db/client';
import { inboxOf } from './db/inbox-file';
import { noCheckpointsHere } from './db/sqlite';
import { releaseAbandoned, type ThreadSide, threadLock, threadLockMemory } from './db/thread-lock';
import { shareWrites } from './db/transact';
import type { Logger } from './logger';

/** What the main thread tells the units thread. */
export type ToUnits =
  /** Events were stored in the inbox: run them. */
  | { type: 'kick' }
  /** A platform now receives: what waited for it can go, and its channels are checked. */
  | { type: 'platform-up'; platform: Platform }
  /** Finish the event and the message in flight, then end. */
  | { type: 'stop' };

/** What the units thread tells the main thread. */
export type FromUnits =
  /** Event `id` has run (or its first attempt failed): a modal's errors ride in Slack's ack. */
  | { type: 'settled'; id: number; result: HandleResult }
  /** Started: its database is open and its platforms are starting. */
  | { type: 'ready' };

/** What the units thread needs that the environment does not say. */
export interface UnitsThreadData {
  log: { level: string; format: 'json' | 'pretty' };
  /** The write lock both threads take (see src/db/thread-lock.ts). */
  writeLock: SharedArrayBuffer;
  /** The same for the inbox's own file (src/db/inbox-file.ts). */
  inboxLock: SharedArrayBuffer;
  /** Benchmarks only: the gap between two messages to one Slack channel (their fake Web API does not rate-limit). */
  slackChannelIntervalMs?: number;
}

/** The write locks of a split process: one per file both threads write (see thread-lock.ts). */
export type WriteLocks = Pick<UnitsThreadData, 'writeLock' | 'inboxLock'>;

/** The main thread's side: makes the locks (to hand the units thread) and takes them itself. */
export function shareWritesWithUnits(db: Db): WriteLocks {
  const locks = { writeLock: threadLockMemory(), inboxLock: threadLockMemory() };
  takeWriteLocks(db, locks, 'main');
  // A commit that finds the WAL grown past its limit copies it into the file right there, a
  // stall of milliseconds: the acks' inserts leave that to the units thread's commits.
  noCheckpointsHere(inboxOf(db));
  return locks;
}

/** From now on every write on `db` and on its inbox file takes its lock, on `side`. */
export function takeWriteLocks(db: Db, locks: WriteLocks, side: ThreadSide): void {
  shareWrites(db, threadLock(locks.writeLock, side));
  shareWrites(inboxOf(db), threadLock(locks.inboxLock, side));
}

/** A units thread that keeps ending this soon after its start is restarted no faster than backoff. */
const STABLE_AFTER_MS = 60_000;

export interface UnitsThread {
  /** For the engine's `accept`: stored rows are run over there. */
  handoff: InboxHandoff;
  /** For `/healthz`: up while the thread runs, down while it is being restarted. */
  status(): ConnectionStatus;
  send(message: ToUnits): void;
  /** Asks it to stop and waits until it has (or `deadline` passed). */
  stop(deadlineMs: number): Promise<void>;
}

/**
 * The main thread's side of a split process. The main thread receives and acks: each event
 * is one insert into the inbox and nothing else, so an ack never waits behind a handler, a
 * send or a job. The units thread, with its own connection to the same database file, runs
 * the inbox's units of work, the outbox, the timers and the jobs. The inbox is the handoff:
 * what is stored survives either thread's death, and a units thread that ends unexpectedly is
 * started again with backoff (what it was running is retried after its lease).
 */
export function startUnitsThread(options: {
  entry: URL;
  data: UnitsThreadData;
  logger: Logger;
}): UnitsThread {
  const logger = options.logger.child({ component: 'units-thread' });
  const waiters = new Map<number, ((result: HandleResult) => void)[]>();
  let worker: Worker | undefined;
  let state: ConnectionStatus = { state: 'up' };
  let stopping = false;
  let restarts = 0;
  let startedAt = 0;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let exited: Promise<void> = Promise.resolve();

  const settleAll = () => {
    // Whoever waits (a modal's ack, within its budget) is answered with no outcome.
    for (const list of waiters.values()) for (const resolve of list) resolve({});
    waiters.clear();
  };

  const spawn = () => {
    startedAt = performance.now();
    const fromSource = options.entry.pathname.endsWith('.ts');
    // From source (`npm run dev`, the benchmarks) the thread registers tsx before it loads the
    // entry: tsx's hooks are not inherited by worker threads (nor applied by `--import` to a
    // worker's entry on Node 20). The build runs JavaScript.
    const thread = new Worker(fromSource ? tsxBootstrap(options.entry) : options.entry, {
      ...(fromSource ? { eval: true } : {}),
      workerData: options.data,
      // Its stdout/stderr are the process's: log lines go where the main thread's go.
      stdout: false,
      stderr: false,
    });
    worker = thread;
    // Up while it exists: until it has opened the database, events wait in the inbox as they
    // would behind a busy unit; only a thread that ended is down.
    state = { state: 'up' };
    thread.on('message', (message: FromUnits) => {
      if (message.type === 'ready') return;
      const list = waiters.get(message.id);
      if (!list) return;
      waiters.delete(message.id);
      for (const resolve of list) resolve(message.result);
    });
    thread.on('error', (error) => {
      logger.error({ code: codeOf(error), err: error.name }, 'units thread failed');
    });
    exited = new Promise((resolve) => {
      thread.once('exit', (code) => {
        worker = undefined;
        releaseAbandoned(options.data.writeLock);
        releaseAbandoned(options.data.inboxLock);
        settleAll();
        resolve();
        if (stopping) return;
        if (performance.now() - startedAt > STABLE_AFTER_MS) restarts = 0;
        restarts += 1;
        const retryInMs = backoffDelay(restarts, RECONNECT_BACKOFF);
        state = { state: 'down', code: 'units_thread_exited' };
        logger.error(
          { code: 'units_thread_exited', exitCode: code, retryInMs },
          'units thread ended; restarting',
        );
        restartTimer = setTimeout(spawn, retryInMs);
      });
    });
  };
  spawn();

  const send = (message: ToUnits) => worker?.postMessage(message);
  return {
    handoff: {
      kick: () => send({ type: 'kick' }),
      waitFor: (id) =>
        new Promise((resolve) => {
          const list = waiters.get(id) ?? [];
          list.push(resolve);
          waiters.set(id, list);
        }),
    },
    status: () => ({ ...state }),
    send,
    async stop(deadlineMs) {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const thread = worker;
      if (!thread) return;
      thread.postMessage({ type: 'stop' } satisfies ToUnits);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        exited,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, deadlineMs);
        }),
      ]);
      clearTimeout(timer);
      if (worker) await worker.terminate();
      state = { state: 'down', code: 'units_thread_stopped' };
    },
  };
}

/** A worker's code that registers tsx, then imports the TypeScript `entry`. */
function tsxBootstrap(entry: URL): string {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${api}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
}
