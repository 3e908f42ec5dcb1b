import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Every module under src/ with the modules it imports (type-only imports count too). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) graph.set(path, importsOf(path));
    }
  };
  walk(SRC);
  return graph;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gs)].map((m) => {
    const path = resolve(dirname(file), m[1] ?? '');
    return existsSync(`${path}.ts`) ? `${path}.ts` : join(path, 'index.ts');
  });
}

/** Groups of modules that import each other, directly or round a loop (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w) group.push(relative(SRC, w));
    } while (w && w !== v);
    if (group.length > 1) found.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('jobs and features', () => {
  it('import each other in one direction only: the runner imports features, features only its types', () => {
    const graph = importGraph();
    expect(cycles(graph).filter((group) => group.some((f) => f.startsWith('jobs/')))).toEqual([]);
    const types = graph.get(join(SRC, 'jobs/types.ts')) ?? [];
    expect(types.map((f) => relative(SRC, f)).filter((f) => f.startsWith('features/'))).toEqual([]);
  });
});
