import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_REQUEST_BODY_MAX, SLACK_REQUEST_MAX_SKEW_S } from '../../src/adapters/slack/limits';
import { createTestApp, type TestApp } from '../helpers/app';
import { type SlackHarness, signedHeaders, startSlack } from '../helpers/slack';

let app: TestApp;
let slack: SlackHarness | undefined;

afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  app?.close();
  app?.dispose();
});

async function started() {
  app = createTestApp();
  slack = await startSlack(app);
  slack.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
  return slack;
}

const countRows = (table: string) =>
  (app.database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const helpCommand = (trigger: string) =>
  new URLSearchParams({
    command: '/mentor',
    text: 'help',
    team_id: 'T1',
    user_id: 'U1',
    channel_id: 'DU1',
    channel_name: 'directmessage',
    trigger_id: trigger,
  }).toString();

describe('Slack: request timestamps', () => {
  it('refuses a correctly signed request stamped more than 5 minutes ahead, like a stale one', async () => {
    const s = await started();
    const now = Math.floor(Date.now() / 1000);
    const ahead = helpCommand('trig-ahead');
    const res = await s.post(
      ahead,
      signedHeaders(ahead, { ts: now + SLACK_REQUEST_MAX_SKEW_S + 60 }),
    );
    expect(res.status).toBe(401);
    await s.settle();
    expect(countRows('inbound_events')).toBe(0);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);

    // A clock a minute off either way is ordinary skew: answered.
    const skewed = helpCommand('trig-skewed');
    expect((await s.post(skewed, signedHeaders(skewed, { ts: now + 60 }))).status).toBe(200);
    await s.settle();
    expect(s.fake.postedTexts().at(-1)).toContain('Tandem — reverse mentoring');
  });
});

describe('Slack: request size', () => {
  it('answers a body just over the limit with a readable 413, and keeps serving', async () => {
    const s = await started();
    const body = `${helpCommand('trig-big')}&pad=${'x'.repeat(SLACK_REQUEST_BODY_MAX)}`;
    const res = await fetch(s.url, { method: 'POST', headers: signedHeaders(body), body });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: 'request_too_large' });
    await s.settle();
    expect(countRows('inbound_events')).toBe(0);
    const ok = helpCommand('trig-after');
    expect((await s.post(ok, signedHeaders(ok))).status).toBe(200);
  });
});
