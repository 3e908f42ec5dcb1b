import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { channelListener } from '../../src/features/channels/watch';
import { STORY_APPROVE_ACTION } from '../../src/features/content/stories';
import { blockText } from '../fakes/slack-api';
import { type PairedConsole, pairedConsole } from '../helpers/pair';
import { rawRun } from '../helpers/raw';
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
    expect(await p.rows('select status, published_at from stories')).toEqual([
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
    expect(await p.rows('select status from stories')).toEqual([{ status: 'published' }]);
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
    expect(await p.rows('select status from stories')).toEqual([{ status: 'submitted' }]);
  });
});

/** The story's channel post, as the outbox holds it. */
const storyPost = (c: PairedConsole) =>
  c.rows("select status, payload from outbox where dedupe_key like 'story:%:publish:%'");

describe('a story whose post was cut off is never left "published" unseen', () => {
  it('Tandem dies while posting it: at the next start HR is asked to check the channel, and approving again publishes it', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', ENV);
    await tomsStory(p);
    // Slack is not up yet: the post waits in the outbox.
    await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    expect(await p.rows('select status from stories')).toEqual([{ status: 'published' }]);

    // The process claims the post, hands it to Slack and dies before the answer is recorded.
    await claimAsIfSending(p, 'story:%:publish:%');
    // The next start.
    const before = p.chat.transcript().length;
    await p.app.outbox.releaseAbandonedClaims();
    slack = await startSlack(p.app);
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: true });
    await slack.settle();
    p.app.clock.advance(3 * 24 * 60 * 60_000);
    p.app.outbox.kick();
    await slack.settle();

    const told = p.chat.transcript().slice(before);
    // With its Approve (numbered after the review, which arriving showed again).
    expect(told).toMatch(
      /Tandem stopped while posting Tom Berg’s story to the content channel, so it may not have been posted\. Please check the channel; if the story is not there, approve it again — it is back in review\.\n {2}\[\d+\] Approve/,
    );
    expect(told).not.toContain('Published to the content channel');
    // Not sent twice on its own, and not counted as published (the digest lists published ones).
    expect(slack.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'C0CONTENT')).toBe(
      false,
    );
    expect(await p.rows('select status, published_at from stories')).toEqual([
      { status: 'submitted', published_at: null },
    ]);
    expect(await storyPost(p)).toEqual([{ status: 'uncertain', payload: null }]);

    // Lena looks, the story is missing: Approve publishes it.
    const again = await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    await slack.settle();
    expect(again).not.toContain('already');
    expect(p.chat.transcript().slice(before)).toContain(
      'Published to the content channel; the author has been told.',
    );
    expect(slack.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'C0CONTENT')).toBe(
      true,
    );
    expect(await p.rows('select status from stories')).toEqual([{ status: 'published' }]);
  });

  it('a send whose claim expired (another process took it and vanished) is answered by the next pass', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', ENV);
    await tomsStory(p);
    await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    await claimAsIfSending(p, 'story:%:publish:%');
    p.app.clock.advance(5 * 60_000);
    slack = await startSlack(p.app);
    const before = p.chat.transcript().length;
    p.app.outbox.kick();
    await slack.settle();
    expect(p.chat.transcript().slice(before)).toContain(
      'Tandem stopped while posting Tom Berg’s story to the content channel',
    );
    expect(await p.rows('select status from stories')).toEqual([{ status: 'submitted' }]);
  });

  it('Tandem dies while posting HR’s edit its author published: the author hears it may be missing, HR is asked to check', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', ENV);
    await tomsStory(p);
    await p.press('lena', encodeAction('se', p.lena, '1'));
    await p.chat.type('The bot drafts our Friday report; it takes 20 minutes now.');
    await p.press('tom', encodeAction('so', p.tom, '1', 'y'));
    await claimAsIfSending(p, 'story:%:publish:%');

    const before = p.chat.transcript().length;
    await p.app.outbox.releaseAbandonedClaims();
    slack = await startSlack(p.app);
    await slack.settle();
    const told = p.chat.transcript().slice(before);
    expect(told).toContain(
      'Tandem stopped while posting your story to the content channel, so it may not have been published.',
    );
    expect(told).toContain(
      'Tandem stopped while posting Tom Berg’s story to the content channel, so it may not have been posted.',
    );
    expect(await p.rows('select status, text from stories')).toEqual([
      {
        status: 'submitted',
        text: 'The bot drafts our Friday report; it takes 20 minutes now.',
      },
    ]);
  });

  it('Tandem dies after Slack refused the post but before HR was told: the next start tells HR', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', ENV);
    slack = await startSlack(p.app);
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: false });
    await tomsStory(p);
    // The refusal is recorded; the process dies before the listener's own transaction.
    p.app.outbox.onSettled(async () => false);
    const approved = await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    await slack.settle();
    expect(approved).not.toContain('could not be posted');
    expect(await p.rows('select status from stories')).toEqual([{ status: 'published' }]);

    // The next start answers the receipt left on the row, once.
    const before = p.chat.transcript().length;
    p.app.outbox.onSettled(channelListener(p.app.deps));
    await p.app.outbox.releaseAbandonedClaims();
    await slack.settle();
    await p.app.outbox.releaseAbandonedClaims();
    await slack.settle();
    const told = p.chat.transcript().slice(before);
    expect(told.split('could not be posted to the content channel').length).toBe(2);
    expect(told).toMatch(/\[\d+\] Approve/);
    expect(await p.rows('select status from stories')).toEqual([{ status: 'submitted' }]);
    expect(await storyPost(p)).toEqual([{ status: 'failed', payload: null }]);
  });
});

describe('a link whose post was cut off', () => {
  it('Tandem dies while posting it: HR is told, in Russian, to check the channel, and it is left out of the digest', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', ENV);
    await rawRun(p.app.database.db, "update users set locale = 'ru' where id = ?", p.lena);
    await p.chat.type('/admin post https://example.com/ai-study How Gen Z uses AI at work');
    await claimAsIfSending(p, 'content:%');

    const before = p.chat.transcript().length;
    await p.app.outbox.releaseAbandonedClaims();
    slack = await startSlack(p.app);
    slack.fake.channels.set('C0CONTENT', { name: 'content', isMember: true });
    await slack.settle();
    expect(p.chat.transcript().slice(before)).toContain(
      'Tandem остановился, пока публиковал вашу ссылку в канале контента, поэтому она могла не появиться. Проверьте канал; если ссылки там нет, опубликуйте её снова.',
    );
    expect(await p.rows('select count(*) as n from content_posts')).toEqual([{ n: 0 }]);
  });
});

/** The post was claimed and handed to the platform, and the process died before the answer. */
async function claimAsIfSending(chat: PairedConsole, dedupeLike: string): Promise<void> {
  await rawRun(
    chat.app.database.db,
    "update outbox set status = 'sending', claimed_at = ?, attempts = 1 where dedupe_key like ?",
    chat.app.clock.now().getTime(),
    dedupeLike,
  );
}
