import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions';
import { getProfile } from '../../src/db/queries/profiles';
import { PAUSE_RESUME_TIMER } from '../../src/features/opt-in/pause';
import { HELD_ACTION } from '../../src/features/scheduling/service';
import { runDueTimers } from '../../src/jobs/timers';
import { createTestApp, type TestApp } from '../helpers/app';
import { bookByHand } from '../helpers/console-chat';
import { captureLogs } from '../helpers/log-capture';
import { type PairedConsole, pairedConsole } from '../helpers/pair';
import { rawRun } from '../helpers/raw';
import { startTelegram, type TelegramHarness } from '../helpers/telegram';

const EXPIRED = 'This button no longer works';

let p: PairedConsole;
let app: TestApp;
let tg: TelegramHarness;
afterEach(async () => {
  await p?.close();
});

/** Lena books a sprint on 3 December, 15:00 Moscow; returns the meeting's id and sequence. */
async function bookSprint(): Promise<{ id: number; sequence: number; endsAt: number }> {
  await bookByHand(p.chat, '/sprint');
  await p.chat.type('2026-12-03');
  await p.chat.type('15:00');
  await p.chat.type('7'); // Keep “2 h”
  await p.chat.type('Set up an AI assistant for the weekly report');
  await p.chat.type('1'); // Skip the link
  const row = (await p.rows('select id, sequence, starts_at, duration_min from meetings'))[0] as {
    id: number;
    sequence: number;
    starts_at: number;
    duration_min: number;
  };
  return { id: row.id, sequence: row.sequence, endsAt: row.starts_at + row.duration_min * 60_000 };
}

const meetingStatus = async () => (await p.rows('select status from meetings'))[0]?.status;

describe('button arguments are parsed before a handler runs', () => {
  it('answers a garbled "did it happen?" with the expired reply and records nothing', async () => {
    p = await pairedConsole();
    const meeting = await bookSprint();
    p.app.clock.set(new Date(meeting.endsAt + 60_000));
    await p.tick();
    expect(p.chat.transcript()).toContain('Did your sprint with Tom Berg happen?');

    // Before: any answer but "y" or "m" was taken as "no, it did not happen".
    const garbled = await p.press(
      'lena',
      encodeAction(HELD_ACTION, p.lena, String(meeting.id), 'maybe', String(meeting.sequence)),
    );
    expect(garbled).toContain(EXPIRED);
    expect(await meetingStatus()).toBe('scheduled');
    // An id `Number()` would have read as this meeting's: not an id.
    const sloppyId = await p.press(
      'lena',
      encodeAction(HELD_ACTION, p.lena, `${meeting.id}.0`, 'n', String(meeting.sequence)),
    );
    expect(sloppyId).toContain(EXPIRED);
    // A missing part is as stale as a wrong one.
    expect(
      await p.press('lena', encodeAction(HELD_ACTION, p.lena, String(meeting.id), 'y')),
    ).toContain(EXPIRED);
    expect(await meetingStatus()).toBe('scheduled');

    // The real button still works.
    await p.press(
      'lena',
      encodeAction(HELD_ACTION, p.lena, String(meeting.id), 'y', String(meeting.sequence)),
    );
    expect(await meetingStatus()).toBe('held');
  });
});

describe('form modes are parsed before a form uses them', () => {
  it('closes a form whose stored mode does not parse, saving nothing', async () => {
    p = await pairedConsole();
    const meeting = await bookSprint();
    const meetingsNow = () => p.rows('select id, starts_at, sequence from meetings');
    const booked = await meetingsNow();
    await bookByHand(p.chat, '/sprint');
    // A mode `Number()` would have read as "move meeting 1": a stored mode is parsed, not split.
    await rawRun(
      p.app.database.db,
      "update form_sessions set mode = ? where status = 'active'",
      `reschedule:${meeting.id}.0:${meeting.sequence}`,
    );
    await p.chat.type('2026-12-04');
    await p.chat.type('15:00');
    await p.chat.type('7');
    await p.chat.type('Another report');
    const out = await p.chat.type('1');

    expect(out).toContain('That form is closed');
    expect(await meetingsNow()).toEqual(booked);
    expect(await p.rows("select count(*) as n from form_sessions where status = 'active'")).toEqual(
      [{ n: 0 }],
    );
  });
});

describe('action ids are namespaced by feature', () => {
  afterEach(async () => {
    await tg?.adapter.stop();
    app?.close();
    app?.dispose();
  });

  it('sends namespaced ids, and old buttons already in chats keep working', async () => {
    app = createTestApp();
    tg = await startTelegram(app);
    await tg.say('/help');
    const sent = tg.api.last().buttons.map((b) => b.callback_data ?? '');
    const join = sent.find((d) => d.startsWith('optin.join|'));
    expect(join).toBeDefined();
    expect(sent.some((d) => d.startsWith('optin.guide|'))).toBe(true);
    const owner = join?.split('|')[1] ?? '';

    // The same buttons as /help sent them before ids were namespaced.
    await tg.press(`guide.show|${owner}`);
    expect(tg.api.last().text).toContain('Preparation guide');
    await tg.press(`join.start|${owner}`);
    expect(tg.api.last().text).toContain('What would you like to do in the program?');
    // An id no version ever sent, and a current one with an argument it does not take.
    await tg.press(`zz.show|${owner}`);
    expect(tg.api.last().text).toContain(EXPIRED);
    await tg.press(`optin.guide|${owner}|extra`);
    expect(tg.api.last().text).toContain(EXPIRED);
  });
});

describe('timer payloads are parsed before a handler runs', () => {
  it('fails a timer whose payload does not parse at once, with a logged code, and changes nothing', async () => {
    p = await pairedConsole();
    await p.chat.type('/pause');
    const pausedUntil = (await getProfile(p.app.database.db, p.lena))?.profile.pausedUntil;
    expect(pausedUntil).toBeInstanceOf(Date);
    // A row written by another version: the id as text. `Number()` used to take it.
    await rawRun(
      p.app.database.db,
      'update timers set payload = ? where kind = ?',
      JSON.stringify({ userId: String(p.lena) }),
      PAUSE_RESUME_TIMER,
    );
    p.app.clock.advance(15 * 24 * 3600_000);
    const logs = captureLogs('info');
    const before = p.chat.transcript().length;

    const report = await runDueTimers(
      { db: p.app.database.db, config: p.app.config, logger: logs.logger },
      p.app.clock.now(),
    );
    await p.app.outbox.drain();

    expect(report).toEqual({ done: 0, failed: 1 });
    expect(await p.rows('select status, attempts from timers')).toEqual([
      { status: 'failed', attempts: 1 },
    ]);
    expect(logs.find({ code: 'timer_payload_invalid', kind: PAUSE_RESUME_TIMER })).toHaveLength(1);
    expect((await getProfile(p.app.database.db, p.lena))?.profile.pausedUntil).toEqual(pausedUntil);
    expect(p.chat.transcript().slice(before)).not.toContain('welcome back');
  });
});
