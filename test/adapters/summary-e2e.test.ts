import { afterEach, describe, expect, it } from 'vitest';
import { catchUp, JOBS } from '../../src/jobs';
import { createTestApp, jobDepsOf, type TestApp } from '../helpers/app';
import { rawRun } from '../helpers/raw';
import { type SlackHarness, startSlack } from '../helpers/slack';
import { startTelegram, type TelegramHarness } from '../helpers/telegram';
import { buildFixture } from '../reports/fixture';

let app: TestApp;
let slack: SlackHarness | undefined;
let tg: TelegramHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  await tg?.adapter.stop();
  slack = undefined;
  tg = undefined;
  app?.close();
  app?.dispose();
});

const jobDeps = () => jobDepsOf(app);

describe('the weekly summary reaches the HR channel with its chart', () => {
  it('Slack: header, sections and a context line, then the PNG uploaded to the channel', async () => {
    app = createTestApp({ env: { HR_CHANNEL: 'slack:CHR', ORG_TIMEZONE: 'Europe/Moscow' } });
    const s = await startSlack(app);
    slack = s;
    await s.command('help'); // starts the client
    await buildFixture(app);
    await JOBS.summary.run(jobDeps(), app.clock.now());
    await s.settle();
    const post = s.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'CHR');
    const blocks = (post?.args.blocks ?? []) as {
      type: string;
      text?: { text: string };
      elements?: { text: string }[];
    }[];
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Reverse mentoring · 30 Nov – 6 Dec 2026' },
    });
    expect(blocks.filter((b) => b.type === 'section').length).toBeGreaterThanOrEqual(5);
    expect(blocks.at(-1)?.type).toBe('context');
    expect(blocks.some((b) => b.text?.text.includes('Volunteers: 8 ▲2'))).toBe(true);
    const [upload] = await s.fake.waitFor('files.getUploadURLExternal');
    expect(upload?.args.filename).toBe('tandem-summary-2026-11-30-to-2026-12-06.png');
    const [complete] = await s.fake.waitFor('files.completeUploadExternal');
    expect(complete?.args.channel_id).toBe('CHR');
  });

  it('Telegram: an HTML message and the chart as a photo in the HR group; a missed Monday posts once', async () => {
    app = createTestApp({ env: { HR_CHANNEL: 'telegram:-100777', ORG_TIMEZONE: 'Europe/Moscow' } });
    tg = await startTelegram(app);
    await buildFixture(app);
    // The process was down over Monday 09:00: the first start after runs the summary once.
    await rawRun(
      app.database.db,
      "insert into job_runs (name, last_run_at) values ('summary', ?)",
      new Date('2026-11-30T06:00:00Z').getTime(),
    );
    await catchUp(jobDeps());
    await catchUp(jobDeps());
    await tg.settle();
    const toHr = tg.api.calls.filter((c) => String(c.payload.chat_id) === '-100777');
    const messages = toHr.filter((c) => c.method === 'sendMessage');
    expect(messages).toHaveLength(1);
    expect(String(messages[0]?.payload.text)).toContain(
      '<b>Reverse mentoring · 30 Nov – 6 Dec 2026</b>',
    );
    expect(String(messages[0]?.payload.parse_mode)).toBe('HTML');
    expect(toHr.filter((c) => c.method === 'sendPhoto')).toHaveLength(1);
  });
});
