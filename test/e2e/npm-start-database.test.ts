import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/net';
import { startTandem, type TandemProcess } from '../helpers/tandem-process';

let tandem: TandemProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  tandem?.proc.kill('SIGKILL');
  tandem = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Starts Tandem on this database path and waits (at most `ms`) for it to give up. */
async function startOn(path: string, ms = 10_000): Promise<{ code: number | null; out: string }> {
  tandem = startTandem(
    {
      DATABASE_PATH: path,
      PORT: String(await freePort()),
      // A platform, so nothing waits on a console.
      TELEGRAM_BOT_TOKEN: '123456:PROC-TOKEN-abcdefghijklmnop',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}`,
      // The file SQLite cannot open is what is tested, also in the PostgreSQL run.
    },
    { database: 'sqlite' },
  );
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    tandem.exited,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
  return { code, out: tandem.logs() };
}

describe('npm start with a database that cannot be opened', () => {
  it('fails at once for a path under /proc, naming the path and DATABASE_PATH', async () => {
    const path = '/proc/tandem-test/tandem.db';
    const { code, out } = await startOn(path);
    expect(code).toBe(1);
    expect(out).toContain(path);
    expect(out).toContain('DATABASE_PATH');
  }, 20_000);

  it('names the path and the variable when SQLite cannot open the file', async () => {
    const path = '/proc/tandem.db';
    const { code, out } = await startOn(path);
    expect(code).toBe(1);
    expect(out).toMatch(
      /db_open_failed: cannot open the database at \/proc\/tandem\.db \(DATABASE_PATH\)/,
    );
    expect(out).toContain('SQLITE_CANTOPEN');
  }, 20_000);

  it('says so when the file is not a database, or its folder is a file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-badpath-'));
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'these are not the tables you are looking for\n'.repeat(200));
    const first = await startOn(notDb);
    expect(first.code).toBe(1);
    expect(first.out).toContain(`cannot open the database at ${notDb} (DATABASE_PATH)`);
    expect(first.out).toContain('SQLITE_NOTADB');

    const under = join(notDb, 'tandem.db');
    const second = await startOn(under);
    expect(second.code).toBe(1);
    expect(second.out).toContain(`cannot open the database at ${under} (DATABASE_PATH)`);
    expect(second.out).toContain(`${notDb} is not a folder`);
  }, 30_000);
});
