/**
 * What both fan-out benchmarks share: a throwaway database, a clock that follows real time
 * (the fakes enforce real-time limits), and draining the real outbox until nothing is left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatAdapter } from '../src/core/adapter';
import { ManualClock } from '../src/core/clock';
import { OutboxWorker } from '../src/core/outbox';
import type { Platform } from '../src/core/refs';
import { openDatabase } from '../src/db/client';
import { silentLogger } from '../src/logger';

/** A database in a temp folder and a clock that keeps up with the wall clock. */
export function openFanoutHarness(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `tandem-bench-${name}-`));
  const database = openDatabase(join(dir, 'bench.db'));
  const clock = new ManualClock();
  const tick = setInterval(() => clock.set(new Date()), 10);
  return {
    database,
    clock,
    /** Runs the outbox over `adapters` until every row is settled; returns the seconds taken. */
    async drain(adapters: Partial<Record<Platform, ChatAdapter>>, pollMs: number): Promise<number> {
      const outbox = new OutboxWorker({ db: database.db, clock, logger: silentLogger, adapters });
      const pending = database.sqlite.prepare(
        "select count(*) as n from outbox where status in ('pending','sending')",
      );
      const started = performance.now();
      for (;;) {
        await outbox.deliverDue();
        if ((pending.get() as { n: number }).n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      return (performance.now() - started) / 1000;
    },
    close(): void {
      clearInterval(tick);
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Counts what a fake platform accepted, keyed by message (or by chat, one message each), to spot losses and doubles. */
export function deliveryLedger() {
  const delivered = new Map<string, number>();
  return {
    record(key: string): void {
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
    },
    get size(): number {
      return delivered.size;
    },
    doubled(): number {
      return [...delivered.values()].filter((n) => n > 1).length;
    },
  };
}
