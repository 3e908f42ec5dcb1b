import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { GOAL_PROGRESS_ACTION } from '../../src/features/goals/service';
import { bookByHand } from '../helpers/console-chat';
import { type PairedConsole, pairedConsole } from '../helpers/pair';
import { rawRun } from '../helpers/raw';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

const goalRows = () => p.rows('select * from goals');

/** Lena types a goal through the wizard, with every answer valid. */
async function setGoal(
  deadline = '2027-01-15',
  specific = 'Draft one weekly report with the AI assistant',
  measure = '3 weekly reports drafted by the assistant',
) {
  await p.chat.type('/goal');
  await p.chat.type(specific);
  await p.chat.type(measure);
  await p.chat.type(deadline);
  await p.chat.type('I spend 2 hours on it every Friday');
  return p.chat.type('1'); // Yes, achievable
}

describe('SMART goals', () => {
  it('sends vague, late or oversized answers back with an example and saves nothing', async () => {
    p = await pairedConsole();
    const { chat } = p;
    await chat.type('/goal');
    expect(await chat.type('x'.repeat(10_000))).toContain('under 300 characters');
    expect(await chat.type('short')).toContain('at least 10');
    await chat.type('Set up an AI assistant for my weekly report');
    expect(await chat.type('get better at AI')).toContain('rather than “get better at AI”');
    await chat.type('3 weekly reports drafted by the assistant');
    expect(await chat.type('2026-11-20')).toContain('That day has already passed');
    expect(await chat.type('2027-09-01')).toContain('after the program ends (30 May 2027)');
    expect(await chat.type('someday soon')).toContain('date');
    // A day as people write it, like /sprint reads it.
    expect(await chat.type('15 January 2027')).toContain('Why does it matter');
    await chat.type('I spend 2 hours on it every Friday');
    // "Not sure" sends them back to make it smaller, with an example.
    expect(await chat.type('2')).toContain('make it smaller until the answer is yes');
    expect(await goalRows()).toHaveLength(0);
    await chat.type('Draft one weekly report with the assistant');
    await chat.type('1 report drafted by the assistant');
    await chat.type('15 January 2027');
    // The self-check is asked afresh: "Keep “Not sure”" would only send them back again.
    const again = await chat.type('I spend 2 hours on it every Friday');
    expect(again).toContain('Can you do this by then, with your partner’s help?');
    expect(again).toContain('2. ( ) Not sure\n  [3] ← Back   [4] ✕ Cancel');
    expect(await chat.type('/cancel')).toContain('No goal was saved');
    expect(await goalRows()).toHaveLength(0);
    // Starting another form mid-way says what was dropped.
    await chat.type('/goal');
    await chat.type('Set up an AI assistant for my weekly report');
    expect(await bookByHand(chat, '/sprint')).toContain(
      'Your unfinished “A goal for your pair” was closed; its answers were not saved.',
    );
  });

  it('takes a measurable Russian answer — a share, a percentage — and still refuses a vague one', async () => {
    p = await pairedConsole();
    await rawRun(
      p.app.database.db,
      "update users set locale = 'ru' where platform_user_id = 'lena'",
    );
    const { chat } = p;
    await chat.type('/goal');
    await chat.type('Настроить бота, который отвечает на частые вопросы клиентов');
    expect(await chat.type('лучше разбираться в ИИ')).toContain('Это сложно проверить');
    for (const measure of [
      'Процент вопросов, на которые бот ответил сам',
      '% писем с ответом за день',
    ]) {
      expect(await chat.type(measure)).toContain('К какому сроку?');
      expect(await chat.type('1')).toContain('Как вы поймёте, что готово?'); // ← Назад
    }
    expect(await chat.type('Доля вопросов, закрытых ботом, за неделю')).toContain(
      'К какому сроку?',
    );
    await chat.type('2027-01-15');
    await chat.type('Каждый день трачу час на одни и те же ответы');
    expect(await chat.type('1')).toContain('Цель сохранена');
    expect((await goalRows())[0]).toMatchObject({
      measure: 'Доля вопросов, закрытых ботом, за неделю',
    });
  });

  it('/goals while a goal is being typed says it is not saved yet, and /goal goes on with it', async () => {
    p = await pairedConsole();
    await p.chat.type('/goal');
    await p.chat.type('Draft one weekly report with the AI assistant');
    const listed = await p.chat.type('/goals');
    expect(listed).toContain(
      'No goals saved yet: the one you started is still open. Type /goal to go on with it.',
    );
    const resumed = await p.chat.type('/goal');
    expect(resumed).toContain('step 2 of 5');
    expect(resumed).toContain('continuing where you left off');
  });

  it('saves a goal, shows it to both with a progress bar, and only the owner moves it', async () => {
    p = await pairedConsole();
    const saved = await setGoal();
    expect(saved).toContain('Goal saved');
    expect(saved).toContain(
      '→ to Tom Berg · Tandem:\nLena Orlova set a new goal: “Draft one weekly report',
    );
    const [goal] = await goalRows();
    expect(goal).toMatchObject({ progress: 0, status: 'open', deadline: '2027-01-15' });

    expect(await p.chat.type('/pair')).toContain(
      'Goals: 1 open, 0 done · next: nothing booked (/sprint)',
    );
    const list = await p.chat.type('/goals');
    expect(list).toContain('You: Draft one weekly report with the AI assistant');
    expect(list).toContain('░░░░░░░░░░ 0 %');
    expect(list).toContain('Done when: 3 weekly reports drafted by the assistant');
    // Buttons: 0% 25% 50% 75% 100% Done.
    const moved = await p.chat.type('3');
    expect(moved).toContain('Progress saved');
    expect(moved).toContain('▓▓▓▓▓░░░░░ 50 %');
    expect(moved).toContain(
      '→ to Tom Berg · Tandem:\nLena Orlova moved “Draft one weekly report with the AI assistant”: ▓▓▓▓▓░░░░░ 50 %',
    );
    expect((await goalRows())[0]).toMatchObject({ progress: 50 });

    // Tom sees the goal without buttons, and a forged press on it changes nothing.
    await p.as('tom');
    const toms = await p.chat.type('/goals');
    expect(toms).toContain('Lena Orlova: Draft one weekly report');
    expect(toms).not.toContain('Done ✓');
    const forged = await p.press(
      'tom',
      encodeAction(GOAL_PROGRESS_ACTION, p.tom, String(goal?.id), '100'),
    );
    expect(forged).toContain('Only the person who set a goal can move it');
    const badStep = await p.press(
      'lena',
      encodeAction(GOAL_PROGRESS_ACTION, p.lena, String(goal?.id), '60'),
    );
    expect(badStep).toContain('0, 25, 50, 75 or 100');
    expect((await goalRows())[0]).toMatchObject({ progress: 50, status: 'open' });

    const done = await p.press(
      'lena',
      encodeAction(GOAL_PROGRESS_ACTION, p.lena, String(goal?.id), 'done'),
    );
    expect(done).toContain('Lena Orlova reached the goal');
    expect((await goalRows())[0]).toMatchObject({ progress: 100, status: 'done' });
    const again = await p.press(
      'lena',
      encodeAction(GOAL_PROGRESS_ACTION, p.lena, String(goal?.id), '25'),
    );
    expect(again).toContain('already done');
  });

  it('reminds the owner a few days before the deadline, only while the goal is open', async () => {
    p = await pairedConsole();
    await setGoal('2026-12-20');
    p.app.clock.set('2026-12-17T05:59:00Z'); // 08:59 in Moscow: not yet
    await p.tick();
    expect(p.chat.transcript()).not.toContain('A few days left');
    p.app.clock.set('2026-12-17T06:00:00Z');
    await p.tick();
    expect(p.chat.transcript()).toContain(
      'A few days left for “Draft one weekly report with the AI assistant” (deadline 20 Dec 2026)',
    );
    await p.tick();
    expect(p.chat.transcript().split('A few days left').length - 1).toBe(1);
  });

  it('asks the morning after the deadline where an open goal got to, also when it was due in days', async () => {
    p = await pairedConsole(); // 1 Dec, 12:00 in Moscow
    await setGoal('2026-12-04'); // "a few days before" is already past: no reminder then
    p.app.clock.set('2026-12-04T20:00:00Z');
    await p.tick();
    expect(p.chat.transcript()).not.toContain('A few days left');
    expect(p.chat.transcript()).not.toContain('has passed');
    p.app.clock.set('2026-12-05T06:00:00Z'); // 09:00 on the 5th in Moscow
    await p.tick();
    expect(p.chat.transcript()).toContain(
      'The deadline for “Draft one weekly report with the AI assistant” (4 Dec 2026) has passed. Where did you get to?',
    );
    // Once, and not for a goal that is done.
    await p.tick();
    expect(p.chat.transcript().split('has passed. Where did you get to').length - 1).toBe(1);
    await setGoal(
      '2026-12-08',
      'Draft two weekly reports with the AI assistant',
      '2 weekly reports drafted by the assistant',
    );
    const second = (await goalRows()).at(-1);
    await p.press('lena', encodeAction(GOAL_PROGRESS_ACTION, p.lena, String(second?.id), 'done'));
    p.app.clock.set('2026-12-09T06:00:00Z');
    await p.tick();
    expect(p.chat.transcript()).not.toContain(
      '“Draft two weekly reports with the AI assistant” (8 Dec 2026) has passed',
    );
  });

  it('a reminder delivered after the deadline (the bot was down that week) says the deadline has passed', async () => {
    p = await pairedConsole();
    await setGoal('2026-12-20');
    // Back only on the 21st, Moscow time: the reminder's day and the deadline are both behind.
    p.app.clock.set('2026-12-21T06:00:00Z');
    await p.tick();
    expect(p.chat.transcript()).not.toContain('A few days left');
    expect(p.chat.transcript()).toContain(
      'The deadline for “Draft one weekly report with the AI assistant” (20 Dec 2026) has passed.',
    );
  });

  it('/goals marks an open goal whose deadline has passed, and tells its owner what to do', async () => {
    p = await pairedConsole();
    await setGoal('2026-12-20');
    // The 20th in Moscow: still the deadline's day.
    p.app.clock.set('2026-12-20T20:00:00Z');
    expect(await p.chat.type('/goals')).not.toContain('The deadline has passed');
    p.app.clock.set('2026-12-20T21:30:00Z'); // 00:30 on the 21st in Moscow
    const mine = await p.chat.type('/goals');
    expect(mine).toContain(
      'The deadline has passed. Reached it after all? Press Done ✓. If not, set the next step as a new goal: /goal.',
    );
    // Tom, in Berlin, reads it by his own day — still the 20th at 22:30 — and then as it is,
    // with no advice meant for the owner.
    await p.as('tom');
    expect(await p.chat.type('/goals')).not.toContain('The deadline has passed');
    p.app.clock.set('2026-12-21T00:30:00Z');
    const his = await p.chat.type('/whoami');
    expect(his).not.toContain('Press Done');
    const theirs = await p.chat.type('/goals');
    expect(theirs).toContain('The deadline has passed.');
    expect(theirs).not.toContain('Press Done');
  });

  it("sends no reminder for an ended pair's goal and refuses to move it, as /goals shows", async () => {
    p = await pairedConsole();
    await setGoal('2026-12-20');
    const [goal] = await goalRows();
    // Tom leaves: the pair ends, and Lena keeps the goal as part of its history.
    await p.as('tom');
    await p.chat.type('/leave');
    expect(await p.chat.type('1')).toContain('your data is deleted');
    await p.as('lena');
    const kept = await p.chat.type('/goals');
    expect(kept).not.toContain('Done ✓');
    expect(kept).toContain('Goals of your past pair, kept as they were (1):');

    p.app.clock.set('2026-12-17T06:00:00Z');
    await p.tick();
    expect(p.chat.transcript()).not.toContain('A few days left');
    expect(await p.rows("select * from outbox where dedupe_key like 'goal:%:reminder'")).toEqual(
      [],
    );

    // A button from before the pair ended (or a forged one) changes nothing, and says why.
    const pressed = await p.press(
      'lena',
      encodeAction(GOAL_PROGRESS_ACTION, p.lena, String(goal?.id), '50'),
    );
    expect(pressed).toContain('That pair has ended');
    expect((await goalRows())[0]).toMatchObject({ progress: 0, status: 'open' });
  });
});
