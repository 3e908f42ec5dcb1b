import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Builds dist/main.js (as `npm start` does) for the tests that start Tandem as a process. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: 'inherit',
  });
}
