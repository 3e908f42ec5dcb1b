import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { and, desc, eq } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserRef } from '../../src/core/refs';
import { first, one } from '../../src/db/first';
import { inboxPathOf } from '../../src/db/inbox-file';
import { populationOf } from '../../src/db/queries/population';
import { meetings, pairs, timers, users } from '../../src/db/schema';
import { rawCount, rawRows } from '../../src/db/sqlite';
import { feedbackAggregate } from '../../src/features/feedback/hr-view';
import { LEAVE_ERASE_TRIES } from '../../src/features/opt-in/leave';
import { buildSummary } from '../../src/features/reports/build';
import { exportRows } from '../../src/features/reports/export';
import { reportPeriod } from '../../src/features/reports/period';
import { computeSummary } from '../../src/features/reports/summary';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { blockText } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../helpers/app';
import {
  bookByHand,
  type ConsoleChat,
  startConsoleChat,
  typeTimeKept,
} from '../helpers/console-chat';
import { readInvite } from '../helpers/ics';
import { consoleRef } from '../helpers/pair';
import { participant } from '../helpers/participants';
import { buttonValue, type SlackHarness, startSlack } from '../helpers/slack';
import { BOT, startTelegram } from '../helpers/telegram';
import { TEST_PG } from '../pg/template';
import { buildFixture } from '../reports/fixture';

let app: TestApp;
let chat: ConsoleChat;
/** What each test started (a console chat, a Slack server, a Telegram adapter), to stop after it. */
let started: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of started) await stop();
  started = [];
  app?.close();
  app?.dispose();
});

const NOAH = { id: 'noah-q7x', name: 'Noah Quillfeather' };

/** Runs due timers and delivers what they queued, as the minute tick does. */
async function tick() {
  await runDueTimers(
    { db: app.database.db, config: app.config, logger: silentLogger, adapters: app.adapters },
    app.clock.now(),
  );
  app.outbox.kick();
  await app.settle();
}

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/**
 * Every file of the database on disk: the main file, the inbox's (src/db/inbox-file.ts) and,
 * in WAL mode, their logs.
 */
function databaseBytes(): Buffer {
  return Buffer.concat(
    [app.dbPath, inboxPathOf(app.dbPath)]
      .flatMap((file) => [file, `${file}-wal`, `${file}-journal`])
      .filter((p) => existsSync(p))
      .map((p) => readFileSync(p)),
  );
}

