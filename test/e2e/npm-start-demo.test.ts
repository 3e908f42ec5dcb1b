import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { upsertUser } from '../../src/db/queries/users';
import { DEMO_COMPANY } from '../../src/demo/company';
import { seedDemoHistory } from '../../src/demo/history';
import { seedDemoCompany } from '../../src/demo/seed';
import { FakeSlackApi } from '../fakes/slack-api';
import { freePort, until } from '../helpers/net';
import { SIGNING_SECRET } from '../helpers/slack';
import { logLines, startTandem, type TandemProcess } from '../helpers/tandem-process';

let tandem: TandemProcess | undefined;
let fake: FakeSlackApi | undefined;
let dir: string | undefined;
afterEach(async () => {
  tandem?.proc.kill('SIGKILL');
  tandem = undefined;
  await fake?.stop();
  fake = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function slackEnv(path: string) {
  fake = await new FakeSlackApi().start();
  return {
    DATABASE_PATH: path,
    PORT: String(await freePort()),
    SLACK_BOT_TOKEN: 'xoxb-process-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  };
}

describe('npm start with Slack on a database that holds the console demo', () => {
  it('says so at start, with counts only and how to be rid of them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-demo-'));
    const path = join(dir, 'tandem.db');
    // What `npm start` without tokens used to leave in ./data/tandem.db.
    const old = openDatabase(path);
    const seededAt = new Date('2026-11-30T09:00:00Z');
    await seedDemoCompany(old.db, seededAt);
    await seedDemoHistory(old.db, seededAt, 'UTC');
    old.close();

    // The SQLite file the console demo left (also in the PostgreSQL run).
    tandem = startTandem(await slackEnv(path), { database: 'sqlite' });
    const warning = await until(
      'the demo warning',
      () => logLines(tandem?.logs() ?? '').find((l) => l.code === 'demo_people_present'),
      45_000,
    );
    expect(warning).toMatchObject({
      level: 40,
      platforms: ['console'],
      people: DEMO_COMPANY.length,
      participants: DEMO_COMPANY.length,
    });
    expect(warning.pairs).toBeGreaterThan(0);
    expect(String(warning.msg)).toContain('left out of matching, reports, exports, broadcasts');
    expect(String(warning.msg)).toContain('move it away and start again');
    expect(String(warning.msg)).toContain('./data/demo.db');
    await until(
      'started',
      () => (tandem?.logs().includes('tandem started') ? true : undefined),
      45_000,
    );
    // Counts, never names.
    for (const person of DEMO_COMPANY) expect(tandem.logs()).not.toContain(person.name);
    expect((await tandem.terminate()).code).toBe(0);
  }, 60_000);

  it('says nothing on a database with only the company in it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-demo-'));
    tandem = startTandem(await slackEnv(join(dir, 'tandem.db')));
    await until(
      'started',
      () => (tandem?.logs().includes('tandem started') ? true : undefined),
      45_000,
    );
    expect(tandem.logs()).not.toContain('demo_people_present');
    expect((await tandem.terminate()).code).toBe(0);
  }, 60_000);

  it('refuses DEMO=true with a platform, saying where the demo lives', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-demo-'));
    tandem = startTandem({ ...(await slackEnv(join(dir, 'tandem.db'))), DEMO: 'true' });
    expect(await tandem.exited).toBe(1);
    expect(tandem.logs()).toContain(
      'DEMO: the demo company lives only in the console, in its own database (./data/demo.db)',
    );
  }, 60_000);
});

describe('npm start without tokens on a company’s database', () => {
  it('refuses to put the console demo into it, and says what to set', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-demo-'));
    const path = join(dir, 'tandem.db');
    const company = openDatabase(path);
    await upsertUser(
      company.db,
      { ref: { platform: 'slack', workspace: 'T1', id: 'U2' }, name: 'Rita Real' },
      new Date('2026-11-30T09:00:00Z'),
    );
    company.close();

    // A DATABASE_PATH left in .env from the Slack setup, and no tokens: the console.
    tandem = startTandem({ DATABASE_PATH: path }, { stdin: 'pipe' });
    expect(await tandem.exited).toBe(1);
    expect(tandem.logs()).toContain(
      `The console demo does not open ${path} (DATABASE_PATH): it holds your Slack or Telegram people`,
    );
    expect(tandem.logs()).toContain('Unset DATABASE_PATH (the demo then uses ./data/demo.db)');
    const after = openDatabase(path);
    const consolePeople = after.sqlite
      .prepare("select count(*) as n from users where platform = 'console'")
      .get() as { n: number };
    after.close();
    expect(consolePeople.n).toBe(0);
  }, 60_000);
});
