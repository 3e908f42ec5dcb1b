import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack';
import { formClosedEvent, formSubmitEvent } from '../../src/adapters/slack/inbound';
import {
  SLACK_ACTION_ELEMENTS_MAX,
  SLACK_BUTTON_TEXT_MAX,
  SLACK_MAX_BLOCKS_PER_MESSAGE,
  SLACK_PRIVATE_METADATA_MAX,
  SLACK_SECTION_TEXT_MAX,
  SLACK_SELECT_OPTIONS_MAX,
} from '../../src/adapters/slack/limits';
import { renderMessage } from '../../src/adapters/slack/render';
import { first } from '../../src/db/first';
import { inboxOf } from '../../src/db/inbox-file';
import { getProfile } from '../../src/db/queries/profiles';
import { findUser } from '../../src/db/queries/users';
import { outbox } from '../../src/db/schema';
import { rawCount, rawRows } from '../../src/db/sqlite';
import { silentLogger } from '../../src/logger';
import { NULL_SINK } from '../fakes/recording-adapter';
import { blockText, FakeSlackApi } from '../fakes/slack-api';
import { FakeSocketMode } from '../fakes/slack-socket';
import { createTestApp, type TestApp } from '../helpers/app';
import { activePair, participant } from '../helpers/participants';
import { rawRun } from '../helpers/raw';
import { buttonValue, type SlackHarness, signedHeaders, startSlack } from '../helpers/slack';

let app: TestApp;
let slack: SlackHarness | undefined;

afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  app?.close();
  app?.dispose();
});

const U1 = { platform: 'slack' as const, workspace: 'T1', id: 'U1' };
const profileOf = async (ref = U1) => {
  const user = await findUser(app.database.db, ref);
  return user ? await getProfile(app.database.db, user.id) : undefined;
};
const countRows = (table: string) =>
  // The inbox is a file of its own on SQLite (src/db/inbox-file.ts).
  rawCount(
    table === 'inbox' ? inboxOf(app.database.db) : app.database.db,
    `select count(*) as n from ${table}`,
  );

/** Finds the button with this label in the last message posted, returns its value. */

