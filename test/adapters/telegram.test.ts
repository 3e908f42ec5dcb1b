import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../src/adapters/telegram';
import { TELEGRAM_TEXT_MAX } from '../../src/adapters/telegram/limits';
import { renderMessages } from '../../src/adapters/telegram/render';
import { first } from '../../src/db/first';
import { getProfile } from '../../src/db/queries/profiles';
import { findUser } from '../../src/db/queries/users';
import { outbox } from '../../src/db/schema';
import { rawRows } from '../../src/db/sqlite';
import { commandMenu } from '../../src/features/registry';
import { startHttpServer } from '../../src/http/server';
import { silentLogger } from '../../src/logger';
import { FakeBotApi } from '../fakes/telegram-api';
import { createTestApp, type TestApp } from '../helpers/app';
import { activePair, participant } from '../helpers/participants';
import { rawRun } from '../helpers/raw';
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
const profileOf = async (p: Person = ANNA) => {
  const user = await findUser(app.database.db, ref(p));
  return user ? await getProfile(app.database.db, user.id) : undefined;
};

async function started() {
  app = createTestApp();
  tg = await startTelegram(app);
  return tg;
}

describe('Telegram: the /join wizard', () => {
  it('walks every step kind with buttons and typed answers, editing the message in place', async () => {
    const t = await started();
    await t.say('/start');
    expect(t.api.last().text).toContain('<b>Tandem — reverse mentoring</b>');
    expect(t.api.last().text).toContain('Hi, Anna!');

    await t.say('/join');
    expect(t.api.last().text).toContain('What would you like to do in the program?');
    const firstPrompt = t.api.last().messageId;
    await t.pressLabel('Learn (mentee)');
    // The question was replaced in the same message, with no new keyboard below it.
    const edit = t.api.callsTo('editMessageText').at(-1);
    expect(edit?.payload.message_id).toBe(firstPrompt);
    expect(String(edit?.payload.text)).toContain('What is your level in the company?');
    expect(t.api.callsTo('answerCallbackQuery')).toHaveLength(1);

    // Text where a button is expected: asked again, with the reason.
    await t.say('the big boss');
    expect(t.api.last().text).toContain('Please choose one of the options.');
    await t.pressLabel('5 — executive');
    expect(t.api.last().text).toContain('Which department or team are you in?');
    await t.say('Finance & <Risk>');
    expect(t.api.last().text).toContain('Which topics would you like to learn?');
    await t.pressLabel('AI and neural networks');
    expect(t.api.last().buttons.map((b) => b.text)).toContain('✅ AI and neural networks');
    await t.pressLabel('Presentations');
    await t.pressLabel('Back'); // back to the department
    expect(t.api.last().text).toContain('Which department or team are you in?');
    await t.pressLabel('Keep');
    expect(t.api.last().buttons.map((b) => b.text)).toContain('✅ AI and neural networks');
    await t.pressLabel('Done');
    expect(t.api.last().text).toContain('Your interests and hobbies');
    await t.say('Chess, tennis');
    await t.pressLabel('One-on-one');
    await t.pressLabel('Done');
    expect(t.api.last().text).toContain('Your time zone?');
    expect(t.api.last().buttons[0]?.text).toBe('UTC'); // the org default first
    await t.say('Mars/Olympus');
    expect(t.api.last().text).toContain('I don’t know that time zone');
    await t.say('Europe/Berlin');
    // Working hours: the default is preselected; other days and hours instead.
    expect(t.api.last().text).toContain('When do you usually work (in your time zone)?');
    expect(t.api.last().buttons.map((b) => b.text)).toContain('Keep “Mon–Fri, 09:00–18:00”');
    await t.pressLabel('Other days or hours');
    expect(t.api.last().text).toContain('Which days do you work?');
    await t.pressLabel('Friday'); // untick it
    await t.pressLabel('Done');
    await t.say('8:30');
    expect(t.api.last().text).toContain('When does your working day end?');
    await t.say('7:00'); // before the start
    expect(t.api.last().text).toContain(
      "The day can't end before it starts: please pick an end after 08:30.",
    );
    await t.pressLabel('17:00');
    await t.pressLabel('English');
    await t.pressLabel('I agree');
    expect(t.api.texts().at(-2)).toContain('Welcome to the program, Anna!');
    expect(t.api.last().text).toContain('<b>Preparation guide</b>');
    await t.pressLabel("I've read it");
    expect(t.api.last().text).toContain('You are ready');

    expect((await profileOf())?.profile).toMatchObject({
      role: 'mentee',
      grade: 5,
      department: 'Finance & <Risk>',
      interests: ['chess', 'tennis'],
      formats: ['one_on_one'],
      workDays: [1, 2, 3, 4],
      workStart: 510,
      workEnd: 1020,
    });
    expect((await profileOf())?.learn).toEqual(['ai', 'presentations']);
    expect((await findUser(app.database.db, ref(ANNA)))?.timeZone).toBe('Europe/Berlin');
    // Every press got its answerCallbackQuery.
    const presses = t.api.calls.filter((c) => c.method === 'editMessageText').length;
    expect(t.api.callsTo('answerCallbackQuery').length).toBeGreaterThanOrEqual(presses);
    // User text is escaped in HTML.
    await t.say('/profile');
    expect(t.api.last().text).toContain('Finance &amp; &lt;Risk&gt;');
    expect(t.api.last().text).toContain('Working hours: Mon–Thu, 08:30–17:00');
  });

  it('speaks Russian to a language_code=ru user and cancels cleanly', async () => {
    const t = await started();
    const ivan: Person = { id: 2002, first_name: 'Иван', language_code: 'ru' };
    await t.say('/join', { from: ivan });
    expect(t.api.last().text).toContain('Что вы хотите делать в программе?');
    await t.pressLabel('Отмена', { from: ivan });
    expect(t.api.last().text).toContain('Отменено — вы не записаны');
    expect(await profileOf(ivan)).toBeUndefined();
  });

  it('re-asks on a sticker or photo, and ignores edits and channel posts', async () => {
    const t = await started();
    await t.say('/join');
    await t.pressLabel('Learn (mentee)');
    await t.pressLabel('4 — manager');
    const before = t.api.calls.length;
    await t.say(undefined, {
      extra: { sticker: { file_id: 'x', width: 1, height: 1, is_animated: false } },
    });
    expect(t.api.last().text).toContain('This one is required.');
    expect(t.api.last().text).toContain('Which department');
    const after = t.api.calls.length;
    expect(after).toBeGreaterThan(before);
    await t.update({
      edited_message: {
        message_id: 5,
        date: 0,
        edit_date: 1,
        chat: { id: ANNA.id, type: 'private' },
        from: { is_bot: false, ...ANNA },
        text: 'edit',
      },
    });
    await t.update({
      channel_post: {
        message_id: 6,
        date: 0,
        chat: { id: -100777, type: 'channel', title: 'News' },
        text: '/join',
      },
    });
    expect(t.api.calls.length).toBe(after);
  });
});

