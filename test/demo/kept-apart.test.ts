import { afterEach, describe, expect, it } from 'vitest';
import type { UserRef } from '../../src/core/refs';
import { rawRows } from '../../src/db/sqlite';
import { DEMO_COMPANY } from '../../src/demo/company';
import { seedDemoHistory } from '../../src/demo/history';
import { seedDemoCompany } from '../../src/demo/seed';
import { JOBS } from '../../src/jobs';
import { createTestApp, jobDepsOf, type TestApp } from '../helpers/app';
import { participant } from '../helpers/participants';
import { SIGNING_SECRET, type SlackHarness, startSlack } from '../helpers/slack';

let app: TestApp | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  app?.close();
  app?.dispose();
  app = undefined;
  slack = undefined;
});

const slackRef = (id: string): UserRef => ({ platform: 'slack', workspace: 'T1', id });
const DEMO_NAMES = DEMO_COMPANY.map((p) => p.name);
const withoutDemo = (text: string) => DEMO_NAMES.filter((name) => text.includes(name));

/**
 * A Slack start on a database the console demo once wrote to (the old shared default file):
 * the twelve demo colleagues with their weeks of history, beside two real Slack people who
 * joined last week. U1 is the admin (and so HR).
 */
async function slackOverADemoDatabase(options: { telegramColleague?: boolean } = {}) {
  app = createTestApp({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      ADMIN_IDS: 'slack:U1',
      HR_CHANNEL: 'slack:CHR',
    },
  });
  const db = app.database.db;
  await seedDemoCompany(db, app.clock.now());
  await seedDemoHistory(db, app.clock.now(), app.config.ORG_TIMEZONE);
  await participant(app, slackRef('U2'), 'Rita Real', { role: 'mentor', grade: 1, teach: ['ai'] });
  await participant(app, slackRef('U3'), 'Sam Real', { role: 'mentee', grade: 5, learn: ['ai'] });
  if (options.telegramColleague) {
    const ref: UserRef = { platform: 'telegram', workspace: 'tandem_bot', id: '555' };
    await participant(app, ref, 'Tanya Telegram', { role: 'mentee', grade: 4, learn: ['ai'] });
  }
  // A week on: the week they joined is the last complete one.
  app.clock.set('2026-12-08T09:00:00Z');
  slack = await startSlack(app);
  return { app, slack };
}

const lastPosted = (s: SlackHarness) => s.fake.postedTexts().at(-1) ?? '';

describe('a platform start leaves the console demo’s people out', () => {
  it('counts only the real people in /report and the weekly summary', async () => {
    const { app, slack } = await slackOverADemoDatabase();
    expect(await slack.command('report')).toBe(200);
    const report = lastPosted(slack);
    expect(report).toMatch(/Volunteers: 2\b/);
    expect(report).toMatch(/1 mentors, 1 mentees, 0 both; new: 2/);
    expect(withoutDemo(report)).toEqual([]);

    await JOBS.summary.run(jobDepsOf(app), app.clock.now());
    await slack.settle();
    const weekly = slack.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CHR');
    expect(weekly.length).toBeGreaterThan(0);
    const text = slack.fake.postedTexts().join('\n');
    expect(text).toMatch(/Volunteers: 2\b/);
    expect(withoutDemo(text)).toEqual([]);
  });

  it('shows HR no feedback of the demo’s sessions in /feedback', async () => {
    const { slack } = await slackOverADemoDatabase();
    expect(await slack.command('feedback')).toBe(200);
    const view = lastPosted(slack);
    // The demo's weeks of rated sessions would show a mean; the real people have rated nothing.
    expect(view).toContain('Usefulness: not enough answers to show (0 of at least 3).');
    expect(view).not.toMatch(/Usefulness: \d/);
  });

  it('exports only the real people', async () => {
    const { slack } = await slackOverADemoDatabase();
    expect(await slack.command('export')).toBe(200);
    await slack.fake.waitFor('files.completeUploadExternal', 6);
    const csv = [...slack.fake.uploads.values()].join('\n');
    expect(csv).toContain('Rita Real');
    expect(csv).toContain('Sam Real');
    expect(withoutDemo(csv)).toEqual([]);
  });

  it('matches only the real people', async () => {
    const { slack } = await slackOverADemoDatabase();
    expect(await slack.command('match preview')).toBe(200);
    const preview = lastPosted(slack);
    expect(preview).toContain('Rita Real');
    expect(preview).toContain('Sam Real');
    expect(withoutDemo(preview)).toEqual([]);
  });

  it('broadcasts only to the real people, and says so before sending', async () => {
    const { app, slack } = await slackOverADemoDatabase();
    expect(await slack.command('admin broadcast The kick-off is on Friday')).toBe(200);
    expect(lastPosted(slack)).toContain('This goes to 2 participants');
    const confirm = slack.fake.callsTo('chat.postMessage').at(-1);
    const send = JSON.stringify(confirm?.args.blocks).match(/"value":"([^"]+)"/)?.[1] ?? '';
    expect(await slack.press(send)).toBe(200);
    // The confirmation is replaced by the outcome; two announcements go out, both to Slack.
    expect(slack.fake.postedTexts('chat.update').join('\n')).toContain('Queued for 2 people');
    const queued = await rawRows<Record<string, unknown>>(
      app.database.db,
      "select platform, count(*) as n from outbox where dedupe_key like 'broadcast:%' group by platform",
    );
    expect(queued).toEqual([{ platform: 'slack', n: 2 }]);
  });

  it('keeps a colleague from Telegram while only Slack runs: a real person of the company', async () => {
    const { slack } = await slackOverADemoDatabase({ telegramColleague: true });
    expect(await slack.command('report')).toBe(200);
    expect(lastPosted(slack)).toMatch(/Volunteers: 3\b/);
    expect(await slack.command('match preview')).toBe(200);
    expect(lastPosted(slack)).toContain('Tanya Telegram');
    expect(withoutDemo(lastPosted(slack))).toEqual([]);
  });

  it('nudges and reminds nobody of the demo', async () => {
    const { app } = await slackOverADemoDatabase();
    const deps = jobDepsOf(app);
    // A month on: every demo pair has gone quiet, every demo meeting's reminders fell due.
    app.clock.set('2027-01-08T10:00:00Z');
    await JOBS.nudges.run(deps, app.clock.now());
    await JOBS.tick.run(deps, app.clock.now());
    const toDemo = (
      await rawRows<Record<string, unknown>>(
        app.database.db,
        "select count(*) as n from outbox where platform = 'console'",
      )
    )[0] as { n: number };
    expect(toDemo.n).toBe(0);
  });
});
