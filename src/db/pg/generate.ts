/**
 * The PostgreSQL schema is not written by hand: it is derived from the SQLite one
 * (src/db/schema), file by file, so the two can never drift. Each column keeps its name and
 * its JavaScript type — moments stay epoch milliseconds (`epochMs`), JSON stays parsed
 * objects (`jsonb`), flags stay booleans, every other integer a 64-bit number — so the same
 * queries read the same values on either database. `npm run db:pg-schema` writes it; a test
 * fails when it is out of date.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SQLITE_SCHEMA_DIR = join(import.meta.dirname, '..', 'schema');
export const PG_SCHEMA_DIR = join(import.meta.dirname, 'schema');

const HEADER = '// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.\n';

/** One SQLite schema file's text, as its PostgreSQL twin. */
export function pgSchemaSource(source: string): string {
  let out = source
    .replace(
      /integer\(\)\.primaryKey\(\{ autoIncrement: true \}\)/g,
      // Always: an insert naming an id fails at once instead of breaking the next one's.
      "bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity()",
    )
    .replace(/integer\(('[a-z_]+'), \{ mode: 'timestamp_ms' \}\)/g, 'epochMs($1)')
    .replace(/integer\(\{ mode: 'timestamp_ms' \}\)/g, 'epochMs()')
    .replace(/integer\(('[a-z_]+'), \{ mode: 'boolean' \}\)/g, 'boolean($1)')
    .replace(/integer\(\{ mode: 'boolean' \}\)/g, 'boolean()')
    .replace(/text\(('[a-z_]+'), \{ mode: 'json' \}\)/g, 'jsonb($1)')
    .replace(/text\(\{ mode: 'json' \}\)/g, 'jsonb()')
    .replace(/integer\(('[a-z_]+')\)/g, "bigint($1, { mode: 'number' })")
    // SQLite's real is 8 bytes; PostgreSQL's real is 4.
    .replace(/real\(('[a-z_]+')\)/g, 'doublePrecision($1)')
    .replace(/real\(\)/g, 'doublePrecision()')
    .replace(/integer\(\)/g, "bigint({ mode: 'number' })")
    .replace(/sqliteTable\(/g, 'pgTable(')
    .replace(/sql`\(unixepoch\(\) \* 1000\)`/g, 'sql`(extract(epoch from now()) * 1000)::bigint`')
    .replace(/from '\.\.\/\.\.\//g, "from '../../../");
  out = out.replace(/import \{([^}]*)\} from 'drizzle-orm\/sqlite-core';/, (_, names: string) => {
    const wanted = new Set(
      names
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && n !== 'integer' && n !== 'sqliteTable'),
    );
    wanted.add('pgTable');
    for (const name of ['bigint', 'boolean', 'jsonb'])
      if (new RegExp(`\\b${name}\\(`).test(out)) wanted.add(name);
    const pg = `import { ${[...wanted].sort().join(', ')} } from 'drizzle-orm/pg-core';`;
    return /\bepochMs\(/.test(out) ? `${pg}\nimport { epochMs } from '../columns';` : pg;
  });
  // Anything not translated above fails here rather than meaning something else on PostgreSQL:
  // an unknown column kind or mode, or a SQL default other than the one known.
  const defaults = out.match(/sql`[^`]*`/g) ?? [];
  const unknownDefault = defaults.some(
    (d) => d !== 'sql`(extract(epoch from now()) * 1000)::bigint`',
  );
  if (
    unknownDefault ||
    /\b(integer|real|blob|numeric)\(|sqlite-core|sqliteTable|unixepoch|mode: '(timestamp|json|boolean)/.test(
      out,
    )
  )
    throw new Error('the SQLite schema uses a column the PostgreSQL generator does not know');
  return HEADER + out;
}

/** Every file of the PostgreSQL schema, by name, from the SQLite schema as it is now. */
export function pgSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(SQLITE_SCHEMA_DIR).sort()) {
    if (!name.endsWith('.ts')) continue;
    const source = readFileSync(join(SQLITE_SCHEMA_DIR, name), 'utf8');
    files.set(name, name === 'index.ts' ? HEADER + source : pgSchemaSource(source));
  }
  return files;
}

if (process.argv[1] === import.meta.filename) {
  for (const [name, text] of pgSchemaFiles()) writeFileSync(join(PG_SCHEMA_DIR, name), text);
}
