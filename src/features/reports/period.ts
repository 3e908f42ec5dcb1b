import { DateTime } from 'luxon';

export interface Period {
  /** Inclusive start and exclusive end, both week boundaries (Monday 00:00) in the org's zone. */
  from: Date;
  to: Date;
  weeks: number;
}

/** Monday 00:00 of the organisation's week containing `now`. */
export function weekStart(now: Date, zone: string): DateTime {
  return DateTime.fromJSDate(now, { zone }).startOf('week');
}

/**
 * The last `weeks` complete weeks before `now`, in the organisation's zone: a summary on
 * Monday 09:00 covers Monday to Sunday just ended, and so does `report` later that week.
 */
export function reportPeriod(now: Date, zone: string, weeks = 1): Period {
  const end = weekStart(now, zone);
  return { from: end.minus({ weeks }).toJSDate(), to: end.toJSDate(), weeks };
}

/** The period just before, of the same length (for ▲▼). */
export function previousPeriod(period: Period, zone: string): Period {
  const from = DateTime.fromJSDate(period.from, { zone }).minus({ weeks: period.weeks });
  return { from: from.toJSDate(), to: period.from, weeks: period.weeks };
}

/** The starts of the `count` weeks ending with the period's end (oldest first), plus that end. */
export function weekEdges(period: Period, zone: string, count: number): Date[] {
  const end = DateTime.fromJSDate(period.to, { zone });
  return Array.from({ length: count + 1 }, (_, i) => end.minus({ weeks: count - i }).toJSDate());
}
