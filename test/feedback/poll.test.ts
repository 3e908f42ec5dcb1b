import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { translator } from '../../src/core/i18n';
import type { MeetingRow } from '../../src/db/schema';
import { pollReply, RATE_ACTION } from '../../src/features/feedback/poll';
import { HELD_ACTION } from '../../src/features/scheduling/service';
import { bookByHand } from '../helpers/console-chat';
import { type PairedConsole, pairedConsole } from '../helpers/pair';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

const status = async (id: number) =>
  (await p.rows(`select status from meetings where id = ${id}`))[0]?.status;
/** The number a transcript shows for a button. */
const numberOf = (out: string, label: string) =>
  Number(new RegExp(`\\[(\\d+)\\] ${label}`).exec(out)?.[1] ?? 0);

const feedback = () =>
  p.rows('select user_id, usefulness, learned, note_for_hr, named from meeting_feedback');

describe('the poll after a session', () => {
  it('calls a session booked with no task by its kind, in each language', async () => {
    p = await pairedConsole();
    await p.heldSprint('2026-12-03', 'Sprint');
    expect(p.chat.transcript()).toContain('How useful was this sprint for you? One tap is enough');
    expect(p.chat.transcript()).not.toContain('How useful was “Sprint”');
    const ru = translator('ru');
    const meeting = { id: 1, topic: 'Спринт', kind: 'sprint' } as MeetingRow;
    expect(pollReply(ru, p.lena, meeting).text).toMatch(/^Насколько полезным был этот спринт\?/);
    expect(pollReply(ru, p.lena, { ...meeting, topic: 'Промпты' }).text).toMatch(
      /^Насколько полезным был спринт «Промпты»\?/,
    );
    // A meeting is a встреча, a sprint is not.
    expect(pollReply(ru, p.lena, { ...meeting, kind: 'meeting', topic: 'Встреча' }).text).toMatch(
      /^Насколько полезной была эта встреча\?/,
    );
  });

  it('takes one tap, can be changed for 24 hours, then is final', async () => {
    p = await pairedConsole();
    await p.heldSprint('2026-12-03');
    expect(p.chat.transcript()).toContain(
      'How useful was “Set up an AI assistant for the weekly report” for you? One tap is enough',
    );
    const saved = await p.chat.type('4');
    expect(saved).toContain('Thank you — saved: 4/5');
    expect(await feedback()).toEqual([
      { user_id: p.lena, usefulness: 4, learned: null, note_for_hr: null, named: 0 },
    ]);
    // The first session also asks about the fit; answering twice updates, never duplicates.
    expect(saved).toContain('how is the pairing with Tom Berg working?');
    await p.chat.type('1'); // Good fit
    const meetingId = Number((await p.rows('select id from meetings'))[0]?.id);
    const again = await p.press('lena', encodeAction(RATE_ACTION, p.lena, String(meetingId), '5'));
    expect(again).toContain('Changed to 5/5');
    expect(await feedback()).toHaveLength(1);
    expect((await feedback())[0]?.usefulness).toBe(5);
    // Nothing about the rating reaches Tom.
    expect(p.chat.transcript()).not.toMatch(/→ to Tom Berg[^›]*[45]\/5/);

    p.app.clock.set(new Date(p.app.clock.now().getTime() + 25 * 60 * 60 * 1000));
    const late = await p.press('lena', encodeAction(RATE_ACTION, p.lena, String(meetingId), '1'));
    expect(late).toContain('this one is now final');
    expect((await feedback())[0]?.usefulness).toBe(5);
  });

  it('a "No" tells the partner, who can say it did happen: then it counts, and both are asked', async () => {
    p = await pairedConsole();
    const meetingId = await p.heldSprint('2026-12-03');
    // Lena said Yes; a later "No" (her copy tapped again, or Tom's) does not undo it.
    const no = encodeAction(HELD_ACTION, p.tom, String(meetingId), 'n', '0');
    expect(await p.press('tom', no)).toContain('your partner has already answered');
    expect(await status(meetingId)).toBe('held');

    // A second session that Tom says did not happen.
    await bookByHand(p.chat, '/sprint');
    await p.chat.type('2026-12-04');
    await p.chat.type('15:00');
    await p.chat.type('7');
    await p.chat.type('Second session');
    await p.chat.type('1');
    const second = Number((await p.rows('select max(id) as id from meetings'))[0]?.id);
    p.app.clock.set('2026-12-04T15:00:00Z');
    await p.tick();
    const missed = await p.press('tom', encodeAction(HELD_ACTION, p.tom, String(second), 'n', '0'));
    expect(missed).toContain('Thanks for letting us know.');
    expect(missed).toContain(
      "Tandem:\nTom Berg says your sprint («Second session») didn't happen. If it did, tell me",
    );
    expect(await status(second)).toBe('missed');
    // Lena knows better: one tap sets it right, her poll follows, and Tom hears of it with his.
    const did = await p.chat.type(String(numberOf(missed, 'It did happen')));
    expect(did).toContain(
      'Noted — it counts as held, and Tom Berg has been told.\n\nHow useful was “Second session” for you?',
    );
    expect(did).toContain(
      '→ to Tom Berg · Tandem:\nLena Orlova says your sprint («Second session») did happen after all, so it counts as held.',
    );
    expect(await status(second)).toBe('held');
    // Tapped again: nothing changes twice.
    expect(await p.chat.type(String(numberOf(missed, 'It did happen')))).not.toContain(
      'did happen after all',
    );
  });

  it('a session held before the partner ended the pair can still be rated: the poll waits on arrival', async () => {
    p = await pairedConsole();
    await p.heldSprint('2026-12-03');
    await p.chat.type('4');
    // Lena ends the pair ("not a good fit" → Yes, a new partner) before Tom has rated.
    await p.press('lena', `fx|${p.lena}|${p.pairId}|y`);
    expect(await p.rows('select status from pairs')).toEqual([{ status: 'ended' }]);
    const arrived = await p.as('tom');
    expect(arrived).toContain(
      'How useful was “Set up an AI assistant for the weekly report” for you?',
    );
    await p.chat.type('5');
    expect(await feedback()).toEqual([
      { user_id: p.lena, usefulness: 4, learned: null, note_for_hr: null, named: 0 },
      { user_id: p.tom, usefulness: 5, learned: null, note_for_hr: null, named: 0 },
    ]);
  });

  it('closes edits when the week closes, even inside the 24 hours, so a summary HR saw never moves', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', { ORG_TIMEZONE: 'Europe/Moscow' });
    const meetingId = await p.heldSprint('2026-12-06'); // Sunday; rated on Sunday afternoon
    expect(await p.chat.type('4')).toContain('saved: 4/5');
    p.app.clock.set('2026-12-06T21:30:00Z'); // Monday 00:30 in Moscow: a new week
    const late = await p.press('lena', encodeAction(RATE_ACTION, p.lena, String(meetingId), '5'));
    expect(late).toContain('this one is now final');
    expect((await feedback())[0]?.usefulness).toBe(4);
  });

  it('refuses ratings out of range, for sessions that did not happen, or for someone else', async () => {
    p = await pairedConsole();
    const held = await p.heldSprint('2026-12-03');
    for (const bad of ['0', '6', 'abc', '4.5', '']) {
      const out = await p.press('lena', encodeAction(RATE_ACTION, p.lena, String(held), bad));
      expect(out).toContain('Please pick a rating from 1 to 5');
    }
    expect(await feedback()).toHaveLength(0);
    // A session still ahead (not held) can't be rated.
    await bookByHand(p.chat, '/sprint');
    await p.chat.type('2026-12-10');
    await p.chat.type('15:00');
    await p.chat.type('7');
    await p.chat.type('Prompting basics');
    await p.chat.type('1');
    const ahead = Number(
      (await p.rows("select id from meetings where status = 'scheduled'"))[0]?.id,
    );
    const notHeld = await p.press('lena', encodeAction(RATE_ACTION, p.lena, String(ahead), '5'));
    expect(notHeld).toContain('only for sessions that took place');
    expect(await feedback()).toHaveLength(0);
  });

  it('adds what I learned and a private note; HR sees it without a name unless allowed', async () => {
    p = await pairedConsole();
    await p.heldSprint('2026-12-03');
    await p.chat.type('5');
    // Good fit (after the poll's 1–6): the answer brings the poll's buttons back.
    const fit = await p.chat.type('7');
    expect(fit).toContain('[4]   [• 5]   [6] Add a note');
    // The name question comes only with a note: "2–3" steps until the note is answered.
    expect(await p.chat.type('6')).toContain('step 1 of 2–3'); // Add a note
    expect(await p.chat.type('How Tom drafts reports with a custom GPT')).toContain(
      'step 2 of 2–3',
    );
    expect(await p.chat.type('Tom is shy to ask questions')).toContain('step 3 of 3');
    const done = await p.chat.type('1'); // No, keep it anonymous
    expect(done).toContain('Saved, thank you.');
    expect((await feedback())[0]).toMatchObject({
      learned: 'How Tom drafts reports with a custom GPT',
      note_for_hr: 'Tom is shy to ask questions',
      named: 0,
    });
  });
});
