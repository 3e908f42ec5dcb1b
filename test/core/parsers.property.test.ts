import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '../../src/core/actions';
import { parseCommand, splitArgs } from '../../src/core/command-parser';
import { parseTimeZone } from '../../src/core/format';
import { ACTION_DATA_MAX_BYTES } from '../../src/core/replies';
import { parseLocaleArg } from '../../src/features/opt-in/lang';
import { parseInterests } from '../../src/features/opt-in/profile-options';

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

describe('command parser', () => {
  it('parses commands, with @bot suffixes and arguments', () => {
    expect(parseCommand('/join')).toEqual({ name: 'join', args: '' });
    expect(parseCommand('  /Pause   3 ')).toEqual({ name: 'pause', args: '3' });
    expect(parseCommand('/start@TandemBot deep-link')).toEqual({
      name: 'start',
      args: 'deep-link',
    });
    expect(parseCommand('hello /join')).toBeUndefined();
    expect(parseCommand('/')).toBeUndefined();
    expect(parseCommand('/1abc')).toBeUndefined();
    expect(splitArgs('new "Spring cohort" 2026-03-01')).toEqual([
      'new',
      'Spring cohort',
      '2026-03-01',
    ]);
    // As phones and Russian keyboards type quotes; each part trimmed.
    expect(splitArgs('new “Spring  cohort ” «Весна 2027» „Frühling“ x')).toEqual([
      'new',
      'Spring cohort',
      'Весна 2027',
      'Frühling',
      'x',
    ]);
    // A quote left open stays on its word, for the command to refuse.
    expect(splitArgs('new "Spring 2027-01-01')).toEqual(['new', '"Spring', '2027-01-01']);
  });

  it('never throws, and anything it accepts is a short lower-case name', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const parsed = parseCommand(input);
        if (parsed) {
          expect(parsed.name).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
          expect(input.trim().startsWith('/')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any command name with any argument text', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
        fc.string({ maxLength: 100 }),
        (name, args) => {
          expect(parseCommand(`/${name} ${args}`)).toEqual({ name, args: args.trim() });
        },
      ),
    );
  });
});

describe('button data', () => {
  it('round-trips, and rejects anything malformed or oversized without throwing', () => {
    const data = encodeAction('f', 42, 'abcdefgh', '3', 'o', '7');
    expect(decodeAction(data)).toEqual({ name: 'f', owner: 42, args: ['abcdefgh', '3', 'o', '7'] });
    expect(() => encodeAction('x', 1, 'y'.repeat(ACTION_DATA_MAX_BYTES))).toThrow();
    fc.assert(
      fc.property(fc.oneof(anyText, fc.anything()), (input) => {
        const decoded = decodeAction(input);
        if (decoded)
          expect(Buffer.byteLength(String(input))).toBeLessThanOrEqual(ACTION_DATA_MAX_BYTES);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('argument and answer parsers', () => {
  it('never throw on any input', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        parseLocaleArg(input);
        parseInterests(input);
        const zone = parseTimeZone(input);
        if (zone) expect(parseTimeZone(zone)).toBe(zone);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads time zones: names, offsets with a sign, nothing else', () => {
    expect(parseTimeZone('asia/tokyo')).toBe('Asia/Tokyo');
    // Renamed zones by their current names, whichever spelling was typed.
    expect(parseTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(parseTimeZone('asia/calcutta')).toBe('Asia/Kolkata');
    expect(parseTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(parseTimeZone('UTC+3')).toBe('UTC+3');
    expect(parseTimeZone('gmt −5')).toBe('UTC-5');
    expect(parseTimeZone('+05:30')).toBe('UTC+5:30');
    for (const bad of ['UTC03', 'GMT 03', '03', '05:30', 'x10', '+15', 'Mars/Base']) {
      expect(parseTimeZone(bad), bad).toBeUndefined();
    }
  });

  it('reads typed days only when the whole text names a day', async () => {
    const { parseDay } = await import('../../src/features/scheduling/when');
    const now = new Date('2026-12-01T09:00:00Z');
    expect(parseDay('завтра', now, 'Europe/Moscow', 'ru')).toBe('2026-12-02');
    expect(parseDay('tomorrow', now, 'Asia/Tokyo', 'en')).toBe('2026-12-02');
    expect(parseDay('3 декабря', now, 'Europe/Moscow', 'ru')).toBe('2026-12-03');
    expect(parseDay('в 15:00', now, 'Europe/Moscow', 'ru')).toBeUndefined();
    expect(parseDay('not tomorrow but friday', now, 'UTC', 'en')).toBeUndefined();
    expect(parseDay('tomorrow 3pm', now, 'UTC', 'en')).toBe('2026-12-02T15:00');
    // Times said the Russian way, alone or after a day.
    const { parseTime } = await import('../../src/features/scheduling/when');
    for (const [text, time] of [
      ['в 3 часа дня', '15:00'],
      ['в 5 вечера', '17:00'],
      ['10 утра', '10:00'],
      ['в 12 дня', '12:00'],
      ['в 12 ночи', '00:00'],
      ['в 15 часов', '15:00'],
      ['в 9:30 утра', '09:30'],
      ['15ч', '15:00'],
      ['в 15 ч.', '15:00'],
    ])
      expect(parseTime(text ?? ''), text).toBe(time);
    expect(parseTime('в 25 часов')).toBeUndefined();
    expect(parseDay('завтра в 3 часа дня', now, 'Europe/Moscow', 'ru')).toBe('2026-12-02T15:00');
    // Day and month with dots, as written in Russia: the next such day, maybe with a time.
    expect(parseDay('31.12', now, 'Europe/Moscow', 'ru')).toBe('2026-12-31');
    expect(parseDay('5.01.', now, 'UTC', 'en')).toBe('2027-01-05');
    // A day just gone is that day (the form says it has passed), not next year's.
    expect(parseDay('30.11', now, 'UTC', 'en')).toBe('2026-11-30');
    expect(parseDay('1.03', now, 'UTC', 'en')).toBe('2027-03-01');
    // The same with the month named: the nearest such day, not chrono's next year.
    expect(parseDay('30 November', now, 'UTC', 'en')).toBe('2026-11-30');
    expect(parseDay('30 ноября', now, 'Europe/Moscow', 'ru')).toBe('2026-11-30');
    expect(parseDay('5 January', now, 'UTC', 'en')).toBe('2027-01-05');
    expect(parseDay('1.12 15:30', now, 'UTC', 'en')).toBe('2026-12-01T15:30');
    for (const bad of ['31.02', '31.12 25:00', '1.13', '0.12'])
      expect(parseDay(bad, now, 'UTC'), bad).toBeUndefined();
    fc.assert(
      fc.property(anyText, (text) => {
        const day = parseDay(text, now, 'UTC', 'en');
        // A day, maybe with the time typed along ("now", "tomorrow 3pm").
        if (day) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
      }),
      { numRuns: 500 },
    );
  });

  it('normalises interests and enforces the limits', () => {
    expect(parseInterests(' Chess ;running,  chess,,JAZZ  club ')).toEqual([
      'chess',
      'running',
      'jazz club',
    ]);
    expect(parseInterests(Array.from({ length: 11 }, (_, i) => `i${i}`).join(','))).toBeUndefined();
    expect(parseInterests('x'.repeat(41))).toBeUndefined();
    // A bare number is a button pressed where there is none, not a hobby.
    expect(parseInterests('10')).toBeUndefined();
    expect(parseInterests('chess, 3')).toBeUndefined();
    expect(parseInterests('3D printing, F1')).toEqual(['3d printing', 'f1']);
  });
});