describe('Telegram: buttons and groups', () => {
  it('refuses a stale button from an earlier wizard and a press by someone else', async () => {
    const t = await started();
    await t.say('/join');
    const old = t.api.last().buttons.find((b) => b.text.includes('Teach'))?.callback_data ?? '';
    await t.say('/cancel');
    await t.press(old);
    expect(t.api.last().text).toContain('That form is closed');

    await t.say('/join');
    const fresh = t.api.last().buttons.find((b) => b.text.includes('Teach'))?.callback_data ?? '';
    const bob: Person = { id: 3003, first_name: 'Bob', language_code: 'en' };
    await t.press(fresh, { from: bob, chatId: -1001 });
    expect(t.api.last().text).toContain('This button was meant for someone else');
    expect(t.api.callsTo('answerCallbackQuery')).toHaveLength(2);
  });

  it('moves personal commands from a group to the DM with a deep link that continues the action', async () => {
    const t = await started();
    await t.say('/join@tandem_test_bot', { chatId: -1001 });
    const reply = t.api.last();
    expect(t.api.callsTo('sendMessage').at(-1)?.payload.chat_id).toBe('-1001');
    expect(reply.text).toContain("let's continue in a private chat");
    expect(reply.buttons[0]).toMatchObject({
      text: 'Continue in private',
      url: 'https://t.me/tandem_test_bot?start=join',
    });
    // The link opens the DM with /start join.
    await t.say('/start join');
    expect(t.api.last().text).toContain('What would you like to do in the program?');
    // Commands for another bot in the group are not ours; plain chatter is ignored.
    const count = t.api.calls.length;
    await t.say('/join@other_bot', { chatId: -1001 });
    await t.say('hello team', { chatId: -1001 });
    expect(t.api.calls.length).toBe(count);
  });

  it('publishes the command menu in English and Russian', async () => {
    const t = await started();
    await t.adapter.setCommands(commandMenu());
    const [en, ru] = t.api.callsTo('setMyCommands');
    const names = ((en?.payload.commands ?? []) as { command: string }[]).map((c) => c.command);
    expect(names).toEqual([
      'start',
      'help',
      'join',
      'profile',
      'pair',
      'sprint',
      'meet',
      'meetings',
      'goal',
      'goals',
      'idea',
      'ideas',
      'story',
      'pause',
      'resume',
      'lang',
      'mydata',
      'leave',
    ]);
    expect(ru?.payload.language_code).toBe('ru');
    expect(((ru?.payload.commands ?? []) as { description: string }[])[2]?.description).toBe(
      'записаться добровольцем: заполнить профиль',
    );
  });
});

