import type * as ResvgModule from '@resvg/resvg-js';
import { DateTime } from 'luxon';
import { formatLongDay, formatNumber, formatShortDay } from '../../core/format';
import type { Locale, Translate } from '../../core/i18n';
import { lazyRequire } from '../../core/lazy';
import type { Logger } from '../../logger';
import { CHART_FONT_FAMILY, chartFonts } from './chart-font';
import { dayRange } from './render';
import type { SummaryData } from './summary';

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;

/**
 * The chart's colours. Text is only ever `ink`, `muted` or `line`, on the canvas or on the
 * hidden-week label box: each pair clears WCAG AA (4.5:1), which the chart tests check.
 */
export const CHART_COLORS = {
  canvas: '#ffffff',
  ink: '#202124',
  muted: '#5f6368',
  grid: '#e8eaed',
  axis: '#9aa0a6',
  bar: '#4a7bd6',
  line: '#b35200',
  people: '#2f8f6f',
  pairs: '#6f52b5',
  hiddenFill: '#f1f3f4',
  hiddenHatch: '#d5d9de',
} as const;
const C = CHART_COLORS;

/** Text in SVG: the five characters XML gives meaning to, escaped. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A coordinate, short: 12.5, not 12.500000001. */
const n = (v: number) => String(Math.round(v * 10) / 10);

interface TextStyle {
  size: number;
  fill: string;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  /** Turned a quarter left around its anchor point, for a vertical axis title. */
  vertical?: boolean;
}

function text(x: number, y: number, content: string, s: TextStyle): string {
  const attrs = [`x="${n(x)}"`, `y="${n(y)}"`, `font-size="${s.size}"`, `fill="${s.fill}"`];
  if (s.bold) attrs.push('font-weight="bold"');
  if (s.anchor && s.anchor !== 'start') attrs.push(`text-anchor="${s.anchor}"`);
  if (s.vertical) attrs.push(`transform="rotate(-90 ${n(x)} ${n(y)})"`);
  return `<text ${attrs.join(' ')}>${esc(content)}</text>`;
}

/** About how wide a label is in DejaVu Sans, for laying out the legend. */
const textWidth = (content: string, size: number) => content.length * size * 0.6;

/**
 * Round ticks for a count axis, from 0 to a round top at or above `max`: 0, 5, 10, 15 for 12;
 * 0, 1, 2, 3 for 3. Counts are whole, so the step is never below 1.
 */
