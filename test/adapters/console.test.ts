import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { one } from '../../src/db/first';
import { scheduleTimer } from '../../src/db/queries/timers';
import { meetings, pairs } from '../../src/db/schema';
import { rawRows } from '../../src/db/sqlite';
import { SPONSOR_ACTION } from '../../src/features/experiments/service';
import { MEETING_AFTER_TIMER } from '../../src/features/scheduling/service';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';
import { bookByHand, type ConsoleChat, startConsoleChat } from '../helpers/console-chat';
import { consoleRef, pairedConsole } from '../helpers/pair';
import { participant } from '../helpers/participants';

let app: TestApp;
let chat: ConsoleChat;

afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

const rows = (sql: string) => rawRows<Record<string, unknown>>(app.database.db, sql);

/** Mira mentors up to two people; Oleg and Pia both want what she teaches. */
async function twoProposalsForMira() {
  app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
  await participant(app, consoleRef('mira'), 'Mira Mentor', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
    capacity: 2,
  });
  for (const [id, name] of [
    ['oleg', 'Oleg Osipov'],
    ['pia', 'Pia Park'],
  ] as const)
    await participant(app, consoleRef(id), name, { role: 'mentee', grade: 5, learn: ['ai'] });
  chat = await startConsoleChat(app, {
    people: [
      { id: 'mira', name: 'Mira Mentor' },
      { id: 'oleg', name: 'Oleg Osipov' },
      { id: 'pia', name: 'Pia Park' },
    ],
  });
  expect(await chat.type('/match publish')).toContain('Sent 2 proposals');
}

/** Moves the clock, runs the timers then due and delivers what they sent. */
async function runTimersAt(ms: number) {
  app.clock.set(new Date(ms));
  await runDueTimers(
    { db: app.database.db, config: app.config, logger: silentLogger, adapters: app.adapters },
    app.clock.now(),
  );
  app.outbox.kick();
  await app.settle();
}

const answerOf = async (mentee: string) =>
  (
    await rows(
      `select p.mentor_answer from proposals p join users u on u.id = p.mentee_user_id where u.platform_user_id = '${mentee}'`,
    )
  )[0]?.mentor_answer;

describe('console numbers', () => {
  it('numbers the buttons of every message on the page apart, so 1 presses the first proposal', async () => {
    await twoProposalsForMira();
    const shown = await chat.type('/as mira');
    // Both proposals come again on arrival, numbered one after the other.
    const first = shown.indexOf('You could mentor Oleg Osipov');
    const second = shown.indexOf('You could mentor Pia Park');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(shown.slice(first, second)).toContain('[1] Accept   [2] Decline');
    expect(shown.slice(second)).toContain('[3] Accept   [4] Decline');

    expect(await chat.type('1')).toContain('as soon as Oleg Osipov answers');
    expect(await answerOf('oleg')).toBe('accepted');
    expect(await answerOf('pia')).toBe('pending');
    // The second proposal keeps its own numbers after the first was answered.
    expect(await chat.type('4')).toContain("we won't propose this pair again");
    expect(await answerOf('pia')).toBe('declined');
    expect(await answerOf('oleg')).toBe('accepted');
  });

  it('reminds whoever has not answered a day before a proposal closes, then lets the expired one go', async () => {
    await twoProposalsForMira();
    await chat.type('/as mira');
    await chat.type('1'); // Accept Oleg; Pia's proposal waits
    const published = app.clock.now().getTime();
    // A day before they close, whoever has not answered is reminded, with 24 hours left.
    await runTimersAt(published + 48 * 3600_000);
    const reminders = chat
      .transcript()
      .split('A reminder: this proposal is still waiting')
      .slice(1);
    // Oleg, Pia, and Mira for Pia's proposal only: her Yes to Oleg is an answer.
    expect(reminders).toHaveLength(3);
    expect(reminders.filter((r) => r.includes('You could mentor Pia Park'))).toHaveLength(1);
    expect(reminders.some((r) => r.includes('You could mentor Oleg Osipov'))).toBe(false);
    expect(reminders.every((r) => r.includes('within 24 hours'))).toBe(true);
    await runTimersAt(published + 73 * 3600_000);
    expect(chat.transcript()).toContain('The proposal with Pia Park expired without both answers');
    // New buttons take the old numbers: the expired proposal is not among what is still open.
    const form = await chat.type('/profile edit');
    expect(form).toContain('[4]');
    expect(form).not.toContain('Still open');
  });

  it('starts a new page from 1 once the person has typed and new buttons come', async () => {
    await twoProposalsForMira();
    await chat.type('/as mira');
    const help = await chat.type('/help');
    expect(help).toContain('[1] Preparation guide');
    // "1" now means the newest page's button, not a proposal further up.
    await chat.type('1');
    expect(await answerOf('oleg')).toBe('pending');
    expect(await answerOf('pia')).toBe('pending');
  });
});