async function started(users: Record<string, { name: string; tz?: string; locale?: string }> = {}) {
  app = createTestApp();
  const s = await startSlack(app);
  for (const [id, u] of Object.entries({
    U1: { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' },
    ...users,
  })) {
    s.fake.users.set(id, u);
  }
  slack = s;
  return s;
}

type ModalBlock = {
  block_id: string;
  optional?: boolean;
  element: {
    type: string;
    options?: { value: string }[];
    initial_options?: { value: string }[];
    initial_time?: string;
  };
};

describe('Slack: the join flow through a modal', () => {
  it('opens the form, shows errors inline, saves a fixed submission, and marks the guide read', async () => {
    const s = await started();
    expect(await s.command('join')).toBe(200);
    const [open] = await s.fake.waitFor('views.open');
    const view = open?.args.view as {
      private_metadata: string;
      blocks: ModalBlock[];
      title: { text: string };
    };
    expect(open?.args.trigger_id).toMatch(/^trig-/);
    expect(view.title.text).toBe('Your profile');
    const fields = view.blocks.map((b) => `${b.block_id}:${b.element.type}`);
    expect(fields).toEqual([
      'role:radio_buttons',
      'grade:radio_buttons',
      'department:plain_text_input',
      'teach:checkboxes',
      'learn:checkboxes',
      'interests:plain_text_input',
      'formats:checkboxes',
      'capacity:radio_buttons',
      // No time-zone question: Slack told us (users.info). Working hours: days, start and end,
      // preselected (Mon–Fri, 09:00–18:00).
      'workDays:checkboxes',
      'workStart:timepicker',
      'workEnd:timepicker',
      'language:radio_buttons',
      'consent:radio_buttons',
    ]);
    const block = (id: string) => view.blocks.find((b) => b.block_id === id)?.element;
    expect(block('workDays')?.initial_options?.map((o) => o.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect([block('workStart')?.initial_time, block('workEnd')?.initial_time]).toEqual([
      '09:00',
      '18:00',
    ]);

    // A mentor with no topics, an empty department and too many characters in interests.
    const bad = await s.submit(view.private_metadata, {
      role: { type: 'radio_buttons', selected_option: { value: 'mentor' } },
      grade: { type: 'radio_buttons', selected_option: { value: '1' } },
      department: { type: 'plain_text_input', value: '' },
      teach: { type: 'checkboxes', selected_options: [] },
      interests: { type: 'plain_text_input', value: 'x'.repeat(5000) },
      formats: { type: 'checkboxes', selected_options: [{ value: 'sprint' }] },
      capacity: { type: 'radio_buttons', selected_option: { value: '2' } },
      // No working day, and a day that ends before it starts.
      workDays: { type: 'checkboxes', selected_options: [] },
      workStart: { type: 'timepicker', selected_time: '10:00' },
      workEnd: { type: 'timepicker', selected_time: '09:30' },
      language: { type: 'radio_buttons', selected_option: { value: 'en' } },
      consent: { type: 'radio_buttons', selected_option: { value: 'yes' } },
    });
    expect(bad.status).toBe(200);
    const errors = JSON.parse(bad.text) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(errors.response_action).toBe('errors');
    expect(errors.errors).toEqual({
      department: 'This one is required.',
      teach: 'Please choose at least one option.',
      interests: "That's too long — please keep it under 300 characters.",
      workDays: 'Please choose at least one option.',
      workEnd: "The day can't end before it starts: please pick an end after 10:00.",
    });
    expect(await profileOf()).toBeUndefined();

    const good = await s.submit(view.private_metadata, {
      role: { type: 'radio_buttons', selected_option: { value: 'mentor' } },
      grade: { type: 'radio_buttons', selected_option: { value: '1' } },
      department: { type: 'plain_text_input', value: 'Support' },
      teach: { type: 'checkboxes', selected_options: [{ value: 'ai' }, { value: 'messengers' }] },
      interests: { type: 'plain_text_input', value: 'chess' },
      formats: { type: 'checkboxes', selected_options: [{ value: 'sprint' }] },
      capacity: { type: 'radio_buttons', selected_option: { value: '2' } },
      workDays: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '5' }] },
      workStart: { type: 'timepicker', selected_time: '09:00' },
      workEnd: { type: 'timepicker', selected_time: '18:00' },
      language: { type: 'radio_buttons', selected_option: { value: 'en' } },
      consent: { type: 'radio_buttons', selected_option: { value: 'yes' } },
    });
    expect(good).toEqual({ status: 200, text: '' });
    expect((await profileOf())?.profile).toMatchObject({
      role: 'mentor',
      department: 'Support',
      capacity: 2,
      workDays: [1, 5],
      workStart: 540,
      workEnd: 1080,
    });
    expect(await findUser(app.database.db, U1)).toMatchObject({
      timeZone: 'Europe/Berlin',
      name: 'Pat Lee',
    });

    const texts = s.fake.postedTexts();
    expect(texts.at(-2)).toContain('Welcome to the program, Pat!');
    expect(texts.at(-1)).toContain('Preparation guide');
    expect(await s.press(buttonValue(s, "I've read it"))).toBe(200);
    // Answered in place: the guide's message becomes the thanks, its button gone.
    expect(s.fake.postedTexts('chat.update').at(-1)).toContain('You are ready');
    expect((await profileOf())?.profile.preparedAt).not.toBeNull();

    // `profile edit`: the same modal, the stored hours preselected; a new end is saved.
    expect(await s.command('profile edit')).toBe(200);
    await s.fake.waitFor('views.open', 2);
    const edit = s.fake.callsTo('views.open').at(-1)?.args.view as typeof view;
    const editBlock = (id: string) => edit.blocks.find((b) => b.block_id === id)?.element;
    expect(editBlock('workDays')?.initial_options?.map((o) => o.value)).toEqual(['1', '5']);
    expect(editBlock('workEnd')?.initial_time).toBe('18:00');
    const edited = await s.submit(edit.private_metadata, {
      role: { type: 'radio_buttons', selected_option: { value: 'mentor' } },
      grade: { type: 'radio_buttons', selected_option: { value: '1' } },
      department: { type: 'plain_text_input', value: 'Support' },
      teach: { type: 'checkboxes', selected_options: [{ value: 'ai' }] },
      interests: { type: 'plain_text_input', value: 'chess' },
      formats: { type: 'checkboxes', selected_options: [{ value: 'sprint' }] },
      capacity: { type: 'radio_buttons', selected_option: { value: '2' } },
      workDays: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '5' }] },
      workStart: { type: 'timepicker', selected_time: '09:00' },
      workEnd: { type: 'timepicker', selected_time: '16:30' },
      language: { type: 'radio_buttons', selected_option: { value: 'en' } },
    });
    expect(edited).toEqual({ status: 200, text: '' });
    expect((await profileOf())?.profile).toMatchObject({
      workDays: [1, 5],
      workStart: 540,
      workEnd: 990,
    });
    expect(s.fake.postedTexts().at(-1)).toContain('Working hours: Mon, Fri, 09:00–16:30');
  });

  it('speaks Russian to a Russian-language Slack user without asking', async () => {
    const s = await started({ U2: { name: 'Ольга Котова', tz: 'Europe/Moscow', locale: 'ru-RU' } });
    await s.command('help', { user: 'U2' });
    expect(s.fake.postedTexts().at(-1)).toContain('Tandem — обратное наставничество');
    expect(s.fake.postedTexts().at(-1)).toContain('/mentor join — записаться добровольцем');
    // users.info is asked once and remembered.
    await s.command('profile', { user: 'U2' });
    expect(s.fake.callsTo('users.info')).toHaveLength(1);
  });

  it('offers a button to open the form when there is no trigger (typed in the DM)', async () => {
    const s = await started();
    await s.command('join');
    await s.fake.waitFor('views.open');
    await s.event({
      type: 'message',
      channel_type: 'im',
      channel: 'DU1',
      user: 'U1',
      text: 'hello',
    });
    expect(s.fake.postedTexts().at(-1)).toContain('Your form “Your profile” is ready');
    await s.press(buttonValue(s, 'Open the form'));
    expect(s.fake.callsTo('views.open')).toHaveLength(2);
  });
});

