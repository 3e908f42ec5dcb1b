import { describe, expect, it } from 'vitest';
import { type Locale, translator } from '../../src/core/i18n';
import { buildSummary } from '../../src/features/reports/build';
import { CHART_WIDTH, chartSvg, countTicks } from '../../src/features/reports/chart';
import {
  contrastRatio,
  MIN_TEXT_CONTRAST,
  relativeLuminance,
} from '../../src/features/reports/contrast';
import type { SummaryData } from '../../src/features/reports/summary';
import { createTestApp } from '../helpers/app';
import { buildFixture } from './fixture';
import { svgGroup, svgTexts } from './svg';

const ZONE = 'Europe/Moscow';
const K = 3;

/**
 * Eight weeks from Mon 12 Oct 2026 (Moscow): nobody rated in weeks 1 and 2 (the program's
 * start), two people in week 5 (fewer than K).
 */
function realisticData(): SummaryData {
  const week = (i: number) => new Date(Date.UTC(2026, 9, 11, 21) + i * 7 * 24 * 3600 * 1000);
  const held = [3, 5, 8, 6, 9, 11, 7, 12];
  const usefulness = [null, null, 4.2, 4.5, null, 3.9, 4.6, 5];
  const raters = [0, 0, 4, 5, 2, 3, 6, 4];
  return {
    period: { from: week(7), to: week(8), weeks: 1 },
    funnel: {
      mentors: 20,
      mentees: 18,
      both: 4,
      volunteers: 42,
      newInPeriod: 3,
      prepared: 37,
      proposed: 30,
      activePairs: 13,
      metOnce: 10,
      goalsSet: 20,
      goalsDone: 5,
    },
    series: held.map((h, i) => ({
      weekStart: week(i),
      held: h,
      usefulness: usefulness[i] ?? null,
      raters: raters[i] ?? 0,
    })),
  } as Partial<SummaryData> as SummaryData;
}

const svgOf = (locale: Locale) => chartSvg(translator(locale), realisticData(), locale, ZONE, K);

