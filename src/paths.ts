import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Tandem's package.json (and migrations/), found by walking up from this
 * module. A fixed `../..` would be right for `src/db/*.ts` run by tsx and wrong for the
 * bundle in `dist/main.js`, which is one level deep: every file Tandem reads beside its code
 * is found from here instead, so both run the same.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The SQL migrations drizzle-kit writes, applied at every start. */
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'migrations');
/** The same for PostgreSQL (from the schema derived from SQLite's: src/db/pg/generate.ts). */
export const PG_MIGRATIONS_DIR = join(MIGRATIONS_DIR, 'pg');
/** SQLite's inbox file (src/db/inbox-file.ts), from its own drizzle-kit config. */
export const INBOX_MIGRATIONS_DIR = join(MIGRATIONS_DIR, 'inbox');

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}
