import { afterEach, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/sqlite';
import { createTestApp, type TestApp } from '../helpers/app';
import { meetingJustEnded } from '../helpers/held';
import { activePair } from '../helpers/participants';
import { ANNA, BOT, type Person, startTelegram, type TelegramHarness } from '../helpers/telegram';

let app: TestApp;
let tg: TelegramHarness;
afterEach(async () => {
  await tg?.adapter.stop();
  app?.close();
  app?.dispose();
});

const ref = (p: Person) => ({
  platform: 'telegram' as const,
  workspace: String(BOT.id),
  id: String(p.id),
});
const BOB: Person = { id: 3003, first_name: 'Bob', language_code: 'en' };

async function annaAndBob() {
  app = createTestApp();
  app.clock.set('2026-12-01T09:00:00Z');
  tg = await startTelegram(app);
  await activePair(
    app,
    { ref: ref(ANNA), name: 'Anna Petrova' },
    { ref: ref(BOB), name: 'Bob Stone' },
  );
  return tg;
}

describe('Telegram: goals, the poll and an idea end to end', () => {
  it('sets a goal step by step, moves it with a button, and Bob hears of both', async () => {
    const t = await annaAndBob();
    await t.say('/goal');
    await t.say('Draft the weekly report with an AI assistant');
    await t.say('get better at AI');
    expect(t.api.last().text).toContain('countable or checkable');
    await t.say('3 reports drafted by the assistant');
    await t.say('2027-01-15');
    await t.say('Fridays are eaten by the report');
    await t.pressLabel('Yes');
    expect(t.api.texts().some((x) => x.includes('Goal saved'))).toBe(true);
    await t.say('/goals');
    await t.pressLabel('75%', { inChat: ANNA.id });
    const toBob = t.api
      .callsTo('sendMessage')
      .filter((c) => String(c.payload.chat_id) === String(BOB.id));
    expect(toBob.map((c) => String(c.payload.text))).toEqual([
      expect.stringContaining('Anna Petrova set a new goal'),
      expect.stringContaining(
        'Anna Petrova moved “Draft the weekly report with an AI assistant”: ▓▓▓▓▓▓▓▓░░ 75 %',
      ),
    ]);
  });

  it('answers "did it happen?" with Yes, rates with one tap, and says the fit is good', async () => {
    const t = await annaAndBob();
    await meetingJustEnded(app);
    await t.settle();
    await t.pressLabel('Yes', { inChat: ANNA.id });
    expect(t.api.last(ANNA.id).text).toContain('How useful was “Prompting basics” for you?');
    await t.pressLabel('5', { inChat: ANNA.id });
    expect(t.api.texts().some((x) => x.includes('Thank you — saved: 5/5'))).toBe(true);
    expect(t.api.last(ANNA.id).text).toContain('how is the pairing with Bob Stone working?');
    await t.pressLabel('Good fit', { inChat: ANNA.id });
    expect(
      await rawRows<Record<string, unknown>>(app.database.db, 'select fit from pair_fit'),
    ).toEqual([{ fit: 'good' }]);
    // Bob never sees Anna's rating.
    const toBob = t.api.calls
      .filter((c) => String(c.payload.chat_id) === String(BOB.id))
      .map((c) => String(c.payload.text ?? ''));
    expect(toBob.some((x) => x.includes('Did your meeting with Anna Petrova happen?'))).toBe(true);
    expect(toBob.some((x) => x.includes('5/5'))).toBe(false);
  });

  it('proposes an idea; Bob sponsors it with a date', async () => {
    const t = await annaAndBob();
    await t.say('/idea');
    await t.say('Reels for the new card');
    await t.say('A 20-second Reel brings more sign-ups under 25 than the banner');
    await t.say('Two Reels for one week next to the banner');
    await t.say('sign-ups under 25 per day');
    expect(t.api.last(BOB.id).text).toContain('Anna Petrova proposes an experiment');
    await t.pressLabel('Sponsor a pilot', { inChat: BOB.id, from: BOB });
    await t.say('2026-12-10', { from: BOB });
    expect(t.api.last(ANNA.id).text).toContain('Bob sponsors a pilot of “Reels for the new card”');
  });
});