describe('Telegram: a matching round end to end', () => {
  it('HR publishes, both sides accept with inline buttons, and both get the intro', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'telegram:9000' } });
    tg = await startTelegram(app);
    const t = tg;
    const bob: Person = { id: 3003, first_name: 'Bob', language_code: 'en' };
    const hr: Person = { id: 9000, first_name: 'Helen', language_code: 'en' };
    await participant(app, ref(ANNA), 'Anna Petrova', {
      role: 'mentor',
      grade: 1,
      teach: ['gen_z'],
    });
    await participant(app, ref(bob), 'Bob Stone', { role: 'mentee', grade: 4, learn: ['gen_z'] });
    await t.say('/match publish', { from: hr });
    expect(t.api.texts().some((x) => x.includes('Sent 1 proposal'))).toBe(true);
    const proposalFor = (p: Person) =>
      t.api
        .callsTo('sendMessage')
        .find(
          (c) =>
            c.payload.chat_id === String(p.id) &&
            String(c.payload.text).includes('A reverse-mentoring match'),
        );
    const acceptData = (p: Person) =>
      (
        (
          proposalFor(p)?.payload.reply_markup as
            | { inline_keyboard: { text: string; callback_data: string }[][] }
            | undefined
        )?.inline_keyboard ?? []
      )
        .flat()
        .find((b) => b.text === 'Accept')?.callback_data ?? '';
    expect(String(proposalFor(bob)?.payload.text)).toContain(
      'Anna Petrova (Dept Anna Petrova, 1 — junior / intern) could be your mentor',
    );
    await t.press(acceptData(bob), { from: bob, messageId: proposalFor(bob)?.result });
    // The proposal's own message is edited to say we're waiting.
    expect(String(t.api.callsTo('editMessageText').at(-1)?.payload.text)).toContain(
      'as soon as Anna Petrova answers',
    );
    await t.press(acceptData(ANNA), { from: ANNA, messageId: proposalFor(ANNA)?.result });
    const intros = t.api
      .callsTo('sendMessage')
      .filter((c) => String(c.payload.text).includes("You're a pair!"));
    expect(intros.map((c) => c.payload.chat_id).sort()).toEqual(
      [String(bob.id), String(ANNA.id)].sort(),
    );
  });
});