/** The number printed last for a button or option labelled `label` ("[7] Yes" or "7. ( ) Yes"). */
/**
 * The console person's own chat in what was printed: messages "→ to" someone else are left
 * out. Those go to other chats, which the outbox sends to at the same time, so they print in
 * any order among one's own (Pia's question, with numbers of her own, may come last).
 */
function ownChat(printed: string): string {
  return printed
    .split('\n\n')
    .filter((block) => !block.split('\n').some((line) => line.startsWith('→ to ')))
    .join('\n\n');
}

function numberOf(printed: string, label: string): number {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const hits = [
    ...printed.matchAll(new RegExp(`(?:\\[(\\d+)\\]|(\\d+)\\. \\(.\\)) ${escaped}`, 'g')),
  ];
  const last = hits.at(-1);
  if (!last) throw new Error(`no "${label}" in:\n${printed}`);
  return Number(last[1] ?? last[2]);
}

/**
 * Me (the console person) mentors Oleg and Pia; each pair has a one-hour sprint that ends
 * within the next hour, as the bot stores a booking (its "did it happen?" is a timer row).
 */
async function twoSessionsEndingSoon() {
  app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
  const me = await participant(app, consoleRef('me'), 'Alex Tester', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
    capacity: 2,
  });
  const topics = { oleg: 'Prompting basics', pia: 'CRM tour' } as const;
  for (const [id, name] of [
    ['oleg', 'Oleg Osipov'],
    ['pia', 'Pia Park'],
  ] as const) {
    const mentee = await participant(app, consoleRef(id), name, {
      role: 'mentee',
      grade: 5,
      learn: ['ai'],
    });
    const pair = await one(
      app.database.db
        .insert(pairs)
        .values({ mentorUserId: me, menteeUserId: mentee, createdAt: app.clock.now() })
        .returning(),
    );
    const meeting = await one(
      app.database.db
        .insert(meetings)
        .values({
          pairId: pair.id,
          kind: 'sprint',
          startsAt: new Date(app.clock.now().getTime() - 30 * 60_000),
          durationMin: 60,
          topic: topics[id],
          createdBy: me,
          createdAt: app.clock.now(),
          updatedAt: app.clock.now(),
        })
        .returning(),
    );
    await scheduleTimer(
      app.database.db,
      {
        kind: MEETING_AFTER_TIMER,
        dueAt: new Date(meeting.startsAt.getTime() + 60 * 60_000),
        payload: { meetingId: meeting.id, sequence: 0 },
        dedupeKey: `meeting:${meeting.id}:after:0`,
      },
      app.clock.now(),
    );
  }
  chat = await startConsoleChat(app, {
    people: [
      { id: 'oleg', name: 'Oleg Osipov' },
      { id: 'pia', name: 'Pia Park' },
    ],
  });
}

const statusOf = async (topic: string) =>
  (await rows(`select status from meetings where topic = '${topic}'`))[0]?.status;
