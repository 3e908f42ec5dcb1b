import type * as ChronoEn from 'chrono-node/en';
import type * as ChronoRu from 'chrono-node/ru';
import { DateTime } from 'luxon';
import { formatDayTime, formatShortDay } from '../../core/format';
import type { FieldOption } from '../../core/forms/types';
import type { Locale } from '../../core/i18n';
import { lazyRequire } from '../../core/lazy';

/** How far ahead the day buttons go. */
export const BOOKING_DAYS_AHEAD = 14;
/** Start hours offered as buttons; any other time can be typed. */
export const SLOT_HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] as const;
/** The longest sprint or meeting that can be booked. */
export const DURATION_MAX_MIN = 8 * 60;
export const DURATIONS_MIN = [30, 60, 90, 120, 180, 240] as const;

/**
 * chrono-node's English and Russian grammars, loaded the first time someone types a day or a
 * time: the whole package costs a process ≈ 20 MB, the two grammars Tandem reads about half.
 */
const chronoEn = lazyRequire<typeof ChronoEn>('chrono-node/en');
const chronoRu = lazyRequire<typeof ChronoRu>('chrono-node/ru');

/** The next two weeks as buttons, in the person's zone and language: "Thu, 3 Dec". */
export function dayOptions(now: Date, zone: string, locale: Locale): FieldOption[] {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return Array.from({ length: BOOKING_DAYS_AHEAD }, (_, i) => {
    const day = today.plus({ days: i + 1 });
    return { value: day.toISODate() ?? '', label: formatShortDay(day, locale, { weekday: true }) };
  });
}

export function timeOptions(): FieldOption[] {
  return SLOT_HOURS.map((h) => {
    const value = `${String(h).padStart(2, '0')}:00`;
    return { value, label: value };
  });
}

/**
 * A typed day — "2026-12-03", "завтра", "next friday", "3 декабря" — as YYYY-MM-DD in the
 * person's zone; undefined when it can't be read. (chrono-node reads English and Russian.)
 */
export function parseDay(
  text: string,
  now: Date,
  zone: string,
  locale: Locale = 'en',
): string | undefined {
  const input = text.trim();
  if (!input || input.length > 60) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) {
    const iso = DateTime.fromISO(input, { zone });
    return iso.isValid ? (iso.toISODate() ?? undefined) : undefined;
  }
  const lowered = input.toLowerCase();
  const spoken = dayThenRussianTime(lowered, now, zone, locale);
  if (spoken !== null) return spoken;
  const reference = DateTime.fromJSDate(now, { zone });
  const dotted = dayMonth(input, reference);
  if (dotted !== null) return dotted;
  const instant = { instant: now, timezone: reference.offset };
  // The person's language first; and only a reading of the whole text that names a day
  // ("в 15:00" alone, or "not tomorrow but friday", is not a day).
  const [en, ru] = [chronoEn(), chronoRu()];
  const parsers = locale === 'ru' ? [ru, en] : [en, ru];
  for (const parser of parsers) {
    const result = parser.parse(input, instant, { forwardDate: true })[0];
    if (result?.index !== 0 || result.text.length < input.replace(/[.!]+$/, '').length) continue;
    const s = result.start;
    if (!s.isCertain('day') && !s.isCertain('weekday')) continue;
    // "1 Dec" without a year: the nearest 1 December, as for "1.12" (chrono-node's forward
    // dating would book one just gone a year ahead).
    const day =
      s.isCertain('day') && s.isCertain('month') && !s.isCertain('year')
        ? nearestDay(s.get('month') ?? 0, s.get('day') ?? 0, reference)
        : DateTime.fromObject(
            {
              year: s.get('year') ?? reference.year,
              month: s.get('month') ?? reference.month,
              day: s.get('day') ?? reference.day,
            },
            { zone },
          );
    if (!day?.isValid) return undefined;
    // "2026-12-03 15:00", "завтра в 15", "tomorrow 3pm": the time comes along.
    const hour = s.isCertain('hour') ? s.get('hour') : undefined;
    const time =
      hour === undefined || hour === null ? '' : `T${hhmm(hour, s.get('minute') ?? 0) ?? ''}`;
    return `${day.toISODate() ?? ''}${time.length === 6 ? time : ''}`;
  }
  return undefined;
}

/**
 * "31.12" or "31.12." (day and month, as written in Russia and much of Europe), maybe with a
 * time after it: the nearest such day (`nearestDay`). chrono-node reads these only with a
 * year. Null when the text is not of this shape; undefined when it
 * is, but names no day ("31.02") or no time ("31.12 25:00").
 */
function dayMonth(input: string, today: DateTime): string | undefined | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.?(?:\s+(.+))?$/.exec(input);
  if (!match) return null;
  const [, d, m, rest] = match;
  const time = rest === undefined ? '' : parseTime(rest);
  if (time === undefined) return undefined;
  const nearest = nearestDay(Number(m), Number(d), today);
  return nearest ? `${nearest.toISODate() ?? ''}${time ? `T${time}` : ''}` : undefined;
}

/**
 * A day and month without a year: of last year's, this year's and next year's, the one nearest
 * today — in December "5 Jan" is next January, and "1 Dec" two days ago a day that has passed
 * (which the forms refuse as such). Undefined when no year has that day (31 February).
 */
function nearestDay(month: number, day: number, today: DateTime): DateTime | undefined {
  const start = today.startOf('day');
  const away = (x: DateTime) => Math.abs(x.diff(start, 'days').days);
  let nearest: DateTime | undefined;
  for (const year of [start.year - 1, start.year, start.year + 1]) {
    const candidate = DateTime.fromObject({ year, month, day }, { zone: today.zone });
    if (candidate.isValid && (!nearest || away(candidate) < away(nearest))) nearest = candidate;
  }
  return nearest;
}

