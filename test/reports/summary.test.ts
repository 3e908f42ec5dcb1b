import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/i18n';
import { listTopics } from '../../src/db/queries/profiles';
import { guardedWeeklyMean } from '../../src/features/feedback/k-anon';
import { buildSummary } from '../../src/features/reports/build';
import { reportPeriod } from '../../src/features/reports/period';
import { renderSummary } from '../../src/features/reports/render';
import { computeSummary } from '../../src/features/reports/summary';
import { createTestApp } from '../helpers/app';
import { buildFixture } from './fixture';
import { svgGroup } from './svg';

const ENV = { ORG_TIMEZONE: 'Europe/Moscow' };

describe('the weekly summary', () => {
  it('counts the fixture exactly, with Moscow week boundaries', async () => {
    const app = createTestApp({ env: ENV });
    try {
      await buildFixture(app);
      const period = reportPeriod(app.clock.now(), 'Europe/Moscow', 1);
      expect(period.from.toISOString()).toBe('2026-11-29T21:00:00.000Z');
      expect(period.to.toISOString()).toBe('2026-12-06T21:00:00.000Z');
      const data = await computeSummary(app.database.db, app.config, period);
      expect(data.funnel).toEqual({
        mentors: 3,
        mentees: 4,
        both: 1,
        volunteers: 8,
        newInPeriod: 2,
        prepared: 7,
        proposed: 8,
        activePairs: 4,
        metOnce: 2,
        goalsSet: 2,
        goalsDone: 1,
      });
      expect(data.meetings).toEqual({
        scheduled: 5,
        held: 2,
        missed: 1,
        cancelled: 1,
        unconfirmed: 1,
      });
      expect(data.usefulness).toEqual({ shown: false, count: 2 });
      expect(data.nps).toEqual({ shown: false, count: 0 });
      expect(data.unmetTopics).toEqual([{ id: 'green_economy', wanted: 2 }]);
      expect(data.atRisk).toEqual([
        { mentor: 'Mark Mentor', mentee: 'Egor Exec', reason: 'nudges' },
        { mentor: 'Maria Mentor', mentee: 'Egor Exec', reason: 'silent' },
      ]);
      expect(data.experiments).toEqual({
        proposed: 1,
        piloting: 1,
        parked: 0,
        concluded: 1,
        worked: 1,
      });
      expect(data.previous).toEqual({
        volunteers: 6,
        activePairs: 4,
        held: 1,
        usefulness: { shown: false, count: 0 },
      });
      expect(data.series.map((s) => s.held)).toEqual([0, 0, 0, 1, 0, 1, 1, 2]);
    } finally {
      app.close();
      app.dispose();
    }
  });

  it('renders "not enough answers" for two raters and the average from three, with ▲▼', async () => {
    const app = createTestApp({ env: ENV });
    try {
      const fixture = await buildFixture(app);
      const period = reportPeriod(app.clock.now(), 'Europe/Moscow', 1);
      const render = async () =>
        renderSummary(translator('en'), await computeSummary(app.database.db, app.config, period), {
          locale: 'en',
          zone: 'Europe/Moscow',
          k: 3,
          topics: await listTopics(app.database.db),
        });
      const two = await render();
      expect(two.title).toBe('Reverse mentoring · 30 Nov – 6 Dec 2026');
      expect(two.text).toContain('Volunteers: 8 ▲2 — 3 mentors, 4 mentees, 1 both; new: 2');
      expect(two.text).toContain(
        'Prepared: 7 · proposed: 8 · active pairs: 4 · met at least once: 2',
      );
      expect(two.text).toContain('Goals: 2 set, 1 done');
      // The fifth ended with no "did it happen?" answer yet.
      expect(two.text).toContain(
        'Sessions: 2 held of 5 ▲1 (1 missed, 1 cancelled, 1 not confirmed yet)',
      );
      expect(two.text).toContain('Usefulness: not enough answers to show (2 of at least 3).');
      expect(two.text).toContain('Wanted, but nobody teaches: Green economy (2)');
      expect(two.text).toContain(
        'Pairs at risk: 2\n• Mark Mentor → Egor Exec (three reminders ignored)',
      );
      expect(two.text).toContain('Ideas: 1 waiting, 1 piloting, 0 parked, 1 concluded (1 worked)');
      expect(two.context).toContain('Monday to Sunday (Europe/Moscow)');
      await fixture.addThirdRating();
      expect((await render()).text).toContain('Usefulness: 4 / 5 (3 people)');
    } finally {
      app.close();
      app.dispose();
    }
  });
});

describe('decimals as each language writes them', () => {
  it.each([
    ['en' as const, 'Usefulness: 4.2 / 5 ▲0.5 (4 people)', ['3.7', '4.2']],
    ['ru' as const, 'Полезность: 4,2 / 5 ▲0,5 (человек: 4)', ['3,7', '4,2']],
  ])(
    '%s: the summary text and its chart write the same mean alike',
    async (locale, line, points) => {
      const app = createTestApp({ env: ENV });
      try {
        await (await buildFixture(app)).addFractionalRatings();
        const built = await buildSummary(app.database.db, app.config, app.clock.now(), 1, locale);
        expect(built.reply.text).toContain(line);
        const useful = svgGroup(built.svg, 'usefulness');
        expect(useful.attrs['data-values']).toBe(',,,,,,3.7,4.2');
        expect(useful.texts.map((t) => t.content)).toEqual(points);
      } finally {
        app.close();
        app.dispose();
      }
    },
  );
});

describe('no rating can be recovered by subtracting one view from another', () => {
  it('leaves a week under K out of every multi-week mean, not just out of its own cell', () => {
    const week = 7;
    const rows = [
      { at: 1, who: 1, u: 5 },
      { at: 2, who: 2, u: 4 },
      { at: 3, who: 3, u: 3 },
      // The next week only one person answered: hidden alone, and kept out of the total.
      { at: week + 1, who: 4, u: 1 },
    ];
    expect(guardedWeeklyMean(rows, [0, week, 2 * week], 3, (r) => r.u)).toEqual({
      shown: true,
      count: 3,
      value: 4,
    });
    expect(guardedWeeklyMean(rows, [week, 2 * week], 3, (r) => r.u)).toEqual({
      shown: false,
      count: 1,
    });
  });
});