const ratingsOf = async (topic: string) =>
  (
    await rows(
      `select f.usefulness from meeting_feedback f join meetings m on m.id = f.meeting_id where m.topic = '${topic}'`,
    )
  ).map((r) => r.usefulness);

describe('console numbers mean what the newest print of them shows', () => {
  it('shows an older question again under "Still open" when a scale takes its numbers', async () => {
    await twoSessionsEndingSoon();
    const asked = await chat.type('/time +1h');
    // Two questions on one page: 1–3 and 4–6.
    expect(numberOf(ownChat(asked), 'Yes, it happened')).toBe(4);
    const scale = await chat.type('1'); // Yes, for the first one
    expect(scale).toContain('How useful was “');
    // The scale needs 4 and 5: the other question comes again, with numbers of its own.
    expect(scale).toContain('Still open:');
    const yes = numberOf(scale, 'Yes, it happened');
    expect(yes).toBeGreaterThan(5);
    const first = (await statusOf('Prompting basics')) === 'held' ? 'Prompting basics' : 'CRM tour';
    const second = first === 'Prompting basics' ? 'CRM tour' : 'Prompting basics';
    expect(scale).toContain(`“${first}”`);
    expect(await chat.type('4')).toContain('4/5');
    expect(await ratingsOf(first)).toEqual([4]);
    expect(await statusOf(second)).toBe('scheduled');
    // The second question is still one number away: the one printed for it last.
    const again = numberOf(ownChat(chat.transcript()), 'Yes, it happened');
    expect(again).not.toBe(yes); // "Add a note" took 6, so the question moved on again
    expect(await chat.type(String(again))).toContain(`“${second}”`);
    expect(await statusOf(second)).toBe('held');
    expect(await ratingsOf(first)).toEqual([4]);
  });

  it("lets help's and the profile's shortcuts go once I move on, instead of showing them as still open", async () => {
    const p = await pairedConsole();
    try {
      expect(await p.chat.type('/help')).toContain('[1] Preparation guide');
      const profile = await p.chat.type('/profile');
      expect(profile).toContain('[1] Edit profile');
      expect(profile).not.toContain('Still open');
      expect(await p.chat.type('/help')).not.toContain('Still open');
      // What waits for an answer still comes back: a proposal, a question (see above).
    } finally {
      await p.close();
    }
  });

  it('says when a typed number is no button, and gives the open question a number an earlier form showed', async () => {
    const p = await pairedConsole();
    try {
      await p.chat.type('/whoami');
      expect(await p.chat.type('42')).toBe(
        'Lena Orlova › 42\nNo button is numbered 42 here. Type a command — /help lists them — or a number shown above.\n\n',
      );
      await p.chat.type('/sprint');
      await p.chat.type('6'); // Other time: the day question, days 1–14
      expect(await p.chat.type('/goal')).toContain('Your unfinished “Book a sprint” was closed');
      // 9 was a day of the closed booking: now it is typed to the goal's question.
      expect(await p.chat.type('9')).toContain('Please type at least 10 characters.');
    } finally {
      await p.close();
    }
  });

  it('lets a score already given go rather than show it renumbered, so a number never changes it to another score', async () => {
    const p = await pairedConsole();
    try {
      await p.heldSprint('2026-12-03');
      await p.chat.type('5');
      const fit = await p.chat.type(String(numberOf(p.chat.transcript(), 'Good fit')));
      expect(fit).toContain('[• 5]');
      // The note form takes 1 and 2: the score is not shown again as "[3] 1 [4] 2 …".
      const note = await p.chat.type(String(numberOf(fit, 'Add a note')));
      expect(note).toContain('What did you learn or teach?');
      expect(note).not.toContain('Still open');
      // 4 is still what its last print showed: the score 4.
      expect(await p.chat.type('4')).toContain('Changed to 4/5.');
    } finally {
      await p.close();
    }
  });

  it('after Cancel or Keep, the other button of that question is gone: "1" does not confirm', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    app.clock.set('2026-12-07T09:00:00Z');
    chat = await startConsoleChat(app, { people: [] });
    await chat.type('/admin program new "Winter" 2026-12-07 2027-03-01');
    expect(await chat.type('/admin program end Winter')).toContain(
      '[1] End the program   [2] Cancel',
    );
    expect(await chat.type('2')).toContain('Cancelled; nothing changed.');
    // On a chat platform the answer was edited in: no End button is left to press.
    expect(await chat.type('1')).toContain('No button is numbered 1 here.');
    // A second tap of the same button still reaches it, as a double tap would.
    expect(await chat.type('2')).toContain('Cancelled; nothing changed.');
    expect(await chat.type('/admin program list')).toContain('(running)');
  });

  it('keeps a form question reachable when a question and a scale come in the middle of it', async () => {
    await twoSessionsEndingSoon();
    await chat.type('/goal');
    await chat.type('1'); // with Oleg
    await chat.type('Draft one weekly report with the AI assistant');
    await chat.type('3 weekly reports drafted by the assistant');
    await chat.type('2027-01-15');
    const step = await chat.type('I spend 2 hours on it every Friday');
    expect(numberOf(step, 'Yes')).toBe(1);
    await chat.type('/time +1h');
    await chat.type('1'); // Yes, it happened
    const thanks = await chat.type('4');
    expect(thanks).toContain('4/5');
    const held = await rows("select id from meetings where status = 'held'");
    expect(held).toHaveLength(1);
    // "1" now is the newest print of 1: the rating. The form's Yes says its own number.
    const formYes = numberOf(chat.transcript(), 'Yes');
    expect(formYes).toBeGreaterThan(6);
    expect(await chat.type(String(formYes))).toContain('Goal saved');
    expect(await rows('select id from goals')).toHaveLength(1);
    expect(
      (await rows('select usefulness from meeting_feedback')).map((r) => r.usefulness),
    ).toEqual([4]);
  });
});

