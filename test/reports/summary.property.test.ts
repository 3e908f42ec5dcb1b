import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/sqlite';
import { reportPeriod } from '../../src/features/reports/period';
import { computeSummary } from '../../src/features/reports/summary';
import { createTestApp } from '../helpers/app';
import { rawRun } from '../helpers/raw';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-07T06:30:00Z');

const app = createTestApp({ env: { ORG_TIMEZONE: 'Europe/Moscow' } });
afterAll(() => {
  app.close();
  app.dispose();
});

describe('the summary funnel on random programs', () => {
  it('"met at least once" and "at risk" say what the queries they replaced said', async () => {
    const { db } = app.database;
    const period = reportPeriod(NOW, 'Europe/Moscow', 1);
    const to = period.to.getTime();
    const pair = fc.record({
      created: fc.integer({ min: -60, max: 3 }),
      nudges: fc.integer({ min: 0, max: 4 }),
      mentorLeft: fc.boolean(),
      ended: fc.option(fc.integer({ min: -30, max: 10 })),
      meetings: fc.array(
        fc.record({
          day: fc.integer({ min: -60, max: 10 }),
          status: fc.constantFrom('held', 'missed', 'cancelled', 'scheduled'),
        }),
        { maxLength: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { maxLength: 12 }), async (pairs) => {
        for (const table of ['meetings', 'pairs', 'users'])
          await rawRun(db, `delete from ${table}`);
        const id = async (text: string, ...params: unknown[]) =>
          (await rawRows<{ id: number }>(db, `${text} returning id`, ...params))[0]?.id;
        const user = (platformUserId: string, name: string, leftAt: number | null) =>
          id(
            "insert into users (platform, workspace, platform_user_id, name, created_at, left_at) values ('console', 'local', ?, ?, 0, ?)",
            platformUserId,
            name,
            leftAt,
          );
        for (const [i, p] of pairs.entries()) {
          const a = await user(`a${i}`, `Mentor ${i}`, p.mentorLeft ? 1 : null);
          const b = await user(`b${i}`, `Mentee ${i}`, null);
          const ended = p.ended === null ? null : to + p.ended * DAY;
          const pairId = await id(
            "insert into pairs (mentor_user_id, mentee_user_id, status, nudges_ignored, created_at, ended_at) values (?, ?, 'active', 0, ?, ?)",
            a,
            b,
            to + p.created * DAY,
            ended,
          );
          for (const m of p.meetings)
            await rawRun(
              db,
              "insert into meetings (pair_id, kind, starts_at, duration_min, topic, status, created_at, updated_at, uid) values (?, 'sprint', ?, 60, 't', ?, 0, 0, ?)",
              pairId,
              to + m.day * DAY,
              m.status,
              randomUUID(),
            );
        }
        // Nudges are counted later, as the app counts them: an update of the pair's row (on
        // PostgreSQL the new row version goes to the end of the table, out of the pairs' order).
        for (const [i, p] of pairs.entries())
          if (p.nudges > 0)
            await rawRun(
              db,
              'update pairs set nudges_ignored = ? where mentee_user_id = (select id from users where platform_user_id = ?)',
              p.nudges,
              `b${i}`,
            );
        const [before] = await rawRows<{ n: number }>(
          db,
          `select count(distinct m.pair_id) as n from meetings m join pairs p on p.id = m.pair_id
            where m.status = 'held' and m.starts_at < ? and (p.ended_at is null or p.ended_at >= ?)`,
          to,
          to,
        );
        // The report lists pairs at risk in the pairs' order.
        const rows = await rawRows<{
          nudges: number;
          created: number;
          mentor: string | null;
          mentee: string | null;
          last: number | null;
        }>(
          db,
          `select p.id, p.nudges_ignored as nudges, p.created_at as created,
                  case when mu.left_at is null then mu.name end as mentor,
                  case when eu.left_at is null then eu.name end as mentee,
                  (select max(starts_at) from meetings m where m.pair_id = p.id and m.status = 'held' and m.starts_at < ?) as last
             from pairs p join users mu on mu.id = p.mentor_user_id join users eu on eu.id = p.mentee_user_id
            where p.created_at < ? and (p.ended_at is null or p.ended_at >= ?)
            order by p.id`,
          to,
          to,
          to,
        );
        const atRiskBefore = rows.flatMap((r) => {
          if (r.nudges >= 3) return [{ mentor: r.mentor, mentee: r.mentee, reason: 'nudges' }];
          if ((r.last ?? r.created) < to - 21 * DAY)
            return [{ mentor: r.mentor, mentee: r.mentee, reason: 'silent' }];
          return [];
        });
        const data = await computeSummary(app.database.db, app.config, period);
        expect(data.funnel.metOnce).toBe(before?.n);
        expect(data.atRisk).toEqual(atRiskBefore);
      }),
      { numRuns: 150 },
    );
  });
});
