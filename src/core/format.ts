import { DateTime, IANAZone } from 'luxon';
import type { Locale } from './i18n';

/** A date as people read it, in their zone and language: "12 December 2026". */
export function formatDate(date: Date, locale: Locale, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
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

/** Accepts an IANA name ("asia/tokyo" too) or a fixed offset ("+3", "UTC-5"). */
export function parseTimeZone(text: string): string | undefined {
  const input = text.trim();
  if (input.length === 0 || input.length > 64) return undefined;
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
  // Intl knows the canonical spelling ("asia/tokyo" → "Asia/Tokyo").
  return new Intl.DateTimeFormat('en', { timeZone: input }).resolvedOptions().timeZone;
}