describe('the chart reads in five seconds', () => {
  it.each([
    [
      'en' as const,
      {
        title: 'Reverse mentoring · last 8 weeks: 12 Oct – 6 Dec 2026',
        countAxis: 'sessions',
        ratingAxis: 'rating, 1–5',
        hidden: 'hidden',
        hiddenWhy: '< 3 people',
        unrated: ['no', 'ratings'],
        points: ['4.2', '4.5', '3.9', '4.6', '5.0'],
        legend: ['sessions held', 'usefulness, 1–5', 'hidden: fewer than 3 people rated'],
        weeks: ['12 Oct', '19 Oct', '26 Oct', '2 Nov', '9 Nov', '16 Nov', '23 Nov', '30 Nov'],
      },
    ],
    [
      'ru' as const,
      {
        title: 'Обратное наставничество · последние 8 недель: 12 окт. – 6 дек. 2026',
        countAxis: 'встречи',
        ratingAxis: 'оценка, 1–5',
        hidden: 'скрыто',
        hiddenWhy: '< 3 чел.',
        unrated: ['нет', 'оценок'],
        points: ['4,2', '4,5', '3,9', '4,6', '5,0'],
        legend: ['состоявшиеся встречи', 'полезность, 1–5', 'скрыто: оценили меньше 3 человек'],
        weeks: [
          '12 окт.',
          '19 окт.',
          '26 окт.',
          '2 нояб.',
          '9 нояб.',
          '16 нояб.',
          '23 нояб.',
          '30 нояб.',
        ],
      },
    ],
  ])(
    '%s: a titled period, a count axis apart from the 1–5 axis, values on points, hidden and unrated weeks said so, a legend',
    (locale, words) => {
      const svg = svgOf(locale);
      const texts = svgTexts(svg);
      const contents = texts.map((t) => t.content);
      expect(contents[0]).toBe(words.title);

      // Two axes, each with its title (set vertically) and its own ticks: counts 0–15, ratings 1–5.
      for (const title of [words.countAxis, words.ratingAxis]) {
        expect(texts.find((t) => t.content === title)?.attrs.transform).toMatch(/^rotate\(-90 /);
      }
      const ticks = texts.filter((t) => t.attrs['text-anchor'] === 'end').map((t) => t.content);
      expect(ticks).toEqual(['0', '5', '10', '15', '1', '2', '3', '4', '5']);
      // The two scales are apart: every count tick is above every rating tick.
      const tickYs = texts
        .filter((t) => t.attrs['text-anchor'] === 'end')
        .map((t) => Number(t.attrs.y));
      expect(Math.max(...tickYs.slice(0, 4))).toBeLessThan(Math.min(...tickYs.slice(4)));

      // Sessions held: each bar has its number.
      expect(svgGroup(svg, 'held').attrs['data-values']).toBe('3,5,8,6,9,11,7,12');
      expect(svgGroup(svg, 'held').texts.map((t) => t.content)).toEqual([
        '3',
        '5',
        '8',
        '6',
        '9',
        '11',
        '7',
        '12',
      ]);

      // Every usefulness point carries its value, drawn right above it, as the language writes it.
      const useful = svgGroup(svg, 'usefulness');
      expect(useful.texts.map((t) => t.content)).toEqual(words.points);
      const circles = [...useful.body.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)];
      expect(circles.map((c) => c[1])).toEqual(useful.texts.map((t) => t.attrs.x));
      for (const [i, c] of circles.entries()) {
        expect(Number(c[2]) - Number(useful.texts[i]?.attrs.y)).toBeCloseTo(10, 1);
      }

      // A week the k rule hides (two raters) is marked in its own column, under the right week;
      // the weeks nobody rated say just that, not "hidden".
      const hidden = svgGroup(svg, 'hidden-weeks');
      expect(hidden.attrs['data-values']).toBe('4');
      expect(hidden.texts.map((t) => t.content)).toEqual([words.hidden, words.hiddenWhy]);
      const unrated = svgGroup(svg, 'unrated-weeks');
      expect(unrated.attrs['data-values']).toBe('0,1');
      expect(unrated.texts.map((t) => t.content)).toEqual([...words.unrated, ...words.unrated]);
      const weekLabels = texts.filter((t) => words.weeks.includes(t.content));
      expect(weekLabels.map((t) => t.content)).toEqual(words.weeks);
      expect(hidden.texts.filter((t) => t.content === words.hidden).map((t) => t.attrs.x)).toEqual(
        [4].map((i) => weekLabels[i]?.attrs.x),
      );
      expect(unrated.texts.map((t) => t.attrs.x)).toEqual(
        [0, 0, 1, 1].map((i) => weekLabels[i]?.attrs.x),
      );

      for (const entry of words.legend) expect(contents).toContain(entry);
    },
  );

  it('says "hidden" for a week under K raters and "no ratings" for one nobody rated, from real ratings', async () => {
    const app = createTestApp({ env: { ORG_TIMEZONE: ZONE } });
    try {
      await buildFixture(app);
      // Two people rated last week: under K = 3, so that week's usefulness is hidden, not
      // blank. Nobody rated in the seven weeks before: those say so, not "hidden".
      for (const [locale, word, none, textTitle, chartTitle] of [
        [
          'en',
          'hidden',
          'no ratings',
          'Reverse mentoring · 30 Nov – 6 Dec 2026',
          'Reverse mentoring · last 8 weeks: 12 Oct – 6 Dec 2026',
        ],
        [
          'ru',
          'скрыто',
          'нет оценок',
          'Обратное наставничество · 30 нояб. – 6 дек. 2026',
          'Обратное наставничество · последние 8 недель: 12 окт. – 6 дек. 2026',
        ],
      ] as const) {
        const { svg, reply } = await buildSummary(
          app.database.db,
          app.config,
          app.clock.now(),
          1,
          locale,
        );
        // The text covers one week; the chart says it always shows the last eight.
        expect(reply.title).toBe(textTitle);
        expect(svgTexts(svg)[0]?.content).toBe(chartTitle);
        const hidden = svgGroup(svg, 'hidden-weeks');
        expect(hidden.attrs['data-values']).toBe('7');
        expect(hidden.texts.map((t) => t.content)).toContain(word);
        const unrated = svgGroup(svg, 'unrated-weeks');
        expect(unrated.attrs['data-values']).toBe('0,1,2,3,4,5,6');
        // One word a line, so it fits a week's column.
        const lines = unrated.texts.map((t) => t.content);
        expect(lines).toHaveLength(14);
        for (let w = 0; w < 7; w++) expect(lines.slice(2 * w, 2 * w + 2).join(' ')).toBe(none);
        expect(svgTexts(svg).filter((t) => t.content === word)).toHaveLength(1);
        expect(svgGroup(svg, 'usefulness').texts).toEqual([]);
      }
    } finally {
      app.close();
      app.dispose();
    }
  });

  it('puts round ticks on the count axis', () => {
    expect(countTicks(12)).toEqual([0, 5, 10, 15]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(130)).toEqual([0, 50, 100, 150]);
  });
});

