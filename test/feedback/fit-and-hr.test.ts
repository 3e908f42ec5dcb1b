import { afterEach, describe, expect, it } from 'vitest';
import { populationOf } from '../../src/db/queries/population';
import { feedbackAggregate } from '../../src/features/feedback/hr-view';
import { reportPeriod } from '../../src/features/reports/period';
import { bookByHand } from '../helpers/console-chat';
import { type PairedConsole, pairedConsole } from '../helpers/pair';
import { ratedPair } from '../helpers/participants';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

/** Another pair with a held session each person rated, written straight to the database. */
async function ratedPairOf(n: number, mentorRating: number, menteeRating?: number) {
  await ratedPair(
    p.app,
    n,
    { usefulness: mentorRating },
    menteeRating === undefined ? undefined : { usefulness: menteeRating },
  );
}

describe('pairing fit', () => {
  it('"not a good fit" offers a re-pair that ends the pair kindly, with no blame shown', async () => {
    p = await pairedConsole();
    await p.heldSprint('2026-12-03');
    await p.chat.type('2');
    // A second session booked ahead is called off when the pair ends.
    const offer = await p.chat.type('9'); // Not a good fit (after the poll's 1–6)
    expect(offer).toContain('Would you like a new partner in the next round?');
    await bookByHand(p.chat, '/sprint');
    await p.chat.type('2026-12-10');
    await p.chat.type('15:00');
    await p.chat.type('7');
    await p.chat.type('Prompting basics');
    await p.chat.type('1');
    // The offer's buttons were replaced by the booking; press "Yes" as the button would.
    const pairId = String(p.pairId);
    const done = await p.press('lena', `fx|${p.lena}|${pairId}|y`);
    expect(done).toContain('You are back in the pool');
    expect(done).toContain(
      '→ to Tom Berg · Tandem:\nYour pair with Lena Orlova is closing, so that each of you can get a partner who fits even better',
    );
    const toTom = done.split('→ to Tom Berg').slice(1).join('');
    expect(toTom).not.toMatch(/not a good fit|2\/5|asked/i);
    expect(await p.rows('select status from pairs')).toEqual([{ status: 'ended' }]);
    expect(await p.rows("select status from meetings where topic = 'Prompting basics'")).toEqual([
      { status: 'cancelled' },
    ]);
    expect(await p.rows("select action from audit_log where action = 'pair.refit'")).toHaveLength(
      1,
    );
    // Pressing again changes nothing.
    expect(await p.press('lena', `fx|${p.lena}|${pairId}|y`)).toContain('no longer active');
  });
});

describe('a way out of a pair that is not working', () => {
  it('"keep going" points to /pair, whose button asks the same question any time', async () => {
    p = await pairedConsole();
    await p.heldSprint('2026-12-03');
    await p.chat.type('2');
    await p.chat.type('9'); // Not a good fit
    expect(await p.chat.type('2')).toContain(
      'Alright, the pair continues. If that changes, /pair has a button for it.',
    );
    const pair = await p.chat.type('/pair');
    expect(pair).toContain('[1] Not working out with Tom Berg?');
    expect(await p.chat.type('1')).toContain('Would you like a new partner in the next round?');
    expect(await p.rows('select status from pairs')).toEqual([{ status: 'active' }]);
    expect(await p.chat.type('1')).toContain('You are back in the pool');
    expect(await p.rows('select status from pairs')).toEqual([{ status: 'ended' }]);
    // The pair has ended: /pair no longer offers it.
    expect(await p.chat.type('/pair')).not.toContain('Not working out');
  });
});

describe('what HR sees of the polls', () => {
  it('withholds averages under K_ANON_MIN people, shows them from K on, and never one rating', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', { ADMIN_IDS: 'console:olga' });
    // Ratings on Tuesday 1 Dec; HR looks the next Monday, at the week just ended.
    await ratedPairOf(1, 5);
    await ratedPairOf(2, 2);
    p.app.clock.set('2026-12-07T09:00:00Z');
    await p.chat.type('/as olga');
    const two = await p.chat.type('/feedback');
    // Olga reads Russian.
    expect(two).toContain(
      'Полезность: слишком мало ответов, чтобы показать (2, нужно не меньше 3).',
    );
    expect(two).not.toMatch(/[25] \/ 5/);
    p.app.clock.set('2026-12-01T09:00:00Z');
    await ratedPairOf(3, 5);
    p.app.clock.set('2026-12-07T09:00:00Z');
    const three = await p.chat.type('/feedback');
    expect(three).toContain('Полезность: 4 / 5 (человек: 3)');
    // A mean with a fraction is written the Russian way: (5 + 2 + 5 + 3) / 4 = 3,8, not 3.8.
    p.app.clock.set('2026-12-01T09:00:00Z');
    await ratedPairOf(4, 3);
    p.app.clock.set('2026-12-07T09:00:00Z');
    expect(await p.chat.type('/feedback')).toContain('Полезность: 3,8 / 5 (человек: 4)');

    // The data HR's views are built from holds no per-person rating at all.
    const data = await feedbackAggregate(
      p.app.database.db,
      reportPeriod(p.app.clock.now(), 'UTC', 4),
      'UTC',
      3,
      populationOf(p.app.config),
    );
    expect(Object.keys(data).sort()).toEqual([
      'changed',
      'fit',
      'learned',
      'notes',
      'nps',
      'overall',
      'usefulness',
    ]);
    expect(JSON.stringify(data)).not.toMatch(/userId|user_id|meetingId/);
  });

  it('is for HR only: a participant gets a polite refusal', async () => {
    p = await pairedConsole();
    expect(await p.chat.type('/feedback')).toContain('only HR and program admins');
  });
});
