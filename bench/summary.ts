/**
 * The HR summary over a synthetic year, at three sizes in one run: ×1 is 10 000 people, 5 000
 * pairs, 100 000 sessions and 200 000 poll answers; ×2 and ×4 have two and four times as many
 * of each in the same year. Goals: the ×1 summary under 300 ms, the ×4 one within 4.5× of
 * ×1 (its cost grows with the data, not faster), rendering the chart under 200 ms. The
 * baseline, measured in the same run, is one full pass over the poll answers
 * (`select avg(usefulness)`): the least any honest average of a year's answers costs. The
 * sizes are measured in turn within each repetition, so a noisy spell hits all of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '../src/core/i18n';
// The chart's texts come from the features' manifests, composed by the registry.
import '../src/features/registry';
import { chartPng, chartSvg } from '../src/features/reports/chart';
import { reportPeriod } from '../src/features/reports/period';
import { computeSummary, type SummaryData } from '../src/features/reports/summary';
import { SEED_NOW as NOW, seedYear } from './summary-seed';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 100_000);
const SCALES = [1, 2, 4] as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const GOAL_X1_MS = 300;
const GOAL_X4_RATIO = 4.5;
const GOAL_CHART_MS = 200;

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-summary-'));

const config = { K_ANON_MIN: 3, ORG_TIMEZONE: 'Europe/Moscow', platforms: [] };
const period = reportPeriod(NOW, config.ORG_TIMEZONE, 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const time = (fn: () => void) => {
  const samples: number[] = [];
  fn(); // warm-up: statement caches, JIT
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
};

const sizes = SCALES.map((scale) => ({
  scale,
  ...seedYear(join(dir, `bench-x${scale}.db`), {
    people: PEOPLE * scale,
    meetings: MEETINGS * scale,
  }),
}));
const x1 = sizes[0];
if (!x1) throw new Error('no ×1 size');
const database = x1.database;
const PAIRS = PEOPLE / 2;
const ANSWERS = MEETINGS * 2;

// Each repetition measures every size in turn (after one warm-up each), medians per size;
// the baseline in a loop of its own, so its full scan doesn't empty the summary's page cache.
const samples = new Map<number, { summary: number[]; baseline: number[] }>(
  SCALES.map((scale) => [scale, { summary: [], baseline: [] }]),
);
const repeat = async (
  measure: (size: (typeof sizes)[number]) => number | Promise<number>,
  into: 'summary' | 'baseline',
) => {
  for (let run = -1; run < RUNS; run++) {
    for (const size of sizes) {
      const ms = await measure(size);
      if (run >= 0) samples.get(size.scale)?.[into].push(ms);
    }
  }
};
let data: SummaryData = await computeSummary(database.db, config, period);
await repeat(async (size) => {
  const started = performance.now();
  const d = await computeSummary(size.database.db, config, period);
  if (size.scale === 1) data = d;
  return performance.now() - started;
}, 'summary');
await repeat((size) => {
  const started = performance.now();
  size.database.sqlite.prepare('select avg(usefulness) from meeting_feedback').get();
  return performance.now() - started;
}, 'baseline');
const summaryOf = (scale: number) => median(samples.get(scale)?.summary ?? []);
const baselineOf = (scale: number) => median(samples.get(scale)?.baseline ?? []);
const summaryMs = summaryOf(1);
const x4Ratio = summaryOf(4) / summaryMs;
const t = translator('en');
let svg = '';
const svgMs = time(() => {
  svg = chartSvg(t, data, 'en', config.ORG_TIMEZONE, config.K_ANON_MIN);
});
let bytes = 0;
const pngMs = time(() => {
  bytes = chartPng(svg).length;
});

const fmt = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(
  `\nHR summary over a synthetic year at ×1, ×2, ×4 data (×1: ${fmt(PEOPLE)} people, ${fmt(PAIRS)} pairs, ${fmt(MEETINGS)} sessions, ${fmt(ANSWERS)} poll answers), node ${process.version}, median of ${RUNS}, sizes measured in turn\n`,
);
console.log(
  '| data | people | poll answers | seeded | baseline: one pass over all answers (avg) | compute the summary | vs ×1 | vs baseline | goal |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
for (const size of sizes) {
  const ms = summaryOf(size.scale);
  const goal =
    size.scale === 1 ? `< ${GOAL_X1_MS} ms` : size.scale === 4 ? `≤ ${GOAL_X4_RATIO}× of ×1` : '—';
  console.log(
    `| ×${size.scale} | ${fmt(PEOPLE * size.scale)} | ${fmt(ANSWERS * size.scale)} | ${size.seconds.toFixed(1)} s | ${baselineOf(size.scale).toFixed(1)} ms | ${ms.toFixed(1)} ms | ${(ms / summaryMs).toFixed(2)}× | ${(ms / baselineOf(size.scale)).toFixed(1)}× | ${goal} |`,
  );
}
console.log('\n| measure | time | vs baseline | goal |');
console.log('|---|---:|---:|---:|');
console.log(`| chart: build the SVG | ${svgMs.toFixed(2)} ms | — | — |`);
console.log(
  `| chart: rasterise to PNG (${(bytes / 1024).toFixed(0)} KB) | ${pngMs.toFixed(1)} ms | — | < 200 ms with the SVG |`,
);
console.log(
  `\nThe week's figures: ${data.funnel.volunteers} volunteers, ${data.funnel.activePairs} active pairs, ${data.meetings.held} sessions held, ${data.atRisk.length} pairs at risk.`,
);
const goals = [
  [`the ×1 summary under ${GOAL_X1_MS} ms`, `${summaryMs.toFixed(1)} ms`, summaryMs < GOAL_X1_MS],
  [
    `the ×4 summary within ${GOAL_X4_RATIO}× of ×1`,
    `${x4Ratio.toFixed(2)}×`,
    x4Ratio <= GOAL_X4_RATIO,
  ],
  [
    `the chart (SVG + PNG) under ${GOAL_CHART_MS} ms`,
    `${(svgMs + pngMs).toFixed(1)} ms`,
    svgMs + pngMs < GOAL_CHART_MS,
  ],
] as const;
console.log('\nGoals:');
for (const [goal, value, ok] of goals) console.log(`- ${goal}: ${value} — ${met(ok)}`);
for (const size of sizes) size.database.close();
rmSync(dir, { recursive: true, force: true });
if (goals.some(([, , ok]) => !ok)) process.exitCode = 1;