describe('Slack: closing a modal', () => {
  const formRows = () =>
    rawRows<Record<string, unknown>>(
      app.database.db,
      'select form_id, status from form_sessions order by created_at',
    );

  it('ends the form on Cancel/✕, says so as /cancel would, and a typed message is then just a message', async () => {
    const s = await started();
    await s.command('join');
    const [open] = await s.fake.waitFor('views.open');
    const view = open?.args.view as { private_metadata: string; notify_on_close?: boolean };
    expect(view.notify_on_close).toBe(true);
    expect(await s.close(view.private_metadata)).toEqual({ status: 200, text: '' });
    expect(await formRows()).toEqual([{ form_id: 'profile', status: 'cancelled' }]);
    expect(s.fake.postedTexts().at(-1)).toContain("Cancelled — you haven't joined");

    await s.event({ type: 'message', channel_type: 'im', channel: 'DU1', user: 'U1', text: 'hi' });
    expect(s.fake.postedTexts().at(-1)).toContain("I didn't catch that");
    expect(s.fake.postedTexts().join('\n')).not.toContain('press the button to open it');
  });

  it('leaves a newer form alone when an older modal is closed, without a word', async () => {
    const s = await started();
    await s.command('join');
    const [first] = await s.fake.waitFor('views.open');
    const stale =
      (first?.args.view as { private_metadata: string } | undefined)?.private_metadata ?? '';
    await s.command('cancel');
    // A minute on, so the two sessions' order is their creation time's on either database.
    app.clock.advance(60_000);
    await s.command('join');
    await s.fake.waitFor('views.open', 2);
    const posts = s.fake.callsTo('chat.postMessage').length;
    expect((await s.close(stale)).status).toBe(200);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(posts);
    expect(await formRows()).toEqual([
      { form_id: 'profile', status: 'cancelled' },
      { form_id: 'profile', status: 'active' },
    ]);
  });
});

describe('Slack: surfaces', () => {
  it('shows a menu for /mentor alone and runs commands from its buttons', async () => {
    const s = await started();
    await s.command('');
    expect(s.fake.postedTexts().at(-1)).toContain('What would you like to do?');
    await s.press(buttonValue(s, 'How it works'));
    expect(s.fake.postedTexts().at(-1)).toContain('Tandem — reverse mentoring');
  });

  it('publishes the App Home when opened and refreshes it after a change', async () => {
    const s = await started();
    await s.event({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home' });
    const [first] = await s.fake.waitFor('views.publish');
    expect(first?.args.user_id).toBe('U1');
    const home = first?.args.view as { type: string; blocks: unknown[] };
    expect(home.type).toBe('home');
    expect(blockText(home.blocks)).toContain("You haven't joined yet");
    expect(blockText(home.blocks)).toContain('[Join the program]');
    await s.command('lang ru');
    const views = s.fake.callsTo('views.publish');
    expect(
      blockText((views.at(-1)?.args.view as { blocks: unknown[] } | undefined)?.blocks),
    ).toContain('Вы ещё не в программе');
  });

  it('answers a personal command in a channel privately, then continues in the DM', async () => {
    const s = await started();
    await s.command('pause', { channel: 'C42' });
    const [ephemeral] = await s.fake.waitFor('chat.postEphemeral');
    expect(ephemeral?.args).toMatchObject({ channel: 'C42', user: 'U1' });
    expect(blockText(ephemeral?.args.blocks)).toContain("let's continue in a direct message");
    const dm = s.fake.callsTo('chat.postMessage').at(-1);
    expect(dm?.args.channel).toBe('DU1');
    expect(blockText(dm?.args.blocks)).toContain("You haven't joined the program yet");
  });

  it('refuses a button pressed by someone it was not meant for', async () => {
    const s = await started({ U2: { name: 'Sam Roe', locale: 'en-US' } });
    await s.command('leave');
    await s.command('help');
    const join = buttonValue(s, 'Join the program');
    await s.press(join, { user: 'U2', channel: 'C42' });
    const refusal = s.fake.callsTo('chat.postEphemeral').at(-1);
    expect(refusal?.args).toMatchObject({ channel: 'C42', user: 'U2' });
    expect(blockText(refusal?.args.blocks)).toContain('This button was meant for someone else');
    expect(s.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('leaves with a confirmation and deletes the person', async () => {
    const s = await started();
    await s.command('join');
    const [open] = await s.fake.waitFor('views.open');
    const meta =
      (open?.args.view as { private_metadata: string } | undefined)?.private_metadata ?? '';
    await s.submit(meta, {
      role: { type: 'radio_buttons', selected_option: { value: 'mentee' } },
      grade: { type: 'radio_buttons', selected_option: { value: '5' } },
      department: { type: 'plain_text_input', value: 'Board' },
      learn: { type: 'checkboxes', selected_options: [{ value: 'ai' }] },
      formats: { type: 'checkboxes', selected_options: [{ value: 'one_on_one' }] },
      workDays: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '5' }] },
      workStart: { type: 'timepicker', selected_time: '09:00' },
      workEnd: { type: 'timepicker', selected_time: '18:00' },
      language: { type: 'radio_buttons', selected_option: { value: 'en' } },
      consent: { type: 'radio_buttons', selected_option: { value: 'yes' } },
    });
    expect(await profileOf()).toBeDefined();
    await s.command('leave');
    await s.press(buttonValue(s, 'Yes, leave and delete my data'));
    // The question is answered in place: its buttons go with it.
    expect(s.fake.postedTexts('chat.update').at(-1)).toContain('your data is deleted');
    expect(await profileOf()).toBeUndefined();
    expect(await countRows('profiles')).toBe(0);
  });
});

describe('Slack: a matching round end to end', () => {
  it('HR publishes, both sides accept with buttons in their DMs, and both get the intro', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'slack:UHR' } });
    const s = await startSlack(app);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', locale: 'en-US' });
    s.fake.users.set('U2', { name: 'Sam Roe', locale: 'en-US' });
    await participant(app, U1, 'Pat Lee', { role: 'mentor', grade: 1, teach: ['ai'] });
    await participant(app, { ...U1, id: 'U2' }, 'Sam Roe', {
      role: 'mentee',
      grade: 5,
      learn: ['ai'],
    });
    await s.command('match publish', { user: 'U2' });
    expect(s.fake.postedTexts().at(-1)).toContain('only HR and program admins');
    await s.command('match publish', { user: 'UHR' });
    const posts = s.fake.callsTo('chat.postMessage');
    const proposal = (channel: string) =>
      posts.find(
        (c) =>
          c.args.channel === channel &&
          blockText(c.args.blocks).includes('A reverse-mentoring match'),
      );
    expect(blockText(proposal('DU1')?.args.blocks)).toContain('You could mentor Sam Roe');
    expect(blockText(proposal('DU2')?.args.blocks)).toContain(
      'Pat Lee (Dept Pat Lee, 1 — junior / intern) could be your mentor',
    );
    const accept = (channel: string) =>
      (
        (proposal(channel)?.args.blocks ?? []) as {
          elements?: { value?: string; text?: { text: string } }[];
        }[]
      )
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.text?.text === 'Accept')?.value ?? '';
    await s.press(accept('DU2'), { user: 'U2' });
    // The proposal message itself is updated to say we're waiting for the other side.
    expect(blockText(s.fake.callsTo('chat.update').at(-1)?.args.blocks)).toContain(
      "We'll let you know as soon as Pat Lee answers",
    );
    await s.press(accept('DU1'), { user: 'U1' });
    const intros = s.fake
      .callsTo('chat.postMessage')
      .filter((c) => blockText(c.args.blocks).includes("You're a pair!"));
    expect(intros.map((c) => c.args.channel).sort()).toEqual(['DU1', 'DU2']);
  });
});

