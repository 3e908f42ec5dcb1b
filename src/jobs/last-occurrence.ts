import { DateTime } from 'luxon';
import cron from 'node-cron';

/**
 * The latest moment at or before `now` that a cron expression names, in `zone`; undefined
 * when none falls within `lookbackDays`. Used to tell whether a weekly job was missed.
 */
export function lastOccurrence(
  expression: string,
  now: Date,
  zone: string,
  lookbackDays = 8,
): Date | undefined {
  const f = cron.parse(expression);
  const numbers = (list: (number | string)[]) =>
    list.filter((v): v is number => typeof v === 'number');
  const doms = new Set(numbers(f.dayOfMonth));
  // Cron counts Sunday as 0 or 7; luxon as 7.
  const dows = new Set(numbers(f.dayOfWeek).map((d) => (d === 0 ? 7 : d)));
  const months = new Set(f.month);
  const domRestricted = doms.size < 31;
  const dowRestricted = dows.size < 7;
  const hours = [...f.hour].sort((a, b) => b - a);
  const minutes = [...f.minute].sort((a, b) => b - a);
  const end = DateTime.fromJSDate(now, { zone });
  for (let back = 0; back <= lookbackDays; back++) {
    const day = end.minus({ days: back }).startOf('day');
    if (!months.has(day.month)) continue;
    const domOk = doms.has(day.day);
    const dowOk = dows.has(day.weekday);
    // As node-cron 4 fires: every restricted day field must match (no classic-cron OR).
    const matches = (!domRestricted || domOk) && (!dowRestricted || dowOk);
    if (!matches) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const at = day.set({ hour, minute });
        // A DST gap moves the wall time; only moments that really happened count.
        if (at.hour !== hour || at.minute !== minute) continue;
        if (at <= end) return at.toJSDate();
      }
    }
  }
  return undefined;
}
