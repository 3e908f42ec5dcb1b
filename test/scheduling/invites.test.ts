import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { InputFile } from 'grammy';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { openDatabase } from '../../src/db/client';
import { first, one } from '../../src/db/first';
import { meetings, users } from '../../src/db/schema';
import { CANCEL_ACTION } from '../../src/features/scheduling/service';
import { createTestApp, type TestApp } from '../helpers/app';
import type { ConsoleChat } from '../helpers/console-chat';
import { bookByHand, typeTimeKept } from '../helpers/console-chat';
import { readInvite } from '../helpers/ics';
import { databaseBefore } from '../helpers/old-database';
import { pairedConsole } from '../helpers/pair';
import { activePair } from '../helpers/participants';
import { buttonValue, type SlackHarness, startSlack } from '../helpers/slack';
import { ANNA, type Person, startTelegram } from '../helpers/telegram';
import { createFromTemplate, dropDatabases, TEST_PG } from '../pg/template';

let app: TestApp | undefined;
let chat: ConsoleChat | undefined;
let slack: SlackHarness | undefined;
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  await chat?.stop();
  await slack?.stop();
  chat = undefined;
  slack = undefined;
  app?.close();
  app?.dispose();
  app = undefined;
  for (const clean of cleanups.splice(0)) await clean();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A link with the characters RFC 5545 escapes in text (comma, semicolon). */
const LINK = 'https://meet.example.com/tandem?room=7,8;pin=42';
/** A task long enough, and Cyrillic (two octets a letter), to need folding. */
const TOPIC = 'Настроить ИИ-ассистента для еженедельного отчёта: шаблоны, проверки; итоги';

const _ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });

/** Lena (Moscow) and Tom (Berlin) are a pair on the console; the console types as Lena. */
async function consolePair(): Promise<{ app: TestApp; chat: ConsoleChat }> {
  const pair = await pairedConsole();
  ({ app, chat } = pair);
  return pair;
}

/** Where the console saved the invite for `who` (`version`: "-update-1", "-cancelled"), as printed. */
function savedInvitePath(printed: string, who: 'lena' | 'tom', meeting = 1, version = '') {
  const path = new RegExp(`File saved: (.+${who}-tandem-sprint-${meeting}${version}\\.ics)`).exec(
    printed,
  )?.[1];
  if (!path) throw new Error(`no invite for ${who} in:\n${printed}`);
  return path;
}

/** The invite the console saved for `who` in what it printed. */
function savedInvite(printed: string, who: 'lena' | 'tom', meeting = 1, version = '') {
  return readFileSync(savedInvitePath(printed, who, meeting, version), 'utf8');
}

