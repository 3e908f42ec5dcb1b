import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadLock, threadLockMemory } from '../src/db/thread-lock';
import { silentLogger } from '../src/logger';
import { startUnitsThread, type UnitsThreadData } from '../src/units-thread';
import { until } from './helpers/net';

describe('the units thread, seen from the main thread', () => {
  it('is restarted when it ends, frees the write lock it held, and answers who waits on an event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-units-'));
    const writeLock = threadLockMemory();
    const counter = join(dir, 'starts');
    const units = startUnitsThread({
      entry: new URL('./fixtures/units-thread-once.mjs', import.meta.url),
      data: {
        log: { level: 'silent', format: 'json' },
        writeLock,
        inboxLock: threadLockMemory(),
        counter,
      } as UnitsThreadData,
      logger: silentLogger,
    });
    try {
      // The first thread died holding the lock: it is down, and an ack's insert still gets in.
      await until('down', () => (units.status().state === 'down' ? true : undefined));
      const main = threadLock(writeLock, 'main');
      main.queued();
      await main.acquire();
      main.release();
      // Started again (after the backoff's first step), it runs what the main thread hands it.
      await until('restarted', () => (readFileSync(counter, 'utf8') === '2' ? true : undefined));
      expect(units.status().state).toBe('up');
      const done = units.handoff.waitFor(7);
      units.handoff.kick();
      expect(await done).toEqual({ form: { ok: true } });
      await units.stop(5_000);
      expect(units.status()).toEqual({ state: 'down', code: 'units_thread_stopped' });
      expect(readFileSync(counter, 'utf8')).toBe('2');
    } finally {
      await units.stop(1_000);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
