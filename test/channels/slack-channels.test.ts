import { afterEach, describe, expect, it } from 'vitest';
import type { EngineDeps } from '../../src/core/context';
import { rawRows } from '../../src/db/sqlite';
import { checkChannels } from '../../src/features/channels/watch';
import { silentLogger } from '../../src/logger';
import { blockText } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../helpers/app';
import { type SlackHarness, startSlack } from '../helpers/slack';

let app: TestApp | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  app?.close();
  app?.dispose();
  slack = undefined;
  app = undefined;
});

const ENV = {
  ADMIN_IDS: 'slack:U1',
  HR_CHANNEL: 'slack:C0HR',
  CONTENT_CHANNEL: 'slack:C0CONTENT',
};

function depsOf(a: TestApp): EngineDeps {
  return {
    db: a.database.db,
    clock: a.clock,
    config: a.config,
    logger: silentLogger,
    outbox: a.outbox,
    adapters: a.adapters,
  };
}

/** Everything the bot said in U1's DM, oldest first. */
function dmTexts(s: SlackHarness, user = 'U1'): string[] {
  return s.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === `D${user}`)
    .map((c) => blockText(c.args.blocks));
}

describe('Slack: a channel Tandem is not in', () => {
  it('answers a post that Slack refuses (not_in_channel) with the invite step, never "posted", and tells it once', async () => {
    app = createTestApp({ env: ENV });
    slack = await startSlack(app);
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: false });

    await slack.command('admin post https://example.com/ai-study How Gen Z uses AI at work');
    await slack.settle();

    // Slack refused the post…
    expect(slack.fake.callsTo('chat.postMessage:failed')).toHaveLength(1);
    expect(slack.fake.callsTo('chat.postMessage:failed')[0]?.args.channel).toBe('C0CONTENT');
    const dm = dmTexts(slack).join('\n');
    // …so the admin is told exactly what to do, with the channel's name and the bot's…
    expect(dm).toContain('Tandem can’t post in #content (CONTENT_CHANNEL)');
    expect(dm).toContain('/invite @tandem in #content');
    // …and the author of the post hears it was not published, never "Posted".
    expect(dm).toContain('could not be posted to the content channel');
    expect(dm).not.toContain('Posted to the content channel');
    expect(
      (
        await rawRows<Record<string, unknown>>(
          app.database.db,
          'select count(*) as n from content_posts',
        )
      )[0],
    ).toEqual({
      n: 0,
    });

    // A second refused post: the post's author hears again, the channel problem is not repeated.
    await slack.command('admin post https://example.com/next Another one');
    await slack.settle();
    const after = dmTexts(slack).join('\n');
    expect(after.match(/\/invite @tandem/g)).toHaveLength(1);
    expect(after.match(/could not be posted/g)).toHaveLength(2);

    // Fixed: the next post is confirmed as posted, and a later break is told again.
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: true });
    await slack.command('admin post https://example.com/third A third one');
    await slack.settle();
    expect(dmTexts(slack).join('\n')).toContain('Posted to the content channel');
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: false });
    await slack.command('admin post https://example.com/fourth A fourth one');
    await slack.settle();
    expect(
      dmTexts(slack)
        .join('\n')
        .match(/\/invite @tandem/g),
    ).toHaveLength(2);
  });

  it('checks the configured channels at start and tells the admins, in their language, once', async () => {
    app = createTestApp({ env: ENV });
    slack = await startSlack(app);
    slack.fake.channels.set('C0HR', { name: 'hr', isMember: true });
    slack.fake.channels.set('C0CONTENT', { name: 'content', isArchived: true, isMember: true });
    // The admin chose Russian earlier.
    await slack.command('lang ru');
    const before = dmTexts(slack).length;

    await checkChannels(depsOf(app), 'slack');
    await slack.settle();
    expect(slack.fake.callsTo('conversations.info').map((c) => c.args.channel)).toEqual([
      'C0HR',
      'C0CONTENT',
    ]);
    const told = dmTexts(slack).slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Канал #content (CONTENT_CHANNEL) в архиве');
    expect(told[0]).not.toContain('#hr');

    // A restart finds the same problem: nobody is told twice.
    await checkChannels(depsOf(app), 'slack');
    await slack.settle();
    expect(dmTexts(slack).slice(before)).toHaveLength(1);

    // The problem changes (unarchived, but the bot was removed): that is news.
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: false });
    await checkChannels(depsOf(app), 'slack');
    await slack.settle();
    const changed = dmTexts(slack).slice(before);
    expect(changed).toHaveLength(2);
    expect(changed[1]).toContain('/invite @tandem в #content');
  });

  it('reads a private channel it was never invited to as "invite me", by its id', async () => {
    app = createTestApp({ env: { ...ENV, CONTENT_CHANNEL: 'slack:G0SECRET' } });
    slack = await startSlack(app);
    slack.fake.channels.set('G0SECRET', { name: 'secret', isPrivate: true, isMember: false });
    await checkChannels(depsOf(app), 'slack');
    await slack.settle();
    const dm = dmTexts(slack).join('\n');
    expect(dm).toContain('Tandem can’t find the channel G0SECRET (CONTENT_CHANNEL)');
    expect(dm).toContain('type /invite @tandem in it');
  });
});