/** The number printed last for a button labelled `label`. */
function numberOf(printed: string, label: string): number {
  const hits = [...printed.matchAll(/\[(\d+)\] ([^[\n]+?)(?=\s{3}\[|\n|$)/g)].filter(
    (m) => m[2]?.trim() === label,
  );
  const last = hits.at(-1);
  if (!last) throw new Error(`no "${label}" in:\n${printed}`);
  return Number(last[1]);
}

/** Books a 2-hour sprint on the console at `time` Moscow time on 3 Dec, with the link. */
async function consoleBook(c: ConsoleChat, time: string, topic = TOPIC) {
  await bookByHand(c, '/sprint');
  await c.type('2026-12-03');
  await typeTimeKept(c, time);
  await c.type('7'); // Keep “2 h”
  await c.type(topic);
  return c.type(LINK);
}

describe('invites on the console (no e-mail addresses)', () => {
  it('carry the link in LOCATION, DESCRIPTION and URL, name no one, and keep one random UID through a move and the cancel', async () => {
    const { chat: c } = await consolePair();
    const booked = await consoleBook(c, '15:00');
    const first = readInvite(savedInvite(booked, 'lena'));
    expect(first).toMatchObject({
      // No real organizer address: a plain calendar object, no iTIP method.
      method: undefined,
      organizer: undefined,
      attendees: [],
      sequence: 0,
      status: 'CONFIRMED',
      start: '2026-12-03T12:00:00.000Z',
      end: '2026-12-03T14:00:00.000Z',
      location: LINK,
      url: LINK,
      description: `${TOPIC}\n${LINK}`,
    });
    expect(first.uid).toMatch(UUID);
    // Tom's copy is the same calendar event.
    expect(readInvite(savedInvite(booked, 'tom')).uid).toBe(first.uid);
    expect(savedInvite(booked, 'lena')).not.toMatch(/tandem\.local|ORGANIZER|ATTENDEE|METHOD/);

    // Moved an hour later: the same event, a higher SEQUENCE, the new times in UTC.
    await c.type(String(numberOf(c.transcript(), 'Reschedule')));
    await c.type('2026-12-03');
    await c.type('16:00');
    await c.type('7'); // Keep 2 h
    await c.type('1'); // Keep the task
    const moved = await c.type(LINK);
    expect(readInvite(savedInvite(moved, 'tom', 1, '-update-1'))).toMatchObject({
      uid: first.uid,
      sequence: 1,
      start: '2026-12-03T13:00:00.000Z',
      end: '2026-12-03T15:00:00.000Z',
      location: LINK,
    });

    // Called off: still the same event, SEQUENCE up again, marked cancelled.
    await c.type(String(numberOf(c.transcript(), 'Cancel it')));
    const cancelled = await c.type(String(numberOf(c.transcript(), 'Yes, cancel')));
    expect(readInvite(savedInvite(cancelled, 'tom', 1, '-cancelled'))).toMatchObject({
      uid: first.uid,
      sequence: 2,
      status: 'CANCELLED',
      method: undefined,
      attendees: [],
    });
    expect(cancelled).toContain(
      '→ to Tom Berg · Tandem:\nOpen the file to cancel it in your calendar (or delete the event there)',
    );
    expect(cancelled).not.toContain('Add it to your calendar');
    // Each version was saved under its own name: the cancel overwrote neither the invite nor
    // the update.
    expect(readInvite(savedInvite(booked, 'tom'))).toMatchObject({
      sequence: 0,
      status: 'CONFIRMED',
    });
    expect(readInvite(savedInvite(moved, 'tom', 1, '-update-1'))).toMatchObject({
      sequence: 1,
      status: 'CONFIRMED',
    });
    expect(
      readdirSync(dirname(savedInvitePath(cancelled, 'tom', 1, '-cancelled')))
        .filter((f) => f.startsWith('tom-'))
        .sort(),
    ).toEqual([
      'tom-tandem-sprint-1-cancelled.ics',
      'tom-tandem-sprint-1-update-1.ics',
      'tom-tandem-sprint-1.ics',
    ]);
  });

  it('gives every meeting its own UID, and the same meeting number in two installations two UIDs', async () => {
    const first = await consolePair();
    const one = readInvite(savedInvite(await consoleBook(first.chat, '10:00'), 'lena', 1)).uid;
    const two = readInvite(savedInvite(await consoleBook(first.chat, '15:00'), 'lena', 2)).uid;
    expect(two).not.toBe(one);
    await first.chat.stop();
    chat = undefined;
    first.app.close();
    cleanups.push(() => first.app.dispose());

    // Another company's Tandem, whose first meeting is also meeting 1: on PostgreSQL its own
    // database (a test's apps otherwise share the test's one), as on SQLite its own file.
    if (TEST_PG) {
      const { name, url } = await createFromTemplate(process.env.TANDEM_TEST_PG_TEMPLATE ?? '');
      process.env.TANDEM_TEST_PG_DB = url;
      cleanups.push(() => dropDatabases([name]));
    }
    const second = await consolePair();
    const other = readInvite(savedInvite(await consoleBook(second.chat, '10:00'), 'lena', 1)).uid;
    expect(other).toMatch(UUID);
    expect(other).not.toBe(one);
  });
});

/** Everything the engine and the Slack adapter log, at the chattiest level. */
const logged: string[] = [];
const logger = pino(
  { level: 'trace' },
  new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  }),
);

