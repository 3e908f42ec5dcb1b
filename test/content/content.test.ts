import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { one } from '../../src/db/first';
import { meetingFeedback, meetings } from '../../src/db/schema';
import { STORY_APPROVE_ACTION } from '../../src/features/content/stories';
import { RATE_ACTION } from '../../src/features/feedback/poll';
import { catchUp, JOBS } from '../../src/jobs';
import { silentLogger } from '../../src/logger';
import { startConsoleChat } from '../helpers/console-chat';
import { type PairedConsole, pairedConsole } from '../helpers/pair';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

const CONTENT = { ADMIN_IDS: 'console:lena', CONTENT_CHANNEL: 'console:content' };
const jobDeps = () => ({
  db: p.app.database.db,
  config: p.app.config,
  logger: silentLogger,
  clock: p.app.clock,
  outbox: p.app.outbox,
  adapters: p.app.adapters,
});

/** Tom writes a story and agrees to publication. */
async function tomsStory(
  text = 'With Lena I set up an AI assistant; my Friday report now takes 20 minutes.',
) {
  await p.as('tom');
  await p.chat.type('/story');
  await p.chat.type(text);
  const out = await p.chat.type('1'); // Yes, publish it with my name
  await p.as('lena');
  return out;
}

describe('HR posts to the content channel', () => {
  it('posts a link with a comment; a bad link or a missing comment changes nothing', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', CONTENT);
    expect(await p.chat.type('/admin post javascript:alert(1) look')).toContain(
      'should be a web address starting with https:// (or http:// for an intranet page)',
    );
    expect(await p.chat.type('/admin post ftp://files.example.com/x look')).toContain(
      'should be a web address',
    );
    expect(await p.chat.type('/admin post https://example.com/ai-study')).toContain(
      'Add a short comment',
    );
    // Too long is said as too long, with the count, not as missing.
    expect(
      await p.chat.type(`/admin post https://example.com/ai-study ${'B'.repeat(1001)}`),
    ).toContain('The comment is 1001 characters; up to 1000 fit.');
    expect(await p.rows('select * from content_posts')).toHaveLength(0);
    const posted = await p.chat.type(
      '/admin post https://example.com/ai-study How Gen Z uses AI at work',
    );
    expect(posted).toContain('Posted to the content channel');
    expect(posted).toContain(
      '#content · Tandem:\n📚 How Gen Z uses AI at work\nhttps://example.com/ai-study',
    );
    expect(
      await p.rows("select action from audit_log where action = 'content.posted'"),
    ).toHaveLength(1);
    // A participant can't.
    await p.as('tom');
    expect(await p.chat.type('/admin post https://example.com/x hi')).toContain(
      'only HR and program admins',
    );
  });

  it('says so when no content channel is configured', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', { ADMIN_IDS: 'console:lena' });
    expect(await p.chat.type('/admin post https://example.com/a A study')).toContain(
      'CONTENT_CHANNEL is not set',
    );
    expect(await p.rows('select * from content_posts')).toHaveLength(0);
  });
});

