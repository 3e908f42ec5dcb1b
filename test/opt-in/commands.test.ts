import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { getProfile } from '../../src/db/queries/profiles';
import { timers } from '../../src/db/schema';
import { rawRows } from '../../src/db/sqlite';
import { LEAVE_CONFIRM_ACTION } from '../../src/features/opt-in/leave';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, ME, ME_REF, meInDb, startConsoleChat } from '../helpers/console-chat';

let app: TestApp;
let chat: ConsoleChat;

afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

const me = async () => (await meInDb(app)).user;

/** Joins as a mentee with default answers and reads the guide. */
async function join(c: ConsoleChat) {
  await c.type('/join');
  for (const answer of [
    '2',
    '4',
    'Sales',
    'AI and neural networks',
    '1',
    '1,2',
    '1',
    '1', // the default working hours
    '1',
    '1',
    '1',
  ]) {
    await c.type(answer);
  }
}

describe('pause and resume', () => {
  it('pauses for N weeks, resumes early, and refuses to resume when not paused', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    expect(await chat.type('/pause')).toContain("You haven't joined the program yet");
    await join(chat);

    expect(await chat.type('/pause 3')).toContain(
      "You're on a break for 3 weeks (until 22 Dec 2026)",
    );
    const user = await me();
    if (!user) throw new Error('no user');
    expect((await getProfile(app.database.db, user.id))?.profile.pausedUntil).toEqual(
      new Date('2026-12-22T09:00:00Z'),
    );
    expect(await chat.type('/profile')).toContain('Status: on a break until 22 Dec 2026');

    expect(await chat.type('/resume')).toContain('Welcome back!');
    expect((await getProfile(app.database.db, user.id))?.profile.pausedUntil).toBeNull();
    const pending = await app.database.db.select().from(timers).where(eq(timers.status, 'pending'));
    expect(pending).toHaveLength(0);
    expect(await chat.type('/resume')).toContain("You're not on a break");
  });

  it('ends the pause by itself when its timer row falls due, even after downtime', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await join(chat);
    await chat.type('/pause');
    const user = await me();
    if (!user) throw new Error('no user');

    app.clock.advance(13 * 24 * 3600_000);
    expect(
      await runDueTimers(
        { db: app.database.db, config: app.config, logger: silentLogger },
        app.clock.now(),
      ),
    ).toEqual({
      done: 0,
      failed: 0,
    });
    // The process was down when the pause ended; the first tick after start catches up.
    app.clock.advance(5 * 24 * 3600_000);
    const report = await runDueTimers(
      { db: app.database.db, config: app.config, logger: silentLogger },
      app.clock.now(),
    );
    expect(report.done).toBe(1);
    await app.outbox.deliverDue();
    await app.settle();
    expect(chat.transcript()).toContain('Your break is over — welcome back!');
    expect((await getProfile(app.database.db, user.id))?.profile.pausedUntil).toBeNull();
    // Runs once: a second tick finds nothing.
    expect(
      (
        await runDueTimers(
          { db: app.database.db, config: app.config, logger: silentLogger },
          app.clock.now(),
        )
      ).done,
    ).toBe(0);
  });

  it('says so when a running break is changed', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await join(chat);
    await chat.type('/pause 5');
    expect(await chat.type('/pause 1')).toContain(
      'You were already on a break; it now ends in 1 week',
    );
  });

  it('explains the usage for garbage arguments and changes nothing', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await join(chat);
    for (const bad of ['0', '13', 'two', '-1', '2 weeks', '1e3', '9'.repeat(400)]) {
      expect(await chat.type(`/pause ${bad}`)).toContain('Use /pause to take two weeks off');
    }
    expect(await chat.type('/resume now')).toContain('/resume takes nothing after it');
    const user = await me();
    expect(user && (await getProfile(app.database.db, user.id))?.profile.pausedUntil).toBeNull();
  });
});