const PAT = { platform: 'slack' as const, workspace: 'T1', id: 'U1' };
const SAM = { ...PAT, id: 'U2' };

/** Uploaded .ics files, in upload order, with the DM they went to. */
function slackInvites(s: SlackHarness): { channel: string; text: string }[] {
  const found = s.fake.callsTo('files.completeUploadExternal').flatMap((call) => {
    const files = call.args.files as { id: string; title?: string }[];
    return files
      .filter((f) => s.fake.uploads.has(f.id))
      .map((f) => ({ channel: String(call.args.channel_id), text: s.fake.uploads.get(f.id) ?? '' }))
      .filter((f) => f.text.startsWith('BEGIN:VCALENDAR'));
  });
  expect(found.length).toBeGreaterThan(0);
  return found;
}

/**
 * Pat (U1) and Sam (U2) are a pair in Slack; Sam has talked to Tandem since (so his profile
 * was read), and Pat books a sprint in the modal with a link. `emails`: what users.info
 * gives as profile.email (Slack gives it only with the `users:read.email` scope).
 */
async function slackBooking(emails: { pat?: string; sam?: string }) {
  const a = createTestApp({ logger });
  app = a;
  a.clock.set('2026-12-01T09:00:00Z');
  const s = await startSlack(a, { logger });
  slack = s;
  s.fake.users.set('U1', {
    name: 'Pat Lee',
    tz: 'Europe/Berlin',
    locale: 'en-US',
    ...(emails.pat ? { email: emails.pat } : {}),
  });
  s.fake.users.set('U2', {
    name: 'Sam "Sammy" Roe',
    tz: 'America/New_York',
    locale: 'en-US',
    ...(emails.sam ? { email: emails.sam } : {}),
  });
  await activePair(a, { ref: PAT, name: 'Pat Lee' }, { ref: SAM, name: 'Sam Roe' });
  await s.command('meetings', { user: 'U2' });
  await s.command('sprint');
  await s.press(buttonValue(s, 'Other time'));
  const [open] = await s.fake.waitFor('views.open');
  const metadata =
    (open?.args.view as { private_metadata: string } | undefined)?.private_metadata ?? '';
  const submitted = await s.submit(metadata, {
    day: { type: 'datepicker', selected_date: '2026-12-03' },
    time: { type: 'timepicker', selected_time: '15:00' },
    duration: { type: 'radio_buttons', selected_option: { value: '120' } },
    topic: { type: 'plain_text_input', value: 'Automate the weekly report' },
    link: { type: 'plain_text_input', value: LINK },
  });
  expect(submitted).toEqual({ status: 200, text: '' });
  await s.settle();
  await s.fake.waitFor('files.completeUploadExternal', 2);
  return s;
}