describe('questions that wait for me come back', () => {
  it('shows an unanswered "did it happen?" and the fit question again after a restart and on /meetings', async () => {
    await twoSessionsEndingSoon();
    await chat.type('/time +1h');
    // A restart: the questions printed before it are gone from the screen.
    await chat.stop();
    app.close();
    app = app.restart();
    chat = await startConsoleChat(app, {
      people: [
        { id: 'oleg', name: 'Oleg Osipov' },
        { id: 'pia', name: 'Pia Park' },
      ],
    });
    await chat.adapter.whenIdle();
    const back = chat.transcript();
    expect(back).toContain('Waiting for your answer: did your sprint with Oleg Osipov on');
    expect(back).toContain('Waiting for your answer: did your sprint with Pia Park on');
    expect(numberOf(back, 'Yes, it happened')).toBe(4);
    expect(await chat.type('1')).toContain('How useful was “Prompting basics”');
    expect(await chat.type('5')).toContain('how is the pairing with Oleg Osipov working?');

    // /as away and back: the fit question and Pia's session still wait, with their buttons.
    await chat.type('/as oleg');
    const again = await chat.type('/as me');
    expect(again).toContain('how is the pairing with Oleg Osipov working?');
    expect(again).toContain('did your sprint with Pia Park on');
    expect(again).not.toContain('did your sprint with Oleg Osipov');
    await chat.type(String(numberOf(again, 'Good fit')));
    expect(await rows('select fit from pair_fit')).toEqual([{ fit: 'good' }]);

    // /meetings lists what waits for my confirmation, with the same buttons.
    const listed = await chat.type('/meetings');
    expect(listed).not.toContain('Nothing booked');
    expect(listed).toContain('did your sprint with Pia Park on');
    await chat.type(String(numberOf(listed, "No, it didn't")));
    expect(await statusOf('CRM tour')).toBe('missed');
    expect(await chat.type('/meetings')).toContain('Nothing booked');
  });
});