describe('Telegram: booking a sprint end to end', () => {
  /** Anna and Bob, an active pair on Tuesday 1 Dec 2026, 09:00 UTC; Anna is talking. */
  async function annaPairedWithBob() {
    app = createTestApp();
    app.clock.set('2026-12-01T09:00:00Z');
    tg = await startTelegram(app);
    const bob: Person = { id: 3003, first_name: 'Bob', language_code: 'en' };
    await activePair(
      app,
      { ref: ref(ANNA), name: 'Anna Petrova' },
      { ref: ref(bob), name: 'Bob Stone' },
    );
    return { t: tg, bob };
  }

  it('takes a day button, a typed time in Russian wording, and sends the invite with its .ics', async () => {
    const { t, bob } = await annaPairedWithBob();
    await t.say('/sprint');
    await t.pressLabel('Other time');
    expect(t.api.last().text).toContain('Which day?');
    await t.pressLabel('Thu, 3 Dec');
    expect(t.api.last().text).toContain('At what time');
    await t.say('3pm');
    expect(t.api.last().text).toContain('How long?');
    await t.pressLabel('Keep');
    await t.say('Prompt engineering for sales emails');
    await t.pressLabel('Skip');
    const invites = t.api
      .callsTo('sendMessage')
      .filter((c) => String(c.payload.text).includes('is booked'));
    expect(invites.map((c) => c.payload.chat_id).sort()).toEqual(
      [String(ANNA.id), String(bob.id)].sort(),
    );
    expect(String(invites[0]?.payload.text)).toContain('Thu, 3 Dec, 15:00–17:00 (UTC)');
    expect(t.api.callsTo('sendDocument')).toHaveLength(2);
  });

  it('opens with Find a time: one tap on a slot books it for both, with the .ics', async () => {
    const { t, bob } = await annaPairedWithBob();
    await t.say('/sprint');
    const offer = t.api.last();
    expect(offer.text).toContain('Find a time');
    // Both in UTC here: the slot shows Anna's time; a button carries the slot's epoch minutes.
    const slot = offer.buttons.find((b) => b.text === 'Tue, 1 Dec, 10:00');
    expect(slot?.callback_data).toBe(
      `meet.slot|1|s|1|${Date.parse('2026-12-01T10:00:00Z') / 60_000}`,
    );
    for (const b of offer.buttons)
      expect(Buffer.byteLength(b.callback_data ?? '', 'utf8')).toBeLessThanOrEqual(64);
    await t.pressLabel('Tue, 1 Dec, 10:00');
    const invites = t.api
      .callsTo('sendMessage')
      .filter((c) => String(c.payload.text).includes('is booked'));
    expect(invites.map((c) => c.payload.chat_id).sort()).toEqual(
      [String(ANNA.id), String(bob.id)].sort(),
    );
    expect(String(invites[0]?.payload.text)).toContain('Tue, 1 Dec, 10:00–12:00 (UTC)');
    expect(t.api.callsTo('sendDocument')).toHaveLength(2);
    // The suggestions message is edited into the answer: its slots can't be pressed twice.
    expect(t.api.texts().some((x) => x.includes('Booked: the sprint on Tue, 1 Dec, 10:00.'))).toBe(
      true,
    );
  });

  it('a day and time typed instead of a slot comes back as Sprint / Meeting buttons that book it', async () => {
    const { t, bob } = await annaPairedWithBob();
    await t.say('/sprint');
    await t.say('tomorrow 11:00');
    const offer = t.api.last();
    expect(offer.text).toContain('Wed, 2 Dec, 11:00: a sprint or a meeting?');
    expect(offer.buttons.map((b) => b.text)).toEqual(['Sprint, 2 h', 'Meeting, 1 h']);
    for (const b of offer.buttons)
      expect(Buffer.byteLength(b.callback_data ?? '', 'utf8')).toBeLessThanOrEqual(64);
    await t.pressLabel('Sprint, 2 h');
    const invites = t.api
      .callsTo('sendMessage')
      .filter((c) => String(c.payload.text).includes('is booked'));
    expect(invites.map((c) => c.payload.chat_id).sort()).toEqual(
      [String(ANNA.id), String(bob.id)].sort(),
    );
    expect(String(invites[0]?.payload.text)).toContain('Wed, 2 Dec, 11:00–13:00 (UTC)');
  });

  it('a group: every slot fits the mentor and each mentee, and one tap books every pair', async () => {
    const { t, bob } = await annaPairedWithBob();
    const carl: Person = { id: 3004, first_name: 'Carl', language_code: 'en' };
    const carlId = await participant(app, ref(carl), 'Carl Weiss', {
      role: 'mentee',
      grade: 5,
      learn: ['ai'],
    });
    // Anna works 09:00–18:00 UTC and Bob in Moscow 06:00–15:00 (the two alone could meet at
    // 10:00), Carl in New York 14:00–23:00: all three only 14:00–15:00 UTC.
    const db = app.database.db;
    await rawRun(db, "update users set time_zone = 'Europe/Moscow' where name = 'Bob Stone'");
    await rawRun(db, "update users set time_zone = 'America/New_York' where id = ?", carlId);
    await rawRun(db, 'update pairs set "group" = true');
    await rawRun(
      db,
      'insert into pairs (mentor_user_id, mentee_user_id, "group", created_at) values (1, ?, true, ?)',
      carlId,
      app.clock.now().getTime(),
    );
    await t.say('/meet');
    const offer = t.api.last();
    expect(offer.text).toContain('for you and Bob Stone, Carl Weiss');
    const slots = offer.buttons.filter((b) => b.callback_data?.startsWith('meet.slot|'));
    expect(slots.length).toBeGreaterThanOrEqual(3);
    for (const slot of slots) expect(slot.text).toMatch(/, 14:00$/);
    await t.pressLabel(slots[0]?.text ?? '');
    const rows = await rawRows(db, 'select pair_id, starts_at from meetings order by pair_id');
    expect(rows).toEqual([
      { pair_id: 1, starts_at: Date.parse('2026-12-01T14:00:00Z') },
      { pair_id: 2, starts_at: Date.parse('2026-12-01T14:00:00Z') },
    ]);
    // Each mentee has the invite in their own zone, with its .ics.
    const invites = t.api
      .callsTo('sendMessage')
      .filter((c) => String(c.payload.text).includes('is booked'));
    const to = (p: Person) =>
      invites.filter((c) => c.payload.chat_id === String(p.id)).map((c) => String(c.payload.text));
    expect(to(bob).join()).toContain('Tue, 1 Dec, 17:00–18:00 (Europe/Moscow)');
    expect(to(carl).join()).toContain('Tue, 1 Dec, 09:00–10:00 (America/New_York)');
    expect(t.api.callsTo('sendDocument').length).toBeGreaterThanOrEqual(3);
  });

  it('warns of a time typed outside the partner’s hours, naming it; kept only when confirmed', async () => {
    const { t } = await annaPairedWithBob();
    await t.say('/meet');
    await t.pressLabel('Other time');
    await t.pressLabel('Sat, 5 Dec');
    await t.say('15:00');
    expect(t.api.last().text).toContain(
      "That is Sat, 5 Dec, 15:00 for Bob Stone — a day they don't work.",
    );
    await t.pressLabel('Pick another time');
    expect(t.api.last().text).toContain('At what time');
    await t.say('23:00');
    expect(t.api.last().text).toContain(
      'That is Sat, 5 Dec, 23:00 for Bob Stone — the middle of their night.',
    );
    await t.pressLabel('Keep this time');
    expect(t.api.last().text).toContain('How long?');
    await t.pressLabel('Keep');
    await t.say('Late check-in');
    await t.pressLabel('Skip');
    expect(t.api.texts().some((x) => x.includes('Sat, 5 Dec, 23:00–00:00 (UTC)'))).toBe(true);
  });

  it('speaks Russian to a Russian speaker: the offer, the slots and the warning on a typed time', async () => {
    const { t } = await annaPairedWithBob();
    // Her Telegram speaks Russian: that is all Tandem needs to know.
    const anna = { ...ANNA, language_code: 'ru' };
    await t.say('/sprint', { from: anna });
    const offer = t.api.last();
    expect(offer.text).toContain('Подобрать время');
    expect(offer.text).toContain(
      'Время в рабочих часах у вас и у Bob Stone в ближайшие семь дней.',
    );
    expect(offer.buttons.map((b) => b.text)).toContain('вт, 1 дек., 10:00');
    await t.pressLabel('Другое время', { from: anna });
    await t.pressLabel('сб, 5 дек.', { from: anna });
    await t.say('15:00', { from: anna });
    expect(t.api.last().text).toContain('У Bob Stone это сб, 5 дек., 15:00 — нерабочий день.');
    expect(t.api.last().buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining(['Оставить это время', 'Выбрать другое время']),
    );
  });

  it('reads typed dates like "tomorrow"', async () => {
    const { t } = await annaPairedWithBob();
    await t.say('/meet');
    await t.pressLabel('Other time');
    await t.say('tomorrow 10:30'); // the day and its time in one message: no time question
    expect(t.api.last().text).toContain('How long?');
    await t.pressLabel('Keep'); // 1 h for a meeting
    await t.say('Quick check-in');
    await t.pressLabel('Skip');
    expect(t.api.texts().some((x) => x.includes('Wed, 2 Dec, 10:30–11:30 (UTC)'))).toBe(true);
  });
});

