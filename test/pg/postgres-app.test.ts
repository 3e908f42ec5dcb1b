import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { openStore, type Store } from '../../src/db/client';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, startConsoleChat } from '../helpers/console-chat';
import { createFromTemplate, dropDatabases, TEST_PG } from './template';

/** Tandem on PostgreSQL, where it differs from SQLite. Runs under `npm run test:pg` only. */
describe.skipIf(!TEST_PG)('on PostgreSQL', () => {
  let app: TestApp | undefined;
  let chat: ConsoleChat | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await chat?.stop();
    app?.close();
    app?.dispose();
    await store?.close();
    store = undefined;
  });

  it('`admin backup` says to use pg_dump, in the admin’s language, and writes no file', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:boss,console:olga' } });
    app.config.BACKUP_DIR = join(app.dir, 'backups');
    chat = await startConsoleChat(app, { me: { id: 'boss', name: 'Boss Admin' } });
    expect(await chat.type('/admin backup')).toContain('back the database up with pg_dump');
    await chat.stop();
    chat = await startConsoleChat(app, { me: { id: 'olga', name: 'Ольга', locale: 'ru' } });
    expect(await chat.type('/admin backup')).toContain('сохраните базу через pg_dump');
    expect(existsSync(app.config.BACKUP_DIR)).toBe(false);
  });

  it('DATABASE_URL opens PostgreSQL; /healthz’s database check says when the server stops answering', async () => {
    const template = process.env.TANDEM_TEST_PG_TEMPLATE ?? '';
    const { name, url } = await createFromTemplate(template);
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'signing-secret',
      DATABASE_URL: url,
    });
    store = await openStore(config);
    expect(store.dialect).toBe('postgres');
    expect(store.writes.status()).toEqual({ state: 'up' });
    await dropDatabases([name]);
    // The first ask starts a probe (a moment later than any probe so far, whatever the clock
    // says); it answers once the probe has failed.
    const later = Number.MAX_SAFE_INTEGER;
    store.writes.status(later);
    await expect
      .poll(() => store?.writes.status(later), { timeout: 5_000 })
      .toEqual({ state: 'down', code: 'db_unreachable' });
  });
});
