import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportPeriod } from '../../src/features/reports/period';
import { computeSummary } from '../../src/features/reports/summary';
import { createTestApp } from '../helpers/app';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-07T06:30:00Z');

const app = createTestApp({ env: { ORG_TIMEZONE: 'Europe/Moscow' } });
afterAll(() => {
  app.close();
  app.dispose();
});

describe('the summary funnel on random programs', () => {
  it('"met at least once" and "at risk" say what the queries they replaced said', async () => {
    const sqlite = app.database.sqlite;
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
        sqlite.exec('delete from meetings; delete from pairs; delete from users;');
        const user = sqlite.prepare(
          "insert into users (platform, workspace, platform_user_id, name, created_at, left_at) values ('console', 'local', ?, ?, 0, ?)",
        );
        const addPair = sqlite.prepare(
          "insert into pairs (mentor_user_id, mentee_user_id, status, nudges_ignored, created_at, ended_at) values (?, ?, 'active', ?, ?, ?)",
        );
        const meeting = sqlite.prepare(
          "insert into meetings (pair_id, kind, starts_at, duration_min, topic, status, created_at, updated_at, uid) values (?, 'sprint', ?, 60, 't', ?, 0, 0, ?)",
        );
        pairs.forEach((p, i) => {
          const a = Number(
            user.run(`a${i}`, `Mentor ${i}`, p.mentorLeft ? 1 : null).lastInsertRowid,
          );
          const b = Number(user.run(`b${i}`, `Mentee ${i}`, null).lastInsertRowid);
          const ended = p.ended === null ? null : to + p.ended * DAY;
          const id = Number(
            addPair.run(a, b, p.nudges, to + p.created * DAY, ended).lastInsertRowid,
          );
          for (const m of p.meetings) meeting.run(id, to + m.day * DAY, m.status, randomUUID());
        });
        const before = sqlite
          .prepare(
            `select count(distinct m.pair_id) as n from meetings m join pairs p on p.id = m.pair_id
              where m.status = 'held' and m.starts_at < ? and (p.ended_at is null or p.ended_at >= ?)`,
          )
          .get(to, to) as { n: number };
        const rows = sqlite
          .prepare(
            `select p.id, p.nudges_ignored as nudges, p.created_at as created,
                    case when mu.left_at is null then mu.name end as mentor,
                    case when eu.left_at is null then eu.name end as mentee,
                    (select max(starts_at) from meetings m where m.pair_id = p.id and m.status = 'held' and m.starts_at < ?) as last
               from pairs p join users mu on mu.id = p.mentor_user_id join users eu on eu.id = p.mentee_user_id
              where p.created_at < ? and (p.ended_at is null or p.ended_at >= ?)`,
          )
          .all(to, to, to) as {
          nudges: number;
          created: number;
          mentor: string | null;
          mentee: string | null;
          last: number | null;
        }[];
        const atRiskBefore = rows.flatMap((r) => {
          if (r.nudges >= 3) return [{ mentor: r.mentor, mentee: r.mentee, reason: 'nudges' }];
          if ((r.last ?? r.created) < to - 21 * DAY)
            return [{ mentor: r.mentor, mentee: r.mentee, reason: 'silent' }];
          return [];
        });
        const data = await computeSummary(app.database.db, app.config, period);
        expect(data.funnel.metOnce).toBe(before.n);
        expect(data.atRisk).toEqual(atRiskBefore);
      }),
      { numRuns: 150 },
    );
  });
});