describe('Slack: booking a sprint end to end', () => {
  it('opens a modal with date and time pickers, books, and uploads the invites', async () => {
    app = createTestApp();
    app.clock.set('2026-12-01T09:00:00Z');
    const s = await startSlack(app);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
    s.fake.users.set('U2', { name: 'Sam Roe', tz: 'America/New_York', locale: 'en-US' });
    const { menteeId: mentee } = await activePair(
      app,
      { ref: U1, name: 'Pat Lee' },
      { ref: { ...U1, id: 'U2' }, name: 'Sam Roe' },
    );
    // Sam's zone is known from an earlier visit (Slack profiles carry it).
    await rawRun(
      app.database.db,
      "update users set time_zone = 'America/New_York' where id = ?",
      mentee,
    );
    await s.command('sprint');
    await s.press(buttonValue(s, 'Other time'));
    const [open] = await s.fake.waitFor('views.open');
    const view = open?.args.view as { private_metadata: string; blocks: ModalBlock[] } | undefined;
    expect(view?.blocks.map((b) => `${b.block_id}:${b.element.type}`)).toEqual([
      'day:datepicker',
      'time:timepicker',
      'timeOk:radio_buttons',
      'duration:radio_buttons',
      'topic:plain_text_input',
      'link:plain_text_input',
    ]);
    const values = (time: string) => ({
      day: { type: 'datepicker', selected_date: '2026-12-03' },
      time: { type: 'timepicker', selected_time: time },
      duration: { type: 'radio_buttons', selected_option: { value: '120' } },
      topic: { type: 'plain_text_input', value: 'Automate the weekly report' },
      link: { type: 'plain_text_input', value: null },
    });
    const past = await s.submit(view?.private_metadata ?? '', {
      ...values('10:00'),
      day: { type: 'datepicker', selected_date: '2026-11-30' },
    });
    // A day already gone is marked on the date picker…
    expect(JSON.parse(past.text)).toEqual({
      response_action: 'errors',
      errors: { day: 'That day has already passed — please pick a later one.' },
    });
    // …and today at an hour already past (10:00 in Berlin now) on the time picker.
    const earlier = await s.submit(view?.private_metadata ?? '', {
      ...values('09:00'),
      day: { type: 'datepicker', selected_date: '2026-12-01' },
    });
    expect(JSON.parse(earlier.text)).toEqual({
      response_action: 'errors',
      errors: { time: 'That time has already passed — please pick a later one.' },
    });
    // 07:00 in Berlin is 01:00 in New York: named, and booked only once kept.
    const night = await s.submit(view?.private_metadata ?? '', values('07:00'));
    expect(JSON.parse(night.text)).toEqual({
      response_action: 'errors',
      errors: { timeOk: 'That is Thu, 3 Dec, 01:00 for Sam Roe — the middle of their night.' },
    });
    expect(s.fake.postedTexts().filter((t) => t.includes('is booked'))).toEqual([]);
    const other = await s.submit(view?.private_metadata ?? '', {
      ...values('07:00'),
      timeOk: { type: 'radio_buttons', selected_option: { value: 'other' } },
    });
    expect(JSON.parse(other.text)).toEqual({
      response_action: 'errors',
      errors: { time: 'Pick another time, please.' },
    });
    expect(await s.submit(view?.private_metadata ?? '', values('15:00'))).toEqual({
      status: 200,
      text: '',
    });
    const booked = s.fake.postedTexts().filter((t) => t.includes('is booked'));
    expect(booked.some((t) => t.includes('Thu, 3 Dec, 15:00–17:00 (Europe/Berlin)'))).toBe(true);
    expect(booked.some((t) => t.includes('Thu, 3 Dec, 09:00–11:00 (America/New_York)'))).toBe(true);
    const uploads = await s.fake.waitFor('files.getUploadURLExternal', 2);
    expect(uploads.map((c) => c.args.filename)).toEqual([
      'tandem-sprint-1.ics',
      'tandem-sprint-1.ics',
    ]);
  });
});

