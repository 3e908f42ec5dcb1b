import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { PARK_ACTION, SPONSOR_ACTION } from '../../src/features/experiments/service';
import { type PairedConsole, pairedConsole } from '../helpers/pair';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

const experiments = () =>
  p.rows('select status, sponsor_user_id, check_date, park_reason from experiments');

/** Lena (the junior) proposes an idea through the wizard. */
async function propose() {
  await p.chat.type('/idea');
  await p.chat.type('Reels for the new card');
  await p.chat.type('A 20-second Reel brings more sign-ups under 25 than the banner');
  await p.chat.type('Two Reels for one week next to the usual banner');
  expect(await p.chat.type('see if people like it')).toContain('countable or checkable');
  const out = await p.chat.type('sign-ups under 25 per day, Reel vs banner');
  return out;
}

describe('experiments', () => {
  it('goes idea → sponsored pilot → outcome at the check date, from both sides', async () => {
    p = await pairedConsole();
    const saved = await propose();
    expect(saved).toContain('your senior partner has been asked');
    expect(saved).toContain(
      '→ to Tom Berg · Tandem:\nLena Orlova proposes an experiment: “Reels for the new card”',
    );
    expect(await experiments()).toEqual([
      { status: 'proposed', sponsor_user_id: null, check_date: null, park_reason: null },
    ]);

    // Lena can't sponsor her own idea, even with a forged button.
    const own = await p.press('lena', encodeAction(SPONSOR_ACTION, p.lena, '1'));
    expect(own).toContain('Only the author’s senior partner or HR');

    await p.as('tom');
    await p.chat.type('/ideas');
    await p.chat.type('1'); // Sponsor a pilot
    expect(await p.chat.type('2026-11-30')).toContain('Pick a day after today');
    expect(await p.chat.type('2027-06-01')).toContain('within 90 days');
    const sponsored = await p.chat.type('2026-12-10');
    expect(sponsored).toContain('Done — the author has been told.');
    expect(sponsored).toContain(
      '→ to Lena Orlova · Tandem:\nTom Berg sponsors a pilot of “Reels for the new card”. We’ll look at the result on 10 Dec 2026.',
    );
    expect((await experiments())[0]).toMatchObject({
      status: 'piloting',
      sponsor_user_id: p.tom,
      check_date: '2026-12-10',
    });
    // A second decision on the same idea changes nothing.
    expect(await p.press('tom', encodeAction(PARK_ACTION, p.tom, '1'))).toContain(
      'not waiting for this',
    );
    // /ideas shows when it will be looked at, with nothing to answer yet.
    const piloting = await p.chat.type('/ideas');
    expect(piloting).toContain('Check date: 10 Dec 2026');
    expect(piloting).not.toContain('It worked');

    p.app.clock.set('2026-12-10T09:00:00Z'); // 10:00 in Berlin, Tom's zone
    await p.tick();
    const asked = p.chat.transcript();
    expect(asked).toContain('Check date for the pilot “Reels for the new card”');
    expect(asked).toContain('→ to Lena Orlova · Tandem:\nCheck date for the pilot');
    // The question is in /ideas too, for when its message is gone.
    const due = await p.chat.type('/ideas');
    expect(due).toContain('[1] It worked');
    await p.chat.type('1'); // It worked
    const done = await p.chat.type('Reels brought 3x the sign-ups of the banner');
    expect(done).toContain('Saved — it goes into the weekly digest');
    expect(await p.rows('select outcome, note from experiment_outcomes')).toEqual([
      { outcome: 'worked', note: 'Reels brought 3x the sign-ups of the banner' },
    ]);
    expect((await experiments())[0]?.status).toBe('concluded');
    // Lena sees it differently; /ideas shows both verdicts rather than one winning.
    await p.as('lena');
    await p.press('lena', `xo|${p.lena}|1|didnt`);
    await p.chat.type('Sign-ups were up, but the cost per sign-up was higher');
    const list = await p.chat.type('/ideas');
    expect(list).toContain('Tom Berg: It worked — Reels brought 3x the sign-ups of the banner');
    expect(list).toContain(
      'Lena Orlova: It didn’t — Sign-ups were up, but the cost per sign-up was higher',
    );
  });

  it('HR deciding on their own idea hears it is done, not that "the author" was told', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z', { ADMIN_IDS: 'console:lena' });
    await propose();
    await p.press('lena', encodeAction(SPONSOR_ACTION, p.lena, '1'));
    const done = await p.chat.type('2026-12-10');
    expect(done).toContain('Done — your idea is updated.');
    expect(done).not.toContain('the author has been told');
    expect((await experiments())[0]).toMatchObject({ status: 'piloting', sponsor_user_id: p.lena });
  });

  it('an idea with no senior partner to sponsor it goes to HR, with the buttons', async () => {
    // Olga (a colleague of the demo, not in the pair) is HR; Tom, the senior one, proposes.
    p = await pairedConsole('2026-12-01T09:00:00Z', { ADMIN_IDS: 'console:olga' });
    await p.chat.type('/as olga');
    await p.chat.type('/ideas'); // (an admin the bot knows: one who has written to it)
    await p.as('tom');
    await propose();
    await p.app.settle();
    const out = p.chat.transcript();
    expect(out).toContain(
      '→ to Olga Smirnova · Tandem:\nTom Berg предлагает эксперимент; старшего партнёра, который решил бы, нет — решение за HR: «Reels for the new card»',
    );
    // Olga's Park is hers to press: the idea is hers to decide.
    const park = /\[(\d+)\] Отложить/.exec(out.split('→ to Olga Smirnova').at(-1) ?? '');
    expect(park).not.toBeNull();
  });

  it('tells HR when no idea waits for a decision, rather than that there are none', async () => {
    // Olga (a colleague of the demo, not in the pair) is HR.
    p = await pairedConsole('2026-12-01T09:00:00Z', { ADMIN_IDS: 'console:olga' });
    expect(await p.chat.type('/as olga')).toContain('Olga');
    expect(await p.chat.type('/ideas')).toContain('Идей пока нет.'); // Olga reads Russian
    await p.as('lena');
    await propose();
    await p.as('tom');
    await p.chat.type('/ideas');
    await p.chat.type('1'); // Sponsor a pilot
    expect(await p.chat.type('2026-12-10')).toContain('Done');
    await p.chat.type('/as olga');
    const none = await p.chat.type('/ideas');
    expect(none).toContain(
      'Нет идей, ждущих решения. Поддержанные, отложенные и завершённые (всего 1) — в /export.',
    );
    expect(none).not.toContain('Идей пока нет');
  });

  it('parks an idea with a reason the author reads', async () => {
    p = await pairedConsole();
    await propose();
    await p.as('tom');
    await p.chat.type('/ideas');
    await p.chat.type('2'); // Park it
    const parked = await p.chat.type('Budget frozen until March');
    expect(parked).toContain(
      '→ to Lena Orlova · Tandem:\nTom Berg parked “Reels for the new card” for now: Budget frozen until March',
    );
    expect((await experiments())[0]).toMatchObject({
      status: 'parked',
      park_reason: 'Budget frozen until March',
    });
  });
});
