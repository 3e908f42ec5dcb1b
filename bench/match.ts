/**
 * Matching benchmark: Tandem's exact solver against the dense Hungarian method (munkres,
 * capacities expanded; n ≤ 2000) and a greedy baseline, each in its own process, same
 * instances. Totals of the exact methods must be equal.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SIZES = (process.env.BENCH_MATCH_SIZES ?? '100,1000,2000,10000').split(',').map(Number);
const MUNKRES_MAX = 2000;

interface Row {
  n: number;
  method: string;
  ms: number;
  total: number;
  pairs: number;
  peakMb: number;
  startMb: number;
}

function run(n: number, method: string): Row {
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'match-run.ts'), String(n), method],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (out.status !== 0) throw new Error(`${method} n=${n} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim()) as Row;
}

console.log(`\nMatching benchmark — node ${process.version}; each cell in its own process\n`);
console.log('| n | method | time ms | peak RSS MB | pairs | total score | vs exact |');
console.log('|---:|---|---:|---:|---:|---:|---|');
let failed = false;
for (const n of SIZES) {
  const tandem = run(n, 'tandem');
  const rows = [tandem, run(n, 'greedy')];
  if (n <= MUNKRES_MAX) rows.push(run(n, 'munkres'));
  for (const r of rows) {
    const gap =
      r.method === 'tandem'
        ? 'exact'
        : `${(((tandem.total - r.total) / tandem.total) * 100).toFixed(2)}% below`;
    const label =
      r.method === 'munkres'
        ? r.total === tandem.total
          ? 'equal ✓'
          : `DIFFERENT (${r.total})`
        : gap;
    if (r.method === 'munkres' && r.total !== tandem.total) failed = true;
    console.log(
      `| ${n} | ${r.method} | ${r.ms} | ${r.peakMb} | ${r.pairs} | ${r.total} | ${label} |`,
    );
  }
}
console.log(
  '\nGoal: exact optimum for 10 000 volunteers in under 2 s and 200 MB (peak RSS includes Node itself, ≈ 50–60 MB).',
);
if (failed) process.exitCode = 1;