describe('Slack: Find a time', () => {
  it('opens with slots in my zone and the partner’s; one tap books for both with the invites', async () => {
    app = createTestApp();
    app.clock.set('2026-12-01T09:00:00Z');
    const s = await startSlack(app);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
    s.fake.users.set('U2', { name: 'Sam Roe', tz: 'America/New_York', locale: 'en-US' });
    const { menteeId: mentee } = await activePair(
      app,
      { ref: U1, name: 'Pat Lee' },
      { ref: { ...U1, id: 'U2' }, name: 'Sam Roe' },
    );
    await rawRun(
      app.database.db,
      "update users set time_zone = 'America/New_York' where id = ?",
      mentee,
    );
    await s.command('sprint');
    // Berlin 15:00–17:00 is New York 09:00–11:00: the only two hours both work, each day.
    expect(s.fake.callsTo('views.open')).toHaveLength(0);
    const slot = buttonValue(s, 'Tue, 1 Dec, 15:00 (Sam Roe: 09:00)');
    expect(slot).toMatch(/^meet\.slot\|\d+\|s\|\d+\|\d+$/);
    expect(buttonValue(s, 'Wed, 2 Dec, 15:00 (Sam Roe: 09:00)')).toBeDefined();
    await s.press(slot);
    const booked = s.fake.postedTexts().filter((t) => t.includes('is booked'));
    expect(booked.some((t) => t.includes('Tue, 1 Dec, 15:00–17:00 (Europe/Berlin)'))).toBe(true);
    expect(booked.some((t) => t.includes('Tue, 1 Dec, 09:00–11:00 (America/New_York)'))).toBe(true);
    const uploads = await s.fake.waitFor('files.getUploadURLExternal', 2);
    expect(uploads).toHaveLength(2);
    expect(await countRows('meetings')).toBe(1);
  });

  it('a day and time typed in the DM comes back as Sprint / Meeting buttons that book it', async () => {
    app = createTestApp();
    app.clock.set('2026-12-01T09:00:00Z');
    const s = await startSlack(app);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
    await activePair(
      app,
      { ref: U1, name: 'Pat Lee' },
      { ref: { ...U1, id: 'U2' }, name: 'Sam Roe' },
    );
    await s.command('sprint');
    await s.event({
      type: 'message',
      channel_type: 'im',
      channel: 'DU1',
      user: 'U1',
      text: 'thursday 10:30',
    });
    expect(s.fake.postedTexts().at(-1)).toContain('Thu, 3 Dec, 10:30');
    await s.press(buttonValue(s, 'Meeting, 1 h'));
    const booked = s.fake.postedTexts().filter((t) => t.includes('is booked'));
    expect(booked.some((t) => t.includes('Thu, 3 Dec, 10:30–11:30 (Europe/Berlin)'))).toBe(true);
    expect(await countRows('meetings')).toBe(1);
  });

  it('a group: every slot fits the mentor and each mentee, and one tap books every pair', async () => {
    app = createTestApp();
    app.clock.set('2026-12-01T09:00:00Z');
    const s = await startSlack(app);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
    const { mentorId, menteeId: sam } = await activePair(
      app,
      { ref: U1, name: 'Pat Lee' },
      { ref: { ...U1, id: 'U2' }, name: 'Sam Roe' },
    );
    const mia = await participant(app, { ...U1, id: 'U3' }, 'Mia Sato', {
      role: 'mentee',
      grade: 5,
      learn: ['ai'],
    });
    // Berlin works 08:00–17:00 UTC and Moscow 06:00–15:00 (so Pat and Sam alone could meet
    // at Berlin's 09:00), New York 14:00–23:00: all three only 14:00–15:00 UTC, Berlin's 15:00.
    const db = app.database.db;
    await rawRun(db, "update users set time_zone = 'Europe/Moscow' where id = ?", sam);
    await rawRun(db, "update users set time_zone = 'America/New_York' where id = ?", mia);
    await rawRun(db, 'update pairs set "group" = true');
    await rawRun(
      db,
      'insert into pairs (mentor_user_id, mentee_user_id, "group", created_at) values (?, ?, true, ?)',
      mentorId,
      mia,
      app.clock.now().getTime(),
    );
    await s.command('meet');
    const offer = s.fake.callsTo('chat.postMessage').at(-1);
    expect(blockText(offer?.args.blocks)).toContain('for you and Sam Roe, Mia Sato');
    const slots = (
      (offer?.args.blocks ?? []) as { elements?: { text?: { text: string }; value?: string }[] }[]
    )
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.value?.startsWith('meet.slot|'));
    expect(slots.length).toBeGreaterThanOrEqual(3);
    for (const slot of slots) expect(slot.text?.text).toMatch(/, 15:00$/);
    await s.press(slots[0]?.value ?? '');
    const rows = await rawRows<{ pair_id: number; starts_at: number }>(
      db,
      'select pair_id, starts_at from meetings order by pair_id',
    );
    expect(rows.map((r) => r.pair_id)).toEqual([1, 2]);
    expect(new Set(rows.map((r) => r.starts_at))).toEqual(
      new Set([Date.parse('2026-12-01T14:00:00Z')]),
    );
    // Each mentee has the invite in their own zone.
    const booked = s.fake.postedTexts().filter((t) => t.includes('is booked'));
    expect(booked.some((t) => t.includes('Tue, 1 Dec, 09:00–10:00 (America/New_York)'))).toBe(true);
    expect(booked.some((t) => t.includes('Tue, 1 Dec, 17:00–18:00 (Europe/Moscow)'))).toBe(true);
  });
});