describe('text contrast', () => {
  it('computes WCAG 2 contrast', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 5);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
    expect(() => relativeLuminance('red')).toThrow(RangeError);
  });

  it('is at least 4.5:1 for every label against what it is drawn on, in en and ru', async () => {
    const app = createTestApp({ env: { ORG_TIMEZONE: ZONE } });
    try {
      await buildFixture(app);
      const svgs = [
        svgOf('en'),
        svgOf('ru'),
        (await buildSummary(app.database.db, app.config, app.clock.now(), 1, 'en')).svg,
        (await buildSummary(app.database.db, app.config, app.clock.now(), 1, 'ru')).svg,
      ];
      const pairs = new Set<string>();
      for (const svg of svgs) {
        // The canvas: the rect as wide as the chart, drawn first.
        const canvas = new RegExp(
          `<rect width="${CHART_WIDTH}" height="\\d+" fill="(#[0-9a-f]{6})"/>`,
          'i',
        ).exec(svg);
        expect(canvas).not.toBeNull();
        for (const text of svgTexts(svg)) {
          // A label sits on the canvas unless a group says what is behind it.
          const bg = text.groups.findLast((g) => g['data-bg'])?.['data-bg'] ?? canvas?.[1] ?? '';
          pairs.add(`${text.attrs.fill} on ${bg}`);
        }
      }
      const low = [...pairs].filter((p) => {
        const [fg = '', bg = ''] = p.split(' on ');
        return contrastRatio(fg, bg) < MIN_TEXT_CONTRAST;
      });
      expect(low).toEqual([]);
      // The check saw the labels on the hidden-week boxes, not only those on the canvas.
      expect(pairs.size).toBeGreaterThanOrEqual(4);
    } finally {
      app.close();
      app.dispose();
    }
  });
});

describe("the chart's funnel", () => {
  /** The funnel figures in the summary text, in the order the chart shows them. */
  const fromText: Record<Locale, (text: string) => { people: string[]; pairs: string[] }> = {
    en: (text) => {
      const v = /Volunteers: (\d+)/.exec(text);
      const p =
        /Prepared: (\d+) · proposed: (\d+) · active pairs: (\d+)\S* · met at least once: (\d+)/.exec(
          text,
        );
      return { people: [v?.[1], p?.[1], p?.[2]].map(String), pairs: [p?.[3], p?.[4]].map(String) };
    },
    ru: (text) => {
      const v = /Добровольцы: (\d+)/.exec(text);
      const p =
        /Подготовились: (\d+) · получили предложение: (\d+) · активных пар: (\d+)\S* · встретились хотя бы раз: (\d+)/.exec(
          text,
        );
      return { people: [v?.[1], p?.[1], p?.[2]].map(String), pairs: [p?.[3], p?.[4]].map(String) };
    },
  };

  it.each([
    ['en' as const, 'People', 'Pairs', 'Active pairs'],
    ['ru' as const, 'Люди', 'Пары', 'Активные пары'],
  ])(
    '%s: shows the numbers the summary text gives, people as people and pairs as pairs',
    async (locale, people, pairs, active) => {
      const app = createTestApp({ env: { ORG_TIMEZONE: ZONE } });
      try {
        // Maria mentors two people, so 4 active pairs hold 6 people, not 8.
        await buildFixture(app);
        const built = await buildSummary(app.database.db, app.config, app.clock.now(), 1, locale);
        const expected = fromText[locale](built.reply.text);
        expect(expected).toEqual({ people: ['8', '7', '8'], pairs: ['4', '2'] });

        const peopleGroup = svgGroup(built.svg, 'funnel-people');
        const pairsGroup = svgGroup(built.svg, 'funnel-pairs');
        const drawn = (g: typeof peopleGroup) =>
          g.texts.filter((t) => /^\d+$/.test(t.content)).map((t) => t.content);
        expect(drawn(peopleGroup)).toEqual(expected.people);
        expect(peopleGroup.attrs['data-values']).toBe(expected.people.join(','));
        expect(drawn(pairsGroup)).toEqual(expected.pairs);
        expect(pairsGroup.attrs['data-values']).toBe(expected.pairs.join(','));
        // Each group is headed by its unit, and the pairs row says pairs.
        const contents = svgTexts(built.svg).map((t) => t.content);
        expect(contents[contents.indexOf(peopleGroup.texts[0]?.content ?? '') - 1]).toBe(people);
        expect(contents[contents.indexOf(pairsGroup.texts[0]?.content ?? '') - 1]).toBe(pairs);
        expect(pairsGroup.texts[0]?.content).toBe(active);
        // One scale for both groups: 4 active pairs are drawn half as long as 8 volunteers.
        const widths = (g: typeof peopleGroup) =>
          [...g.body.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
        const bars = [...widths(peopleGroup), ...widths(pairsGroup)];
        const values = [...expected.people, ...expected.pairs].map(Number);
        expect(bars).toHaveLength(5);
        for (const [i, w] of bars.entries()) {
          expect(w / (values[i] ?? 1)).toBeCloseTo((bars[0] ?? 0) / (values[0] ?? 1), 1);
        }
      } finally {
        app.close();
        app.dispose();
      }
    },
  );
});
