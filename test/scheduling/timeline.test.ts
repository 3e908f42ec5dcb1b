import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/sqlite';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';
import {
  bookByHand,
  type ConsoleChat,
  startConsoleChat,
  typeTimeKept,
} from '../helpers/console-chat';
import { pairedConsole } from '../helpers/pair';
import { participant } from '../helpers/participants';
import { rawRun } from '../helpers/raw';

let app: TestApp;
let chat: ConsoleChat;

afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

const ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });
const rows = (sql: string) => rawRows<Record<string, unknown>>(app.database.db, sql);
const tick = async () => {
  const report = await runDueTimers(
    { db: app.database.db, config: app.config, logger: silentLogger, adapters: app.adapters },
    app.clock.now(),
  );
  app.outbox.kick();
  await app.settle();
  return report;
};

/** Lena (mentor, Moscow) and Tom (mentee, Berlin) are a pair; the console types as Lena. */
async function pairUp(start = '2026-12-01T09:00:00Z') {
  ({ app, chat } = await pairedConsole(start));
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

/** Books a sprint: typed day and time, keep 2 h, a task, no link. */
async function book(day: string, time: string) {
  await bookByHand(chat, '/sprint');
  await chat.type(day);
  await typeTimeKept(chat, time);
  await chat.type('7'); // Keep “2 h”
  await chat.type('Set up an AI assistant for the weekly report');
  return chat.type('1'); // Skip the link
}

describe('a sprint from booking to "did it happen?"', () => {
  it('books in two time zones with .ics invites, reminds 24 h and 1 h before, then asks', async () => {
    await pairUp();
    const booked = await book('2026-12-03', '15:00');
    // Lena sees Moscow time; Tom sees Berlin time — the same instant, 12:00 UTC.
    expect(booked).toContain('Thu, 3 Dec, 15:00–17:00 (Europe/Moscow)');
    expect(booked).toContain('→ to Tom Berg · Tandem:');
    expect(booked).toContain('Thu, 3 Dec, 13:00–15:00 (Europe/Berlin)');
    const icsPath = /File saved: (.+lena-tandem-sprint-1\.ics)/.exec(booked)?.[1] ?? '';
    const ics = readFileSync(icsPath, 'utf8');
    // No one on the console has an e-mail: a plain calendar object, no iTIP method (see
    // test/scheduling/invites.test.ts for the iTIP case).
    expect(ics).not.toContain('METHOD:');
    expect(ics).toMatch(/UID:[0-9a-f-]{36}\r\n/);
    expect(ics).toContain('DTSTART:20261203T120000Z');
    expect(ics).toContain('SEQUENCE:0');
    // Stamped with the engine's clock (the demo's, a test's), never the wall clock.
    expect(ics).toContain('DTSTAMP:20261201T090000Z');
    expect(
      (
        await rows("select kind, due_at from timers where kind like 'meeting.%' order by due_at")
      ).map((r) => r.kind),
    ).toEqual(['meeting.remind', 'meeting.remind', 'meeting.after']);

    app.clock.set('2026-12-02T12:00:00Z');
    expect((await tick()).done).toBe(1);
    expect(chat.transcript()).toContain('Reminder: your sprint with Tom Berg starts in 24 hours');
    expect(chat.transcript()).toContain(
      '→ to Tom Berg · Tandem:\nReminder: your sprint with Lena Orlova starts in 24 hours',
    );
    app.clock.set('2026-12-03T11:00:00Z');
    await tick();
    expect(chat.transcript()).toContain('starts in an hour');
    app.clock.set('2026-12-03T14:00:00Z');
    await tick();
    expect(chat.transcript()).toContain('Did your sprint with Tom Berg happen?');
    // "Yes" leads straight into the feedback poll. (The question takes over from the booking's
    // Reschedule / Cancel / Can't make it, so its buttons are 1–3.)
    expect(chat.transcript()).toContain('[1] Yes, it happened   [2] It was moved');
    expect(await chat.type('1')).toContain(
      'How useful was “Set up an AI assistant for the weekly report” for you?',
    );
    expect(await rows('select status from meetings')).toEqual([{ status: 'held' }]);
    expect(await rows("select action from audit_log where action = 'meeting.held'")).toHaveLength(
      1,
    );
    // The partner's "Yes" is already recorded; Tom arrives to his own poll, which stays in
    // reach wherever its first print is gone (a console restart).
    expect(await chat.type('/as tom')).toContain(
      'How useful was “Set up an AI assistant for the weekly report” for you?',
    );
    expect(await chat.type('4')).toContain('Thank you — saved: 4/5.');
    // Answered, it is not offered again.
    await chat.type('/as lena');
    expect(await chat.type('/as tom')).not.toContain('How useful was');
  });

  it('after a three-day downtime drops reminders that are too late and asks "did it happen?" once', async () => {
    await pairUp();
    await book('2026-12-02', '18:00');
    app.clock.set('2026-12-05T09:00:00Z');
    expect((await tick()).done).toBe(3);
    expect(chat.transcript()).not.toContain('Reminder:');
    const asked = chat.transcript().split('Did your sprint').length - 1;
    expect(asked).toBe(2); // once each
    await tick();
    expect(chat.transcript().split('Did your sprint').length - 1).toBe(2);
  });

  it('cancels with a METHOD:CANCEL invite and no more reminders', async () => {
    await pairUp();
    await book('2026-12-03', '15:00');
    // The invite's "Cancel it" asks first, naming the session; nothing changes until Yes.
    const ask = await chat.type('2');
    expect(ask).toContain('Cancel the sprint on Thu, 3 Dec, 15:00 with Tom Berg?');
    expect(ask).toContain('[1] Yes, cancel   [2] Keep it');
    expect(await rows('select status from meetings')).toEqual([{ status: 'scheduled' }]);
    expect(await chat.type('2')).toContain('Kept — nothing changed.');
    expect(await rows('select status from meetings')).toEqual([{ status: 'scheduled' }]);
    // The invite is still open (shown again below the question, with its own numbers).
    const again = await chat.type(String(numberOf(chat.transcript(), 'Cancel it')));
    expect(again).toContain('Cancel the sprint on Thu, 3 Dec, 15:00 with Tom Berg?');
    const out = await chat.type(String(numberOf(again, 'Yes, cancel')));
    expect(out).toContain('Cancelled. Your partner has been told.');
    // The cancelling invite says to take it off the calendar.
    expect(out).toContain(
      '→ to Tom Berg · Tandem:\nOpen the file to cancel it in your calendar (or delete the event there)',
    );
    expect(out).not.toContain('Add it to your calendar');
    expect(out).toContain(
      '→ to Tom Berg · Tandem:\nYour sprint with Lena Orlova on Thu, 3 Dec, 13:00–15:00 (Europe/Berlin) is cancelled.',
    );
    const cancelIcs = readFileSync(
      /File saved: (.+tom-tandem-sprint-1-cancelled\.ics)/.exec(out)?.[1] ?? '',
      'utf8',
    );
    expect(cancelIcs).toContain('STATUS:CANCELLED');
    expect(cancelIcs).toContain('SEQUENCE:1');
    expect(await rows("select count(*) as n from timers where status = 'pending'")).toEqual([
      { n: 0 },
    ]);
    expect(await chat.type('/meetings')).toContain('Nothing booked.');
  });
});

describe('/meetings', () => {
  it("lists each session with its invite's buttons, so one can be cancelled after a restart", async () => {
    await pairUp();
    await book('2026-12-03', '15:00');
    // A restart: the invite printed before it is gone from the screen.
    await chat.stop();
    app.close();
    app = app.restart();
    chat = await startConsoleChat(app, {
      me: { id: 'lena', name: 'Lena Orlova' },
      people: [{ id: 'tom', name: 'Tom Berg' }],
    });
    const listed = await chat.type('/meetings');
    expect(listed).toContain('Coming up');
    expect(listed).toContain('Thu, 3 Dec, 15:00–17:00 (Europe/Moscow)');
    expect(listed).toContain("[1] Reschedule   [2] Cancel it   [3] Can't make it");
    const ask = await chat.type(String(numberOf(listed, 'Cancel it')));
    expect(ask).toContain('Cancel the sprint on Thu, 3 Dec, 15:00 with Tom Berg?');
    expect(await chat.type(String(numberOf(ask, 'Yes, cancel')))).toContain(
      'Cancelled. Your partner has been told.',
    );
    expect(await rows('select status from meetings')).toEqual([{ status: 'cancelled' }]);
    expect(await chat.type('/meetings')).toContain('Nothing booked.');
  });
});

describe('moving and "can\'t make it"', () => {
  it('reschedules with an updated invite (higher SEQUENCE) and fresh reminders', async () => {
    await pairUp();
    await book('2026-12-03', '15:00');
    const form = await chat.type('1'); // Reschedule
    expect(form).toContain('Move the session');
    // Later the same day, overlapping the old slot: that is the meeting itself, not a clash.
    await chat.type('2026-12-03');
    await chat.type('16:00');
    await chat.type('7'); // Keep 2 h
    await chat.type('1'); // Keep the task
    const moved = await chat.type('1'); // Skip the link
    expect(moved).toContain('Both of you have the new time');
    expect(moved).toContain(
      '→ to Tom Berg · Tandem:\nYour sprint with Lena Orlova has moved — the new time:\nThu, 3 Dec, 14:00–16:00 (Europe/Berlin)',
    );
    const ics = readFileSync(
      /File saved: (.+tom-tandem-sprint-1-update-1\.ics)/.exec(moved)?.[1] ?? '',
      'utf8',
    );
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('DTSTART:20261203T130000Z');
    expect(await rows("select count(*) as n from timers where status = 'pending'")).toEqual([
      { n: 3 },
    ]);
    app.clock.set('2026-12-02T12:00:00Z');
    await tick();
    expect(chat.transcript()).not.toContain('Reminder:'); // the old 24 h reminder is gone
    app.clock.set('2026-12-02T13:00:00Z');
    await tick();
    expect(chat.transcript()).toContain('Reminder: your sprint with Tom Berg starts in 24 hours');
  });

  it('"can\'t make it" cancels and asks the partner to pick a new time', async () => {
    await pairUp();
    await book('2026-12-03', '15:00');
    const ask = await chat.type('3');
    expect(ask).toContain(
      "You can't make the sprint on Thu, 3 Dec, 15:00 with Tom Berg? It will be cancelled",
    );
    const out = await chat.type('1'); // Yes, cancel
    expect(out).toContain('your partner has been asked to pick a new time with you');
    expect(out).toContain("Lena Orlova can't make it. Please pick a new time together");
    expect(await rows('select status, sequence from meetings')).toEqual([
      { status: 'cancelled', sequence: 1 },
    ]);
  });
});

describe('when the pair ends', () => {
  it('calls off future sessions with a cancelling invite when someone leaves', async () => {
    await pairUp();
    await book('2026-12-03', '15:00');
    await chat.type('/as tom');
    await chat.type('/leave');
    const out = await chat.type('1');
    expect(out).toContain(
      '→ to Lena Orlova · Tandem:\nYour sprint with Tom Berg on Thu, 3 Dec, 15:00–17:00 (Europe/Moscow) is cancelled.',
    );
    expect(out).toContain('Tom Berg has left the program, so your pairing is closed.');
    // Why first, then the cancellation it brings.
    expect(out.indexOf('has left the program')).toBeLessThan(out.indexOf('is cancelled.'));
    expect(
      await rows(
        "select count(*) as n from timers where status = 'pending' and kind like 'meeting.%'",
      ),
    ).toEqual([{ n: 0 }]);
  });
});

describe('nudges', () => {
  it('nudges a quiet pair every CADENCE_DAYS, marks it at risk after three, and resets when they book', async () => {
    const { runNudges, atRiskPairs } = await import('../../src/features/scheduling/nudges');
    await pairUp();
    const deps = { db: app.database.db, config: app.config, adapters: app.adapters };
    const day = 24 * 3600_000;
    app.clock.advance(13 * day);
    expect(await runNudges(deps, app.clock.now())).toBe(0);
    app.clock.advance(day);
    expect(await runNudges(deps, app.clock.now())).toBe(1);
    expect(await runNudges(deps, app.clock.now())).toBe(0); // once per period
    await app.settle();
    app.outbox.kick();
    await app.settle();
    // They have not met yet: no "since your last session".
    expect(chat.transcript()).toContain(
      "You and Tom Berg were paired 14 days ago and haven't met yet.",
    );
    expect(chat.transcript()).toContain(
      "→ to Tom Berg · Tandem:\nYou and Lena Orlova were paired 14 days ago and haven't met yet.",
    );
    expect(chat.transcript()).not.toContain('since your last session');
    for (const _ of [1, 2]) {
      app.clock.advance(14 * day);
      expect(await runNudges(deps, app.clock.now())).toBe(1);
    }
    expect(await atRiskPairs(app.database.db)).toHaveLength(1);
    // "Book a sprint" on the nudge starts the booking form; booking resets the count.
    app.outbox.kick();
    await app.settle();
    await chat.type('/as lena');
    const form = await chat.type('1');
    expect(form).toContain('Book a sprint');
    await chat.type('/cancel');
    await book('2027-01-20', '10:00');
    expect(await atRiskPairs(app.database.db)).toHaveLength(0);
  });

  it('counts from the last session held; a program past its last day ends by itself, and its pairs are left alone', async () => {
    const { runNudges } = await import('../../src/features/scheduling/nudges');
    const { endProgramsPastTheirEnd } = await import('../../src/features/admin/program-end');
    ({ app, chat } = await pairedConsole('2026-12-01T09:00:00Z', { ADMIN_IDS: 'console:lena' }));
    const deps = { db: app.database.db, config: app.config, adapters: app.adapters };
    await rawRun(
      app.database.db,
      "insert into programs (name, start_date, end_date, status, created_at) values ('Winter', '2026-11-01', '2026-12-20', 'active', ?)",
      app.clock.now().getTime(),
    );
    await rawRun(app.database.db, 'update pairs set program_id = (select id from programs)');
    await book('2026-12-03', '15:00');
    await rawRun(app.database.db, "update meetings set status = 'held'");
    app.clock.set('2026-12-17T12:00:00Z');
    expect(await runNudges(deps, app.clock.now())).toBe(1);
    app.outbox.kick();
    await app.settle();
    expect(chat.transcript()).toContain("It's been 14 days since your last session with Tom Berg.");
    // The last day is 20 December: on it nothing ends; the day after, the program does.
    app.clock.set('2026-12-20T20:00:00Z');
    expect(await endProgramsPastTheirEnd(deps, app.clock.now())).toBe(0);
    app.clock.set('2026-12-21T06:00:00Z');
    expect(await endProgramsPastTheirEnd(deps, app.clock.now())).toBe(1);
    expect(await endProgramsPastTheirEnd(deps, app.clock.now())).toBe(0);
    app.outbox.kick();
    await app.settle();
    expect(await rows('select status from programs')).toEqual([{ status: 'ended' }]);
    expect(chat.transcript()).toContain(
      '“Winter” reached its last day (20 Dec 2026) and has ended. The final survey went to 2 people; pairs are no longer nudged.',
    );
    expect(await rows('select count(*) as n from survey_invites')).toEqual([{ n: 2 }]);
    app.clock.set('2027-01-20T12:00:00Z');
    expect(await runNudges(deps, app.clock.now())).toBe(0);
  });

  it('leaves people on a break alone', async () => {
    const { runNudges } = await import('../../src/features/scheduling/nudges');
    await pairUp();
    await chat.type('/pause 4');
    app.clock.advance(20 * 24 * 3600_000);
    expect(
      await runNudges(
        { db: app.database.db, config: app.config, adapters: app.adapters },
        app.clock.now(),
      ),
    ).toBe(0);
  });
});

describe('races and stale answers', () => {
  it('does not bring back a session the partner cancelled while the move form was open', async () => {
    await pairUp();
    await book('2026-12-03', '15:00');
    await chat.type('1'); // Reschedule: the form opens
    await chat.type('/as tom');
    await chat.type('2'); // Tom cancels from his invite…
    await chat.type('1'); // …and confirms
    await chat.type('/as lena');
    await chat.type('/join'); // (back to Lena: her form is shown again)
    await chat.type('2026-12-04');
    await chat.type('15:00');
    await chat.type('7');
    await chat.type('1');
    const out = await chat.type('1');
    expect(out).toContain('This session was moved or called off meanwhile — nothing was changed.');
    expect(await rows('select status from meetings')).toEqual([{ status: 'cancelled' }]);
  });

  it('ignores an old "did it happen?" answer about a session moved since', async () => {
    await pairUp();
    await book('2026-12-02', '10:00');
    app.clock.set('2026-12-02T10:00:00Z');
    await tick(); // both are asked
    const asked = (await rows('select id from meetings'))[0]?.id;
    const move = await chat.type('2'); // Lena: "It was moved"
    // Its time is past: no "Keep" of a day and time that would only be refused.
    expect(move).toContain('Move the session');
    expect(move).not.toContain('Keep “');
    await chat.type('2026-12-05');
    await typeTimeKept(chat, '10:00'); // a Saturday: kept after the warning
    await chat.type('7');
    await chat.type('1');
    await chat.type('1');
    await chat.type('/as tom');
    // Tom answers "No" on his (old) question: it is about the earlier version.
    const stale = await app.engine.handle({
      id: 'stale-held',
      type: 'action',
      data: `mt.h|${(await rows("select id from users where platform_user_id = 'tom'"))[0]?.id}|${asked}|n|0`,
      user: { ref: ref('tom'), name: 'Tom Berg' },
      conversation: { platform: 'console', workspace: 'local', id: 'tom', kind: 'dm' },
    });
    expect(stale).toEqual({});
    await app.settle();
    expect(chat.transcript()).toContain('This question is about an earlier version of the session');
    expect(await rows('select status, sequence from meetings')).toEqual([
      { status: 'scheduled', sequence: 1 },
    ]);
  });

  it('after downtime sends only the reminder that is still true', async () => {
    await pairUp();
    await book('2026-12-03', '15:00'); // 12:00 UTC
    app.clock.set('2026-12-03T11:30:00Z'); // down since before the 24 h reminder
    await tick();
    // The 1-hour reminder, half an hour late, says the time that is really left.
    expect(chat.transcript()).toContain('starts in 30 minutes');
    expect(chat.transcript()).not.toContain('starts in 24 hours');
    expect(chat.transcript()).not.toContain('starts in an hour');
  });

  it('a 24-hour reminder sent late after downtime says how long is really left', async () => {
    await pairUp();
    await rawRun(app.database.db, "update users set locale = 'ru' where platform_user_id = 'tom'");
    await book('2026-12-03', '15:00'); // 12:00 UTC
    app.clock.set('2026-12-03T09:00:00Z'); // down through the 24 h mark; the 1 h one is not due
    expect((await tick()).done).toBe(1);
    expect(chat.transcript()).toContain(
      'Reminder: your sprint with Tom Berg starts in 3 hours — Thu, 3 Dec, 15:00–17:00 (Europe/Moscow).',
    );
    expect(chat.transcript()).toContain(
      '→ to Tom Berg · Tandem:\nНапоминание: спринт с Lena Orlova через 3 часа — чт, 3 дек., 13:00–15:00 (Europe/Berlin).',
    );
    expect(chat.transcript()).not.toContain('24 hours');
    expect(chat.transcript()).not.toContain('24 часа');
  });

  it('makes up no ORGANIZER or ATTENDEE addresses, and counts only real sessions for nudges', async () => {
    const { runNudges } = await import('../../src/features/scheduling/nudges');
    await pairUp();
    const booked = await book('2026-12-28', '10:00');
    const ics = readFileSync(
      /File saved: (.+lena-tandem-sprint-1\.ics)/.exec(booked)?.[1] ?? '',
      'utf8',
    );
    // The console gives no e-mail addresses: nobody is named with an invented one.
    expect(ics).not.toMatch(/ORGANIZER|ATTENDEE|tandem\.local/);
    expect(ics).toContain('Tom Berg'); // in the title
    await chat.type('2'); // cancel it again
    await chat.type('1'); // Yes, cancel
    app.clock.advance(14 * 24 * 3600_000 + 1);
    // The cancelled booking is no contact: the pair is nudged on day 14.
    expect(
      await runNudges(
        { db: app.database.db, config: app.config, adapters: app.adapters },
        app.clock.now(),
      ),
    ).toBe(1);
  });
});

describe('bad input when booking', () => {
  it('re-asks with a reason and saves nothing', async () => {
    await pairUp();
    await bookByHand(chat, '/sprint');
    expect(await chat.type('someday maybe')).toContain('I couldn’t read that date.');
    // A day already gone is refused right at the day question.
    expect(await chat.type('2026-11-30')).toContain('That day has already passed');
    // So is one typed as day and month: not booked silently a year ahead.
    expect(await chat.type('30.11')).toContain('That day has already passed');
    expect(await chat.type('30 Nov')).toContain('That day has already passed');
    await chat.type('2026-12-01');
    // Today, but an hour already past (it is 12:00 in Moscow), is refused at the time question.
    expect(await chat.type('09:00')).toContain('That time has already passed');
    expect(await chat.type('25:99')).toContain('I couldn’t read that time.');
    expect(await rows('select * from meetings')).toHaveLength(0);
  });

  it('takes "завтра в 15" at the day question and asks again there when it has passed', async () => {
    await pairUp('2026-12-01T20:00:00Z');
    await chat.type('/lang ru');
    await bookByHand(chat, '/sprint');
    const length = await chat.type('завтра в 15');
    expect(length).toContain('Сколько длится?');
    await chat.type('7');
    await chat.type('Задача');
    expect(await chat.type('1')).toContain(
      'Спринт с Tom Berg назначен:\nср, 2 дек., 15:00–17:00 (Europe/Moscow)',
    );
    await bookByHand(chat, '/sprint');
    // Typed with its time and already past: refused at once, at the day question.
    const again = await chat.type('2026-11-30 10:00');
    expect(again).toContain('Это время уже прошло');
    expect(again).toContain('В какой день?');
    // A time said the Russian way is the afternoon it names, at the day question or the time's.
    await chat.type('/cancel');
    await bookByHand(chat, '/sprint');
    await chat.type('3 декабря в 2 часа дня');
    await chat.type('7');
    await chat.type('Задача');
    expect(await chat.type('1')).toContain('чт, 3 дек., 14:00–16:00 (Europe/Moscow)');
    await bookByHand(chat, '/sprint');
    await chat.type('2026-12-04');
    await chat.type('в 5 вечера');
    await chat.type('7');
    await chat.type('Задача');
    expect(await chat.type('1')).toContain('пт, 4 дек., 17:00–19:00 (Europe/Moscow)');
  });

  it('offers today only the hours still ahead', async () => {
    await pairUp(); // Tuesday 1 December, 12:00 in Moscow
    await bookByHand(chat, '/sprint');
    const today = await chat.type('2026-12-01');
    expect(today).toContain('At what time (your time zone)?');
    expect(today).not.toMatch(/\( \) (0[89]|1[0-2]):00/);
    expect(today).toContain('13. ( ) 13:00');
    // Typed alone, an hour is that hour — never another option, never Cancel (numbered after).
    expect(await chat.type('15')).toContain('How long?');
    await chat.type('/cancel');
    await bookByHand(chat, '/sprint');
    const tomorrow = await chat.type('2026-12-02');
    expect(tomorrow).toContain('8. ( ) 08:00');
    // Hours not offered keep their number too: the buttons after the hours start at 24, so
    // 22 typed for 22:00 is that time, not Cancel.
    expect(tomorrow).toMatch(/\[24\] .*Back.*\[25\] ✕ Cancel/s);
    expect(await chat.type('22')).toContain('outside their working hours');
  });

  it('refuses a time that does not exist on a DST night, and overlaps', async () => {
    await pairUp('2027-03-20T09:00:00Z');
    // Tom is in Berlin: on 2027-03-28 the clocks jump from 02:00 to 03:00.
    await chat.type('/as tom');
    await bookByHand(chat, '/sprint');
    await chat.type('2027-03-28');
    expect(await chat.type('02:30')).toContain('does not exist in your time zone');
    await chat.type('/cancel');
    await book('2027-03-25', '10:00');
    // A start inside that session is refused at the time step, before length, task and link.
    await bookByHand(chat, '/sprint');
    await chat.type('2027-03-25');
    const atOnce = await chat.type('11:00');
    expect(atOnce).toContain('You already have a session with this partner at that time');
    expect(atOnce).not.toContain('How long?');
    // Typed with its day, the same.
    await chat.type('/cancel');
    await bookByHand(chat, '/sprint');
    expect(await chat.type('2027-03-25 10:30')).toContain(
      'You already have a session with this partner at that time',
    );
    await chat.type('/cancel');
    // One that starts before it but runs into it is found once its length is known.
    const runsInto = await book('2027-03-25', '09:00');
    expect(runsInto).toContain(
      'Lasting 2 h, it would run into another session with this partner. Pick another time, or keep this one and choose a shorter length.',
    );
    expect(await rows('select * from meetings')).toHaveLength(1);
    // Which is a way out: the time kept, a shorter length.
    const kept = await chat.type(/\[(\d+)\] Keep “09:00”/.exec(runsInto)?.[1] ?? '');
    expect(kept).toContain('How long?');
    await chat.type(/(\d+)\. \( \) 1 h\b/.exec(kept)?.[1] ?? '');
    await chat.type('1'); // Keep the task
    expect(await chat.type('1')).toContain('Thu, 25 Mar, 09:00–10:00 (Europe/Berlin)'); // Skip the link
    expect(await rows('select * from meetings')).toHaveLength(2);
    // Late in the evening (night in Moscow for Lena) the warning is kept; when the length then
    // runs into a later session, the warning asked again shows its answer, and no "Keep" of it.
    await book('2027-03-24', '22:00');
    const late = await book('2027-03-24', '21:00');
    expect(late).toContain('Lasting 2 h, it would run into another session');
    const again = await chat.type(/\[(\d+)\] Keep “21:00”/.exec(late)?.[1] ?? '');
    expect(again).toContain('1. (•) Keep this time');
    expect(again).not.toContain('Keep “');
    expect(await chat.type('1')).toContain('How long?');
  });

  it('asks for a pair first, and refuses buttons of meetings that are not yours', async () => {
    app = createTestApp();
    await participant(app, ref('solo'), 'Solo Person', { role: 'mentee', grade: 4, learn: ['ai'] });
    chat = await startConsoleChat(app, { me: { id: 'solo', name: 'Solo Person' } });
    expect(await bookByHand(chat, '/sprint')).toContain("You don't have a partner yet");
    expect(await chat.type('/meet')).toContain(
      "You don't have a partner yet — sprints and meetings are booked with your pair.",
    );
    const solo = (await rows("select id from users where platform_user_id = 'solo'"))[0]?.id;
    await app.engine.handle({
      id: 'x1',
      type: 'action',
      data: `mt.x|${solo}|1`,
      user: { ref: ref('solo'), name: 'Solo Person' },
      conversation: { platform: 'console', workspace: 'local', id: 'solo', kind: 'dm' },
    });
    await app.settle();
    expect(chat.transcript()).toContain('This meeting is not one of yours.');
  });
});
