import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * What features and jobs may not do: reach the driver (its synchronous terminals, its
 * connection, its transactions) or write SQL only SQLite speaks. They await queries through
 * the `tx` they are handed; SQLite-only SQL lives in src/db.
 */
const RULES: { name: string; pattern: RegExp }[] = [
  // `.values()` without arguments is the driver's too, but a Map's is not: `[...m.values()]`.
  {
    name: 'sync terminal',
    pattern: /\.(?:run|get|all)\(\s*\)|(?<!\[\.\.\.[\w.]+)\.values\(\s*\)/g,
  },
  { name: '$client', pattern: /\$client/g },
  { name: 'transaction', pattern: /\.transaction\(/g },
  { name: 'root connection in a handler', pattern: /ctx\.deps\.db\b/g },
  {
    name: 'SQLite-only SQL',
    pattern:
      /sql`[^`]*\b(?:json_each|json_extract|json_group_array|json_group_object|group_concat|pragma|strftime|julianday)\b[^`]*`/gi,
  },
  { name: 'SQLite-only call', pattern: /\.(?:backup|pragma)\(|behavior:\s*'immediate'/g },
];

/**
 * What src/db/queries may not do: call the driver's synchronous terminals (with or without
 * arguments: a prepared statement's `.get(params)` too), reach the connection, or open a
 * transaction of its own. Every query there is an async function its callers await, so the
 * same functions can run on node-postgres. What truly must stay SQLite-only (statements in
 * SQLite's own dialect, statements built at run time, pragmas, the console's synchronous
 * read) lives in one named module, src/db/sqlite.ts, which this rule does not read.
 */
const QUERY_RULES: { name: string; pattern: RegExp }[] = [
  { name: 'sync terminal', pattern: /\.(?:run|get|all)\(|\.values\(\s*\)/g },
  { name: '$client', pattern: /\$client/g },
  { name: 'transaction', pattern: /\.transaction\(/g },
  { name: 'SQLite-only call', pattern: /\.(?:backup|pragma)\(|behavior:\s*'immediate'/g },
];

/** Each rule broken in `text`, with its line. */
function violations(text: string, rules = RULES): string[] {
  const found: string[] = [];
  for (const { name, pattern } of rules) {
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push(`${line}: ${name}`);
    }
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Each file under `dirs` that breaks one of `rules`, with what it breaks. */
function broken(dirs: string[], rules = RULES): Record<string, string[]> {
  return Object.fromEntries(
    dirs
      .flatMap((dir) => sources(join(SRC, dir)))
      .map((file) => [relative(SRC, file), violations(readFileSync(file, 'utf8'), rules)] as const)
      .filter(([, found]) => found.length > 0),
  );
}

describe('features and jobs reach storage only through an awaited tx', () => {
  it('no file calls the driver synchronously, opens its own transaction or writes SQLite-only SQL', () => {
    expect(broken(['features', 'jobs'])).toEqual({});
  });

  it('no query in src/db/queries runs synchronously or reaches the driver', () => {
    expect(broken(['db/queries'], QUERY_RULES)).toEqual({});
  });
  it('catches each kind of violation', () => {
    const planted = [
      'const row = tx.select().from(users).get();',
      'tx.update(users).set(patch)\n  .run();',
      'const rows = tx.select().from(users).all();',
      'const raw = tx.select().from(users).values();',
      'ctx.deps.db.$client.exec("vacuum");',
      'ctx.tx.transaction((t) => t);',
      'const n = await ctx.deps.db.select().from(users);',
      'const ids = sql`(select group_concat(id) from users)`;',
      "tx.select().from(t).where(sql`exists (select 1 from json_each(t.ids) where value = 'x')`);",
      "db.$client.pragma('wal_checkpoint(TRUNCATE)');",
    ];
    for (const line of planted) expect(violations(line), line).not.toEqual([]);
    const fine = [
      'const row = await first(tx.select().from(users));',
      'const names = [...byId.values()];',
      'const all = await Promise.all(list);',
      'const m = new Map(); m.get(key);',
    ];
    for (const line of fine) expect(violations(line), line).toEqual([]);
  });

  it('catches each kind of violation in a query', () => {
    const planted = [
      'return statements(db).insert.get({ ...row, now })?.id;',
      'const rows = queries.topics.all({ userId });',
      'db.update(users).set(patch).where(eq(users.id, id)).run();',
      'db.run(sql`delete from inbox`);',
      'return db.$client.prepare(text).all(...params);',
      'const raw = db.select().from(users).values();',
      "sqlite.pragma('busy_timeout = 0');",
      'db.transaction((tx) => saveProfile(tx, id, input, now));',
    ];
    for (const line of planted) expect(violations(line, QUERY_RULES), line).not.toEqual([]);
    const fine = [
      'return first(statements(db).insert.execute({ ...row, now }));',
      'await db.insert(profileTopics).values(rows);',
      'const gone = await db.delete(inbox).where(cond).returning({ id: inbox.id });',
    ];
    for (const line of fine) expect(violations(line, QUERY_RULES), line).toEqual([]);
  });
});
