import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { pairs, users } from '../../src/db/schema';
import { feedbackAggregate } from '../../src/features/feedback/hr-view';
import { buildSummary } from '../../src/features/reports/build';
import { exportRows } from '../../src/features/reports/export';
import { reportPeriod } from '../../src/features/reports/period';
import { computeSummary } from '../../src/features/reports/summary';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, startConsoleChat } from '../helpers/console-chat';
import { consoleRef } from '../helpers/pair';
import { participant } from '../helpers/participants';
import { buildFixture } from '../reports/fixture';

let app: TestApp;
let chat: ConsoleChat;
afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

const NOAH = { id: 'noah-q7x', name: 'Noah Quillfeather' };

/** Runs due timers and delivers what they queued, as the minute tick does. */
async function tick() {
  runDueTimers(
    { db: app.database.db, config: app.config, logger: silentLogger, adapters: app.adapters },
    app.clock.now(),
  );
  app.outbox.kick();
  await app.outbox.drain();
}

/** Every file of the database on disk: the main file and, in WAL mode, its log. */
function databaseBytes(): Buffer {
  return Buffer.concat(
    [app.dbPath, `${app.dbPath}-wal`, `${app.dbPath}-journal`]
      .filter((p) => existsSync(p))
      .map((p) => readFileSync(p)),
  );
}

/**
 * Lena (mentor) and Noah (mentee), an active pair. Noah joined through the console form, so
 * his answers went through every step a real person's do (form rows rewritten each step).
 */
async function noahAndLena() {
  app = createTestApp();
  app.clock.set('2026-12-01T09:00:00Z');
  const lena = participant(app, consoleRef('lena'), 'Lena Orlova', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
  app.database.db.update(users).set({ timeZone: 'Europe/Moscow' }).where(eq(users.id, lena)).run();
  chat = await startConsoleChat(app, { me: NOAH, people: [{ id: 'lena', name: 'Lena Orlova' }] });
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
  const noah = app.database.db.select().from(users).where(eq(users.platformUserId, NOAH.id)).get();
  if (!noah) throw new Error('Noah did not join');
  const pairId = app.database.db
    .insert(pairs)
    .values({ mentorUserId: lena, menteeUserId: noah.id, createdAt: app.clock.now() })
    .returning()
    .get().id;
  return { lena, noah: noah.id, pairId };
}

/** Noah books a sprint with Lena, it takes place, and he rates it with a note. */
async function heldSprint(day: string, topic: string) {
  await chat.type('/sprint');
  await chat.type(day);
  await chat.type('15:00');
  await chat.type('7'); // Keep “2 h”
  await chat.type(topic);
  await chat.type('1'); // No link
  const meeting = app.database.sqlite
    .prepare('select id, starts_at from meetings order by id desc limit 1')
    .get() as { id: number; starts_at: number };
  app.clock.set(new Date(meeting.starts_at + 2 * 60 * 60 * 1000 + 60_000));
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
    const found = (bytes: Buffer) => secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
    expect(found(databaseBytes())).toEqual(secrets);
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

    expect(found(databaseBytes())).toEqual([]);
    expect(files().filter((f) => f.startsWith(`${NOAH.id}-`))).toEqual([]);
    // Lena's own invite stays hers.
    expect(files()).toContain('lena-tandem-sprint-1.ics');
  });

  it("keeps the pair's history for the partner and every past week's figures exactly as reported", async () => {
    app = createTestApp({ env: { ORG_TIMEZONE: 'Europe/Moscow' } });
    buildFixture(app).addThirdRating();
    const db = app.database.db;
    const zone = 'Europe/Moscow';
    const snapshot = () => {
      const now = app.clock.now();
      const rows = exportRows(db, app.config, now);
      return {
        summaries: [1, 4].map((w) => computeSummary(db, app.config, reportPeriod(now, zone, w))),
        reports: [1, 4].map((w) => buildSummary(db, app.config, now, w, 'en').reply.text),
        feedback: feedbackAggregate(db, reportPeriod(now, zone, 4), zone, app.config.K_ANON_MIN),
        exportFeedback: rows.feedback,
        exportMeetings: rows.meetings,
        exportGoals: rows.goals.map(({ owner: _, ...goal }) => goal),
        exportPairs: rows.pairs.map((p) => p.id),
      };
    };
    const before = snapshot();
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
    for (const who of ['e1', 'b1']) {
      await chat.type(`/as ${who}`);
      await chat.type('/leave');
      expect(await chat.type('1')).toContain('your data is deleted');
    }
    await tick();

    expect(snapshot()).toEqual(before);
    // Maria keeps the pair's goals and held sessions, with Elena as a former participant.
    await chat.type('/as m1');
    const goals = await chat.type('/goals');
    expect(goals).toContain('Former participant: g');
    expect(goals).toContain('✅ You: g');
    expect(await chat.type('/pair')).toContain(
      'Earlier pairs:\n• Former participant: 4 sessions held · goals: 1 open, 1 done',
    );
    const pairs = exportRows(db, app.config, app.clock.now()).pairs;
    expect(pairs.find((p) => p.mentor === 'Maria Mentor' && p.status === 'ended')).toMatchObject({
      mentee: 'Former participant',
    });
    expect(JSON.stringify(exportRows(db, app.config, app.clock.now()))).not.toMatch(/Elena|Boris/);
  });
});