describe('invites in Slack', () => {
  it('with the users:read.email scope: a REQUEST from the booker to both real addresses, then a CANCEL of the same event', async () => {
    const s = await slackBooking({ pat: 'pat.lee@example.com', sam: 'sam.roe@example.com' });
    const invites = slackInvites(s);
    expect(invites.map((i) => i.channel).sort()).toEqual(['DU1', 'DU2']);
    const booked = invites.map((i) => readInvite(i.text));
    for (const invite of booked) {
      expect(invite).toMatchObject({
        method: 'REQUEST',
        organizer: 'pat.lee@example.com',
        attendees: ['pat.lee@example.com', 'sam.roe@example.com'],
        sequence: 0,
        start: '2026-12-03T14:00:00.000Z',
        end: '2026-12-03T16:00:00.000Z',
        location: LINK,
        url: LINK,
        description: `Automate the weekly report\n${LINK}`,
      });
      expect(invite.uid).toMatch(UUID);
    }
    expect(booked[1]?.uid).toBe(booked[0]?.uid);
    // A name with quotes stays a valid parameter (RFC 5545 allows no DQUOTE inside one).
    expect(invites[0]?.text.replace(/\r\n /g, '')).toContain('CN="Sam \'Sammy\' Roe"');

    // Sam calls it off: the same event, cancelled, still organised by Pat who booked it.
    await s.press(buttonValue(s, 'Cancel it', 'chat.postMessage', 'DU2'), { user: 'U2' });
    await s.press(buttonValue(s, 'Yes, cancel', 'chat.postMessage', 'DU2'), { user: 'U2' });
    await s.fake.waitFor('files.completeUploadExternal', 4);
    const cancels = slackInvites(s)
      .slice(2)
      .map((i) => readInvite(i.text));
    expect(cancels).toHaveLength(2);
    for (const invite of cancels) {
      expect(invite).toMatchObject({
        method: 'CANCEL',
        uid: booked[0]?.uid,
        sequence: 1,
        status: 'CANCELLED',
        organizer: 'pat.lee@example.com',
        attendees: ['pat.lee@example.com', 'sam.roe@example.com'],
      });
    }
    // The addresses go into invites, never into the logs (at any level).
    expect(logged.filter((line) => /pat\.lee|sam\.roe/.test(line))).toEqual([]);
    const captions = s.fake
      .callsTo('files.completeUploadExternal')
      .map((c) => c.args.initial_comment);
    expect(captions.slice(2)).toEqual([
      'Open the file to cancel it in your calendar (or delete the event there)',
      'Open the file to cancel it in your calendar (or delete the event there)',
    ]);
  });

  it('names only the people Slack gave an address for', async () => {
    const s = await slackBooking({ pat: 'pat.lee@example.com' });
    for (const { text } of slackInvites(s)) {
      expect(readInvite(text)).toMatchObject({
        method: 'REQUEST',
        organizer: 'pat.lee@example.com',
        attendees: ['pat.lee@example.com'],
      });
    }
  });

  it('without the scope: no organizer, no attendees, no method — and the link still in LOCATION', async () => {
    const s = await slackBooking({});
    const invites = slackInvites(s);
    expect(invites).toHaveLength(2);
    for (const { text } of invites) {
      expect(readInvite(text)).toMatchObject({
        method: undefined,
        organizer: undefined,
        attendees: [],
        location: LINK,
        start: '2026-12-03T14:00:00.000Z',
      });
      expect(text).not.toMatch(/mailto|tandem\.local/i);
    }
  });

  it('keeps the address Slack gives in the user row, drops it when Slack stops giving it, shows it in /mydata', async () => {
    const s = await slackBooking({ pat: 'pat.lee@example.com' });
    const emailOf = async (id: string) =>
      (await app?.database.db.select().from(users).where(eq(users.platformUserId, id)))?.[0]?.email;
    expect(await emailOf('U1')).toBe('pat.lee@example.com');
    expect(await emailOf('U2')).toBeNull();
    await s.command('mydata');
    const exported = [...s.fake.uploads.values()].find((t) => t.includes('"platformUserId"'));
    expect(JSON.parse(exported ?? '{}').user).toMatchObject({ email: 'pat.lee@example.com' });
    // The scope taken away: Slack answers without the e-mail (to a freshly started Tandem:
    // profiles are cached a while), and Tandem forgets it.
    await s.stop();
    const again = await startSlack(app as TestApp);
    slack = again;
    again.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
    await again.command('meetings');
    expect(await emailOf('U1')).toBeNull();
  });
});

