import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blockText, FakeSlackApi } from '../fakes/slack-api';
import { freePort, until } from '../helpers/net';
import { SIGNING_SECRET } from '../helpers/slack';
import { logLines, startTandem, type TandemProcess } from '../helpers/tandem-process';

let tandem: TandemProcess | undefined;
let dir: string;
let fake: FakeSlackApi | undefined;

afterEach(async () => {
  tandem?.proc.kill('SIGKILL');
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start checks the channels it posts in', () => {
  it('tells the Slack admin to invite the bot into the HR channel, once Slack is up', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-channels-'));
    fake = await new FakeSlackApi().start();
    fake.channels.set('C0HR', { name: 'hr', isMember: false });
    fake.channels.set('C0CONTENT', { name: 'content', isMember: true });
    const port = await freePort();
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      ADMIN_IDS: 'slack:UADMIN',
      HR_CHANNEL: 'slack:C0HR',
      CONTENT_CHANNEL: 'slack:C0CONTENT',
    });
    const told = await until('admin told', () =>
      fake?.callsTo('chat.postMessage').find((c) => c.args.channel === 'DUADMIN'),
    );
    expect(blockText(told.args.blocks)).toContain(
      'Tandem can’t post in #hr (HR_CHANNEL): it isn’t a member of that channel. To fix it, type /invite @tandem in #hr.',
    );
    expect(fake.callsTo('conversations.info').map((c) => c.args.channel)).toEqual([
      'C0HR',
      'C0CONTENT',
    ]);
    expect((await tandem.terminate()).code).toBe(0);
    // Logged with ids and a code, not the message.
    const logs = tandem.logs();
    expect(logs).toContain('"code":"not_member"');
    // The DM is only queued when this is logged, so the log says so, not that it was sent.
    expect(
      logLines(logs).find((l) => l.code === 'not_member' && l.channelId === 'C0HR'),
    ).toMatchObject({
      admins: 1,
      msg: 'Tandem cannot post in a configured channel; admins to be told',
    });
    expect(logs).not.toContain('/invite');
  }, 30_000);
});