describe('stories', () => {
  it('needs consent, waits for HR, and is published once with the author’s name', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', CONTENT);
    await p.as('tom');
    await p.chat.type('/story');
    expect(await p.chat.type('Too short')).toContain('at least 30');
    await p.chat.type('With Lena I set up an AI assistant; my Friday report now takes 20 minutes.');
    // "No" is an answer: nothing is sent or kept, and the way back is named.
    expect(p.chat.transcript()).toContain('2. ( ) No — then don’t send it');
    const declined = await p.chat.type('2');
    expect(declined).toContain(
      'Understood — nothing was sent, and your text is not kept. Stories are published with their author’s name; if you change your mind, /story starts again.',
    );
    expect(declined).not.toContain('New story from');
    expect(await p.rows('select * from stories')).toEqual([]);
    await p.chat.type('/story');
    await p.chat.type('With Lena I set up an AI assistant; my Friday report now takes 20 minutes.');
    const sent = await p.chat.type('1');
    expect(sent).toContain('HR will read it');
    expect(sent).toContain('→ to Lena Orlova · Tandem:\nNew story from Tom Berg:');
    expect(await p.rows('select status from stories')).toEqual([{ status: 'submitted' }]);

    await p.as('lena');
    const approved = await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    expect(approved).toContain('#content · Tandem:\n── ✨ Tom Berg ──');
    expect(approved).toContain('my Friday report now takes 20 minutes');
    expect(approved).toContain('→ to Tom Berg · Tandem:\nYour story is published');
    // Approving an already published story does nothing more.
    const again = await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    expect(again).toContain('already been handled');
    expect(again).not.toContain('#content');
    // And a participant can't approve, even with a button made out to them.
    expect(await p.press('tom', encodeAction(STORY_APPROVE_ACTION, p.tom, '1'))).toContain(
      'only HR',
    );
  });

  it('/story review puts every story still waiting to HR again with its buttons, and after a restart', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', CONTENT);
    expect(await p.chat.type('/story review')).toContain('No stories are waiting for review.');
    await tomsStory();
    const listed = await p.chat.type('/story review');
    expect(listed).toContain('New story from Tom Berg:\nWith Lena I set up an AI assistant');
    expect(listed).toContain('[1] Approve');
    expect(await p.chat.type('1')).toContain('#content · Tandem:\n── ✨ Tom Berg ──');
    expect(await p.rows('select status from stories')).toEqual([{ status: 'published' }]);
    expect(await p.chat.type('/story review')).toContain('No stories are waiting for review.');
    // Not for participants, and other words are explained.
    await p.as('tom');
    expect(await p.chat.type('/story review')).toContain('only HR');
    expect(await p.chat.type('/story please')).toContain('/story review shows the stories waiting');
    expect(await p.rows('select status from stories')).toEqual([{ status: 'published' }]);
  });

  it('shows HR the stories waiting when they arrive on the console after a restart', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', CONTENT);
    await tomsStory();
    await p.chat.stop();
    p.app.close();
    const app = p.app.restart();
    const chat = await startConsoleChat(app, {
      me: { id: 'lena', name: 'Lena Orlova' },
      people: [{ id: 'tom', name: 'Tom Berg' }],
    });
    p = { ...p, app, chat };
    await chat.adapter.whenIdle();
    expect(chat.transcript()).toContain('New story from Tom Berg:');
    expect(await chat.type('1')).toContain('── ✨ Tom Berg ──');
  });

  it('HR can send a story back with a reason, or edit it before publishing', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', CONTENT);
    await tomsStory();
    await tomsStory(
      'Second story: the bot drafts our client emails, and we reply twice as fast now.',
    );
    const reviews = p.chat.transcript();
    expect(reviews.match(/→ to Lena Orlova · Tandem:\nNew story from Tom Berg/g)).toHaveLength(2);
    // Story 1: rejected with a reason.
    await p.press('lena', encodeAction('sr', p.lena, '1'));
    const rejected = await p.chat.type('Please leave out the client name');
    expect(rejected).toContain(
      '→ to Tom Berg · Tandem:\nHR sent your story back: Please leave out the client name',
    );
    // Story 2: HR edits it; it is published only when Tom agrees to that version.
    await p.press('lena', encodeAction('se', p.lena, '2'));
    const edited = await p.chat.type(
      'The bot drafts our client emails; we reply twice as fast now.',
    );
    expect(edited).toContain('Sent to the author');
    expect(edited).toContain(
      '→ to Tom Berg · Tandem:\nHR suggests this version of your story before it is published under your name:\n\nThe bot drafts our client emails; we reply twice as fast now.',
    );
    expect(edited).not.toContain('#content');
    expect(await p.rows('select status from stories order by id')).toEqual([
      { status: 'rejected' },
      { status: 'edited' },
    ]);
    // HR's Approve on the original can't bypass the author now.
    expect(await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '2'))).toContain(
      'already been handled',
    );
    // Tom, back later (the message may be gone), finds the question on arrival and in /story.
    const back = await p.as('tom');
    expect(back).toContain('HR suggests this version of your story');
    const again = await p.chat.type('/story');
    expect(again).toContain('Publish this version');
    expect(again).toContain('To write a new story instead: /story new.');
    expect(await p.chat.type('/story new')).toContain('step 1');
    await p.chat.type('/cancel');
    await p.as('lena');
    const agreed = await p.press('tom', encodeAction('so', p.tom, '2', 'y'));
    expect(agreed).toContain(
      '── ✨ Tom Berg ──\nThe bot drafts our client emails; we reply twice as fast now.',
    );
    expect(agreed).toContain('Published in the content channel');
    // Tom published it himself: thanked once, by that answer.
    expect(agreed.match(/Thank you for sharing/g)).toHaveLength(1);
    expect(agreed).not.toContain('Your story is published');
    expect(await p.rows('select status from stories order by id')).toEqual([
      { status: 'rejected' },
      { status: 'published' },
    ]);
    // Story 3: edited, and Tom would rather withdraw it.
    await tomsStory('A third story, about reading Gen Z customer reviews together every Friday.');
    await p.press('lena', encodeAction('se', p.lena, '3'));
    await p.chat.type('A third story, about reading customer reviews together every Friday.');
    const withdrawn = await p.press('tom', encodeAction('so', p.tom, '3', 'n'));
    expect(withdrawn).toContain('Your story is withdrawn; nothing was published.');
    expect(withdrawn).not.toContain('#content');
    expect(await p.rows('select status from stories where id = 3')).toEqual([
      { status: 'withdrawn' },
    ]);
  });

  it('invites someone whose own ratings of a pair average 4.5 or more over three, once, from the daily job', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', CONTENT);
    const db = p.app.database.db;
    const now = p.app.clock.now();
    // One after another: ids[0] is the first written.
    const ids: number[] = [];
    for (const i of [1, 2, 3]) {
      const meeting = await one(
        db
          .insert(meetings)
          .values({
            pairId: p.pairId,
            kind: 'meeting',
            startsAt: new Date(now.getTime() - i * 86_400_000),
            durationMin: 60,
            topic: `s${i}`,
            status: 'held',
            createdAt: now,
            updatedAt: now,
          })
          .returning(),
      );
      ids.push(meeting.id);
    }
    // Lena rated two sessions 5 and 4; Tom rated one 1 — his ratings must not matter to her invite.
    for (const [meetingId, userId, usefulness] of [
      [ids[0], p.lena, 5],
      [ids[1], p.lena, 4],
      [ids[0], p.tom, 1],
    ] as const) {
      await db
        .insert(meetingFeedback)
        .values({ meetingId, userId, usefulness, createdAt: now, updatedAt: now });
    }
    const daily = async () => {
      const before = p.chat.transcript().length;
      await JOBS.nudges.run(jobDeps(), p.app.clock.now());
      await p.app.settle();
      return p.chat.transcript().slice(before);
    };
    await p.press('lena', encodeAction(RATE_ACTION, p.lena, String(ids[2]), '4'));
    expect(await daily()).not.toContain('great work'); // (5 + 4 + 4) / 3 = 4.33
    const up = await p.press('lena', encodeAction(RATE_ACTION, p.lena, String(ids[2]), '5'));
    // Never right after the tap.
    expect(up).not.toContain('great work');
    const invited = await daily(); // (5 + 4 + 5) / 3 = 4.67
    expect(invited).toContain('Tandem:\nYour pair is doing great work!');
    // Tom isn't invited: his own ratings don't qualify, and Lena's are not his to know.
    expect(invited).not.toContain('→ to Tom Berg · Tandem:\nYour pair is doing great work!');
    expect(await daily()).not.toContain('great work');
  });
});

