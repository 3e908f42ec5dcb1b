import type * as ResvgModule from '@resvg/resvg-js';
import { DateTime } from 'luxon';
import { formatShortDay } from '../../core/format';
import type { Locale, Translate } from '../../core/i18n';
import { lazyRequire } from '../../core/lazy';
import type { SummaryData } from './summary';

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 420;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const COLORS = {
  bar: '#5b8def',
  line: '#f08c2e',
  funnel: '#34a987',
  axis: '#9aa0a6',
  text: '#202124',
};

/** Text in SVG: the five characters XML gives meaning to, escaped. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The summary's picture as SVG, built in code: sessions held per week (bars) with mean
 * usefulness (line, 1–5; weeks under the k rule are gaps), and the funnel beside it.
 * Series values ride along as data attributes, so tests can read what was drawn.
 */
export function chartSvg(t: Translate, data: SummaryData, locale: Locale, zone: string): string {
  const parts: string[] = [];
  const left = { x: 60, y: 60, w: 520, h: 280 };
  const maxHeld = Math.max(1, ...data.series.map((s) => s.held));
  const slot = left.w / data.series.length;
  const barW = slot * 0.6;
  parts.push(
    `<text x="${left.x}" y="32" font-size="18" font-weight="bold" fill="${COLORS.text}">${esc(t('chart.weekly'))}</text>`,
    `<line x1="${left.x}" y1="${left.y + left.h}" x2="${left.x + left.w}" y2="${left.y + left.h}" stroke="${COLORS.axis}"/>`,
  );
  parts.push(`<g id="held" data-values="${data.series.map((s) => s.held).join(',')}">`);
  data.series.forEach((s, i) => {
    const h = (s.held / maxHeld) * left.h;
    const x = left.x + i * slot + (slot - barW) / 2;
    const label = formatShortDay(DateTime.fromJSDate(s.weekStart, { zone }), locale);
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${(left.y + left.h - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS.bar}"/>`,
      `<text x="${(x + barW / 2).toFixed(1)}" y="${(left.y + left.h - h - 6).toFixed(1)}" font-size="12" text-anchor="middle" fill="${COLORS.text}">${s.held}</text>`,
      `<text x="${(x + barW / 2).toFixed(1)}" y="${left.y + left.h + 18}" font-size="11" text-anchor="middle" fill="${COLORS.axis}">${esc(label)}</text>`,
    );
  });
  parts.push('</g>');
  // Usefulness 1–5 on the same height; a hidden week breaks the line.
  const yOf = (u: number) => left.y + left.h - ((u - 1) / 4) * left.h;
  const segments: string[][] = [[]];
  data.series.forEach((s, i) => {
    if (s.usefulness === null) {
      segments.push([]);
      return;
    }
    const x = left.x + i * slot + slot / 2;
    segments.at(-1)?.push(`${x.toFixed(1)},${yOf(s.usefulness).toFixed(1)}`);
  });
  // The usefulness scale, on the right edge of the bars.
  for (const u of [1, 3, 5]) {
    parts.push(
      `<text x="${left.x + left.w + 8}" y="${(yOf(u) + 4).toFixed(1)}" font-size="11" fill="${COLORS.line}">${u}</text>`,
    );
  }
  parts.push(
    `<g id="usefulness" data-values="${data.series.map((s) => (s.usefulness === null ? '' : s.usefulness)).join(',')}">`,
  );
  for (const points of segments.filter((p) => p.length)) {
    parts.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${COLORS.line}" stroke-width="3"/>`,
    );
    for (const p of points) {
      const [cx, cy] = p.split(',');
      parts.push(`<circle cx="${cx}" cy="${cy}" r="4" fill="${COLORS.line}"/>`);
    }
  }
  parts.push('</g>');
  parts.push(
    `<text x="${left.x}" y="${left.y + left.h + 44}" font-size="12" fill="${COLORS.bar}">■ ${esc(t('chart.held'))}</text>`,
    `<text x="${left.x + 220}" y="${left.y + left.h + 44}" font-size="12" fill="${COLORS.line}">● ${esc(t('chart.usefulness'))}</text>`,
  );

  // The funnel: horizontal bars, widest first.
  const right = { x: 640, y: 60, w: 280 };
  const f = data.funnel;
  const steps: [string, number][] = [
    [t('chart.funnel.volunteers'), f.volunteers],
    [t('chart.funnel.prepared'), f.prepared],
    [t('chart.funnel.proposed'), f.proposed],
    [t('chart.funnel.pairs'), f.activePairs * 2],
    [t('chart.funnel.met'), f.metOnce * 2],
  ];
  const maxStep = Math.max(1, ...steps.map(([, v]) => v));
  parts.push(
    `<text x="${right.x}" y="32" font-size="18" font-weight="bold" fill="${COLORS.text}">${esc(t('chart.funnel'))}</text>`,
    `<g id="funnel" data-values="${steps.map(([, v]) => v).join(',')}">`,
  );
  steps.forEach(([label, value], i) => {
    const y = right.y + i * 56;
    const w = Math.max(2, (value / maxStep) * right.w);
    parts.push(
      `<text x="${right.x}" y="${y + 12}" font-size="12" fill="${COLORS.text}">${esc(label)}</text>`,
      `<rect x="${right.x}" y="${y + 18}" width="${w.toFixed(1)}" height="22" fill="${COLORS.funnel}"/>`,
      `<text x="${(right.x + w + 6).toFixed(1)}" y="${y + 34}" font-size="12" fill="${COLORS.text}">${value}</text>`,
    );
  });
  parts.push('</g>');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${FONT}">`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

const resvg = lazyRequire<typeof ResvgModule>('@resvg/resvg-js');

/** Rasterises the SVG in-process (resvg ships its binary inside the npm package). */
export function chartPng(svg: string): Buffer {
  const { Resvg } = resvg();
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
    .render()
    .asPng();
}