describe('Slack: delivery', () => {
  it('edits a form prompt in place when its button is pressed', async () => {
    const s = await started();
    await s.command('lang');
    await s.press(buttonValue(s, 'Русский'), { ts: '1700000009.000100' });
    // Not a form prompt: a new message, no edit.
    expect(s.fake.callsTo('chat.update')).toHaveLength(0);
    expect(s.fake.postedTexts().at(-1)).toContain('буду писать вам по-русски');
  });

  it('edits the message in place when asked, and posts anew when Slack cannot edit it', async () => {
    const s = await started();
    await s.command('help'); // starts the adapter's client and opens the DM
    const target = { kind: 'user' as const, user: U1 };
    await s.adapter.send(
      target,
      { kind: 'text', text: 'step two' },
      { replaces: 'DU1:1700000001.000100' },
    );
    expect(s.fake.callsTo('chat.update').at(-1)?.args).toMatchObject({
      channel: 'DU1',
      ts: '1700000001.000100',
    });
    s.fake.fail('chat.update', { error: 'message_not_found' });
    const posts = s.fake.callsTo('chat.postMessage').length;
    await s.adapter.send(target, { kind: 'text', text: 'step three' }, { replaces: 'DU1:1.2' });
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(posts + 1);
    expect(s.fake.postedTexts().at(-1)).toBe('step three');
  });

  it('waits out a 429 and then delivers exactly once', async () => {
    const s = await started();
    s.fake.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    await s.command('help');
    expect(s.fake.callsTo('chat.postMessage:failed')).toHaveLength(1);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
    const row = await first(app.database.db.select().from(outbox));
    expect(row).toMatchObject({
      status: 'pending',
      lastError: 'delivery_rate_limited',
      attempts: 1,
    });
    expect(row?.nextAttemptAt).toEqual(new Date(app.clock.now().getTime() + 1000));
    app.clock.advance(1000);
    await app.outbox.deliverDue();
    await app.outbox.deliverDue();
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('retries a 500 with backoff and gives up on a permanent error', async () => {
    const s = await started();
    s.fake.fail('chat.postMessage', { status: 500 });
    await s.command('help');
    expect(await first(app.database.db.select().from(outbox))).toMatchObject({
      status: 'pending',
      lastError: 'delivery_transient',
    });
    s.fake.fail('chat.postMessage', { error: 'is_archived' });
    app.clock.advance(60_000);
    await app.outbox.deliverDue();
    expect(await first(app.database.db.select().from(outbox))).toMatchObject({
      status: 'failed',
      lastError: 'delivery_permanent',
    });
  });

  it('keeps user input from formatting or mentioning anyone', async () => {
    const s = await started();
    await s.command('join');
    const [open] = await s.fake.waitFor('views.open');
    const meta =
      (open?.args.view as { private_metadata: string } | undefined)?.private_metadata ?? '';
    const evil = '<!channel> *bold* & <@U999>';
    await s.submit(meta, {
      role: { type: 'radio_buttons', selected_option: { value: 'mentee' } },
      grade: { type: 'radio_buttons', selected_option: { value: '4' } },
      department: { type: 'plain_text_input', value: evil },
      learn: { type: 'checkboxes', selected_options: [{ value: 'ai' }] },
      formats: { type: 'checkboxes', selected_options: [{ value: 'one_on_one' }] },
      workDays: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '5' }] },
      workStart: { type: 'timepicker', selected_time: '09:00' },
      workEnd: { type: 'timepicker', selected_time: '18:00' },
      language: { type: 'radio_buttons', selected_option: { value: 'en' } },
      consent: { type: 'radio_buttons', selected_option: { value: 'yes' } },
    });
    await s.command('profile');
    const call = s.fake.callsTo('chat.postMessage').at(-1);
    const blocks = (call?.args.blocks ?? []) as {
      type: string;
      text?: { type: string; text: string };
    }[];
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.every((b) => b.text?.type === 'plain_text')).toBe(true);
    expect(blockText(call?.args.blocks)).toContain(`Department: ${evil}`);
    expect(call?.args.text).toContain('Department: &lt;!channel&gt; *bold* &amp; &lt;@U999&gt;');
    expect(call?.args.text).not.toContain('<!channel>');
  });

  it('sends the mydata export as a file upload', async () => {
    const s = await started();
    await s.command('mydata');
    const [complete] = await s.fake.waitFor('files.completeUploadExternal');
    expect(JSON.stringify(complete?.args)).toContain('DU1');
    expect(s.fake.callsTo('files.getUploadURLExternal')[0]?.args.filename).toMatch(
      /^tandem-mydata-\d{4}-\d{2}-\d{2}T\d{4}\.json$/,
    );
  });
});