export function countTicks(max: number, intervals = 4): number[] {
  const raw = max / intervals;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/** Where the parts sit: two stacked panels sharing the weeks on the left, the funnel on the right. */
const PLOT = { left: 84, right: 600 };
const COUNTS = { top: 96, bottom: 236 };
const USEFUL = { top: 292, bottom: 432 };
/** Room above the 5 line for the label of a point at 5. */
const USEFUL_HEADROOM = 18;
const FUNNEL = { left: 644, width: 292, barMax: 236 };
const LEGEND_Y = 506;

/**
 * The summary's picture as SVG, built in code, to be read in five seconds:
 * - top, sessions held per week as bars on a count axis of their own (ticks, title, values);
 * - below, usefulness on its own 1–5 axis, each week's mean written beside its point (in the
 *   reader's number format); a week the k rule hides (1 to k − 1 people rated) is a hatched
 *   band saying so, a week nobody rated says "no ratings", neither a gap;
 * - right, the funnel in the units the summary text uses: people, then pairs, on one scale;
 * - a title saying the chart covers the last eight weeks, with their dates, and a legend.
 * Series values ride along as data attributes, so tests can read what was drawn.
 */
export function chartSvg(
  t: Translate,
  data: SummaryData,
  locale: Locale,
  zone: string,
  k: number,
): string {
  const series = data.series;
  const slot = (PLOT.right - PLOT.left) / Math.max(1, series.length);
  const centre = (i: number) => PLOT.left + i * slot + slot / 2;
  const parts: string[] = [];

  const firstWeek = series[0]?.weekStart ?? data.period.from;
  parts.push(
    text(
      24,
      40,
      // However many weeks the text covers, the chart shows the last eight: the title says so,
      // so a one-week text beside an eight-week chart doesn't look like a disagreement.
      t('chart.title', {
        weeks: series.length,
        period: dayRange(firstWeek, data.period.to, zone, locale),
      }),
      {
        size: 20,
        fill: C.ink,
        bold: true,
      },
    ),
  );

  // Sessions held: bars on a count axis.
  const ticks = countTicks(Math.max(0, ...series.map((s) => s.held)));
  const top = ticks.at(-1) ?? 1;
  const yCount = (v: number) => COUNTS.bottom - (v / top) * (COUNTS.bottom - COUNTS.top);
  parts.push(
    text(PLOT.left, 76, t('chart.weekly'), { size: 14, fill: C.ink, bold: true }),
    text(26, (COUNTS.top + COUNTS.bottom) / 2, t('chart.countAxis'), {
      size: 11,
      fill: C.muted,
      anchor: 'middle',
      vertical: true,
    }),
  );
  for (const v of ticks) {
    const y = yCount(v);
    parts.push(
      `<line x1="${PLOT.left}" y1="${n(y)}" x2="${PLOT.right}" y2="${n(y)}" stroke="${v === 0 ? C.axis : C.grid}"/>`,
      text(PLOT.left - 8, y + 4, String(v), { size: 11, fill: C.muted, anchor: 'end' }),
    );
  }
  const barW = slot * 0.56;
  parts.push(`<g id="held" data-values="${series.map((s) => s.held).join(',')}">`);
  series.forEach((s, i) => {
    const y = yCount(s.held);
    parts.push(
      `<rect x="${n(centre(i) - barW / 2)}" y="${n(y)}" width="${n(barW)}" height="${n(COUNTS.bottom - y)}" fill="${C.bar}"/>`,
      text(centre(i), y - 5, String(s.held), { size: 12, fill: C.ink, anchor: 'middle' }),
    );
  });
  parts.push('</g>');

  // Usefulness: its own 1–5 axis, values on the points, hidden weeks marked.
  const yUseful = (u: number) =>
    USEFUL.bottom - ((u - 1) / 4) * (USEFUL.bottom - USEFUL.top - USEFUL_HEADROOM);
  parts.push(
    text(PLOT.left, 274, t('chart.usefulnessPanel'), { size: 14, fill: C.ink, bold: true }),
    text(26, (USEFUL.top + USEFUL.bottom) / 2, t('chart.usefulnessAxis'), {
      size: 11,
      fill: C.muted,
      anchor: 'middle',
      vertical: true,
    }),
  );
  for (const u of [1, 2, 3, 4, 5]) {
    const y = yUseful(u);
    parts.push(
      `<line x1="${PLOT.left}" y1="${n(y)}" x2="${PLOT.right}" y2="${n(y)}" stroke="${u === 1 ? C.axis : C.grid}"/>`,
      text(PLOT.left - 8, y + 4, String(u), { size: 11, fill: C.muted, anchor: 'end' }),
    );
  }
  // A week nobody rated says so plainly; only a week some (fewer than k) rated is "hidden",
  // which would otherwise read as ratings held back where there were none.
  const unrated = series.flatMap((s, i) => (s.usefulness === null && s.raters === 0 ? [i] : []));
  parts.push(`<g id="unrated-weeks" data-values="${unrated.join(',')}">`);
  // A word a line, as the hidden label sits: "нет оценок" on one line is wider than a week.
  const noRatings = t('chart.noRatings').split(' ');
  for (const i of unrated) {
    noRatings.forEach((word, line) => {
      const y = (USEFUL.top + USEFUL.bottom) / 2 - 4 + line * 15;
      parts.push(text(centre(i), y, word, { size: 11, fill: C.muted, anchor: 'middle' }));
    });
  }
  parts.push('</g>');
  const hidden = series.flatMap((s, i) => (s.usefulness === null && s.raters > 0 ? [i] : []));
  parts.push(`<g id="hidden-weeks" data-values="${hidden.join(',')}">`);
  for (const i of hidden) {
    const x = PLOT.left + i * slot + 2;
    const mid = (USEFUL.top + USEFUL.bottom) / 2;
    parts.push(
      `<rect x="${n(x)}" y="${USEFUL.top}" width="${n(slot - 4)}" height="${USEFUL.bottom - USEFUL.top}" fill="${C.hiddenFill}"/>`,
      `<rect x="${n(x)}" y="${USEFUL.top}" width="${n(slot - 4)}" height="${USEFUL.bottom - USEFUL.top}" fill="url(#hatch)"/>`,
      // The words sit on a plain box: hatching behind letters would cost contrast.
      `<g data-bg="${C.hiddenFill}">`,
      `<rect x="${n(x)}" y="${n(mid - 20)}" width="${n(slot - 4)}" height="36" fill="${C.hiddenFill}"/>`,
      text(centre(i), mid - 4, t('chart.hidden'), {
        size: 11,
        fill: C.ink,
        bold: true,
        anchor: 'middle',
      }),
      text(centre(i), mid + 11, t('chart.hiddenShort', { k }), {
        size: 10,
        fill: C.ink,
        anchor: 'middle',
      }),
      '</g>',
    );
  }
  parts.push('</g>');
  // A line joins neighbouring weeks only: across a hidden week there is nothing to join.
  const runs: { x: number; y: number; u: number }[][] = [[]];
  series.forEach((s, i) => {
    if (s.usefulness === null) runs.push([]);
    else runs.at(-1)?.push({ x: centre(i), y: yUseful(s.usefulness), u: s.usefulness });
  });
  parts.push(
    `<g id="usefulness" data-values="${series.map((s) => s.usefulness ?? '').join(',')}">`,
  );
  for (const run of runs.filter((r) => r.length > 1)) {
    parts.push(
      `<polyline points="${run.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}" fill="none" stroke="${C.line}" stroke-width="3"/>`,
    );
  }
  for (const p of runs.flat()) {
    parts.push(
      `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="5" fill="${C.line}" stroke="${C.canvas}" stroke-width="2"/>`,
      text(p.x, p.y - 10, formatNumber(p.u, locale, 1), {
        size: 12,
        fill: C.line,
        bold: true,
        anchor: 'middle',
      }),
    );
  }
  parts.push('</g>');
  series.forEach((s, i) => {
    const label = formatShortDay(DateTime.fromJSDate(s.weekStart, { zone }), locale);
    parts.push(
      text(centre(i), USEFUL.bottom + 18, label, { size: 11, fill: C.muted, anchor: 'middle' }),
    );
  });
  parts.push(
    text((PLOT.left + PLOT.right) / 2, USEFUL.bottom + 36, t('chart.weekOf'), {
      size: 11,
      fill: C.muted,
      anchor: 'middle',
    }),
  );

  parts.push(...funnel(t, data, locale, zone), ...legend(t, k));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${CHART_FONT_FAMILY}, sans-serif">`,
    `<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="8" fill="${C.hiddenHatch}"/></pattern></defs>`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="${C.canvas}"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/**
 * The funnel in the summary text's own figures and units: volunteers, prepared and proposed
 * are people; active pairs and pairs that met are pairs (a mentor with two mentees is two
 * pairs, so pairs × 2 is not a head count). Each group has its own heading, but all bars share
 * one scale: 2 pairs drawn as long as 12 volunteers would tell the eye they were as many.
 */
function funnel(t: Translate, data: SummaryData, locale: Locale, zone: string): string[] {
  const f = data.funnel;
  const asOf = formatLongDay(
    DateTime.fromJSDate(data.period.to, { zone }).minus({ days: 1 }),
    locale,
  );
  const groups = [
    {
      id: 'funnel-people',
      heading: t('chart.funnel.people'),
      colour: C.people,
      steps: [
        [t('chart.funnel.volunteers'), f.volunteers],
        [t('chart.funnel.prepared'), f.prepared],
        [t('chart.funnel.proposed'), f.proposed],
      ] as const,
    },
    {
      id: 'funnel-pairs',
      heading: t('chart.funnel.pairsHeading'),
      colour: C.pairs,
      steps: [
        [t('chart.funnel.pairs'), f.activePairs],
        [t('chart.funnel.met'), f.metOnce],
      ] as const,
    },
  ];
  const parts = [
    text(FUNNEL.left, 76, t('chart.funnel', { day: asOf }), { size: 14, fill: C.ink, bold: true }),
  ];
  const max = Math.max(1, ...groups.flatMap((g) => g.steps.map(([, v]) => v)));
  let y = 106;
  for (const g of groups) {
    parts.push(
      text(FUNNEL.left, y, g.heading, { size: 12, fill: C.muted, bold: true }),
      `<g id="${g.id}" data-values="${g.steps.map(([, v]) => v).join(',')}">`,
    );
    y += 22;
    for (const [label, value] of g.steps) {
      const w = Math.max(2, (value / max) * FUNNEL.barMax);
      parts.push(
        text(FUNNEL.left, y, label, { size: 12, fill: C.ink }),
        `<rect x="${FUNNEL.left}" y="${y + 6}" width="${n(w)}" height="18" fill="${g.colour}"/>`,
        text(FUNNEL.left + w + 6, y + 20, String(value), { size: 12, fill: C.ink, bold: true }),
      );
      y += 46;
    }
    parts.push('</g>');
    y += 14;
  }
  return parts;
}

/** What each mark means, in one row under the panels. */
function legend(t: Translate, k: number): string[] {
  const parts: string[] = [];
  let x = 24;
  const item = (swatch: string, label: string) => {
    parts.push(swatch, text(x + 26, LEGEND_Y + 5, label, { size: 12, fill: C.ink }));
    x += 26 + textWidth(label, 12) + 28;
  };
  item(
    `<rect x="${x}" y="${LEGEND_Y - 7}" width="18" height="14" fill="${C.bar}"/>`,
    t('chart.held'),
  );
  item(
    `<line x1="${x}" y1="${LEGEND_Y + 1}" x2="${x + 18}" y2="${LEGEND_Y + 1}" stroke="${C.line}" stroke-width="3"/><circle cx="${x + 9}" cy="${LEGEND_Y + 1}" r="5" fill="${C.line}" stroke="${C.canvas}" stroke-width="2"/>`,
    t('chart.usefulness'),
  );
  item(
    `<rect x="${x}" y="${LEGEND_Y - 7}" width="18" height="14" fill="${C.hiddenFill}"/><rect x="${x}" y="${LEGEND_Y - 7}" width="18" height="14" fill="url(#hatch)" stroke="${C.hiddenHatch}"/>`,
    t('chart.hiddenLegend', { k }),
  );
  return parts;
}

/** The rasteriser loads at the first chart, not at start: an idle process never needs it. */
const resvg = lazyRequire<typeof ResvgModule>('@resvg/resvg-js');

/** Rasterises the SVG in-process with the shipped font (resvg ships its binary in the npm package). */
export function chartImage(svg: string, logger?: Pick<Logger, 'warn'>): ResvgModule.RenderedImage {
  const { Resvg } = resvg();
  return new Resvg(svg, { font: chartFonts(logger) }).render();
}

export function chartPng(svg: string, logger?: Pick<Logger, 'warn'>): Buffer {
  return chartImage(svg, logger).asPng();
}
