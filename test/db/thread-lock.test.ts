import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { releaseAbandoned, threadLock, threadLockMemory } from '../../src/db/thread-lock';
import { shareWrites, transact, write } from '../../src/db/transact';

/** Both sides of the lock in one thread: they share its memory as two threads would. */
function sides() {
  const memory = threadLockMemory();
  return { memory, main: threadLock(memory, 'main'), units: threadLock(memory, 'units') };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the write lock the main thread and the units thread share', () => {
  it('holds one writer at a time: an insert waits, without blocking, until the transaction running ends', async () => {
    const { main, units } = sides();
    await units.acquire();
    let inserted = false;
    main.queued();
    const insert = main.acquire().then(() => {
      inserted = true;
    });
    await tick();
    expect(inserted).toBe(false);
    units.release();
    await insert;
    expect(inserted).toBe(true);
    main.release();
  });

  it("lets a waiting insert in before the units thread's next transaction", async () => {
    const { main, units } = sides();
    await units.acquire();
    const order: string[] = [];
    main.queued();
    const insert = main.acquire().then(() => order.push('insert'));
    await tick();
    units.release();
    // The units thread asks again at once, but the insert was waiting: it goes first.
    const next = units.acquire().then(() => order.push('transaction'));
    await insert;
    await tick();
    expect(order).toEqual(['insert']);
    main.release();
    await next;
    expect(order).toEqual(['insert', 'transaction']);
    units.release();
  });

  it('keeps two queued inserts together: the units thread does not slip in between them', async () => {
    const { main, units } = sides();
    main.queued();
    main.queued();
    await main.acquire();
    const order: string[] = [];
    const next = units.acquire().then(() => order.push('transaction'));
    main.release();
    await tick();
    // The second insert has not asked yet (its turn on the connection comes later), but it is in line.
    expect(order).toEqual([]);
    await main.acquire();
    order.push('insert');
    main.release();
    await next;
    expect(order).toEqual(['insert', 'transaction']);
    units.release();
  });

  it('is freed when the units thread ended holding it (it died mid-transaction)', async () => {
    const { memory, main, units } = sides();
    await units.acquire();
    releaseAbandoned(memory);
    main.queued();
    await main.acquire();
    main.release();
  });
});

describe('two connections to one file, each writing through the shared lock', () => {
  it("an ack's insert waits for a transaction that awaits, then lands after its commit — no SQLITE_BUSY, no blocked thread", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
    const acks = openDatabase(join(dir, 'tandem.db'));
    const runs = openDatabase(join(dir, 'tandem.db'));
    try {
      const memory = threadLockMemory();
      shareWrites(acks.db, threadLock(memory, 'main'));
      shareWrites(runs.db, threadLock(memory, 'units'));
      const order: string[] = [];
      let inserted: Promise<void> | undefined;
      await transact(runs.db, async (tx) => {
        tx.run(sql`insert into app_state (key, value, updated_at) values ('unit', '1', 0)`);
        // Meanwhile the other connection writes: without the lock, its insert would find the
        // file locked and sleep inside the driver, blocking this very await (and time out).
        inserted = write(acks.db, (db) => {
          db.run(sql`insert into app_state (key, value, updated_at) values ('ack', '1', 0)`);
          order.push('ack');
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('unit');
      });
      await inserted;
      expect(order).toEqual(['unit', 'ack']);
      const keys = acks.sqlite
        .prepare("select key from app_state where key in ('unit', 'ack') order by key")
        .pluck()
        .all();
      expect(keys).toEqual(['ack', 'unit']);
    } finally {
      acks.close();
      runs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
