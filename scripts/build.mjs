// Compiles src/main.ts into one ESM file, dist/main.js, for `npm start` and the container:
// production runs plain JavaScript, not tsx. Packages stay in node_modules (native ones such
// as better-sqlite3 and resvg cannot be bundled, and the rest load faster from there).
//
// `node scripts/build.mjs` builds. Where esbuild is not installed (`npm ci --omit=dev`) and a
// bundle is already there, it leaves that bundle alone, so `npm start` still runs it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'main.js');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  if (existsSync(outfile)) process.exit(0);
  process.stderr.write(
    'Cannot build dist/main.js: esbuild is not installed. Run `npm install` (with dev dependencies), then `npm start`.\n',
  );
  process.exit(1);
}

await esbuild.build({
  // worker.ts is the units thread main.ts starts (see src/units-thread.ts).
  entryPoints: [join(root, 'src', 'main.ts'), join(root, 'src', 'worker.ts')],
  outdir: join(root, 'dist'),
  // What main.ts imports dynamically (a platform's adapter) goes into its own chunk, so a
  // package only that chunk needs (grammY, Bolt) is loaded only when it is configured.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
