/**
 * One benchmark cell in a fresh process, so its peak memory is its own:
 *   tsx bench/match-run.ts <family> <n> <tandem|greedy|hungarian|optimum> [repetitions]
 * Prints one JSON line: the median time over the repetitions (wall clock and CPU), the CPU time of them all (on
 * a machine shared with other work, steadier than the wall clock: compare with it), the
 * process's peak RSS (VmHWM, which includes building the instance — the same for every
 * method) and, for Tandem, what its optimality check added and how many solves it took.
 */
import { readFileSync } from 'node:fs';
import { planRound } from '../src/features/matching/round';
import type { MatchRules } from '../src/features/matching/score';
import { hungarian, type Result, streamingGreedy } from './match-baselines';
import { fullGraphOptimum, scoreMatrix } from './match-exact';
import { FAMILIES, isFamily } from './match-families';

const family = process.argv[2] ?? 'product';
const n = Number(process.argv[3] ?? 1000);
const method = process.argv[4] ?? 'tandem';
const repetitions = Math.max(1, Number(process.argv[5] ?? 1));
if (!isFamily(family)) throw new Error(`unknown family ${family}`);
const instance = FAMILIES[family](n);
const rules: MatchRules = { sameDepartment: false, history: new Set() };

/** Tandem's optimality check: pairs it added and solves it took (the same on every run). */
let proof: { added: number; solves: number } | undefined;
const methods: Record<string, () => Result> = {
  tandem: () => {
    const plan = planRound(instance.mentors, instance.mentees, rules);
    proof = plan.proof;
    return { total: plan.total, pairs: plan.matches.length };
  },
  greedy: () => streamingGreedy(instance, rules),
  hungarian: () => hungarian(instance, rules),
  optimum: () =>
    fullGraphOptimum(
      scoreMatrix(instance, rules),
      instance.mentors.map((m) => m.capacity),
    ),
};
const run = methods[method];
if (!run) throw new Error(`unknown method ${method}`);

const times: number[] = [];
const cpuAtStart = process.cpuUsage();
let result: Result = { total: 0, pairs: 0 };
/** CPU time of each repetition (all threads), for the same median as the wall clock's. */
const cpuTimes: number[] = [];
for (let k = 0; k < repetitions; k++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  result = run();
  times.push(performance.now() - started);
  const used = process.cpuUsage(cpuStarted);
  cpuTimes.push((used.user + used.system) / 1000);
}
const cpu = process.cpuUsage(cpuAtStart);
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
process.stdout.write(
  `${JSON.stringify({
    family,
    n: instance.mentors.length + instance.mentees.length,
    method,
    ms: Math.round(times[Math.floor(times.length / 2)] ?? 0),
    // CPU time of every repetition together (user + system, all threads: the GC's too).
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    // The median repetition's CPU time: on a loaded machine the wall clock also counts the
    // time other work held the cores.
    cpuMedianMs: Math.round(cpuTimes[Math.floor(cpuTimes.length / 2)] ?? 0),
    total: result.total,
    pairs: result.pairs,
    peakMb: Math.round(Number(hwm?.[1] ?? 0) / 1024),
    ...proof,
  })}\n`,
);
