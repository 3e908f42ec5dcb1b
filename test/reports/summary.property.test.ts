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
  it('"met at least once" counts what the query it replaced counted', () => {
    const sqlite = app.database.sqlite;
    const period = reportPeriod(NOW, 'Europe/Moscow', 1);
    const to = period.to.getTime();
    const pair = fc.record({
      created: fc.integer({ min: -60, max: 3 }),
      ended: fc.option(fc.integer({ min: -30, max: 10 })),
      meetings: fc.array(
        fc.record({
          day: fc.integer({ min: -60, max: 10 }),
          status: fc.constantFrom('held', 'missed', 'cancelled', 'scheduled'),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 12 }), (pairs) => {
        sqlite.exec('delete from meetings; delete from pairs; delete from users;');
        const user = sqlite.prepare(
          "insert into users (platform, workspace, platform_user_id, name, created_at) values ('console', 'local', ?, 'P', 0)",
        );
        const addPair = sqlite.prepare(
          "insert into pairs (mentor_user_id, mentee_user_id, status, nudges_ignored, created_at, ended_at) values (?, ?, 'active', 0, ?, ?)",
        );
        const meeting = sqlite.prepare(
          "insert into meetings (pair_id, kind, starts_at, duration_min, topic, status, created_at, updated_at) values (?, 'sprint', ?, 60, 't', ?, 0, 0)",
        );
        pairs.forEach((p, i) => {
          const a = Number(user.run(`a${i}`).lastInsertRowid);
          const b = Number(user.run(`b${i}`).lastInsertRowid);
          const ended = p.ended === null ? null : to + p.ended * DAY;
          const id = Number(addPair.run(a, b, to + p.created * DAY, ended).lastInsertRowid);
          for (const m of p.meetings) meeting.run(id, to + m.day * DAY, m.status);
        });
        const before = sqlite
          .prepare(
            `select count(distinct m.pair_id) as n from meetings m join pairs p on p.id = m.pair_id
              where m.status = 'held' and m.starts_at < ? and (p.ended_at is null or p.ended_at >= ?)`,
          )
          .get(to, to) as { n: number };
        const data = computeSummary(app.database.db, app.config, period);
        expect(data.funnel.metOnce).toBe(before.n);
      }),
      { numRuns: 150 },
    );
  });
});