describe('the weekly digest', () => {
  it('collects links, stories and pilot outcomes; a week posts once; a missed week runs once at start', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', CONTENT);
    await JOBS.digest.run(jobDeps(), p.app.clock.now());
    expect(p.chat.transcript()).not.toContain('This week in reverse mentoring'); // quiet week
    await p.chat.type('/admin post https://example.com/ai-study How Gen Z uses AI at work');
    await tomsStory();
    await p.press('lena', encodeAction(STORY_APPROVE_ACTION, p.lena, '1'));
    await JOBS.digest.run(jobDeps(), p.app.clock.now());
    await p.app.settle();
    const digest = p.chat.transcript().split('This week in reverse mentoring')[1] ?? '';
    expect(digest).toContain(
      'Worth reading:\n• How Gen Z uses AI at work — https://example.com/ai-study',
    );
    expect(digest).toContain('Stories:\n• Tom Berg: With Lena I set up an AI assistant');
    await JOBS.digest.run(jobDeps(), p.app.clock.now());
    await p.app.settle();
    expect(p.chat.transcript().match(/This week in reverse mentoring/g)).toHaveLength(1);

    // Down for three weeks: the first start after runs the digest once.
    await catchUp(jobDeps()); // first start ever: notes the time only
    p.app.clock.set('2026-12-01T10:00:00Z');
    await p.chat.type('/admin post https://example.com/next Another one');
    p.app.clock.set('2026-12-22T09:00:00Z');
    await catchUp(jobDeps());
    await p.app.settle();
    expect(p.chat.transcript().match(/This week in reverse mentoring/g)).toHaveLength(2);
    await catchUp(jobDeps());
    await p.app.settle();
    expect(p.chat.transcript().match(/This week in reverse mentoring/g)).toHaveLength(2);
  });
});
