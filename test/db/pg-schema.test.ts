import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { PG_SCHEMA_DIR, pgSchemaFiles, pgSchemaSource } from '../../src/db/pg/generate';
import * as pgSchema from '../../src/db/pg/schema';
import * as sqliteSchema from '../../src/db/schema';

const ROOT = resolve(import.meta.dirname, '../..');

/** A column as queries see it: its SQL name, whether it may be null, and its JavaScript type. */
function shape(name: string, dataType: string, notNull: boolean, columnType: string) {
  // Moments are Dates on both: SQLite's timestamp_ms integer, PostgreSQL's epochMs bigint.
  const type = columnType === 'PgCustomColumn' ? 'date' : dataType;
  return `${name}:${type}${notNull ? '' : '?'}`;
}

describe('the PostgreSQL schema', () => {
  it('is generated from the SQLite schema as it is now (npm run db:pg-schema)', () => {
    const files = pgSchemaFiles();
    expect(readdirSync(PG_SCHEMA_DIR).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files)
      expect(readFileSync(join(PG_SCHEMA_DIR, name), 'utf8'), name).toBe(text);
  });

  it('translates what keeps its meaning and refuses what would not', () => {
    const table = (columns: string) =>
      `import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';\nexport const t = sqliteTable('t', { ${columns} });`;
    // SQLite's real is 8 bytes: PostgreSQL's double, not its 4-byte real.
    expect(pgSchemaSource(table("score: real('score'), n: integer()"))).toContain(
      "score: doublePrecision('score')",
    );
    for (const unknown of [
      'at: text().default(sql`CURRENT_TIMESTAMP`)',
      "blob: blob('b')",
      "n: integer({ mode: 'bigint' })",
    ])
      expect(() => pgSchemaSource(table(unknown)), unknown).toThrow(/does not know/);
  });

  it('has every table, column, type, index and key the SQLite schema has', () => {
    const sqliteTables = Object.entries(sqliteSchema).filter(([, v]) => is(v, SQLiteTable));
    const pgTables = Object.entries(pgSchema).filter(([, v]) => is(v, PgTable));
    expect(pgTables.map(([k]) => k).sort()).toEqual(sqliteTables.map(([k]) => k).sort());
    expect(sqliteTables.length).toBeGreaterThan(15);
    for (const [key, table] of sqliteTables) {
      const a = sqliteConfig(table as SQLiteTable);
      const b = pgConfig((pgSchema as Record<string, unknown>)[key] as PgTable);
      expect(b.name, key).toBe(a.name);
      expect(
        b.columns.map((c) => shape(c.name, c.dataType, c.notNull, c.columnType)),
        key,
      ).toEqual(a.columns.map((c) => shape(c.name, c.dataType, c.notNull, c.columnType)));
      expect(
        b.columns.filter((c) => c.primary).map((c) => c.name),
        key,
      ).toEqual(a.columns.filter((c) => c.primary).map((c) => c.name));
      expect(b.indexes.map((i) => i.config.name).sort(), key).toEqual(
        a.indexes.map((i) => i.config.name).sort(),
      );
      expect(b.foreignKeys.length, key).toBe(a.foreignKeys.length);
      expect(b.primaryKeys.length, key).toBe(a.primaryKeys.length);
      expect(b.uniqueConstraints.length, key).toBe(a.uniqueConstraints.length);
    }
  });

  it.each([
    ['SQLite', 'sqlite', 'src/db/schema/index.ts', 'migrations'],
    ['PostgreSQL', 'postgresql', 'src/db/pg/schema/index.ts', 'migrations/pg'],
  ])(
    '%s migrations say everything the schema does (npm run db:generate)',
    (_, dialect, schema, out) => {
      const dir = mkdtempSync(join(tmpdir(), 'tandem-migrations-'));
      try {
        cpSync(join(ROOT, out), join(dir, 'out'), { recursive: true });
        const before = readdirSync(join(dir, 'out')).length;
        const config = join(dir, 'drizzle.config.ts');
        writeFileSync(
          config,
          // drizzle-kit reads `out` relative to where it runs (an absolute one fails quietly).
          `export default ${JSON.stringify({ dialect, schema, out: relative(ROOT, join(dir, 'out')) })};`,
        );
        const run = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config], {
          cwd: ROOT,
          encoding: 'utf8',
        });
        expect(run.status, run.stderr).toBe(0);
        expect(`${run.stdout}${run.stderr}`).toContain('No schema changes');
        expect(readdirSync(join(dir, 'out')).length, run.stdout).toBe(before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
