import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { STORY_APPROVE_ACTION } from '../../src/features/content/stories';
import { blockText } from '../fakes/slack-api';
import { type PairedConsole, pairedConsole } from '../helpers/pair';
import { type SlackHarness, startSlack } from '../helpers/slack';

let p: PairedConsole | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  await p?.close();
  slack = undefined;
  p = undefined;
});

/** HR works in the console; the content channel is in Slack, where Tandem was never invited. */
const ENV = { ADMIN_IDS: 'console:lena,slack:UADMIN', CONTENT_CHANNEL: 'slack:C0CONTENT' };

async function tomsStory(c: PairedConsole): Promise<void> {
  await c.as('tom');
  await c.chat.type('/story');
  await c.chat.type('With Lena I set up an AI assistant; my Friday report now takes 20 minutes.');
  await c.chat.type('1'); // Yes, publish it with my name
  await c.as('lena');
}

const adminDm = (s: SlackHarness) =>
  s.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === 'DUADMIN')
    .map((c) => blockText(c.args.blocks));

describe('a story is "published" only once the channel has it', () => {
  it('HR approves into a channel the bot is not in: back in review, nobody told "published"', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', ENV);
    slack = await startSlack(p.app);
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: false });
    await tomsStory(p);

    const approved = await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    await slack.settle();
    expect(approved).toContain(
      'Approved. You’ll hear once it is published in the content channel.',
    );
    expect(approved).toContain(
      'The story could not be posted to the content channel (Tandem is not a member of it), so it is not published.',
    );
    expect(approved).not.toContain('Published to the content channel');
    expect(approved).not.toContain('Your story is published');
    expect(p.rows('select status, published_at from stories')).toEqual([
      { status: 'submitted', published_at: null },
    ]);
    // The Slack admin has the invite step.
    expect(adminDm(slack).join('\n')).toContain('type /invite @tandem in #content');

    // Invited: approving again publishes it, and now both hear so.
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: true });
    p.app.clock.advance(60 * 60_000);
    const again = await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    await slack.settle();
    expect(again).toContain('Published to the content channel; the author has been told.');
    expect(again).toContain('→ to Tom Berg · Tandem:\nYour story is published');
    expect(slack.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'C0CONTENT')).toBe(
      true,
    );
    expect(p.rows('select status from stories')).toEqual([{ status: 'published' }]);
  });

  it('an author publishing HR’s edit into a broken channel hears it is not published yet; HR gets it back', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', ENV);
    slack = await startSlack(p.app);
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: false });
    await tomsStory(p);
    await p.press('lena', encodeAction('se', p.lena, '1'));
    await p.chat.type('The bot drafts our Friday report; it takes 20 minutes now.');

    const published = await p.press('tom', encodeAction('so', p.tom, '1', 'y'));
    await slack.settle();
    expect(published).toContain('Your story could not be posted to the content channel yet');
    expect(published).not.toContain('Published in the content channel');
    expect(published).toContain(
      'New story from Tom Berg:\nThe bot drafts our Friday report; it takes 20 minutes now.\n  [1] Approve',
    );
    expect(p.rows('select status from stories')).toEqual([{ status: 'submitted' }]);
  });
});
