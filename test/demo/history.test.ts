import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { seedDemoHistory } from '../../src/demo/history';
import { seedDemoCompany } from '../../src/demo/seed';
import { reportPeriod } from '../../src/features/reports/period';
import { computeSummary } from '../../src/features/reports/summary';

const K_ANON_MIN = 3;

/** Every day of a week, at the hours around its edges, in `zone`. */
const momentsIn = (zone: string) =>
  Array.from({ length: 7 }, (_, day) =>
    [0, 1, 8, 12, 16, 23].map((hour) =>
      DateTime.fromISO('2026-12-07T00:00', { zone })
        .plus({ days: day, hours: hour, minutes: 30 })
        .toJSDate(),
    ),
  ).flat();

/** Zones on both sides of UTC; one test each (42 databases, each migrated and seeded). */
const ZONES = ['UTC', 'Europe/Moscow', 'America/Los_Angeles', 'Pacific/Kiritimati'];

describe('the demo company’s past', () => {
  it.each(ZONES)(
    'gives /report real figures whatever day and hour the demo is first opened (%s)',
    async (zone) => {
      const failures: string[] = [];
      for (const now of momentsIn(zone)) {
        const database = openDatabase(':memory:');
        await seedDemoCompany(database.db, now);
        await seedDemoHistory(database.db, now, zone);
        const summary = await computeSummary(
          database.db,
          { K_ANON_MIN, ORG_TIMEZONE: zone, platforms: [] },
          reportPeriod(now, zone),
        );
        // The last complete week: sessions held, and enough raters for the usefulness mean.
        if (!summary.usefulness.shown || summary.usefulness.count < K_ANON_MIN)
          failures.push(`${zone} ${now.toISOString()}: usefulness hidden`);
        if (summary.meetings.held < 2) failures.push(`${zone} ${now.toISOString()}: no sessions`);
        if (!summary.previous.usefulness.shown)
          failures.push(`${zone} ${now.toISOString()}: no week to compare with`);
        // Nothing in the demo's past lies in the future.
        const future = database.sqlite
          .prepare(
            "select count(*) as n from meetings where status = 'held' and starts_at > ? union all select count(*) from meeting_feedback where created_at > ?",
          )
          .all(now.getTime(), now.getTime()) as { n: number }[];
        if (future.some((r) => r.n > 0)) failures.push(`${zone} ${now.toISOString()}: future past`);
        database.close();
      }
      expect(failures).toEqual([]);
    },
  );
});