describe('invites sent the way the first one was', () => {
  it("cancels as METHOD:CANCEL from the same organizer after the booker's address is gone", async () => {
    const s = await slackBooking({ pat: 'pat.lee@example.com', sam: 'sam.roe@example.com' });
    const [booked] = slackInvites(s).map((i) => readInvite(i.text));
    expect(booked).toMatchObject({ method: 'REQUEST', organizer: 'pat.lee@example.com' });
    // The scope taken away (or Pat's address hidden): a restarted Tandem reads Pat without it.
    await s.stop();
    const again = await startSlack(app as TestApp, { logger });
    slack = again;
    again.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
    again.fake.users.set('U2', {
      name: 'Sam Roe',
      tz: 'America/New_York',
      locale: 'en-US',
      email: 'sam.roe@example.com',
    });
    await again.command('meetings');
    const db = (app as TestApp).database.db;
    expect(
      (await first(db.select().from(users).where(eq(users.platformUserId, 'U1'))))?.email,
    ).toBeNull();

    // Sam calls it off with the Cancel button of the invite he got before the restart.
    const sam = await first(db.select().from(users).where(eq(users.platformUserId, 'U2')));
    await again.press(encodeAction(CANCEL_ACTION, sam?.id, '1'), { user: 'U2' });
    await again.press(buttonValue(again, 'Yes, cancel', 'chat.postMessage', 'DU2'), {
      user: 'U2',
    });
    await again.fake.waitFor('files.completeUploadExternal', 2);
    const cancels = slackInvites(again).map((i) => readInvite(i.text));
    expect(cancels).toHaveLength(2);
    for (const invite of cancels) {
      expect(invite).toMatchObject({
        method: 'CANCEL',
        uid: booked?.uid,
        sequence: 1,
        status: 'CANCELLED',
        organizer: 'pat.lee@example.com',
        attendees: ['pat.lee@example.com', 'sam.roe@example.com'],
      });
    }
    // Tandem still holds the address its invites named: Pat's /mydata shows it.
    await again.command('mydata');
    const exported = [...again.fake.uploads.values()].find((t) => t.includes('"platformUserId"'));
    expect(JSON.parse(exported ?? '{}').meetings).toMatchObject([
      { status: 'cancelled', inviteOrganizerEmail: 'pat.lee@example.com' },
    ]);
    expect(logged.filter((line) => /pat\.lee|sam\.roe/.test(line))).toEqual([]);
  });

  it('keeps a meeting that went out plain plain, though the booker has an address now', async () => {
    const s = await slackBooking({});
    expect(readInvite(slackInvites(s)[0]?.text ?? '')).toMatchObject({ method: undefined });
    await s.stop();
    const again = await startSlack(app as TestApp, { logger });
    slack = again;
    again.fake.users.set('U1', {
      name: 'Pat Lee',
      tz: 'Europe/Berlin',
      locale: 'en-US',
      email: 'pat.lee@example.com',
    });
    await again.command('meetings');
    const pat = await first(
      (app as TestApp).database.db.select().from(users).where(eq(users.platformUserId, 'U1')),
    );
    expect(pat?.email).toBe('pat.lee@example.com');
    await again.press(encodeAction(CANCEL_ACTION, pat?.id, '1'));
    await again.press(buttonValue(again, 'Yes, cancel', 'chat.postMessage', 'DU1'));
    await again.fake.waitFor('files.completeUploadExternal', 2);
    for (const { text } of slackInvites(again)) {
      // A CANCEL from an organizer would match no event the plain snapshot put there.
      expect(readInvite(text)).toMatchObject({
        method: undefined,
        organizer: undefined,
        attendees: [],
        status: 'CANCELLED',
        sequence: 1,
      });
    }
  });
});

describe('invites in Telegram', () => {
  it('carry the link in LOCATION and name no one: Telegram gives no addresses', async () => {
    const a = createTestApp();
    app = a;
    a.clock.set('2026-12-01T09:00:00Z');
    const t = await startTelegram(a);
    cleanups.push(() => void t.adapter.stop());
    const bob: Person = { id: 3003, first_name: 'Bob', language_code: 'en' };
    const tg = (p: Person) => ({
      platform: 'telegram' as const,
      workspace: '4242',
      id: String(p.id),
    });
    await activePair(
      a,
      { ref: tg(ANNA), name: 'Anna Petrova' },
      { ref: tg(bob), name: 'Bob Stone' },
    );
    await t.say('/sprint');
    await t.pressLabel('Other time');
    await t.pressLabel('Thu, 3 Dec');
    await t.say('15:00');
    await t.pressLabel('Keep');
    await t.say('Prompt engineering for sales emails');
    await t.say(LINK);
    const documents = t.api.callsTo('sendDocument');
    expect(documents).toHaveLength(2);
    for (const call of documents) {
      const raw = await (call.payload.document as InputFile).toRaw();
      const invite = readInvite(Buffer.from(raw as Uint8Array).toString('utf8'));
      expect(invite).toMatchObject({
        method: undefined,
        organizer: undefined,
        attendees: [],
        location: LINK,
        url: LINK,
        start: '2026-12-03T15:00:00.000Z',
        end: '2026-12-03T17:00:00.000Z',
      });
      expect(invite.uid).toMatch(UUID);
    }
  });
});

