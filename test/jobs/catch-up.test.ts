import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import { catchUp } from '../../src/jobs';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';
import { rawRun } from '../helpers/raw';
import { startTelegram, type TelegramHarness } from '../helpers/telegram';

let app: TestApp | undefined;
let tg: TelegramHarness | undefined;
afterEach(async () => {
  await tg?.adapter.stop();
  tg = undefined;
  app?.close();
  app?.dispose();
  app = undefined;
});

const HR = '-100777';

/**
 * One example per disagreement the property test (catch-up.property.test.ts) found between
 * the old catch-up and node-cron. Each: the summary last ran at `lastRun`, the process was
 * down until `start`; HR gets the missed summary at start only if node-cron would have
 * fired it meanwhile (and otherwise node-cron itself posts it when its slot comes).
 */
const CASES = [
  {
    what: 'monthly: the 1st passed 19 days before the start (catch-up looked back only 8 days)',
    cron: '0 9 1 * *',
    lastRun: '2026-10-01T07:00:01Z',
    start: '2026-11-20T09:00:00Z',
    posted: 1,
  },
  {
    what: 'first Monday of the month ("1#1" was read as no day at all)',
    cron: '0 9 * * 1#1',
    lastRun: '2026-11-02T08:00:01Z',
    start: '2026-12-08T03:00:00Z',
    posted: 1,
  },
  {
    what: 'last day of the month ("L" was read as no day at all)',
    cron: '0 9 L * *',
    lastRun: '2026-10-31T08:00:01Z',
    start: '2026-12-01T06:00:00Z',
    posted: 1,
  },
  {
    what: 'last Friday of the month ("5L")',
    cron: '0 16 * * 5L',
    lastRun: '2026-10-30T15:00:01Z',
    start: '2026-11-28T10:00:00Z',
    posted: 1,
  },
  {
    what: 'clocks go back: 02:30 comes twice, node-cron fires at the second; a start between waits for it',
    cron: '30 2 * * 0',
    lastRun: '2026-10-18T00:30:01Z',
    start: '2026-10-25T01:00:00Z',
    posted: 0,
  },
  {
    what: 'a seconds field: at 09:00:10, the 09:00:30 slot has not come yet',
    cron: '30 0 9 * * 1',
    lastRun: '2026-11-23T08:00:31Z',
    start: '2026-11-30T08:00:10Z',
    posted: 0,
  },
] as const;

describe('catch-up after downtime agrees with node-cron (HR channel on Telegram, Berlin)', () => {
  it.each(CASES)('$what', async ({ cron, lastRun, start, posted }) => {
    const test = createTestApp({
      env: { HR_CHANNEL: `telegram:${HR}`, ORG_TIMEZONE: 'Europe/Berlin', SUMMARY_CRON: cron },
      clock: new ManualClock(start),
    });
    app = test;
    tg = await startTelegram(test);
    await rawRun(
      test.database.db,
      "insert into job_runs (name, last_run_at) values ('summary', ?)",
      new Date(lastRun).getTime(),
    );
    const deps = {
      db: test.database.db,
      config: test.config,
      logger: silentLogger,
      clock: test.clock,
      outbox: test.outbox,
      adapters: test.adapters,
    };
    await catchUp(deps);
    await catchUp(deps); // a second start right after posts nothing more
    await tg.settle();
    const summaries = tg.api.calls.filter(
      (c) => c.method === 'sendMessage' && String(c.payload.chat_id) === HR,
    );
    expect(summaries).toHaveLength(posted);
  });
});

describe('the config refuses a schedule that never comes', () => {
  it('names the variable and the reason, instead of stopping at start', () => {
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    // No February has a 31st.
    expect(refused({ SUMMARY_CRON: '0 9 31W 2 *' })).toContain(
      'SUMMARY_CRON: never runs: no day and time it names ever comes in UTC',
    );
    // The last Sunday of March at 02:30: Berlin's clocks always jump over it, UTC's don't.
    const berlin = refused({
      MATCH_CRON: '30 2 29 3 0',
      DIGEST_CRON: '0 16 L-30 2 *',
      ORG_TIMEZONE: 'Europe/Berlin',
    });
    expect(berlin).toContain(
      'MATCH_CRON: never runs: no day and time it names ever comes in Europe/Berlin',
    );
    expect(berlin).toContain('DIGEST_CRON: never runs');
    expect(refused({ MATCH_CRON: '30 2 29 3 0' })).toBe('');
    // Rare is not never: 29 February comes every four years.
    expect(refused({ SUMMARY_CRON: '0 9 29 2 *', DIGEST_CRON: '0 9 * 2 1#5' })).toBe('');
  });
});
