import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { userRoles } from '../../src/db/schema';
import { rawCount, rawRows } from '../../src/db/sqlite';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, startConsoleChat } from '../helpers/console-chat';
import { participant } from '../helpers/participants';
import { rawRun } from '../helpers/raw';
import { TEST_PG } from '../pg/template';

let app: TestApp;
let chat: ConsoleChat;
afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

const ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });
const count = (table: string) => rawCount(app.database.db, `select count(*) as n from ${table}`);
const rows = <T = Record<string, unknown>>(text: string, ...params: unknown[]) =>
  rawRows<T>(app.database.db, text, ...params);
const counts = async (tables: string[]) =>
  Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));

/** Pat (participant), Hana (HR) and Boss (admin via ADMIN_IDS); the console types as Boss. */
async function office() {
  app = createTestApp({ env: { ADMIN_IDS: 'console:boss', CONTENT_CHANNEL: 'console:content' } });
  app.clock.set('2026-12-01T09:00:00Z');
  const pat = await participant(app, ref('pat'), 'Pat Junior', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
  const hana = await participant(app, ref('hana'), 'Hana Hr', {
    role: 'mentee',
    grade: 4,
    learn: ['ai'],
  });
  await participant(app, ref('boss'), 'Boss Admin', { role: 'mentee', grade: 5, learn: ['ai'] });
  await app.database.db
    .insert(userRoles)
    .values({ userId: hana, role: 'hr', grantedAt: app.clock.now() });
  chat = await startConsoleChat(app, {
    me: { id: 'boss', name: 'Boss Admin' },
    people: [
      { id: 'pat', name: 'Pat Junior' },
      { id: 'hana', name: 'Hana Hr' },
    ],
  });
  return { pat, hana };
}

const HR_COMMANDS = [
  '/match preview',
  '/report',
  '/export',
  '/feedback',
  '/admin pair pat hana',
  '/admin unpair pat hana',
  '/admin post https://example.com/a A study',
  '/admin survey',
];
const ADMIN_COMMANDS = [
  '/admin hr add pat',
  '/admin roles',
  '/admin program new "Spring" 2027-03-01 2027-06-30',
  '/admin topics add no_code "No-code" "No-code по-русски"',
  '/admin broadcast Hello everyone',
  '/admin backup',
];
const REFUSED_PARTICIPANT = 'only HR and program admins';
const REFUSED_HR = 'only program admins can do that';

describe('who may run HR and admin commands', () => {
  it('refuses participants everything, HR the admin-only commands, and changes nothing when refusing', async () => {
    await office();
    const tables = [
      'audit_log',
      'user_roles',
      'programs',
      'topics',
      'broadcasts',
      'content_posts',
      'pairs',
    ];
    const before = await counts(tables);
    await chat.type('/as pat');
    for (const command of [...HR_COMMANDS, ...ADMIN_COMMANDS]) {
      expect(await chat.type(command), command).toContain(REFUSED_PARTICIPANT);
    }
    await chat.type('/as hana');
    for (const command of ADMIN_COMMANDS) {
      expect(await chat.type(command), command).toContain(REFUSED_HR);
    }
    expect(await counts(tables)).toEqual(before);
    for (const command of HR_COMMANDS) {
      const out = await chat.type(command);
      expect(out, command).not.toContain(REFUSED_PARTICIPANT);
      expect(out, command).not.toContain(REFUSED_HR);
    }
    await chat.type('/as boss');
    for (const command of ADMIN_COMMANDS) {
      const out = await chat.type(command);
      expect(out, command).not.toContain(REFUSED_PARTICIPANT);
      expect(out, command).not.toContain(REFUSED_HR);
    }
  });
});

describe('admin commands', () => {
  it('grants and revokes HR; roles lists who is who; every change is audited', async () => {
    await office();
    expect(await chat.type('/admin roles')).toContain('Admins: Boss Admin\nHR: Hana Hr');
    const granted = await chat.type('/admin hr add pat');
    expect(granted).toContain('Pat Junior is now HR.');
    // The new HR person is told what the role lets them do, and when it is taken away.
    expect(granted).toContain(
      '→ to Pat Junior · Tandem:\nBoss Admin made you HR in Tandem: you can now see the weekly summary (/report)',
    );
    expect(await chat.type('/admin hr add pat')).toContain('already HR');
    await chat.type('/as pat');
    expect(await chat.type('/feedback')).not.toContain(REFUSED_PARTICIPANT);
    await chat.type('/as boss');
    const revoked = await chat.type('/admin hr remove pat');
    expect(revoked).toContain('Pat Junior is no longer HR.');
    expect(revoked).toContain('Boss Admin removed your HR role in Tandem.');
    expect(await chat.type('/admin hr add nobody')).toContain("I can't find");
    // Access to everyone's reports goes to a whole name, not the start of one…
    expect(await chat.type('/admin hr add ju')).toContain("I can't find");
    // …and an admin needs no HR role on top.
    expect(await chat.type('/admin hr add boss')).toContain(
      'Boss Admin is an admin, who can already do everything HR can; nothing changed.',
    );
    // Leaving deletes a granted role with the rest: the question says so, to HR only.
    await chat.type('/as hana');
    expect(await chat.type('/leave')).toContain('Your HR role goes too');
    await chat.type('/as pat');
    expect(await chat.type('/leave')).not.toContain('role goes too');
    await chat.type('/as boss');
    const audited = await rows(
      "select action from audit_log where action like 'role.%' order by id",
    );
    expect(audited).toEqual([{ action: 'role.hr.add' }, { action: 'role.hr.remove' }]);
  });

  it('creates, lists and ends programs; new volunteers join the running one; the end sends the survey', async () => {
    await office();
    expect(await chat.type('/admin program new "Winter" 2026-12-01 2026-11-01')).toContain(
      'after the start',
    );
    expect(await chat.type('/admin program new "Winter" 2026-12-01 2027-02-28 0')).toContain(
      'from 1 to 90',
    );
    expect(await chat.type('/admin program new "Winter" 2026-13-01 2027-02-28')).toContain(
      '2027-01-31',
    );
    const created = await chat.type('/admin program new "Winter" 2026-12-01 2027-02-28 10');
    expect(created).toContain(
      'Program “Winter” created: 1 Dec 2026 – 28 Feb 2027, a nudge after 10 days',
    );
    expect(created).toContain('People who join from 1 Dec 2026 belong to it.');
    // Curly and «French» quotes are quotes; a blank name or an open quote is no name.
    expect(await chat.type('/admin program new “Smart Start” 2027-07-01 2027-08-01')).toContain(
      'Program “Smart Start” created',
    );
    expect(await chat.type('/admin program new «Весна 2027» 2027-03-01 2027-05-31')).toContain(
      'Program “Весна 2027” created',
    );
    expect(await chat.type('/admin program new "  " 2027-04-01 2027-05-01')).toContain(
      'Give the program a name',
    );
    expect(await chat.type('/admin program new "Unclosed 2027-01-01 2027-02-01')).toContain(
      'Give the program a name',
    );
    // Ending one that has not started calls it off: no survey about a program nobody had.
    expect(await chat.type('/admin program end "smart start"')).toContain(
      '“Smart Start” has not started (it starts on 1 Jul 2027) and no one belongs to it yet. End it now? It is called off, and no survey is sent.',
    );
    expect(await chat.type('1')).toContain(
      '“Smart Start” is called off before its start; no survey was sent.',
    );
    // Names are matched as typed, whatever the case.
    expect(await chat.type('/admin program new "winter" 2026-12-01 2027-02-28')).toContain(
      'There is already a program called “Winter”.',
    );
    expect(await chat.type('/admin program list')).toContain(
      '• Winter: 1 Dec 2026 – 28 Feb 2027, cadence 10 days (running)',
    );
    // Hana joined during the program; the pair takes its mentee's program.
    await rawRun(
      app.database.db,
      "update profiles set program_id = (select id from programs where name = 'Winter') where user_id = (select id from users where platform_user_id = 'hana')",
    );
    await chat.type('/admin pair pat hana');
    const pairProgram = await rows(
      'select g.name from pairs p join programs g on g.id = p.program_id',
    );
    expect(pairProgram).toEqual([{ name: 'Winter' }]);
    expect(await chat.type('/admin program end WINTER')).toContain(
      'End “Winter” now (planned end 28 Feb 2027)? 2 people will get the final survey.',
    );
    const ended = await chat.type('1'); // End the program
    expect(ended).toContain('“Winter” has ended. The final survey went to 2 people.');
    expect(await chat.type('/admin program list')).toContain('(ended on 1 Dec 2026)');
    expect(ended).toContain('→ to Hana Hr · Tandem:\nThe program is coming to an end');
    expect(await chat.type('/admin program end Winter')).toContain('already ended');
  });

  it('warns about a start in the past or overlapping dates and creates only once confirmed; refuses one already over', async () => {
    await office();
    const programs = () => rows<{ name: string }>('select name from programs order by id');
    // Today is 2026-12-01.
    expect(await chat.type('/admin program new "Autumn" 2026-09-01 2026-11-30')).toContain(
      'Not created: that program would already be over (it ends 30 Nov 2026; today is 1 Dec 2026).',
    );
    const late = await chat.type('/admin program new "Winter" 2026-11-01 2027-02-28');
    expect(late).toContain('Create “Winter”? Please check its dates first:');
    expect(late).toContain(
      'It starts on 1 Nov 2026, which has passed (today is 1 Dec 2026). People who joined since then stay in their program',
    );
    expect(late).toContain('[1] Create it   [2] Cancel');
    expect(await programs()).toEqual([]);
    const created = await chat.type('1');
    expect(created).toContain('Program “Winter” created: 1 Nov 2026 – 28 Feb 2027');
    // What the warning said, not "from 1 Nov": those who joined since stay where they are.
    expect(created).toContain('People who join from now on belong to it');
    expect(created).not.toContain('join from 1 Nov');
    expect(await programs()).toEqual([{ name: 'Winter' }]);
    expect(await chat.type('1')).toContain('already been done or changed meanwhile');

    const overlap = await chat.type('/admin program new "Spring" 2027-02-01 2027-05-31');
    expect(overlap).toContain(
      'It overlaps “Winter” (1 Nov 2026 – 28 Feb 2027). While both run, new volunteers join “Spring”, the one that started later.',
    );
    expect(overlap).not.toContain('which has passed');
    expect(await chat.type('2')).toContain('Cancelled; nothing changed.');
    expect(await programs()).toEqual([{ name: 'Winter' }]);

    // Asking again with other dates replaces the draft: what is confirmed is what was shown last.
    await chat.type('/admin program new "Spring" 2027-02-01 2027-05-31');
    await chat.type('/admin program new "Spring" 2027-02-15 2027-05-31');
    expect(await chat.type('1')).toContain('Program “Spring” created: 15 Feb 2027 – 31 May 2027');
    expect(await rows("select * from app_state where key like 'admin.%'")).toEqual([]);
    // Dates with no question are created at once.
    expect(await chat.type('/admin program new "Summer" 2027-06-01 2027-08-31')).toContain(
      'Program “Summer” created',
    );
    expect(await programs()).toEqual([{ name: 'Winter' }, { name: 'Spring' }, { name: 'Summer' }]);
    // The same start: the newer one takes new volunteers. A nudge longer than the program
    // would never come.
    const twin = await chat.type('/admin program new "Summer camp" 2027-06-01 2027-06-30 90');
    expect(twin).toContain(
      'It starts the same day as “Summer” (1 Jun 2027 – 31 Aug 2027). While both run, new volunteers join “Summer camp”, the newer one.',
    );
    expect(twin).toContain(
      'A nudge after 90 days without a meeting never comes in a program of 30 days',
    );
    expect(await chat.type('2')).toContain('Cancelled; nothing changed.');
    expect(await programs()).toHaveLength(3);
    // The confirmation says where new volunteers go, as the warning did: a program that
    // started later and still runs keeps them; one that will start later takes over then.
    const earlier = await chat.type('/admin program new "Long" 2026-10-01 2027-12-31');
    expect(earlier).toContain(
      'While both run, new volunteers join “Winter”, the one that started later.',
    );
    expect(await chat.type('1')).toContain(
      'While “Winter” runs too (until 28 Feb 2027), people who join belong to “Winter”, the one that started later.',
    );
    await chat.type('/admin program new "Bridge" 2027-05-15 2027-07-01');
    expect(await chat.type('1')).toContain(
      'People who join from 15 May 2027 belong to it, until “Summer” starts on 1 Jun 2027.',
    );
  });

  it('adds and renames topics', async () => {
    await office();
    expect(await chat.type('/admin topics add No-Code "No-code" "Ноу-код"')).toContain(
      'lower-case latin',
    );
    expect(await chat.type('/admin topics add no_code "No-code" "Ноу-код"')).toContain(
      'Topic added: no_code — No-code / Ноу-код.',
    );
    expect(await chat.type('/admin topics add no_code "No-code" "Ноу-код"')).toContain(
      'already exists',
    );
    expect(await chat.type('/admin topics rename no_code "No-code tools" "Ноу-код"')).toContain(
      'Topic renamed',
    );
    expect(await chat.type('/admin topics rename nothing "A" "B"')).toContain('There is no topic');
    const catalog = await chat.type('/admin topics');
    expect(catalog).toContain('Topics (id — English / Russian):');
    expect(catalog).toContain('• no_code — No-code tools / Ноу-код');
    expect(await chat.type('/admin topics list')).toContain('• no_code — No-code tools / Ноу-код');
    expect(await chat.type('/admin topics rename no_code "  " " "')).toContain(
      'Both names are needed, each in quotes',
    );
    expect(
      await chat.type('/admin topics add ux “User experience” «Пользовательский опыт»'),
    ).toContain('Topic added: ux — User experience / Пользовательский опыт.');
    // A second topic of the same name (in either language, any case) is refused.
    expect(await chat.type('/admin topics add nocode2 "no-code TOOLS" "Другое"')).toContain(
      'The topic “no_code” already has that name',
    );
    expect(await chat.type('/admin topics rename ux "UX" "ноу-код"')).toContain(
      'The topic “no_code” already has that name',
    );
    // Renaming a topic to its own name in another case is fine.
    expect(await chat.type('/admin topics rename ux "UX" «Пользовательский опыт»')).toContain(
      'Topic renamed',
    );
    expect(await rows("select name_en from topics where id = 'no_code'")).toEqual([
      { name_en: 'No-code tools' },
    ]);
    expect(await rows("select id from topics where id = 'nocode2'")).toEqual([]);
  });

  it('broadcasts through the outbox after a confirmation with the head count, once', async () => {
    await office();
    const asked = await chat.type('/admin broadcast Sessions resume on Monday!');
    expect(asked).toContain('This goes to 3 participants:');
    expect(await count('outbox')).toBeGreaterThan(0);
    const queuedBefore = await rawCount(
      app.database.db,
      "select count(*) as n from outbox where dedupe_key like 'broadcast:%'",
    );
    expect(queuedBefore).toBe(0);
    const sent = await chat.type('1'); // Send to 3
    expect(sent).toContain('Queued for 3 people');
    expect(sent).toContain(
      '→ to Pat Junior · Tandem:\n── From the program team ──\nSessions resume on Monday!',
    );
    const broadcastRows = () =>
      rows<{ status: string }>(
        "select dedupe_key, status from outbox where dedupe_key like 'broadcast:%' order by dedupe_key",
      );
    expect(await broadcastRows()).toHaveLength(3);
    expect((await broadcastRows()).every((r) => r.status === 'sent')).toBe(true);
    // Pressing again (a double tap, a retry) sends nothing more.
    const [boss] = await rows<{ id: number }>(
      "select id from users where platform_user_id = 'boss'",
    );
    await app.engine.handle({
      id: 'again',
      type: 'action',
      data: `bc|${boss?.id}|1|y`,
      user: { ref: ref('boss'), name: 'Boss Admin' },
      conversation: { ...ref('boss'), kind: 'dm' },
    });
    await app.settle();
    expect(chat.transcript()).toContain('already been sent or cancelled');
    expect(await broadcastRows()).toHaveLength(3);
    expect(await rows("select action from audit_log where action = 'broadcast.sent'")).toHaveLength(
      1,
    );
  });

  // The copy is SQLite's own file; PostgreSQL is backed up with pg_dump (the test below).
  it.skipIf(TEST_PG)(
    'backs up to a file that opens and holds the data, keeping the newest BACKUP_KEEP',
    async () => {
      await office();
      const dir = join(app.dir, 'backups');
      app.config.BACKUP_DIR = dir;
      app.config.BACKUP_KEEP = 2;
      for (let i = 0; i < 3; i++) {
        app.clock.set(new Date(app.clock.now().getTime() + 60_000));
        expect(await chat.type('/admin backup')).toContain('Backup written:');
      }
      const files = readdirSync(dir).sort();
      expect(files).toHaveLength(2);
      const path = join(dir, files.at(-1) ?? '');
      expect(existsSync(path)).toBe(true);
      const copy = new Database(path, { readonly: true });
      try {
        expect(copy.prepare('select count(*) as n from users').get()).toEqual({ n: 3 });
        expect(copy.prepare('select count(*) as n from profiles').get()).toEqual({ n: 3 });
      } finally {
        copy.close();
      }
    },
  );

  // On PostgreSQL Tandem makes no copies: the admin is told to use pg_dump, in their language.
  it.runIf(TEST_PG)(
    'on PostgreSQL, tells the admin to back up with pg_dump and writes nothing',
    async () => {
      await office();
      const dir = join(app.dir, 'backups');
      app.config.BACKUP_DIR = dir;
      expect(await chat.type('/admin backup')).toContain(
        'Tandem runs on PostgreSQL here, so it makes no copies itself: back the database up with pg_dump, e.g. pg_dump --format=custom --file=tandem.dump "$DATABASE_URL" (restore with pg_restore). The README shows how.',
      );
      await rawRun(
        app.database.db,
        "update users set locale = 'ru' where platform_user_id = 'boss'",
      );
      expect(await chat.type('/admin backup')).toContain(
        'Здесь Tandem работает на PostgreSQL и сам копий не делает: сохраните базу через pg_dump, например pg_dump --format=custom --file=tandem.dump "$DATABASE_URL" (восстановление — pg_restore). Подробности в README.',
      );
      expect(existsSync(dir)).toBe(false);
      expect(
        await rawCount(
          app.database.db,
          "select count(*) as n from audit_log where action = 'backup.made'",
        ),
      ).toBe(0);
    },
  );
});
