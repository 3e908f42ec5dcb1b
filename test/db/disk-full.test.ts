import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enqueue } from '../../src/core/outbox';
import type { TandemDatabase } from '../../src/db/client';
import { DB_PROBE_INTERVAL_MS } from '../../src/db/write-health';
import { healthHandler, tandemChecks } from '../../src/http/health';
import { startHttpServer } from '../../src/http/server';
import { createTestApp, type TestApp } from '../helpers/app';
import { startTelegram, type TelegramHarness } from '../helpers/telegram';

let app: TestApp;
let tg: TelegramHarness;
let server: Server;

afterEach(async () => {
  vi.useRealTimers();
  server?.close();
  await tg?.adapter.stop();
  app?.close();
  app?.dispose();
});

/** The real app on a real file, logging to `lines` (the database's own log lines included). */
function appWithLog(): { app: TestApp; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      raw.push(chunk.toString());
      done();
    },
  });
  return {
    app: createTestApp({ logger: pino({ level: 'info' }, stream) }),
    lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/**
 * A full disk, as SQLite sees one: the files may not grow by a single page, and the pages they
 * have are full where new rows go (`max_page_count` caps a connection's file; the error is
 * the same SQLITE_FULL "database or disk is full" a full disk gives). Both files are on the
 * one disk: the database and the inbox's own (src/db/inbox-file.ts).
 */
function fillDisk(database: TandemDatabase): void {
  const fill = (sqlite: Database.Database, sql: string) => {
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
    const statement = sqlite.prepare(sql);
    try {
      for (let i = 0; ; i++) statement.run({ k: `filler:${String(i).padStart(8, '0')}` });
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
    }
  };
  fill(
    database.sqlite,
    `insert into outbox (dedupe_key, platform, target_key, target, status, next_attempt_at, created_at)
     values (@k, 'telegram', @k, '{}', 'failed', 0, 0)`,
  );
  fill(
    database.inbox.sqlite,
    `insert into inbox (key, conversation, person, status, next_at, received_at)
     values (@k, '', '', 'done', 0, 0)`,
  );
}

async function healthz(): Promise<{ status: number; checks: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
  const { checks } = (await res.json()) as { checks: Record<string, unknown> };
  return { status: res.status, checks };
}

async function serveHealth(): Promise<void> {
  server = await startHttpServer(0, [
    {
      path: '/healthz',
      method: ['GET'],
      handler: healthHandler(tandemChecks(app.database, app.adapters)),
    },
  ]);
}

describe('a full disk', () => {
  it('still answers the person with the error reply, shows on /healthz, and the log says why', async () => {
    // Only Date moves (the probe's interval); timers and sockets run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    const made = appWithLog();
    app = made.app;
    tg = await startTelegram(app);
    await serveHealth();
    await tg.say('/help');
    expect((await healthz()).status).toBe(200);
    const before = tg.api.texts().length;

    fillDisk(app.database);
    // Nothing reported it: the next probe finds out on its own.
    vi.setSystemTime(Date.now() + DB_PROBE_INTERVAL_MS);
    expect(await healthz()).toMatchObject({
      status: 503,
      checks: { database: { state: 'down', code: 'db_full' } },
    });
    expect(made.lines().find((l) => l.msg === 'database cannot be written')).toMatchObject({
      level: 50,
      code: 'SQLITE_FULL',
    });

    await tg.say('/help');
    const replies = tg.api.texts().slice(before);
    expect(replies).toEqual([
      'Sorry, something went wrong on my side. Nothing was changed — please try again.',
    ]);
    // The outbox is in the same full database: the reply went straight to Telegram.
    expect(made.lines().some((l) => l.msg === 'error reply not queued; sending it directly')).toBe(
      true,
    );

    // Room again: /healthz is green at its next ask, and the next message is handled as usual.
    app.database.sqlite.pragma('max_page_count = 1000000');
    app.database.inbox.sqlite.pragma('max_page_count = 1000000');
    expect((await healthz()).status).toBe(200);
    expect(made.lines().some((l) => l.msg === 'database can be written again')).toBe(true);
    await tg.say('/help');
    expect(tg.api.texts().at(-1)).toContain('Tandem — reverse mentoring');
  });

  it('shows on /healthz at once when a delivery pass cannot write, before the next probe is due', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const made = appWithLog();
    app = made.app;
    tg = await startTelegram(app);
    await serveHealth();
    await enqueue(
      app.database.db,
      {
        dedupeKey: 'queued-before',
        target: { kind: 'user', user: { platform: 'telegram', workspace: 'bot', id: '1001' } },
        payload: { kind: 'reply', reply: { kind: 'text', text: 'hello' } },
      },
      app.clock.now(),
    );
    expect((await healthz()).status).toBe(200);

    // The file turns read-only under the process (a remount, a permission change).
    app.database.sqlite.pragma('query_only = ON');
    app.outbox.kick();
    await app.settle();
    expect(made.lines().find((l) => l.msg === 'outbox pass failed')).toMatchObject({
      code: 'SQLITE_READONLY',
    });
    expect(await healthz()).toMatchObject({
      status: 503,
      checks: { database: { state: 'down', code: 'db_read_only' } },
    });
    expect(tg.api.texts()).toEqual([]);

    app.database.sqlite.pragma('query_only = OFF');
    expect((await healthz()).status).toBe(200);
    app.outbox.kick();
    await app.settle();
    expect(tg.api.texts()).toEqual(['hello']);
  });

  it('shows on /healthz at once when an event fails to write, before the next probe is due', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const made = appWithLog();
    app = made.app;
    tg = await startTelegram(app);
    await serveHealth();
    expect((await healthz()).status).toBe(200);

    fillDisk(app.database);
    await tg.say('/help');
    expect(await healthz()).toMatchObject({
      status: 503,
      checks: { database: { state: 'down', code: 'db_full' } },
    });
  });
});