describe('leave', () => {
  it('takes "No, stay" as the answer: the same question\'s "Yes" afterwards deletes nothing', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await join(chat);
    const user = await me();
    if (!user) throw new Error('no user');
    await chat.type('/leave');
    expect(await chat.type('2')).toContain('Good to have you — nothing has changed.');
    // On the console the answer took the question's buttons away, as an edit does in chat.
    expect(await chat.type('1')).toContain('No button is numbered 1 here.');
    // The Yes pressed all the same (a second click in Slack, an old Telegram message): stale.
    const before = chat.transcript().length;
    await app.engine.handle({
      id: 'stale-yes',
      type: 'action',
      data: encodeAction(LEAVE_CONFIRM_ACTION, user.id, '0'),
      user: { ref: ME_REF, name: ME.name },
      conversation: { ...ME_REF, kind: 'dm' },
    });
    await app.settle();
    expect(chat.transcript().slice(before)).toContain(
      'You answered that question already: you stayed, and nothing was deleted.',
    );
    expect(await getProfile(app.database.db, user.id)).toBeDefined();
    // Asked again, Yes works.
    await chat.type('/leave');
    expect(await chat.type('1')).toContain('you have left the program');
    expect(await getProfile(app.database.db, user.id)).toBeUndefined();
  });

  it('asks first, then deletes every row of the person, leaving a nameless tombstone', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    expect(await chat.type('/leave')).toContain(
      "You're not in the program, so there is nothing to leave",
    );
    await join(chat);
    await chat.type('/pause 2');
    await chat.type('/lang ru');
    const user = await me();
    if (!user) throw new Error('no user');

    const confirm = await chat.type('/leave');
    expect(confirm).toContain('Выйти из программы?');
    expect(await chat.type('2')).toContain('ничего не изменилось');
    expect(await getProfile(app.database.db, user.id)).toBeDefined();

    await chat.type('/leave');
    expect(await chat.type('1')).toContain('ваши данные удалены');

    const counts = (
      await rawRows<Record<string, unknown>>(
        app.database.db,
        `select
           (select count(*) from users where id = @id and name = '' and left_at is not null
              and platform_user_id = 'left:' || id and time_zone is null and locale is null) as tombstones,
           (select count(*) from profiles where user_id = @id) as profiles,
           (select count(*) from profile_topics where user_id = @id) as topics,
           (select count(*) from form_sessions where user_id = @id) as forms,
           (select count(*) from timers where user_id = @id) as timers,
           (select count(*) from user_roles where user_id = @id) as roles,
           (select count(*) from outbox where user_id = @id) as outbox,
           (select count(*) from audit_log where actor_user_id = @id) as audit`,
        { id: user.id },
      )
    )[0];
    expect(counts).toEqual({
      tombstones: 1,
      profiles: 0,
      topics: 0,
      forms: 0,
      timers: 0,
      roles: 0,
      outbox: 0,
      audit: 0,
    });
    const left = await rawRows<{ n: number }>(
      app.database.db,
      "select count(*) as n from audit_log where action = 'user.left' and actor_user_id is null",
    );
    expect(left[0]?.n).toBe(1);
    // Writing again is a new person, not the one who left.
    expect(await me()).toBeUndefined();
    await chat.type('/help');
    expect((await me())?.id).not.toBe(user.id);
  });
});