/** Every row of every table, as text: on PostgreSQL, what the database holds. */
async function databaseRows(): Promise<Buffer> {
  const db = app.database.db;
  const tables = await rawRows<{ name: string }>(
    db,
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const rows: string[] = [];
  for (const { name } of tables) {
    const text = await rawRows<{ row: string }>(db, `select t::text as row from "${name}" t`);
    rows.push(...text.map((r) => r.row));
  }
  return Buffer.from(rows.join('\n'), 'utf8');
}

/**
 * Which of these strings are still somewhere in the database: in its files' bytes on SQLite
 * (freed pages and logs included); on PostgreSQL, in any table's rows (its dead rows are
 * (auto)vacuum's and its WAL the operator's, as src/db/sqlite.ts eraseFreedBytes says).
 */
async function stillInFile(secrets: string[]): Promise<string[]> {
  const bytes = TEST_PG ? await databaseRows() : databaseBytes();
  return secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
}

/** Lena, a mentor on the leaver's platform (so her notice is delivered), to pair them with. */
function lenaMentor(ref: UserRef): Promise<number> {
  return participant(app, ref, 'Lena Orlova', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
}

async function pairWith(mentor: number, mentee: number): Promise<void> {
  await app.database.db
    .insert(pairs)
    .values({ mentorUserId: mentor, menteeUserId: mentee, createdAt: app.clock.now() });
}

/**
 * Lena (mentor) and Noah (mentee), an active pair. Noah joined through the console form, so
 * his answers went through every step a real person's do (form rows rewritten each step).
 */
async function noahAndLena() {
  app = createTestApp();
  app.clock.set('2026-12-01T09:00:00Z');
  const lena = await participant(app, consoleRef('lena'), 'Lena Orlova', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
  await app.database.db.update(users).set({ timeZone: 'Europe/Moscow' }).where(eq(users.id, lena));
  chat = await startConsoleChat(app, { me: NOAH, people: [{ id: 'lena', name: 'Lena Orlova' }] });
  started.push(() => chat.stop());
  await chat.type('/join');
  for (const answer of [
    '2', // learn (mentee)
    '5', // executive
    'Quantum Kelp Farming',
    'AI and neural networks',
    'glassblowing, zither tuning',
    '1,4', // one-on-one and sprints
    'Europe/Berlin',
    '1', // English
    '1', // I agree
    '1', // I've read the guide
  ]) {
    await chat.type(answer);
  }
  const noah = await first(
    app.database.db.select().from(users).where(eq(users.platformUserId, NOAH.id)),
  );
  if (!noah) throw new Error('Noah did not join');
  const pairId = (
    await one(
      app.database.db
        .insert(pairs)
        .values({ mentorUserId: lena, menteeUserId: noah.id, createdAt: app.clock.now() })
        .returning(),
    )
  ).id;
  return { lena, noah: noah.id, pairId };
}

/** Noah books a sprint with Lena, it takes place, and he rates it with a note. */
async function heldSprint(day: string, topic: string) {
  await bookByHand(chat, '/sprint');
  await chat.type(day);
  await typeTimeKept(chat, '15:00');
  await chat.type('7'); // Keep “2 h”
  await chat.type(topic);
  await chat.type('1'); // No link
  const meeting = await one(
    app.database.db
      .select({ startsAt: meetings.startsAt })
      .from(meetings)
      .orderBy(desc(meetings.id))
      .limit(1),
  );
  app.clock.set(new Date(meeting.startsAt.getTime() + 2 * 60 * 60 * 1000 + 60_000));
  await tick();
  await chat.type('1'); // Yes, it happened
  await chat.type('5');
}

describe('leave', () => {
  it("erases the leaver's name, platform id and own words from the database file and the console's files", async () => {
    await noahAndLena();
    await heldSprint('2026-12-03', 'Kelp pipeline review');
    await chat.type('1'); // Good fit
    await chat.type('/story');
    await chat.type('My zither tuning trick won a client, says Quillfeather');
    await chat.type('1'); // Publish with my name
    const mydata = await chat.type('/mydata');
    expect(mydata).toContain('File saved:');
    const secrets = [NOAH.name, 'Quillfeather', NOAH.id, 'Quantum Kelp', 'glassblowing', 'zither'];
    expect(await stillInFile(secrets)).toEqual(secrets);
    const files = () => readdirSync(join(app.dir, 'files'));
    expect(
      files()
        .filter((f) => f.startsWith(`${NOAH.id}-`))
        .sort(),
    ).toEqual([
      expect.stringMatching(/^noah-q7x-tandem-mydata-.*\.json$/),
      `${NOAH.id}-tandem-sprint-1.ics`,
    ]);

    await chat.type('/leave');
    expect(await chat.type('1')).toContain('your data is deleted');
    // The goodbye and Lena's notice are out; the next minute's tick erases what they left.
    app.clock.advance(60_000);
    await tick();

    expect(await stillInFile(secrets)).toEqual([]);
    expect(files().filter((f) => f.startsWith(`${NOAH.id}-`))).toEqual([]);
    // Lena's own invite stays hers.
    expect(files()).toContain('lena-tandem-sprint-1.ics');
  });

  // A reader holding SQLite's file keeps its checkpoint from finishing; on PostgreSQL none
  // does (the test after the next one).
  it.skipIf(TEST_PG)(
    'erases once a reader that held the database lets go: the erase is tried again, not marked done',
    async () => {
      await noahAndLena();
      const secrets = [NOAH.name, NOAH.id, 'Quantum Kelp', 'glassblowing'];
      await chat.type('/leave');
      expect(await chat.type('1')).toContain('your data is deleted');
      // A second process (a backup, an operator's sqlite3) reads the file meanwhile.
      const reader = new Database(app.dbPath, { readonly: true });
      reader.exec('begin');
      reader.prepare('select count(*) from users').get();
      const { logger, lines } = capturingLogger();
      const erase = () =>
        runDueTimers(
          { db: app.database.db, config: app.config, logger, adapters: app.adapters },
          app.clock.now(),
        );

      app.clock.advance(60_000);
      const started = performance.now();
      await erase();
      // Not held up for the busy timeout (5 s) behind the reader: the erase waits for the next try.
      expect(performance.now() - started).toBeLessThan(2_500);
      expect(app.database.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(lines.join('')).toContain('"code":"db_checkpoint_busy"');
      expect(await stillInFile(secrets)).not.toEqual([]);
      const pendingErases = () =>
        app.database.sqlite
          .prepare(
            "select due_at as dueAt from timers where kind = 'leave.erase' and status = 'pending'",
          )
          .all();
      expect(pendingErases()).toEqual([{ dueAt: app.clock.now().getTime() + 60_000 }]);

      reader.exec('commit');
      reader.close();
      app.clock.advance(60_000);
      await erase();
      expect(await stillInFile(secrets)).toEqual([]);
      // Erased: no further try is left waiting.
      expect(pendingErases()).toEqual([]);
    },
  );

  // SQLite's busy checkpoint again: on PostgreSQL the erase is never held back by a reader.
  it.skipIf(TEST_PG)(
    'stops trying after a bounded number of tries when a reader never lets go, and says so',
    async () => {
      await noahAndLena();
      await chat.type('/leave');
      await chat.type('1');
      const reader = new Database(app.dbPath, { readonly: true });
      reader.exec('begin');
      reader.prepare('select count(*) from users').get();
      const { logger, lines } = capturingLogger();
      const pending = () =>
        app.database.sqlite
          .prepare(
            "select count(*) as n from timers where kind = 'leave.erase' and status = 'pending'",
          )
          .get();
      for (let hour = 0; hour < LEAVE_ERASE_TRIES + 3; hour++) {
        app.clock.advance(60 * 60_000);
        await runDueTimers({ db: app.database.db, config: app.config, logger }, app.clock.now());
      }
      reader.exec('commit');
      reader.close();
      const codes = lines.map((l) => (JSON.parse(l) as { code?: string }).code);
      expect(codes.filter((c) => c === 'db_checkpoint_busy')).toHaveLength(LEAVE_ERASE_TRIES - 1);
      expect(codes.filter((c) => c === 'leave_erase_gave_up')).toHaveLength(1);
      expect(pending()).toEqual({ n: 0 });
    },
  );

  // PostgreSQL's equivalent of the two before: a reader's open snapshot holds nothing back.
  it.runIf(TEST_PG)(
    'erases at the first try while another connection reads: no retry is left waiting',
    async () => {
      await noahAndLena();
      const secrets = [NOAH.name, NOAH.id, 'Quantum Kelp', 'glassblowing'];
      await chat.type('/leave');
      expect(await chat.type('1')).toContain('your data is deleted');
      // A second process (pg_dump, an operator's psql) reads meanwhile, in one snapshot.
      const reader = new pg.Client({ connectionString: process.env.TANDEM_TEST_PG_DB });
      await reader.connect();
      try {
        await reader.query('begin isolation level repeatable read');
        await reader.query('select count(*) from users');
        const { logger, lines } = capturingLogger();
        app.clock.advance(60_000);
        await runDueTimers(
          { db: app.database.db, config: app.config, logger, adapters: app.adapters },
          app.clock.now(),
        );
        expect(lines.join('')).not.toContain('db_checkpoint_busy');
        expect(await stillInFile(secrets)).toEqual([]);
        const pendingErases = await app.database.db
          .select({ id: timers.id })
          .from(timers)
          .where(and(eq(timers.kind, 'leave.erase'), eq(timers.status, 'pending')));
        expect(pendingErases).toEqual([]);
        await reader.query('commit');
      } finally {
        await reader.end();
      }
    },
  );

  it("keeps the pair's history for the partner and every past week's figures exactly as reported", async () => {
    app = createTestApp({ env: { ORG_TIMEZONE: 'Europe/Moscow' } });
    await (await buildFixture(app)).addThirdRating();
    const db = app.database.db;
    const zone = 'Europe/Moscow';
    const snapshot = async () => {
      const now = app.clock.now();
      const rows = await exportRows(db, app.config, now);
      return {
        summaries: await Promise.all(
          [1, 4].map((w) => computeSummary(db, app.config, reportPeriod(now, zone, w))),
        ),
        reports: await Promise.all(
          [1, 4].map(async (w) => (await buildSummary(db, app.config, now, w, 'en')).reply.text),
        ),
        feedback: await feedbackAggregate(
          db,
          reportPeriod(now, zone, 4),
          zone,
          app.config.K_ANON_MIN,
          populationOf(app.config),
        ),
        exportFeedback: rows.feedback,
        exportMeetings: rows.meetings,
        exportGoals: rows.goals.map(({ owner: _, ...goal }) => goal),
        exportPairs: rows.pairs.map((p) => p.id),
      };
    };
    const before = await snapshot();
    // Three people rated in the week (Elena, Maria, Boris): the mean is shown.
    expect(before.summaries[0]?.usefulness).toEqual({ shown: true, count: 3, value: 4 });

    // Elena (in an active pair with Maria) and Boris (whose pair had ended) both leave.
    chat = await startConsoleChat(app, {
      me: { id: 'e1', name: 'Elena Exec' },
      people: [
        { id: 'b1', name: 'Boris Both' },
        { id: 'm1', name: 'Maria Mentor' },
      ],
    });
    started.push(() => chat.stop());
    for (const who of ['e1', 'b1']) {
      await chat.type(`/as ${who}`);
      await chat.type('/leave');
      expect(await chat.type('1')).toContain('your data is deleted');
    }
    await tick();

    expect(await snapshot()).toEqual(before);
    // Maria keeps the pair's goals and held sessions, with Elena as a former participant.
    await chat.type('/as m1');
    const goals = await chat.type('/goals');
    expect(goals).toContain('Former participant: g');
    expect(goals).toContain('✅ You: g');
    expect(await chat.type('/pair')).toContain(
      'Earlier pairs:\n• Former participant: 4 sessions held · goals: 1 open, 1 done',
    );
    const pairs = (await exportRows(db, app.config, app.clock.now())).pairs;
    expect(pairs.find((p) => p.mentor === 'Maria Mentor' && p.status === 'ended')).toMatchObject({
      mentee: 'Former participant',
    });
    expect(JSON.stringify(await exportRows(db, app.config, app.clock.now()))).not.toMatch(
      /Elena|Boris/,
    );
  });
});

describe('leave through the platforms', () => {
  // Distinctive ids and names, so finding them in the file's bytes can only mean them.
  const SLACK_NOAH = 'UQ7XN0AHZ';
  const TELEGRAM_NOAH = { id: 731_942_658, first_name: 'Noah', last_name: 'Quillfeather' };
  /** What Slack gives as his profile e-mail (with the users:read.email scope). */
  const NOAH_EMAIL = 'noah.quillfeather@kelp-farm.example';

  /** Noah joins through the Slack modal, confirms the guide, and is paired with Lena. */
  async function noahJoinsThroughSlack(s: SlackHarness): Promise<number> {
    s.fake.users.set(SLACK_NOAH, {
      name: NOAH.name,
      tz: 'Europe/Berlin',
      locale: 'en-US',
      email: NOAH_EMAIL,
    });
    const lena = await lenaMentor({ platform: 'slack', workspace: 'T1', id: 'ULENA' });
    await s.command('join', { user: SLACK_NOAH });
    const [open] = await s.fake.waitFor('views.open');
    const view = open?.args.view as { private_metadata: string };
    const joined = await s.submit(
      view.private_metadata,
      {
        role: { type: 'radio_buttons', selected_option: { value: 'mentee' } },
        grade: { type: 'radio_buttons', selected_option: { value: '5' } },
        department: { type: 'plain_text_input', value: 'Quantum Kelp Farming' },
        learn: { type: 'checkboxes', selected_options: [{ value: 'ai' }] },
        interests: { type: 'plain_text_input', value: 'glassblowing, zither tuning' },
        formats: { type: 'checkboxes', selected_options: [{ value: 'one_on_one' }] },
        workDays: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '5' }] },
        workStart: { type: 'timepicker', selected_time: '09:00' },
        workEnd: { type: 'timepicker', selected_time: '18:00' },
        language: { type: 'radio_buttons', selected_option: { value: 'en' } },
        consent: { type: 'radio_buttons', selected_option: { value: 'yes' } },
      },
      { user: SLACK_NOAH },
    );
    expect(joined).toEqual({ status: 200, text: '' });
    await s.press(buttonValue(s, "I've read it"), { user: SLACK_NOAH });
    const noah = await first(
      app.database.db.select().from(users).where(eq(users.platformUserId, SLACK_NOAH)),
    );
    if (!noah) throw new Error('Noah did not join');
    await pairWith(lena, noah.id);
    return noah.id;
  }

  /** Noah leaves with the button, and the next minute's tick erases what the leave left. */
  async function noahLeavesThroughSlack(s: SlackHarness): Promise<void> {
    await s.command('leave', { user: SLACK_NOAH });
    await s.press(buttonValue(s, 'Yes, leave and delete my data'), { user: SLACK_NOAH });
    expect(s.fake.postedTexts('chat.update').join('\n')).toContain('your data is deleted');
    app.clock.advance(60_000);
    await tick();
  }

  it("leaves neither the Slack user id, the name nor the e-mail in the database file after a leave through Slack's buttons", async () => {
    app = createTestApp();
    const s = await startSlack(app);
    started.push(() => s.stop());
    await noahJoinsThroughSlack(s);
    await s.command('pair', { user: SLACK_NOAH });
    const secrets = [SLACK_NOAH, NOAH.name, 'Quillfeather', 'Quantum Kelp', 'zither', NOAH_EMAIL];
    expect(await stillInFile(secrets)).toEqual(secrets);

    await noahLeavesThroughSlack(s);

    expect(await stillInFile(secrets)).toEqual([]);
  });

  it('cancels the sprint he booked from the address it was sent from, then erases that address', async () => {
    app = createTestApp();
    app.clock.set('2026-12-01T09:00:00Z');
    const s = await startSlack(app);
    started.push(() => s.stop());
    await noahJoinsThroughSlack(s);
    await s.command('sprint', { user: SLACK_NOAH });
    await s.press(buttonValue(s, 'Other time'), { user: SLACK_NOAH });
    const [, open] = await s.fake.waitFor('views.open', 2);
    const submitted = await s.submit(
      (open?.args.view as { private_metadata: string } | undefined)?.private_metadata ?? '',
      {
        day: { type: 'datepicker', selected_date: '2026-12-03' },
        time: { type: 'timepicker', selected_time: '15:00' },
        duration: { type: 'radio_buttons', selected_option: { value: '120' } },
        topic: { type: 'plain_text_input', value: 'Automate the weekly report' },
        link: { type: 'plain_text_input', value: '' },
      },
      { user: SLACK_NOAH },
    );
    expect(submitted).toEqual({ status: 200, text: '' });
    await s.settle();
    const organizer = async () =>
      (await first(app.database.db.select().from(meetings)))?.inviteOrganizer;
    expect(await organizer()).toBe(NOAH_EMAIL);

    await noahLeavesThroughSlack(s);

    // Lena's calendar drops the event: the cancel comes as the invite did, from Noah.
    const toLena = s.fake
      .callsTo('files.completeUploadExternal')
      .filter((c) => c.args.channel_id === 'DULENA')
      .flatMap((c) => (c.args.files as { id: string }[]).map((f) => s.fake.uploads.get(f.id)));
    expect(toLena).toHaveLength(2);
    expect(readInvite(toLena[1] ?? '')).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      organizer: NOAH_EMAIL,
    });
    // Then the address goes with him, as his users row's e-mail does.
    expect(await organizer()).toBeNull();
    expect(await stillInFile([NOAH_EMAIL])).toEqual([]);
  });

  it('does not bring back someone who left when they merely open the App Home', async () => {
    app = createTestApp();
    const s = await startSlack(app);
    started.push(() => s.stop());
    await noahJoinsThroughSlack(s);
    await noahLeavesThroughSlack(s);
    const queued = () => rawCount(app.database.db, 'select count(*) as n from outbox');
    const before = await queued();

    await s.event({ type: 'app_home_opened', user: SLACK_NOAH, channel: 'DQ1', tab: 'home' });

    const published = s.fake.callsTo('views.publish').filter((c) => c.args.user_id === SLACK_NOAH);
    const home = published.at(-1)?.args.view as
      | { blocks: { elements?: { text?: { text: string }; value?: string }[] }[] }
      | undefined;
    expect(blockText(home?.blocks)).toContain("You haven't joined yet");
    const remembered = await rawCount(
      app.database.db,
      'select count(*) as n from users where platform_user_id = ? or name = ?',
      SLACK_NOAH,
      NOAH.name,
    );
    expect(remembered).toBe(0);
    expect(await queued()).toBe(before);
    // SQLite's logs into its files, where stillInFile looks (PostgreSQL: its rows).
    if (!TEST_PG) {
      app.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      app.database.inbox.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
    expect(await stillInFile([SLACK_NOAH, NOAH.name])).toEqual([]);

    // Pressing "Join" on that Home is talking to Tandem again: the form opens for a new person.
    const join = (home?.blocks ?? [])
      .flatMap((block) => block.elements ?? [])
      .find((e) => e.text?.text === 'Join the program')?.value;
    await s.press(join ?? 'no join button', { user: SLACK_NOAH, home: true });
    expect(s.fake.callsTo('views.open')).toHaveLength(2);
    const back = await rawRows(
      app.database.db,
      'select name from users where platform_user_id = ?',
      SLACK_NOAH,
    );
    expect(back).toEqual([{ name: NOAH.name }]);
  });

  it('leaves neither the Telegram user id nor the name in the database file after a leave through Telegram', async () => {
    app = createTestApp();
    const t = await startTelegram(app);
    started.push(() => t.adapter.stop());
    const from = { ...TELEGRAM_NOAH, language_code: 'en' };
    const lena = await lenaMentor({ platform: 'telegram', workspace: String(BOT.id), id: '5005' });
    await t.say('/join', { from });
    await t.pressLabel('Learn (mentee)', { from });
    await t.pressLabel('5 — executive', { from });
    await t.say('Quantum Kelp Farming', { from });
    await t.pressLabel('AI and neural networks', { from });
    await t.pressLabel('Done', { from });
    await t.say('glassblowing, zither tuning', { from });
    await t.pressLabel('One-on-one', { from });
    await t.pressLabel('Done', { from });
    await t.say('Europe/Berlin', { from });
    await t.pressLabel('Mon–Fri, 09:00–18:00', { from });
    await t.pressLabel('English', { from });
    await t.pressLabel('I agree', { from });
    await t.pressLabel("I've read it", { from });
    const noah = await first(
      app.database.db
        .select()
        .from(users)
        .where(eq(users.platformUserId, String(TELEGRAM_NOAH.id))),
    );
    if (!noah) throw new Error('Noah did not join');
    await pairWith(lena, noah.id);
    await t.say('/pair', { from });
    const secrets = [String(TELEGRAM_NOAH.id), NOAH.name, 'Quillfeather', 'Quantum Kelp', 'zither'];
    expect(await stillInFile(secrets)).toEqual(secrets);

    await t.say('/leave', { from });
    await t.pressLabel('Yes, leave and delete my data', { from });
    // In Noah's own chat: Lena's "Noah has left" goes to hers, and two chats are sent to at once.
    expect(t.api.last(TELEGRAM_NOAH.id).text).toContain('your data is deleted');
    app.clock.advance(60_000);
    await tick();

    expect(await stillInFile(secrets)).toEqual([]);
  });
});