// Upgrades of a SQLite file an older version left: PostgreSQL has no such files (its schema
// starts at the version that brought it).
describe.skipIf(TEST_PG)('meetings booked before this version', () => {
  it('keep the UID their invites already carry, and new ones get a random one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-uid-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'tandem.db');
    // As the previous version left it: migrated up to 0004.
    const sqlite = databaseBefore(dir, path, '0005');
    sqlite.exec(`
      insert into users (id, platform, workspace, platform_user_id, name) values
        (1, 'slack', 'T1', 'U1', 'Pat'), (2, 'slack', 'T1', 'U2', 'Sam');
      insert into pairs (id, mentor_user_id, mentee_user_id, created_at) values (1, 1, 2, 0);
      insert into meetings (id, pair_id, kind, starts_at, duration_min, topic, created_at, updated_at)
        values (1, 1, 'sprint', 0, 60, 'a', 0, 0), (2, 1, 'meeting', 0, 60, 'b', 0, 0);
    `);
    sqlite.close();

    const upgraded = openDatabase(path);
    expect(upgraded.sqlite.prepare('select id, uid from meetings order by id').all()).toEqual([
      { id: 1, uid: 'meeting-1@tandem.local' },
      { id: 2, uid: 'meeting-2@tandem.local' },
    ]);
    const fresh = await one(
      upgraded.db
        .insert(meetings)
        .values({
          pairId: 1,
          kind: 'sprint',
          startsAt: new Date(0),
          durationMin: 60,
          topic: 'c',
          createdAt: new Date(0),
          updatedAt: new Date(0),
        })
        .returning(),
    );
    expect(fresh.uid).toMatch(UUID);
    upgraded.close();
  });

  it('keep their form through the upgrade: old UIDs as the old invites, random ones settled at their next invite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-form-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'tandem.db');
    const sqlite = databaseBefore(dir, path, '0006');
    sqlite.exec(`
      insert into users (id, platform, workspace, platform_user_id, name) values
        (1, 'slack', 'T1', 'U1', 'Pat'), (2, 'slack', 'T1', 'U2', 'Sam');
      insert into pairs (id, mentor_user_id, mentee_user_id, created_at) values (1, 1, 2, 0);
      insert into meetings (id, uid, pair_id, kind, starts_at, duration_min, topic, created_at, updated_at)
        values (1, 'meeting-1@tandem.local', 1, 'sprint', 0, 60, 'a', 0, 0),
               (2, '0b7e7a52-5d5c-4c55-9a1e-2f64d1c0a8f3', 1, 'sprint', 0, 60, 'b', 0, 0);
    `);
    sqlite.close();
    const upgraded = openDatabase(path);
    expect(
      upgraded.sqlite
        .prepare('select id, invite_form, invite_organizer from meetings order by id')
        .all(),
    ).toEqual([
      { id: 1, invite_form: 'legacy', invite_organizer: 'noreply@tandem.local' },
      { id: 2, invite_form: null, invite_organizer: null },
    ]);
    upgraded.close();
  });

  it('are called off with a CANCEL from the organizer and to the attendees their REQUEST named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-legacy-'));
    const sqlite = databaseBefore(dir, join(dir, 'tandem.db'), '0005');
    // Booked by Pat with the previous version: its REQUEST went out as
    // `meeting-1@tandem.local`, ORGANIZER noreply@tandem.local, ATTENDEEs user-<id>@tandem.local.
    sqlite.exec(`
      insert into users (id, platform, workspace, platform_user_id, name) values
        (1, 'slack', 'T1', 'U1', 'Pat Lee'), (2, 'slack', 'T1', 'U2', 'Sam Roe');
      insert into pairs (id, mentor_user_id, mentee_user_id, created_at) values (1, 1, 2, 0);
      insert into meetings (id, pair_id, kind, starts_at, duration_min, topic, sequence, created_by, created_at, updated_at)
        values (1, 1, 'sprint', ${Date.parse('2026-12-03T14:00:00Z')}, 60, 'Old topic', 2, 1, 0, 0);
    `);
    sqlite.close();
    const a = createTestApp({ dir, logger });
    app = a;
    const s = await startSlack(a, { logger });
    slack = s;
    // Pat has a real address now: the old meeting still goes out as it first did.
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', email: 'pat.lee@example.com' });
    s.fake.users.set('U2', { name: 'Sam Roe', tz: 'America/New_York' });
    // Pat presses Cancel on the invite message the previous version sent.
    await s.press(encodeAction(CANCEL_ACTION, 1, '1'));
    await s.press(buttonValue(s, 'Yes, cancel', 'chat.postMessage', 'DU1'));
    await s.fake.waitFor('files.completeUploadExternal', 2);
    const cancels = slackInvites(s);
    expect(cancels.map((c) => c.channel).sort()).toEqual(['DU1', 'DU2']);
    for (const { text } of cancels) {
      expect(readInvite(text)).toMatchObject({
        method: 'CANCEL',
        uid: 'meeting-1@tandem.local',
        sequence: 3,
        status: 'CANCELLED',
        organizer: 'noreply@tandem.local',
        attendees: ['user-1@tandem.local', 'user-2@tandem.local'],
        start: '2026-12-03T14:00:00.000Z',
      });
    }
  });

  it('booked by the version before the form was kept: cancelled the way that version sent it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-unsettled-'));
    const sqlite = databaseBefore(dir, join(dir, 'tandem.db'), '0006');
    sqlite.exec(`
      insert into users (id, platform, workspace, platform_user_id, name, email) values
        (1, 'slack', 'T1', 'U1', 'Pat Lee', 'pat.lee@example.com'), (2, 'slack', 'T1', 'U2', 'Sam Roe', null);
      insert into pairs (id, mentor_user_id, mentee_user_id, created_at) values (1, 1, 2, 0);
      insert into meetings (id, uid, pair_id, kind, starts_at, duration_min, topic, created_by, created_at, updated_at)
        values (1, '0b7e7a52-5d5c-4c55-9a1e-2f64d1c0a8f3', 1, 'sprint',
                ${Date.parse('2026-12-03T14:00:00Z')}, 60, 'Topic', 1, 0, 0);
    `);
    sqlite.close();
    const a = createTestApp({ dir, logger });
    app = a;
    const s = await startSlack(a, { logger });
    slack = s;
    await s.press(encodeAction(CANCEL_ACTION, 2, '1'), { user: 'U2' });
    await s.press(buttonValue(s, 'Yes, cancel', 'chat.postMessage', 'DU2'), { user: 'U2' });
    await s.fake.waitFor('files.completeUploadExternal', 2);
    for (const { text } of slackInvites(s)) {
      expect(readInvite(text)).toMatchObject({
        method: 'CANCEL',
        uid: '0b7e7a52-5d5c-4c55-9a1e-2f64d1c0a8f3',
        organizer: 'pat.lee@example.com',
        attendees: ['pat.lee@example.com'],
      });
    }
    // Settled and kept: a later invite would go out the same way whatever Pat's address does.
    expect(await first(a.database.db.select().from(meetings))).toMatchObject({
      inviteForm: 'organized',
      inviteOrganizer: 'pat.lee@example.com',
    });
  });
});
