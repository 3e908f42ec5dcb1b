import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { buildSummary } from '../../src/features/reports/build';
import { EXPORT_TABLES, exportFiles, exportRows } from '../../src/features/reports/export';
import { createTestApp } from '../helpers/app';
import { rawRun } from '../helpers/raw';
import { buildFixture } from './fixture';

const ENV = { ORG_TIMEZONE: 'Europe/Moscow' };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the summary chart', () => {
  it('is a PNG of sensible size whose SVG carries the weekly series and the funnel', async () => {
    const app = createTestApp({ env: ENV });
    try {
      const fixture = await buildFixture(app);
      await fixture.addThirdRating();
      const built = await buildSummary(app.database.db, app.config, app.clock.now(), 1, 'en');
      const png = Buffer.from(built.chart.contentBase64, 'base64');
      expect(png.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(pngSize(png)).toEqual({ width: 960, height: 540 });
      expect(png.length).toBeGreaterThan(5_000);
      expect(png.length).toBeLessThan(500_000);
      expect(built.chart).toMatchObject({
        mimeType: 'image/png',
        filename: 'tandem-summary-2026-11-30-to-2026-12-06.png',
      });
      expect(built.svg).toContain('<g id="held" data-values="0,0,0,1,0,1,1,2">');
      // Only the last week has 3 raters: (5 + 4 + 3) / 3; the rest are gaps.
      expect(built.svg).toContain('<g id="usefulness" data-values=",,,,,,,4">');
      // The funnel in the text's units: 8 volunteers, 7 prepared, 8 proposed; 4 pairs, 2 met.
      expect(built.svg).toContain('<g id="funnel-people" data-values="8,7,8">');
      expect(built.svg).toContain('<g id="funnel-pairs" data-values="4,2">');
      expect(built.svg).toContain('Sessions held per week');
    } finally {
      app.close();
      app.dispose();
    }
  });
});

describe('the CSV export', () => {
  it('parses back to exactly the data, with a BOM, CRLF, ISO dates in the org zone and Cyrillic intact', async () => {
    const app = createTestApp({ env: ENV });
    try {
      await buildFixture(app);
      await app.database.db
        .update(users)
        .set({ name: 'Мария "Маша" Иванова, HR' })
        .where(eq(users.platformUserId, 'm1'));
      // A cell someone typed as a formula stays text in Excel.
      await rawRun(
        app.database.db,
        'update goals set specific = \'=HYPERLINK("https://evil.example","open")\' where id = 1',
      );
      const goalsCsv = Buffer.from(
        (await exportFiles(app.database.db, app.config, app.clock.now()))[3]?.contentBase64 ?? '',
        'base64',
      ).toString('utf8');
      expect(goalsCsv).toContain(`"'=HYPERLINK(""https://evil.example"",""open"")"`);
      await rawRun(app.database.db, "update goals set specific = 'g' where id = 1");
      await rawRun(
        app.database.db,
        'insert into meeting_feedback (meeting_id, user_id, usefulness, created_at, updated_at) values (1, 2, 1, ?, ?)',
        app.clock.now().getTime(),
        app.clock.now().getTime(),
      );
      const rows = await exportRows(app.database.db, app.config, app.clock.now());
      const files = await exportFiles(app.database.db, app.config, app.clock.now());
      expect(files.map((f) => f.filename)).toEqual(
        EXPORT_TABLES.map((t) => `tandem-${t}-2026-12-07.csv`),
      );
      for (const [i, table] of EXPORT_TABLES.entries()) {
        const text = Buffer.from(files[i]?.contentBase64 ?? '', 'base64').toString('utf8');
        expect(text.startsWith('\uFEFF')).toBe(true);
        expect(text).toContain('\r\n');
        const parsed = parse(text, { bom: true, columns: true }) as Record<string, string>[];
        const expected = rows[table].map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])),
        );
        expect(parsed).toEqual(expected);
      }
      const participants = rows.participants;
      expect(participants.find((p) => p.name === 'Мария "Маша" Иванова, HR')).toMatchObject({
        role: 'mentor',
        joined_at: '2026-11-10T13:00:00+03:00',
      });
      // Feedback is per closed week and hidden under the k rule: 2 people in that week. (The
      // fixture's clock is Monday 09:30; a rating given this morning is in no export yet.)
      expect(rows.feedback).toEqual([
        {
          week_starting: '2026-11-30',
          answers: 2,
          people: 2,
          usefulness_mean: null,
          fit_good: null,
          fit_unsure: null,
          fit_bad: null,
          survey_people: 0,
          survey_overall_mean: null,
          survey_nps: null,
        },
      ]);
      // The pairing fit and the final survey, as /feedback shows them: from K_ANON_MIN people
      // in a week on, and a week with only those answers is a row too.
      const lastWeek = Date.parse('2026-12-02T12:00:00Z');
      const weekBefore = Date.parse('2026-11-25T12:00:00Z');
      for (const [user, overall, nps, fit] of [
        [1, 5, 10, 'good'],
        [2, 4, 9, 'good'],
        [3, 3, 6, 'bad'],
      ] as const) {
        await rawRun(
          app.database.db,
          "insert into final_surveys (program, user_id, overall, nps, created_at, updated_at) values ('default', ?, ?, ?, ?, ?)",
          user,
          overall,
          nps,
          lastWeek,
          lastWeek,
        );
        await rawRun(
          app.database.db,
          'insert into pair_fit (pair_id, user_id, fit, created_at) values (null, ?, ?, ?)',
          user,
          fit,
          weekBefore,
        );
      }
      const withSurvey = (await exportRows(app.database.db, app.config, app.clock.now())).feedback;
      expect(withSurvey).toEqual([
        expect.objectContaining({
          week_starting: '2026-11-23',
          answers: 0,
          fit_good: 2,
          fit_unsure: 0,
          fit_bad: 1,
          survey_people: 0,
        }),
        expect.objectContaining({
          week_starting: '2026-11-30',
          answers: 2,
          fit_good: null,
          survey_people: 3,
          survey_overall_mean: 4,
          survey_nps: 33,
        }),
      ]);
    } finally {
      app.close();
      app.dispose();
    }
  });
});