/**
 * A typed day as `parseDay` stores it ("2026-12-18" or "2026-12-18T15:00"), read back in the
 * person's language: "Fri, 18 Dec" / "пт, 18 дек., 15:00".
 */
export function formatTypedDay(value: string, locale: Locale): string {
  const [day = '', time] = value.split('T');
  const at = DateTime.fromISO(day);
  if (!at.isValid) return value;
  const shown = formatShortDay(at, locale, { weekday: true });
  return time ? `${shown}, ${time}` : shown;
}

/** A typed time — "15:30", "3pm", "в 15" — as HH:MM; undefined when it can't be read. */
export function parseTime(text: string): string | undefined {
  const input = text.trim().toLowerCase();
  if (!input || input.length > 20) return undefined;
  const plain = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(input);
  if (plain) return hhmm(Number(plain[1]), Number(plain[2] ?? 0));
  const russian = russianTime(input);
  if (russian !== null) return russian;
  const result = chronoEn().parse(input)[0] ?? chronoRu().parse(input)[0];
  const hour = result?.start.get('hour');
  if (!result || hour === null || hour === undefined || !result.start.isCertain('hour'))
    return undefined;
  return hhmm(hour, result.start.get('minute') ?? 0);
}

/**
 * A time said the Russian way: "в 3 часа дня", "в 7 вечера", "10 утра", "в 15 часов",
 * "в 2 ночи". chrono-node reads some of these and not others, and "в 3 часа дня" as 03:00.
 * Null when the text is not of this shape (chrono-node then tries); undefined when it is but
 * names no time ("в 25 часов").
 */
const RUSSIAN_TIME =
  /^(?:в\s+)?(\d{1,2})(?:[:.](\d{2}))?(?:\s*ч(?:ас(?:а|ов)?)?\.?)?(?:\s+(утра|дня|вечера|ночи))?$/;

function russianTime(input: string): string | undefined | null {
  const match = RUSSIAN_TIME.exec(input);
  if (!match || !/[а-яё]/.test(input)) return null;
  const [, hours, minutes, part] = match;
  let h = Number(hours);
  // The part of the day moves 1–11 to the afternoon or evening; "12 дня" is noon, "12 ночи"
  // midnight; an hour past 12 is read as it is.
  if ((part === 'дня' && h <= 6) || (part === 'вечера' && h < 12)) h += 12;
  if (part === 'ночи' && h === 12) h = 0;
  if ((part === 'утра' || part === 'ночи') && h > 12) return undefined;
  return hhmm(h, Number(minutes ?? 0));
}

/** "завтра в 3 часа дня": a day, then a time said the Russian way (see `russianTime`). */
function dayThenRussianTime(
  input: string,
  now: Date,
  zone: string,
  locale: Locale,
): string | undefined | null {
  const match =
    /^(.+?)\s+((?:в\s+)?\d{1,2}(?:[:.]\d{2})?(?:\s*ч(?:ас(?:а|ов)?)?\.?)?(?:\s+(?:утра|дня|вечера|ночи))?)$/.exec(
      input,
    );
  if (!match?.[1] || !match[2] || !/[а-яё]/.test(match[2])) return null;
  const time = russianTime(match[2]);
  const day = parseDay(match[1], now, zone, locale);
  if (time === null || !day || day.includes('T')) return null;
  return time === undefined ? undefined : `${day}T${time}`;
}

function hhmm(h: number, m: number): string | undefined {
  if (!Number.isInteger(h) || !Number.isInteger(m) || h > 23 || m > 59 || h < 0 || m < 0)
    return undefined;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export type WhenProblem = 'invalid' | 'dst_gap' | 'past';

/**
 * The UTC instant of a local day and time in a zone. A time that doesn't exist there (the
 * hour skipped when clocks go forward) is refused rather than silently moved.
 */
export function combine(
  dayValue: string,
  timeValue: string,
  zone: string,
  now: Date,
): Date | WhenProblem {
  // A day typed together with its time ("tomorrow 3pm") carries the time: "YYYY-MM-DDTHH:MM".
  const [day = '', typedTime] = dayValue.split('T');
  const time = typedTime ?? timeValue;
  const [h, m] = time.split(':').map(Number);
  const local = DateTime.fromISO(day, { zone }).set({
    hour: h ?? 0,
    minute: m ?? 0,
    second: 0,
    millisecond: 0,
  });
  if (!local.isValid) return 'invalid';
  if (local.hour !== h || local.minute !== m) return 'dst_gap';
  const at = local.toJSDate();
  if (at.getTime() <= now.getTime()) return 'past';
  return at;
}

/**
 * How long until a meeting, as a reminder says it: whole hours from about an hour on (so a
 * reminder a minute late still says "24 hours"), minutes below that. One of the two is 0.
 */
export function timeLeft(from: Date, to: Date): { hours: number; minutes: number } {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  return minutes >= 55 ? { hours: Math.round(minutes / 60), minutes: 0 } : { hours: 0, minutes };
}

/** "Thu, 3 Dec, 15:00–17:00 (Europe/Berlin)" in the reader's zone and language. */
export function formatSlot(start: Date, durationMin: number, zone: string, locale: Locale): string {
  const to = DateTime.fromJSDate(start, { zone }).plus({ minutes: durationMin });
  return `${formatDayTime(start, zone, locale)}–${to.toFormat('HH:mm')} (${zone})`;
}
