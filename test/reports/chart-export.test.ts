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
        { week_starting: '2026-11-30', answers: 2, people: 2, usefulness_mean: null },
      ]);
    } finally {
      app.close();
      app.dispose();
    }
  });
});