describe('Telegram: delivery', () => {
  it('waits out a 429 (retry_after) and then delivers once', async () => {
    const t = await started();
    t.api.fail('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 2',
      retry_after: 2,
    });
    await t.say('/help');
    expect(t.api.callsTo('sendMessage')).toHaveLength(0);
    const row = await first(app.database.db.select().from(outbox));
    expect(row).toMatchObject({ status: 'pending', lastError: 'delivery_rate_limited' });
    expect(row?.nextAttemptAt).toEqual(new Date(app.clock.now().getTime() + 2000));
    app.clock.advance(2000);
    await app.outbox.deliverDue();
    expect(t.api.callsTo('sendMessage')).toHaveLength(1);
  });

  it('marks a person who blocked the bot unreachable instead of retrying forever', async () => {
    const t = await started();
    await t.say('/lang'); // a message is queued and sent
    t.api.fail('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    await t.say('/help');
    expect((await findUser(app.database.db, ref(ANNA)))?.unreachableAt).toEqual(app.clock.now());
    expect((await app.database.db.select().from(outbox)).at(-1)).toMatchObject({
      status: 'failed',
      lastError: 'delivery_recipient_gone',
    });
    // Writing again makes them reachable.
    await t.say('/help');
    expect((await findUser(app.database.db, ref(ANNA)))?.unreachableAt).toBeNull();
    expect(t.api.texts().at(-1)).toContain('Tandem — reverse mentoring');
  });

  it('handles each update id once', async () => {
    const t = await started();
    await participant(app, ref(ANNA), 'Anna Petrova', {
      role: 'mentor',
      grade: 1,
      teach: ['gen_z'],
    });
    const says = (update_id: number, text: string) =>
      t.adapter.handleUpdate({
        update_id,
        message: {
          message_id: update_id,
          date: 0,
          from: { is_bot: false, ...ANNA },
          chat: { id: ANNA.id, type: 'private' },
          text,
        },
      } as never);
    await says(999_001, '/pause');
    await says(999_002, '/resume');
    // The same update again (a webhook Telegram re-sent): handled twice, it would put Anna
    // back on a break right after she came back.
    await says(999_001, '/pause');
    await says(999_003, '/profile');
    await app.settle();
    expect(t.api.callsTo('sendMessage')).toHaveLength(3);
    expect(t.api.texts().at(-1)).not.toMatch(/on a break|перерыв/);
  });

  it('sends files as documents', async () => {
    const t = await started();
    await t.say('/mydata');
    const doc = t.api.callsTo('sendDocument')[0];
    expect(doc?.payload.chat_id).toBe(String(ANNA.id));
    expect(doc?.payload.caption).toBe('Your data in Tandem');
  });

  it('splits long text under 4096 characters and escapes HTML', () => {
    const messages = renderMessages({
      kind: 'text',
      title: 'T<i>',
      text: `${'a&b '.repeat(3000)}end`,
      buttons: [{ label: 'OK', data: 'x|' }],
    });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_MAX);
    expect(messages[0]?.text.startsWith('<b>T&lt;i&gt;</b>')).toBe(true);
    expect(messages.at(-1)?.reply_markup).toBeDefined();
    expect(messages[0]?.reply_markup).toBeUndefined();
  });
});

