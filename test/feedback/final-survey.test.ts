import { afterEach, describe, expect, it } from 'vitest';
import { finalSurveys, pairs } from '../../src/db/schema';
import { consoleRef, type PairedConsole, pairedConsole } from '../helpers/pair';
import { participant } from '../helpers/participants';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

describe('the final survey', () => {
  it('goes to everyone who was in a pair; one answer per person; NPS shown to HR from K answers', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', { ADMIN_IDS: 'console:lena' });
    // Participants can't send it.
    await p.as('tom');
    expect(await p.chat.type('/admin survey')).toContain('only HR and program admins');
    await p.as('lena');
    // A mass message asks first, with the count.
    const asked = await p.chat.type('/admin survey');
    expect(asked).toContain(
      'Send the final survey to 2 people who were in a pair? (0 already have it.)',
    );
    expect(asked).not.toContain('The program is coming');
    const sent = await p.chat.type('1'); // Send to 2
    expect(sent).toContain('Final survey sent to 2 people.');
    expect(sent).toContain('→ to Tom Berg · Tandem:\nThe program is coming to an end');
    // Asking again says so and queues nothing new.
    const again = await p.chat.type('/admin survey');
    expect(again).toContain('Everyone who was in a pair (2) already has the survey');
    expect(again.match(/The program is coming/g)).toBeNull();

    await p.as('tom');
    await p.press('tom', `sv|${p.tom}|default`);
    // A scale is answered with the number it shows: 0–10 are 0–10, not options 1–11.
    const nps = await p.chat.type('4'); // overall 4
    expect(nps).toContain('( ) 0   ( ) 1   ( ) 2');
    expect(nps).toContain('( ) 9   ( ) 10\n  [11] ← Back   [12] ✕ Cancel');
    await p.chat.type('9'); // NPS 9
    await p.chat.type('I draft with AI every week');
    const thanks = await p.chat.type('2'); // yes, share my story
    expect(thanks).toContain('Tell your story in a few lines with /story');
    const rows = () =>
      p.rows('select user_id, overall, nps, changed, share_story from final_surveys');
    expect(await rows()).toEqual([
      { user_id: p.tom, overall: 4, nps: 9, changed: 'I draft with AI every week', share_story: 1 },
    ]);
    // Answering again updates the same answer.
    await p.press('tom', `sv|${p.tom}|default`);
    await p.chat.type('6'); // Keep “4” (after the five options)
    await p.chat.type('10'); // NPS 10
    await p.chat.type('1'); // Keep the text
    await p.chat.type('3'); // Keep “yes”
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ overall: 4, nps: 10 });

    // HR: two answers are not enough for NPS; a third makes it visible.
    await p.as('lena');
    const now = p.app.clock.now();
    const other = await participant(p.app, consoleRef('x1'), 'Xenia', { role: 'mentee', grade: 5 });
    await p.app.database.db.insert(finalSurveys).values({
      program: 'default',
      userId: other,
      overall: 5,
      nps: 6,
      createdAt: now,
      updatedAt: now,
    });
    // HR looks the next Monday, at the week just ended.
    p.app.clock.set('2026-12-07T09:00:00Z');
    expect(await p.chat.type('/feedback')).toContain(
      'NPS: not enough answers to show (2 of at least 3).',
    );
    const third = await participant(p.app, consoleRef('x2'), 'Yuri', { role: 'mentee', grade: 5 });
    await p.app.database.db.insert(finalSurveys).values({
      program: 'default',
      userId: third,
      overall: 3,
      nps: 10,
      createdAt: now,
      updatedAt: now,
    });
    const shown = await p.chat.type('/feedback');
    // Promoters 2 (10, 10), detractors 1 (6): (2 − 1) / 3 = 33.
    expect(shown).toContain('NPS: 33 (3 people)');
    expect(shown).toContain('Program overall: 4 / 5 (3 people)');
    expect(shown).toContain('• I draft with AI every week');
    expect(shown).not.toContain('Tom');
  });

  it('counts, before sending, exactly the people it is sent to: not someone who left', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', { ADMIN_IDS: 'console:lena' });
    const anna = await participant(p.app, consoleRef('anna'), 'Anna Petrova', {
      role: 'mentor',
      grade: 1,
      teach: ['ai'],
    });
    const dmitry = await participant(p.app, consoleRef('dmitry'), 'Dmitry Sokolov', {
      role: 'mentee',
      grade: 5,
      learn: ['ai'],
    });
    await p.app.database.db
      .insert(pairs)
      .values({ mentorUserId: anna, menteeUserId: dmitry, createdAt: p.app.clock.now() });
    await p.chat.type('/as dmitry');
    await p.chat.type('/leave');
    expect(await p.chat.type('1')).toContain('Dmitry Sokolov has left the program');
    await p.as('lena');
    const asked = await p.chat.type('/admin survey');
    expect(asked).toContain('Send the final survey to 3 people who were in a pair?');
    expect(asked).toContain('Send to 3');
    const sent = await p.chat.type('1');
    expect(sent).toContain('Final survey sent to 3 people.');
    expect(await p.rows('select user_id from survey_invites')).toHaveLength(3);
  });
});
