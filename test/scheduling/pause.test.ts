import { afterEach, describe, expect, it } from 'vitest';
import { bookByHand } from '../helpers/console-chat';
import { type PairedConsole, pairedConsole } from '../helpers/pair';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

describe('a break with a session booked inside it', () => {
  it('says the session stays (and is reminded), offers to cancel it, and tells the partner until when', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z');
    const { chat } = p;
    await bookByHand(chat, '/sprint');
    await chat.type('2026-12-08');
    await chat.type('15:00');
    await chat.type('7'); // Keep “2 h”
    await chat.type('Set up an AI assistant for the weekly report');
    await chat.type('1'); // Skip the link
    const paused = await chat.type('/pause 2');
    expect(paused).toContain('no new matches and no nudges until then');
    expect(paused).toContain('Sessions already booked stay booked, with their reminders.');
    expect(paused).not.toContain('no reminders');
    expect(paused).toContain(
      'Booked during your break — these stay, and I will remind you of them:',
    );
    expect(paused).toContain('• Tue, 8 Dec, 15:00–17:00 (Europe/Moscow) — sprint with Tom Berg');
    expect(paused).toContain('[1] Cancel Tue, 8 Dec, 15:00');
    // Tom reads it in his zone (Berlin) and language.
    expect(paused).toContain(
      '→ to Tom Berg · Tandem:\nLena Orlova is on a break from the program until 15 Dec 2026',
    );
    // What was said holds: the reminder still comes.
    p.app.clock.set('2026-12-07T12:00:00Z');
    await p.tick();
    expect(chat.transcript()).toContain('Reminder: your sprint with Tom Berg starts in 24 hours');
    // And the button calls the session off.
    await chat.type('/pause 2'); // shown again (a changed break): the button is 1 again
    expect(await chat.type('1')).toContain('Cancel the sprint on Tue, 8 Dec, 15:00 with Tom Berg?');
    await chat.type('1'); // Yes, cancel
    expect(await p.rows('select status from meetings')).toEqual([{ status: 'cancelled' }]);
    // Back early: the partner, told until when, hears it too.
    expect(await chat.type('/resume')).toContain(
      '→ to Tom Berg · Tandem:\nLena Orlova is back from their break early',
    );
    await chat.type('/pause 2');
    // In Russian too, the break promises only what holds.
    await chat.type('/lang ru');
    await chat.type('/resume');
    const ru = await chat.type('/pause 2');
    expect(ru).toContain('ни новых пар, ни напоминаний «пора встретиться»');
    expect(ru).toContain('Уже назначенные встречи остаются в силе, и о них я напомню.');
  });

  it('tells the partner once when the same break is asked for again, and again when it changes', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z');
    const notices = () =>
      p.chat.transcript().split('is on a break from the program until').length - 1;
    await p.chat.type('/pause 2');
    expect(notices()).toBe(1);
    p.app.clock.advance(60_000);
    expect(await p.chat.type('/pause 2')).toContain('it now ends in 2 weeks, on 15 Dec 2026');
    expect(notices()).toBe(1);
    // A longer break is news.
    expect(await p.chat.type('/pause 3')).toContain(
      '→ to Tom Berg · Tandem:\nLena Orlova is on a break from the program until 22 Dec 2026',
    );
    expect(notices()).toBe(2);
  });
});
