import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTimeZone } from '../../src/core/format';
import { one } from '../../src/db/first';
import { pairs, users } from '../../src/db/schema';
import { bookByHand } from '../helpers/console-chat';
import { consoleRef, type PairedConsole, pairedConsole } from '../helpers/pair';
import { participant } from '../helpers/participants';

/**
 * "Find a time" on the console. Lena (mentor, Moscow, UTC+3) and Tom (mentee, Berlin, UTC+1)
 * are a pair; it is Tuesday 1 December 2026, 12:00 in Moscow.
 */
let paired: PairedConsole | undefined;
afterEach(async () => {
  await paired?.close();
  paired = undefined;
});

const meetingRows = (p: PairedConsole) =>
  p.rows('select pair_id, kind, starts_at, duration_min, status from meetings order by id');

describe('Find a time on the console', () => {
  it('offers slots inside both people’s hours, in my zone with the partner’s time, and books one in one tap', async () => {
    paired = await pairedConsole();
    const p = paired;
    const offered = await p.chat.type('/sprint');
    expect(offered).toContain('── Find a time ──');
    // Moscow 13:00–15:00 is Berlin 11:00–13:00: inside both (an hour's notice from 12:00).
    expect(offered).toContain('[1] Tue, 1 Dec, 13:00 (Tom Berg: 11:00)');
    // Berlin's 09:00 start is Moscow's 11:00: the other days open there.
    expect(offered).toContain('Wed, 2 Dec, 11:00 (Tom Berg: 09:00)');
    expect(offered).not.toContain('Sat, 5 Dec');
    expect(offered).toContain('Other time');

    const booked = await p.chat.type('1');
    expect(booked).toContain('Booked: the sprint on Tue, 1 Dec, 13:00.');
    expect(booked).toContain('Your sprint with Tom Berg is booked:');
    expect(booked).toContain('Tue, 1 Dec, 13:00–15:00 (Europe/Moscow)');
    expect(await meetingRows(p)).toEqual([
      {
        pair_id: p.pairId,
        kind: 'sprint',
        starts_at: Date.parse('2026-12-01T10:00:00Z'),
        duration_min: 120,
        status: 'scheduled',
      },
    ]);
    // Tom has his invite too, in his zone.
    expect(p.chat.transcript()).toContain('Tue, 1 Dec, 11:00–13:00 (Europe/Berlin)');
  });

  it('works for a time zone typed as an offset ("+3"), as the profile form stores it', async () => {
    paired = await pairedConsole();
    const p = paired;
    const typed = parseTimeZone('+3');
    expect(typed).toBe('UTC+3');
    await p.app.database.db.update(users).set({ timeZone: typed }).where(eq(users.id, p.lena));
    // UTC+3 is Moscow's offset: the same slots as above, no "something went wrong".
    const offered = await p.chat.type('/sprint');
    expect(offered).toContain('[1] Tue, 1 Dec, 13:00 (Tom Berg: 11:00)');
    expect(await p.chat.type('1')).toContain('Tue, 1 Dec, 13:00–15:00 (UTC+3)');
    // The profile says it once.
    expect(await p.chat.type('/profile')).toMatch(/Time zone: UTC\+3\n/);
    // Tom, in Berlin, finds the same times from his side.
    await p.app.database.db
      .update(users)
      .set({ timeZone: parseTimeZone('-1:30') })
      .where(eq(users.id, p.tom));
    const fromLena = await p.chat.type('/meet');
    expect(fromLena).toContain('── Find a time ──');
    expect(fromLena).not.toContain('went wrong');
  });

  it("shows a slot booking's task in each reader's language", async () => {
    paired = await pairedConsole();
    const p = paired;
    await p.chat.type('/lang ru');
    await p.chat.type('/sprint');
    const booked = await p.chat.type('1');
    // Lena reads Russian, Tom English: the same session, no task typed.
    expect(booked).toContain('«Спринт»');
    expect(booked).toMatch(
      /→ to Tom Berg · Tandem:\nYour sprint with Lena Orlova is booked:[\s\S]*«Sprint»/,
    );
    expect(await p.chat.type('/meetings')).toContain('«Спринт»');
  });

  it('says a slot taken meanwhile or already past is gone, and offers fresh ones', async () => {
    paired = await pairedConsole();
    const p = paired;
    await p.chat.type('/meet');
    const slot = `meet.slot|${p.lena}|m|${p.pairId}|${Date.parse('2026-12-01T10:00:00Z') / 60_000}`;
    await p.press('lena', slot);
    expect(await meetingRows(p)).toHaveLength(1);
    // The same button again: that hour is taken now.
    const again = await p.press('lena', slot);
    expect(again).toContain(
      'That time is no longer free (or has passed). Here are fresh suggestions.',
    );
    expect(again).toContain('── Find a time ──');
    expect(again).not.toContain('Tue, 1 Dec, 13:00 (Tom Berg');
    expect(await meetingRows(p)).toHaveLength(1);
    // A slot whose time has passed.
    p.app.clock.set('2026-12-01T12:00:00Z');
    const late = `meet.slot|${p.lena}|m|${p.pairId}|${Date.parse('2026-12-01T11:30:00Z') / 60_000}`;
    expect(await p.press('lena', late)).toContain('That time is no longer free');
    expect(await meetingRows(p)).toHaveLength(1);
  });

  it('with no working hours in common, says so and offers the closest times', async () => {
    paired = await pairedConsole();
    const p = paired;
    const db = p.app.database.db;
    // Tokyo's 09:00–18:00 is 00:00–09:00 UTC; London's is 09:00–18:00 UTC.
    await db.update(users).set({ timeZone: 'Asia/Tokyo' }).where(eq(users.id, p.lena));
    await db.update(users).set({ timeZone: 'Europe/London' }).where(eq(users.id, p.tom));
    const offered = await p.chat.type('/meet');
    expect(offered).toContain(
      'You and Tom Berg have no working hours in common in the next seven days. These are the closest times',
    );
    // The closest: an hour just outside one of the two days, never at night for anyone.
    expect(offered).toContain('[1] Tue, 1 Dec, 19:00 (Tom Berg: 10:00)');
    expect(offered).toContain('Wed, 2 Dec, 16:00 (Tom Berg: 07:00)');
    await p.chat.type('1');
    expect(await meetingRows(p)).toHaveLength(1);
  });

  it('a group: the slots fit the mentor and every mentee, and one tap books each pair', async () => {
    paired = await pairedConsole();
    const p = paired;
    const db = p.app.database.db;
    const mia = await participant(p.app, consoleRef('mia'), 'Mia Sato', {
      role: 'mentee',
      grade: 5,
      learn: ['ai'],
    });
    // Tokyo (UTC+9) works 00:00–09:00 UTC, Berlin 08:00–17:00, Moscow 06:00–15:00: all
    // three only 08:00–09:00 UTC, which is 11:00 in Moscow.
    await db.update(users).set({ timeZone: 'Asia/Tokyo' }).where(eq(users.id, mia));
    await db.update(pairs).set({ group: true }).where(eq(pairs.id, p.pairId));
    const miaPair = (
      await one(
        db
          .insert(pairs)
          .values({
            mentorUserId: p.lena,
            menteeUserId: mia,
            group: true,
            createdAt: p.app.clock.now(),
          })
          .returning(),
      )
    ).id;
    const offered = await p.chat.type('/meet');
    expect(offered).toContain('for you and Tom Berg, Mia Sato');
    const slots = [...offered.matchAll(/\[\d+\] (\w{3}, \d+ Dec, \d\d:\d\d)/g)].map((m) => m[1]);
    expect(slots.length).toBeGreaterThanOrEqual(3);
    for (const slot of slots) expect(slot).toMatch(/11:00$/);
    await p.chat.type('1');
    const booked = await meetingRows(p);
    expect(booked.map((m) => m.pair_id).sort()).toEqual([p.pairId, miaPair].sort());
    expect(new Set(booked.map((m) => m.starts_at))).toEqual(
      new Set([Date.parse('2026-12-02T08:00:00Z')]),
    );
  });

  it('a time typed by hand outside the partner’s hours is kept only after a warning naming their time', async () => {
    paired = await pairedConsole();
    const p = paired;
    await bookByHand(p.chat, '/sprint');
    await p.chat.type('2026-12-03');
    // 10:00 in Moscow is 08:00 in Berlin: before Tom's day starts.
    const warned = await p.chat.type('10:00');
    expect(warned).toContain(
      'That is Thu, 3 Dec, 08:00 for Tom Berg — outside their working hours.',
    );
    expect(warned).toContain('Keep this time');
    // Answered, not skipped: Keep or Pick another (and Back, Cancel).
    expect(warned).not.toContain('Skip');
    // "Pick another time" goes back to the time question; nothing is booked.
    const back = await p.chat.type(/(\d+)\. \(.\) Pick another time/.exec(warned)?.[1] ?? '');
    expect(back).toContain('At what time');
    // 23:30 in Berlin is night for Tom.
    const night = await p.chat.type('01:30');
    expect(night).toContain('That is Wed, 2 Dec, 23:30 for Tom Berg — the middle of their night.');
    await p.chat.type(/(\d+)\. \(.\) Pick another time/.exec(night)?.[1] ?? '');
    // 15:00 in Moscow is 13:00 in Berlin: no warning, straight on.
    expect(await p.chat.type('15:00')).toContain('How long?');
    expect(await meetingRows(p)).toEqual([]);
    // Kept after the warning: a Saturday for Tom.
    await p.chat.type('/cancel');
    await bookByHand(p.chat, '/sprint');
    await p.chat.type('2026-12-05');
    const weekend = await p.chat.type('15:00');
    expect(weekend).toContain("That is Sat, 5 Dec, 13:00 for Tom Berg — a day they don't work.");
    await p.chat.type(/(\d+)\. \(.\) Keep this time/.exec(weekend)?.[1] ?? '');
    await p.chat.type('7'); // Keep "2 h"
    await p.chat.type('A Saturday session');
    await p.chat.type('1'); // no link
    expect(await meetingRows(p)).toHaveLength(1);
  });

  it('a day and time typed instead of a slot is offered back as a sprint or a meeting, one tap each', async () => {
    paired = await pairedConsole();
    const p = paired;
    const offered = await p.chat.type('/sprint');
    expect(offered).toContain('or type a day and time, like “tomorrow 15:00”');
    // Moscow 16:00 is Berlin 14:00: inside both people's hours, so no warning.
    const typed = await p.chat.type('tomorrow 16:00');
    expect(typed).toContain(
      'Wed, 2 Dec, 16:00 (Tom Berg: 14:00): a sprint or a meeting? One tap books it for everyone',
    );
    expect(typed).toContain('[1] Sprint, 2 h   [2] Meeting, 1 h');
    expect(typed).not.toContain('outside their working hours');
    // The offer takes over from the suggestions: they are not shown as still open.
    expect(typed).not.toContain('Still open');
    expect(await meetingRows(p)).toEqual([]);
    expect(await p.chat.type('2')).toContain('Booked: the meeting on Wed, 2 Dec, 16:00.');
    expect(await meetingRows(p)).toEqual([
      {
        pair_id: p.pairId,
        kind: 'meeting',
        starts_at: Date.parse('2026-12-02T13:00:00Z'),
        duration_min: 60,
        status: 'scheduled',
      },
    ]);
    expect(p.chat.transcript()).toContain('Wed, 2 Dec, 14:00–15:00 (Europe/Berlin)');
    // The same start again: the pair already meets then.
    expect(await p.chat.type('tomorrow 16:30')).toContain(
      'At that time you or Tom Berg already have a Tandem session',
    );
    expect(await meetingRows(p)).toHaveLength(1);
  });

  it('a typed time: in Russian, at night for the partner, without a time, in the past; other text is not taken', async () => {
    paired = await pairedConsole();
    const p = paired;
    await p.chat.type('/lang ru');
    const ru = await p.chat.type('завтра в 15');
    expect(ru).toContain('ср, 2 дек., 15:00 (Tom Berg: 13:00): спринт или встреча?');
    expect(ru).toContain('[1] Спринт, 2 ч   [2] Встреча, 1 ч');
    await p.chat.type('/lang en');
    // 01:30 in Moscow is 23:30 in Berlin: said before anything is booked.
    expect(await p.chat.type('3 Dec 01:30')).toContain(
      'That is Wed, 2 Dec, 23:30 for Tom Berg — the middle of their night.',
    );
    expect(await p.chat.type('friday')).toContain(
      'At what time on Fri, 4 Dec? Type just the time, like “15:00”',
    );
    expect(await p.chat.type('today 10:00')).toContain('That time has already passed');
    expect(await p.chat.type('see you tomorrow at 3')).toContain("I didn't catch that");
    expect(await meetingRows(p)).toEqual([]);
    // Someone with no partner is told why nothing can be booked.
    await p.app.database.db.update(pairs).set({ status: 'ended' }).where(eq(pairs.id, p.pairId));
    expect(await p.chat.type('tomorrow 16:00')).toContain("You don't have a partner yet");
  });

  it('a day alone is asked its time, and the time typed next is taken for it; a past day is refused', async () => {
    paired = await pairedConsole();
    const p = paired;
    expect(await p.chat.type('yesterday')).toContain('That day has already passed');
    expect(await p.chat.type('friday')).toContain('At what time on Fri, 4 Dec? Type just the time');
    const offer = await p.chat.type('15:00');
    expect(offer).toContain('Fri, 4 Dec, 15:00 (Tom Berg: 13:00): a sprint or a meeting?');
    // Asked once: a time alone later is not taken for that day again.
    await p.chat.type('1');
    expect(await meetingRows(p)).toHaveLength(1);
    expect(await p.chat.type('16:00')).toContain("I didn't catch that");
  });

  it('a typed time is checked for each length: a sprint that would run into a session is not offered', async () => {
    paired = await pairedConsole();
    const p = paired;
    // A session Wed 17:00–19:00 Moscow; at 16:00 a 1-hour meeting fits, a 2-hour sprint does not.
    await p.chat.type('tomorrow 17:00');
    await p.chat.type('1');
    const typed = await p.chat.type('tomorrow 16:00');
    expect(typed).toContain('A 2-hour sprint would run into another session of yours or Tom Berg');
    expect(typed).toContain('[1] Meeting, 1 h');
    expect(typed).not.toContain('Sprint, 2 h');
    // At 17:30 nothing fits: said so, and no "one tap books it" above it.
    const taken = await p.chat.type('tomorrow 17:30');
    expect(taken).toContain('already have a Tandem session');
    expect(taken).not.toContain('One tap');
    // Thursday 18:30 Moscow is 16:30 Berlin: a 1-hour meeting ends inside Tom's day (18:00),
    // the 2-hour sprint offered with it past it, and that is said.
    const late = await p.chat.type('thursday 18:30');
    expect(late).toContain('[1] Sprint, 2 h');
    expect(late).toContain('That is Thu, 3 Dec, 16:30 for Tom Berg — outside their working hours.');
  });
});