describe('mydata, lang, unknown commands, groups', () => {
  it('exports everything about me as a JSON file', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await join(chat);
    const out = await chat.type('/mydata');
    expect(out).toContain('Here is everything Tandem stores about you');
    const path = /File saved: (.+\.json)/.exec(out)?.[1];
    const { readFileSync } = await import('node:fs');
    const data = JSON.parse(readFileSync(path ?? '', 'utf8'));
    expect(data.user).toMatchObject({
      platform: 'console',
      platformUserId: 'me',
      name: 'Alex Tester',
    });
    expect(data.profile).toMatchObject({
      role: 'mentee',
      grade: 4,
      department: 'Sales',
      topicsIWantToLearn: ['AI and neural networks'],
      workingHours: { isoWeekdays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
    });
    expect(data.actions.map((a: { action: string }) => a.action)).toEqual([
      'profile.created',
      'profile.prepared',
    ]);
    expect(await chat.type('/mydata please')).toContain('/mydata takes nothing after it');
  });

  it('switches language with an argument or a button, and explains bad arguments', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    expect(await chat.type('/lang')).toContain('I write to you in English');
    expect(await chat.type('2')).toContain('буду писать вам по-русски');
    expect(await chat.type('/help')).toContain('Tandem — обратное наставничество');
    expect(await chat.type('/lang klingon')).toContain('Наберите /lang ru или /lang en');
    expect(await chat.type('/lang English')).toContain('I’ll write to you in English');
  });

  it('keeps buttons on screen usable after an unrelated reply, and takes "help" without a slash', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await join(chat);
    await chat.type('/leave');
    expect(await chat.type('да')).toContain("I didn't catch that");
    expect(await chat.type('2')).toContain('nothing has changed');
    expect(await chat.type('help')).toContain('Tandem — reverse mentoring');
    // In Russian too, without the slash.
    await chat.type('/lang ru');
    expect(await chat.type('помощь')).toContain('Tandem — обратное наставничество');
    expect(await chat.type('Меню')).not.toContain('Не понял');
  });

  it('tells one command on /help <command>, and everything (saying so) for one it does not know or you cannot use', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    const one = await chat.type('/help /sprint');
    expect(one).toMatch(/\/sprint — .+\n\n\/help alone lists everything I can do\./);
    expect(one).not.toContain('Commands:');
    expect(await chat.type('/help Meet')).toContain('/meet — ');
    const unknown = await chat.type('/help me please');
    expect(unknown).toContain(
      'There is no command “me please” that you can use — here is everything:',
    );
    expect(unknown).toContain('Commands:');
    expect(unknown).not.toContain('Reverse mentoring turns the usual direction around');
    // An admin command is not told to someone who cannot use it.
    expect(await chat.type('/help admin')).toContain(
      'There is no command “admin” that you can use',
    );
    await chat.type('/lang ru');
    expect(await chat.type('/help sprint')).toContain('/help без слов — всё, что я умею.');
  });

  it("tells an admin that /admin also holds the admin's own commands", async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    chat = await startConsoleChat(app);
    expect(await chat.type('/help admin')).toContain(
      'admins also roles, topics, programs, broadcasts and backups',
    );
  });

  it('answers unknown commands with a suggestion and never crashes on odd input', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    expect(await chat.type('/jion')).toContain('Did you mean /join?');
    expect(await chat.type('/frobnicate')).toContain("I don't know the command /frobnicate");
    expect(await chat.type(`/${'x'.repeat(40)}`)).toContain("I didn't catch that");
    expect(await chat.type('/profile sideways')).toContain('/profile edit to change it');
    expect(chat.transcript()).not.toContain('something went wrong');
  });

  it('moves personal commands from a group chat to the DM; help works in the group', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await chat.type('/in group');
    const help = await chat.type('/help');
    expect(help).toContain('#general (only you) · Tandem:');
    expect(help).toContain('Personal commands work in a direct message');
    expect(help).not.toContain('/leave —');
    const join = await chat.type('/join');
    expect(join).toContain("let's continue in a direct message");
    expect(join).toMatch(/Tandem · DM:\nGreat — let's set up your profile/);
    // Plain chatter in the group is not for the bot, and does not answer the DM's form.
    expect(await chat.type('2')).toBe('Alex Tester @#general › 2\n');
    await chat.type('/in dm');
    // The form continues in the DM, where its numbered options now answer.
    expect(await chat.type('2')).toContain('What is your level in the company?');
  });
});