describe('a form command typed while that form is open', () => {
  it('resumes /goal and /sprint where they were, answers kept, instead of starting over', async () => {
    const p = await pairedConsole();
    try {
      await p.chat.type('/goal');
      await p.chat.type('Draft one weekly report with the AI assistant');
      const again = await p.chat.type('/goal');
      expect(again).toContain('continuing where you left off');
      expect(again).toContain('How will you know it is done?');
      expect(again).not.toContain('What exactly will you do?');
      // Back shows the answer given before, with its Keep button.
      const back = await p.chat.type(String(numberOf(again, '← Back')));
      expect(back).toContain('Keep “Draft one weekly report…”');
      await p.chat.type(String(numberOf(back, 'Keep “Draft one weekly report…”')));
      await p.chat.type('3 weekly reports drafted by the assistant');
      await p.chat.type('2027-01-15');
      await p.chat.type('I spend 2 hours on it every Friday');
      expect(await p.chat.type('1')).toContain('Goal saved');
      expect(await p.rows('select specific from goals')).toEqual([
        { specific: 'Draft one weekly report with the AI assistant' },
      ]);

      await bookByHand(p.chat, '/sprint');
      await p.chat.type('2026-12-03');
      const sprint = await bookByHand(p.chat, '/sprint');
      expect(sprint).toContain('continuing where you left off');
      expect(sprint).toContain('At what time (your time zone)?');
      // Cancel is still the way out.
      expect(await p.chat.type(String(numberOf(sprint, '✕ Cancel')))).toContain(
        'nothing was booked',
      );
      expect(await p.rows('select id from meetings')).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('answers read back as people write them', () => {
  it('shows a typed day and time, and a date, in the person’s language — never ISO', async () => {
    const p = await pairedConsole();
    try {
      await bookByHand(p.chat, '/sprint');
      await p.chat.type('2026-12-18 15:00'); // the time comes with the day: the time step is skipped
      const duration = await bookByHand(p.chat, '/sprint'); // resumed at the length step
      const back = await p.chat.type(String(numberOf(duration, '← Back')));
      expect(back).toContain('Current answer: Fri, 18 Dec, 15:00');
      expect(back).toContain('Keep “Fri, 18 Dec, 15:00”');
      expect(back).not.toMatch(/2026-12-18/);
      await p.chat.type(String(numberOf(back, '✕ Cancel')));

      await p.chat.type('/lang ru');
      await p.chat.type('/goal');
      await p.chat.type('Подготовить один еженедельный отчёт с ИИ-ассистентом');
      await p.chat.type('3 отчёта подготовлены ассистентом');
      const relevant = await p.chat.type('2027-01-31');
      const deadline = await p.chat.type(String(numberOf(relevant, '← Назад')));
      expect(deadline).toContain('Оставить «31 января 2027»');
      expect(deadline).not.toContain('2027-01-31»');
    } finally {
      await p.close();
    }
  });
});

describe('dates and zones typed the way people say them', () => {
  it('gives date examples ahead of today, says a past day has passed, and reads a pilot date like /sprint does', async () => {
    const p = await pairedConsole(); // 1 Dec 2026
    try {
      const day = await bookByHand(p.chat, '/sprint');
      expect(day).toContain('Or type a date, with a time if you like: “8 Dec”');
      expect(day).not.toContain('2026-12-03');
      expect(await p.chat.type('2026-11-20')).toContain('That day has already passed');
      expect(await p.chat.type('someday')).toContain('I couldn’t read that date. Try “8 Dec”');
      await p.chat.type('/cancel');
      await p.chat.type('/lang ru');
      const ru = await bookByHand(p.chat, '/sprint');
      expect(ru).toContain('Или напишите дату, можно сразу со временем: «8 декабря»');
      expect(await p.chat.type('2026-11-20')).toContain('Этот день уже прошёл');
      await p.chat.type('/cancel');
      await p.chat.type('/lang en');

      // Lena's idea; Tom, her senior partner, sponsors a pilot "next friday".
      await p.chat.type('/idea');
      await p.chat.type('Reels for the new card');
      await p.chat.type('Short videos bring younger clients to the card page');
      await p.chat.type('Three reels in one week on the bank page');
      await p.chat.type('Visits to the card page from the reels, 100 in a week');
      const idea = (await p.rows('select id from experiments'))[0]?.id;
      await p.as('tom');
      await p.press('tom', encodeAction(SPONSOR_ACTION, p.tom, String(idea)));
      expect(await p.chat.type('sometime')).toContain('Please type a date, e.g. 8 Dec.');
      const sponsored = await p.chat.type('next friday');
      // As /sprint reads it (chrono: the Friday of next week); Lena reads the day, not ISO.
      expect(sponsored).toContain('We’ll look at the result on 11 Dec 2026.');
      expect(await p.rows('select check_date from experiments')).toEqual([
        { check_date: '2026-12-11' },
      ]);
    } finally {
      await p.close();
    }
  });

  it('takes a time zone typed as a city or an abbreviation, and says what it takes', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await chat.type('/join');
    for (const answer of ['3', '2', 'Customer Support', '1', '10', '3,7', 'Chess', '1,4', '2'])
      await chat.type(answer);
    const refused = await chat.type('Atlantis');
    expect(refused).toContain('type a city I know (Moscow, Kaliningrad');
    expect(refused).toContain('an abbreviation (MSK, CET, EST)');
    expect(await chat.type('Москва')).toContain('When do you usually work');
    expect(await rows("select time_zone from users where platform_user_id = 'me'")).toEqual([
      { time_zone: null },
    ]);
    const back = await chat.type('/join');
    expect(back).toContain('continuing where you left off');
    await chat.type(String(numberOf(back, '← Back')));
    expect(await chat.type('MSK')).toContain('When do you usually work');
    await chat.type('1'); // the default hours
    await chat.type('1');
    await chat.type('1');
    expect(await rows("select time_zone from users where platform_user_id = 'me'")).toEqual([
      { time_zone: 'Europe/Moscow' },
    ]);
  });
});

describe('the console’s own lines', () => {
  it('greets in the person’s language after a restart, echoes its own commands, and tells the demo time', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    chat = await startConsoleChat(app);
    expect(chat.transcript()).toContain('Tandem local console — a demo company is loaded.');
    await chat.type('/lang ru');
    await chat.stop();
    app.close();
    app = app.restart();
    chat = await startConsoleChat(app);
    await chat.adapter.whenIdle();
    expect(chat.transcript()).toMatch(/^Локальная консоль Tandem — загружена демо-компания/);
    expect(chat.transcript()).toContain('Чтобы подключить Slack или Telegram');
    // A piped transcript shows every line typed, the console's own commands too.
    expect(await chat.type('/whoami')).toMatch(/^Alex Tester › \/whoami\n/);
    expect(await chat.type('/as anna')).toMatch(/^Alex Tester › \/as anna\n/);
    expect(await chat.type('/as me')).toMatch(/^Anna Petrova › \/as me\n/);
    const time = await chat.type('/time');
    expect(time).toMatch(/^Alex Tester › \/time\n/);
    expect(time).toContain('Часы демо: 2026-12-01 09:00 UTC.');
    expect(time).toContain('/time +1d');
    expect(app.clock.now().toISOString()).toBe('2026-12-01T09:00:00.000Z');
    // Leaving names the file the demo stays in, so the person can find or delete it.
    expect(await chat.type('/quit')).toContain(
      `До встречи! Данные остаются в файле ${app.dbPath} до следующего раза.`,
    );
  });

  it('saves /report and /report 4 under names that say their period', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    chat = await startConsoleChat(app);
    const one = /File saved: (\S+\.png)/.exec(await chat.type('/report'))?.[1];
    const four = /File saved: (\S+\.png)/.exec(await chat.type('/report 4'))?.[1];
    expect(one).toMatch(/tandem-summary-2026-11-23-to-2026-11-29\.png$/);
    expect(four).toMatch(/tandem-summary-2026-11-02-to-2026-11-29\.png$/);
  });
});