describe('Telegram: webhook', () => {
  it('accepts updates with the secret token and refuses others with 401, changing nothing', async () => {
    app = createTestApp();
    const api = new FakeBotApi();
    const adapter = createTelegramAdapter({
      token: '123456:TEST-TOKEN-abcdefghijklmnop',
      botInfo: BOT,
      webhook: {
        url: 'https://bot.example.com/telegram/webhook',
        secret: 'secret-token-0123456789',
      },
      transformer: api.transformer,
      logger: silentLogger,
      intervals: { global: 0, private: 0, group: 0 },
    });
    app.adapters.telegram = adapter;
    const route = adapter.webhookRoute();
    if (!route) throw new Error('no webhook route');
    await adapter.start(app.engine);
    expect(api.callsTo('setWebhook')[0]?.payload).toMatchObject({
      url: 'https://bot.example.com/telegram/webhook',
      secret_token: 'secret-token-0123456789',
    });
    const server = await startHttpServer(0, [route]);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
    const body = JSON.stringify({
      update_id: 5,
      message: {
        message_id: 1,
        date: 0,
        from: { is_bot: false, ...ANNA },
        chat: { id: ANNA.id, type: 'private' },
        text: '/lang ru',
      },
    });
    try {
      const wrong = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'nope' },
      });
      expect(wrong.status).toBe(401);
      const none = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(none.status).toBe(401);
      expect(await findUser(app.database.db, ref(ANNA))).toBeUndefined();
      const right = await fetch(url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': 'secret-token-0123456789',
        },
      });
      expect(right.status).toBe(200);
      await app.settle();
      expect((await findUser(app.database.db, ref(ANNA)))?.locale).toBe('ru');
    } finally {
      server.close();
    }
  });
});
