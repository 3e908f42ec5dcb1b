import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { onPostgres } from '../../src/db/dialect';
import { scheduleTimer } from '../../src/db/queries/timers';
import { rawRows } from '../../src/db/sqlite';
import { runDueTimers, TIMER_HANDLERS } from '../../src/jobs/timers';
import type { TimerHandler } from '../../src/jobs/types';
import { createTestApp, type TestApp } from '../helpers/app';

let app: TestApp;
const original = TIMER_HANDLERS['pause.resume'];
afterEach(() => {
  TIMER_HANDLERS['pause.resume'] = original;
  app?.close();
  app?.dispose();
});

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('timer runner: after-commit steps', () => {
  it('runs them after the commit, and one that throws is logged without undoing the timer', async () => {
    app = createTestApp();
    const { logger, lines } = capturingLogger();
    const seen: string[] = [];
    const handler: TimerHandler = (_tx, deps) => {
      deps.afterCommit((db) => {
        // Outside the transaction: its own writes commit on their own.
        // On PostgreSQL a transaction is a handle of its own; SQLite's connection says it.
        const inside = onPostgres(db) ? db !== app.database.db : db.$client.inTransaction;
        seen.push(inside ? 'inside' : 'outside');
        throw new Error('checkpoint exploded');
      });
      deps.afterCommit(() => {
        seen.push('second');
      });
    };
    TIMER_HANDLERS['pause.resume'] = handler;
    const now = app.clock.now();
    await scheduleTimer(
      app.database.db,
      { kind: 'pause.resume', dueAt: now, payload: {}, dedupeKey: 't1' },
      now,
    );

    expect(await runDueTimers({ db: app.database.db, config: app.config, logger }, now)).toEqual({
      done: 1,
      failed: 0,
    });
    expect(seen).toEqual(['outside', 'second']);
    const row = (
      await rawRows<Record<string, unknown>>(app.database.db, 'select status, attempts from timers')
    )[0];
    expect(row).toEqual({ status: 'done', attempts: 0 });
    expect(lines.join('')).toContain('"code":"handler_failed"');
    // Done means done: the next tick runs nothing again.
    seen.length = 0;
    await runDueTimers({ db: app.database.db, config: app.config, logger }, now);
    expect(seen).toEqual([]);
  });
});