describe('Slack: request security and retries', () => {
  it('rejects unsigned, forged and stale requests with 401 and changes nothing', async () => {
    const s = await started();
    const body = new URLSearchParams({
      command: '/mentor',
      text: 'lang ru',
      team_id: 'T1',
      user_id: 'U1',
      channel_id: 'DU1',
      trigger_id: 'trig-x',
    }).toString();
    const usersBefore = await countRows('users');
    expect(
      (await s.post(body, { 'content-type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(401);
    expect((await s.post(body, signedHeaders(body, { secret: 'wrong-secret-000' }))).status).toBe(
      401,
    );
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await s.post(body, signedHeaders(body, { ts: stale }))).status).toBe(401);
    await s.settle();
    expect(await countRows('users')).toBe(usersBefore);
    expect(await countRows('inbox')).toBe(0);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers malformed payloads without crashing', async () => {
    const s = await started();
    const garbage = 'payload=%7Bnot-json';
    const res = await s.post(garbage, signedHeaders(garbage));
    expect(res.status).toBeGreaterThanOrEqual(400);
    const odd = new URLSearchParams({
      payload: JSON.stringify({ type: 'block_actions', actions: [] }),
    }).toString();
    expect((await s.post(odd, signedHeaders(odd))).status).toBeLessThan(500);
    // Still alive and answering.
    expect(await s.command('help')).toBe(200);
  });

  it('answers unknown paths with 404 instead of falling over', async () => {
    const s = await started();
    for (const path of ['/slack/eventsx', '/slack/events/', '/nope']) {
      const res = await fetch(s.url.replace('/slack/events', path), { method: 'POST', body: 'x' });
      expect(res.status).toBe(404);
    }
    expect(await s.command('help')).toBe(200);
  });

  it('takes a corrected modal resubmitted with the same view hash', async () => {
    const s = await started();
    await s.command('join');
    const [open] = await s.fake.waitFor('views.open');
    const meta =
      (open?.args.view as { private_metadata: string } | undefined)?.private_metadata ?? '';
    const base = {
      role: { type: 'radio_buttons', selected_option: { value: 'mentee' } },
      grade: { type: 'radio_buttons', selected_option: { value: '3' } },
      learn: { type: 'checkboxes', selected_options: [{ value: 'ai' }] },
      formats: { type: 'checkboxes', selected_options: [{ value: 'sprint' }] },
      workDays: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '5' }] },
      workStart: { type: 'timepicker', selected_time: '09:00' },
      workEnd: { type: 'timepicker', selected_time: '18:00' },
      language: { type: 'radio_buttons', selected_option: { value: 'en' } },
      consent: { type: 'radio_buttons', selected_option: { value: 'yes' } },
    };
    const bad = await s.submit(
      meta,
      { ...base, department: { type: 'plain_text_input', value: '' } },
      { hash: 'same' },
    );
    expect(bad.text).toContain('response_action');
    const good = await s.submit(
      meta,
      { ...base, department: { type: 'plain_text_input', value: 'Ops' } },
      { hash: 'same' },
    );
    expect(good).toEqual({ status: 200, text: '' });
    expect((await profileOf())?.profile.department).toBe('Ops');
  });

  it("ignores Slack's retries of an event it already handled", async () => {
    const s = await started();
    await participant(app, U1, 'Pat Lee', { role: 'mentor', grade: 1, teach: ['ai'] });
    const dm = { type: 'message', channel_type: 'im', channel: 'DU1', user: 'U1' };
    await s.event({ ...dm, text: 'pause' }, { eventId: 'Ev-pause' });
    await s.event({ ...dm, text: 'resume' }, { eventId: 'Ev-resume' });
    // Slack timed out on the first delivery and sends "pause" again: handling it a second
    // time would quietly put Pat back on a break right after they came back.
    await s.event({ ...dm, text: 'pause' }, { eventId: 'Ev-pause', retryNum: 1 });
    await s.event({ ...dm, text: 'profile' }, { eventId: 'Ev-profile' });
    const texts = s.fake.postedTexts();
    expect(texts).toHaveLength(3);
    expect(texts.at(-1)).not.toContain('on a break');
  });

  it('serves /healthz on the same port', async () => {
    const s = await started();
    const res = await fetch(s.url.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
  });
});

