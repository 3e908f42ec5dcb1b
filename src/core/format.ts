import { DateTime, IANAZone } from 'luxon';
import type { Locale } from './i18n';

/** A moment's day as people read it, in their zone and language: "12 Dec 2026" / "12 декабря 2026". */
export function formatDate(date: Date, locale: Locale, zone: string): string {
  return formatLongDay(DateTime.fromJSDate(date, { zone }), locale);
}

/** Russian months after a day number, in full: "31 января". */
const RU_MONTHS_FULL = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/**
 * A calendar day with its year, as people write it: "31 Jan 2027" / "31 января 2027". Takes a
 * day as stored (YYYY-MM-DD, no zone: it is already the reader's or the program's day) or a
 * moment already in the reader's zone; anything unreadable is shown as it is.
 */
export function formatLongDay(day: string | DateTime, locale: Locale): string {
  const at = typeof day === 'string' ? DateTime.fromISO(day.slice(0, 10)) : day;
  if (!at.isValid) return String(day);
  if (locale === 'ru') return `${at.day} ${RU_MONTHS_FULL[at.month - 1] ?? ''} ${at.year}`;
  return formatShortDay(at, locale, { year: true });
}

/**
 * Russian months after a day number, as Russian typography writes them: the genitive, cut
 * only where the cut is customary ("9 янв.", "9 марта", "9 мая", "9 июня", "9 сент."). Intl's
 * standalone form gives "9 март", "9 май", and its own cuts "мар.", "июн." read oddly.
 */
const RU_MONTHS_AFTER_DAY = [
  'янв.',
  'февр.',
  'марта',
  'апр.',
  'мая',
  'июня',
  'июля',
  'авг.',
  'сент.',
  'окт.',
  'нояб.',
  'дек.',
] as const;

/**
 * A short day as people write it, in the moment's zone: "Thu, 3 Dec" / "чт, 3 дек.",
 * "9 Mar 2027" / "9 марта 2027" (with `weekday`, `year`).
 */
export function formatShortDay(
  at: DateTime,
  locale: Locale,
  options: { weekday?: boolean; year?: boolean } = {},
): string {
  const local = at.setLocale(locale);
  const month =
    locale === 'ru' ? (RU_MONTHS_AFTER_DAY[local.month - 1] ?? '') : local.toFormat('LLL');
  const day = `${local.day} ${month}${options.year ? ` ${local.year}` : ''}`;
  return options.weekday ? `${local.toFormat('ccc')}, ${day}` : day;
}

/**
 * A date a week from now, for examples in hints and errors, so an example is never a day
 * already gone: `iso` "2026-12-16", `natural` "16 Dec" / "16 декабря" (both readable by the
 * day parser).
 */
export function dayExample(
  now: Date,
  zone: string,
  locale: Locale,
): { iso: string; natural: string } {
  const at = DateTime.fromJSDate(now, { zone }).plus({ days: 7 });
  const natural =
    locale === 'ru'
      ? `${at.day} ${RU_MONTHS_FULL[at.month - 1] ?? ''}`
      : formatShortDay(at, locale);
  return { iso: at.toISODate() ?? '', natural };
}

/** A day and a time in a zone: "Fri, 4 Dec, 09:00" / "пт, 4 дек., 09:00". */
export function formatDayTime(date: Date, zone: string, locale: Locale): string {
  const at = DateTime.fromJSDate(date, { zone });
  return `${formatShortDay(at, locale, { weekday: true })}, ${at.toFormat('HH:mm')}`;
}

/** The zone's offset at a moment, e.g. "UTC+3" or "UTC+5:30", for choosing a time zone. */
export function formatOffset(zone: string, at: Date): string {
  const minutes = DateTime.fromJSDate(at, { zone }).offset;
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/**
 * What people type for the zones Tandem offers: cities and common abbreviations, English and
 * Russian. (An abbreviation that names a zone with summer time — CET, EST — means that zone.)
 */
const ZONE_ALIASES = new Map<string, string>(
  Object.entries({
    moscow: 'Europe/Moscow',
    москва: 'Europe/Moscow',
    msk: 'Europe/Moscow',
    мск: 'Europe/Moscow',
    'saint petersburg': 'Europe/Moscow',
    'st petersburg': 'Europe/Moscow',
    'санкт-петербург': 'Europe/Moscow',
    петербург: 'Europe/Moscow',
    питер: 'Europe/Moscow',
    спб: 'Europe/Moscow',
    kaliningrad: 'Europe/Kaliningrad',
    калининград: 'Europe/Kaliningrad',
    yekaterinburg: 'Asia/Yekaterinburg',
    ekaterinburg: 'Asia/Yekaterinburg',
    екатеринбург: 'Asia/Yekaterinburg',
    екб: 'Asia/Yekaterinburg',
    yekt: 'Asia/Yekaterinburg',
    novosibirsk: 'Asia/Novosibirsk',
    новосибирск: 'Asia/Novosibirsk',
    london: 'Europe/London',
    лондон: 'Europe/London',
    bst: 'Europe/London',
    berlin: 'Europe/Berlin',
    берлин: 'Europe/Berlin',
    cet: 'Europe/Berlin',
    cest: 'Europe/Berlin',
    dubai: 'Asia/Dubai',
    дубай: 'Asia/Dubai',
    'new york': 'America/New_York',
    nyc: 'America/New_York',
    'нью-йорк': 'America/New_York',
    est: 'America/New_York',
    edt: 'America/New_York',
  }),
);

/**
 * Accepts an IANA name ("asia/tokyo" too), a fixed offset ("+3", "UTC-5"), or a city or
 * abbreviation of the zones offered ("Moscow", "Москва", "MSK").
 */
export function parseTimeZone(text: string): string | undefined {
  const input = text.trim();
  if (input.length === 0 || input.length > 64) return undefined;
  const alias = ZONE_ALIASES.get(
    input
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[\s.]+/g, ' ')
      .trim(),
  );
  if (alias) return alias;
  const offset = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(input);
  if (offset) {
    const hours = Number(offset[2]);
    const mins = Number(offset[3] ?? 0);
    if (hours > 14 || mins >= 60) return undefined;
    const sign = offset[1] === '+' ? '+' : '-';
    return `UTC${sign}${hours}${mins ? `:${String(mins).padStart(2, '0')}` : ''}`;
  }
  if (/^(utc|gmt|z)$/i.test(input)) return 'UTC';
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(input)) return undefined;
  if (!IANAZone.isValidZone(input)) return undefined;
  // Intl knows the canonical spelling ("asia/tokyo" → "Asia/Tokyo"), but by ICU's oldest name
  // for a renamed zone: people read the current one ("Asia/Kolkata", not "Asia/Calcutta").
  const canonical = new Intl.DateTimeFormat('en', { timeZone: input }).resolvedOptions().timeZone;
  const current = RENAMED_ZONES[canonical];
  return current && IANAZone.isValidZone(current) ? current : canonical;
}

/** Zones the IANA database renamed, which ICU still resolves to their old names. */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
};

/** One formatter per language and number of places: building an Intl formatter is not free. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A figure as people write it in their language: "4.2" in English, "4,2" in Russian (a
 * decimal point reads as a typo there). `places` fixes the digits after the point ("5.0"
 * beside "4.2" on the chart); without it a whole number stays whole ("4") and a fraction shows
 * one place, as the means are rounded. No thousands separator: the figures are small, and
 * "1 234" could break across lines.
 */
export function formatNumber(value: number, locale: Locale, places?: number): string {
  const key = `${locale}:${places ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: places ?? 0,
      maximumFractionDigits: places ?? 1,
      useGrouping: false,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
