/**
 * The HR summary over a synthetic year: 10 000 people, 5 000 pairs, 100 000 sessions and
 * 200 000 poll answers. Goals: computing the summary under 300 ms, rendering the chart under
 * 200 ms. The baseline, measured in the same run, is one full pass over the poll answers
 * (`select avg(usefulness)`): the least any honest average of a year's answers costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '../src/core/i18n';
import { openDatabase } from '../src/db/client';
import { chartPng, chartSvg } from '../src/features/reports/chart';
import { reportPeriod } from '../src/features/reports/period';
import { computeSummary } from '../src/features/reports/summary';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const PAIRS = PEOPLE / 2;
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 100_000);
const ANSWERS = MEETINGS * 2;
const RUNS = 7;
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-07T06:30:00Z');
const YEAR_AGO = NOW.getTime() - 365 * DAY;

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-summary-'));
const database = openDatabase(join(dir, 'bench.db'));
const sqlite = database.sqlite;
// A deterministic generator, so every run measures the same data.
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const started = performance.now();
sqlite.transaction(() => {
  const user = sqlite.prepare(
    "insert into users (platform, workspace, platform_user_id, name, created_at) values ('console', 'local', ?, ?, ?)",
  );
  const profile = sqlite.prepare(
    "insert into profiles (user_id, role, grade, department, interests, formats, consent_at, prepared_at, joined_at, updated_at) values (?, ?, ?, 'd', '[]', '[\"one_on_one\"]', ?, ?, ?, ?)",
  );
  const topic = sqlite.prepare(
    'insert into profile_topics (user_id, topic_id, direction) values (?, ?, ?)',
  );
  const topics = [
    'ai',
    'digital_tools',
    'social_media',
    'messengers',
    'customer_experience',
    'gen_z',
    'green_economy',
  ];
  for (let i = 1; i <= PEOPLE; i++) {
    const joined = YEAR_AGO + Math.floor(rand() * 330 * DAY);
    user.run(`p${i}`, `Person ${i}`, joined);
    const mentor = i % 2 === 1;
    profile.run(i, mentor ? 'mentor' : 'mentee', mentor ? 1 : 5, joined, joined, joined, joined);
    topic.run(i, topics[Math.floor(rand() * (mentor ? 6 : 7))], mentor ? 'teach' : 'learn');
  }
  const pair = sqlite.prepare(
    'insert into pairs (mentor_user_id, mentee_user_id, status, nudges_ignored, created_at, ended_at) values (?, ?, ?, ?, ?, ?)',
  );
  for (let p = 0; p < PAIRS; p++) {
    const created = YEAR_AGO + Math.floor(rand() * 300 * DAY);
    const ended = rand() < 0.2 ? created + 60 * DAY : null;
    pair.run(
      2 * p + 1,
      2 * p + 2,
      ended ? 'ended' : 'active',
      Math.floor(rand() * 4),
      created,
      ended,
    );
  }
  const meeting = sqlite.prepare(
    "insert into meetings (pair_id, kind, starts_at, duration_min, topic, status, created_at, updated_at) values (?, 'sprint', ?, 120, 't', ?, ?, ?)",
  );
  const answer = sqlite.prepare(
    'insert into meeting_feedback (meeting_id, user_id, usefulness, created_at, updated_at) values (?, ?, ?, ?, ?)',
  );
  const statuses = ['held', 'held', 'held', 'missed', 'cancelled'];
  for (let m = 1; m <= MEETINGS; m++) {
    const pairId = 1 + Math.floor(rand() * PAIRS);
    const at = YEAR_AGO + Math.floor(rand() * 365 * DAY);
    meeting.run(pairId, at, statuses[Math.floor(rand() * statuses.length)], at, at);
    // Two answers per session on average (the poll counts whoever answered).
    answer.run(m, 2 * pairId - 1, 1 + Math.floor(rand() * 5), at + DAY, at + DAY);
    answer.run(m, 2 * pairId, 1 + Math.floor(rand() * 5), at + DAY, at + DAY);
  }
})();
const seeded = (performance.now() - started) / 1000;

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

const baseline = time(() => sqlite.prepare('select avg(usefulness) from meeting_feedback').get());
let data = computeSummary(database.db, config, period);
const summaryMs = time(() => {
  data = computeSummary(database.db, config, period);
});
const t = translator('en');
let svg = '';
const svgMs = time(() => {
  svg = chartSvg(t, data, 'en', config.ORG_TIMEZONE, config.K_ANON_MIN);
});
let bytes = 0;
const pngMs = time(() => {
  bytes = chartPng(svg).length;
});

console.log(
  `\nHR summary over a synthetic year — ${PEOPLE} people, ${PAIRS} pairs, ${MEETINGS} sessions, ${ANSWERS} poll answers (seeded in ${seeded.toFixed(1)} s), node ${process.version}, median of ${RUNS}\n`,
);
console.log('| measure | time | vs baseline | goal |');
console.log('|---|---:|---:|---:|');
console.log(`| baseline: one pass over all answers (avg) | ${baseline.toFixed(1)} ms | 1× | — |`);
console.log(
  `| compute the summary | ${summaryMs.toFixed(1)} ms | ${(summaryMs / baseline).toFixed(1)}× | < 300 ms |`,
);
console.log(`| chart: build the SVG | ${svgMs.toFixed(2)} ms | — | — |`);
console.log(
  `| chart: rasterise to PNG (${(bytes / 1024).toFixed(0)} KB) | ${pngMs.toFixed(1)} ms | — | < 200 ms with the SVG |`,
);
console.log(
  `\nThe week's figures: ${data.funnel.volunteers} volunteers, ${data.funnel.activePairs} active pairs, ${data.meetings.held} sessions held, ${data.atRisk.length} pairs at risk.`,
);
database.close();
rmSync(dir, { recursive: true, force: true });
if (summaryMs > 300 || svgMs + pngMs > 200) process.exitCode = 1;