describe('Slack: Block Kit limits', () => {
  it("reads a modal's state up to Slack's private_metadata limit, on submit and on close, and nothing longer", () => {
    const view = (metadata: string) => ({
      user: { id: 'U1', team_id: 'T1' },
      view: { id: 'V1', hash: 'h1', private_metadata: metadata, state: { values: {} } },
    });
    const fits = 'm'.repeat(SLACK_PRIVATE_METADATA_MAX);
    const over = `${fits}m`;
    expect(formSubmitEvent({ type: 'view_submission', ...view(fits) })?.data).toBe(fits);
    expect(formClosedEvent({ type: 'view_closed', ...view(fits) })?.data).toBe(fits);
    expect(formSubmitEvent({ type: 'view_submission', ...view(over) })).toBeUndefined();
    expect(formClosedEvent({ type: 'view_closed', ...view(over) })).toBeUndefined();
  });

  it('splits and trims oversized replies before Slack would reject them', () => {
    const options = Array.from({ length: 130 }, (_, i) => ({
      label: `Option ${i} ${'x'.repeat(100)}`,
      value: `v${i}`,
      data: `d${i}`,
    }));
    const buttons = Array.from({ length: 60 }, (_, i) => ({
      label: `Button ${i} ${'y'.repeat(100)}`,
      data: `b${i}`,
    }));
    const messages = [
      ...renderMessage({
        kind: 'choice',
        mode: 'single',
        text: 'z'.repeat(7000),
        options,
        buttons,
      }),
      ...renderMessage({ kind: 'text', text: 'w '.repeat(80_000), buttons }),
    ];
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS_PER_MESSAGE);
      for (const block of m.blocks as {
        type: string;
        text?: { text: string };
        elements?: { type: string; text?: { text: string }; options?: unknown[] }[];
      }[]) {
        if (block.type === 'section')
          expect([...(block.text?.text ?? '')].length).toBeLessThanOrEqual(SLACK_SECTION_TEXT_MAX);
        if (block.type !== 'actions') continue;
        expect(block.elements?.length).toBeLessThanOrEqual(SLACK_ACTION_ELEMENTS_MAX);
        for (const el of block.elements ?? []) {
          if (el.type === 'button')
            expect([...(el.text?.text ?? '')].length).toBeLessThanOrEqual(SLACK_BUTTON_TEXT_MAX);
          if (el.options) expect(el.options.length).toBeLessThanOrEqual(SLACK_SELECT_OPTIONS_MAX);
        }
      }
    }
  });
});

/** A started Slack adapter on `fake` that spaces messages to a channel 150 ms apart. */
async function pacedAdapter(fake: FakeSlackApi) {
  const adapter = createSlackAdapter({
    botToken: 'xoxb-test',
    signingSecret: 'pacing-secret-123',
    command: '/mentor',
    apiUrl: fake.apiUrl,
    logger: silentLogger,
    channelIntervalMs: 150,
  });
  await adapter.start(NULL_SINK);
  return adapter;
}

describe('Slack: pacing', () => {
  it('spaces messages to one channel and lets other channels through', async () => {
    const fake = await new FakeSlackApi().start();
    const adapter = await pacedAdapter(fake);
    try {
      const to = (id: string) => ({
        kind: 'conversation' as const,
        conversation: { platform: 'slack' as const, workspace: 'T1', id, kind: 'group' as const },
      });
      const started = Date.now();
      const at: Record<string, number> = {};
      await Promise.all([
        adapter.send(to('C1'), { kind: 'text', text: 'a' }).then(() => {
          at.a = Date.now() - started;
        }),
        adapter.send(to('C1'), { kind: 'text', text: 'b' }).then(() => {
          at.b = Date.now() - started;
        }),
        adapter.send(to('C2'), { kind: 'text', text: 'c' }).then(() => {
          at.c = Date.now() - started;
        }),
      ]);
      expect(at.b ?? 0).toBeGreaterThanOrEqual(140);
      expect(at.c ?? Number.POSITIVE_INFINITY).toBeLessThan(140);
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });

  it("counts a channel's gap from when Slack answered, so a slow network cannot squeeze two messages together", async () => {
    const fake = await new FakeSlackApi().start();
    fake.latencyMs = 120;
    const adapter = await pacedAdapter(fake);
    try {
      const to = {
        kind: 'conversation' as const,
        conversation: {
          platform: 'slack' as const,
          workspace: 'T1',
          id: 'C1',
          kind: 'group' as const,
        },
      };
      await Promise.all(['a', 'b', 'c'].map((text) => adapter.send(to, { kind: 'text', text })));
      const arrivals = fake.callsTo('chat.postMessage').map((c) => c.at);
      expect(arrivals).toHaveLength(3);
      // Each arrives a full gap after the previous answer (sent + 120 ms latency), not just 150 ms later.
      for (let i = 1; i < arrivals.length; i++) {
        expect((arrivals[i] ?? 0) - (arrivals[i - 1] ?? 0)).toBeGreaterThanOrEqual(120 + 150 - 5);
      }
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });
});

describe('Slack: Socket Mode', () => {
  it('connects through apps.connections.open and a websocket, then stops cleanly', async () => {
    const fake = await new FakeSlackApi().start();
    const socket = await new FakeSocketMode().start(fake);
    const adapter = createSlackAdapter({
      botToken: 'xoxb-test',
      appToken: 'xapp-test',
      command: '/mentor',
      apiUrl: fake.apiUrl,
      logger: silentLogger,
    });
    try {
      await adapter.start(NULL_SINK);
      expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
      expect(socket.connections).toBe(1);
      expect(adapter.httpRoute()).toBeUndefined();
    } finally {
      await adapter.stop();
      await socket.stop();
      await fake.stop();
    }
  });
});
