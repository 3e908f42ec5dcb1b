import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { TEST_PG } from '../pg/template';
import { signedHeaders } from './slack';

/**
 * What `npm start` runs: the compiled bundle (test/global-setup.ts builds it before the suite),
 * with `process.execPath`, from the project folder.
 */
export const TANDEM_ARGS = ['dist/main.js'];
export const TANDEM_ROOT = resolve(import.meta.dirname, '../..');

export interface TandemProcess {
  proc: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  logs(): string;
  /** Resolves when it exits, with its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends SIGTERM and resolves with the exit code and how long it took, or throws after `ms`. */
  terminate(ms?: number): Promise<{ code: number | null; ms: number }>;
}

/**
 * Tandem as a real process, as `npm start` runs it, with only the given environment
 * (no SLACK_, TELEGRAM_, DATABASE_PATH… leaking in from the shell running the tests).
 *
 * When the suite runs on PostgreSQL (TANDEM_TEST_PG), a Slack or Telegram start stores in
 * the test's PostgreSQL database (DATABASE_URL), as a company on PostgreSQL runs it — unless
 * the test is about SQLite's file (`database: 'sqlite'`). The console stays on SQLite: it is
 * one person's demo.
 */
export function startTandem(
  env: Record<string, string>,
  options: { stdin?: 'ignore' | 'pipe'; database?: 'sqlite' } = {},
): TandemProcess {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(SLACK_|TELEGRAM_|DATABASE_PATH|DATABASE_URL|ADMIN_IDS|DEMO|PORT|LOG_|UNITS_)/.test(k),
    ),
  );
  const platform = Object.keys(env).some((k) => /^(SLACK_BOT_TOKEN|TELEGRAM_BOT_TOKEN)$/.test(k));
  const pgUrl = process.env.TANDEM_TEST_PG_DB;
  const onPostgres =
    TEST_PG && pgUrl && platform && options.database !== 'sqlite' && !('DATABASE_URL' in env);
  const proc = spawn(process.execPath, TANDEM_ARGS, {
    cwd: TANDEM_ROOT,
    env: { ...clean, LOG_FORMAT: 'json', ...env, ...(onPostgres ? { DATABASE_URL: pgUrl } : {}) },
    // 'ignore' is /dev/null: no terminal, as in a container. A pipe is a console fed by a script.
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  proc.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    logs: () => output,
    exited,
    async terminate(ms = 10_000) {
      const started = performance.now();
      proc.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM`)), ms);
        }),
      ]).finally(() => clearTimeout(timer));
      return { code, ms: performance.now() - started };
    },
  };
}

/**
 * Rows in `table` of the database a platform start of startTandem stored in: the test's
 * PostgreSQL database when the suite runs there, else the SQLite file at `sqlitePath`.
 */
export async function storedRows(sqlitePath: string, table: string): Promise<number> {
  const pgUrl = process.env.TANDEM_TEST_PG_DB;
  if (TEST_PG && pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
      return Number(rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqlitePath, { readonly: true });
  try {
    return Number(db.prepare(`select count(*) from ${table}`).pluck().get());
  } finally {
    db.close();
  }
}

/** The parsed JSON log lines of a process, for assertions on codes. */
export function logLines(logs: string): Record<string, unknown>[] {
  return logs
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** `/mentor help` as Slack sends it, signed, to a running Tandem's Slack endpoint. */
export function slackHelp(base: string) {
  const body = new URLSearchParams({
    command: '/mentor',
    text: 'help',
    team_id: 'T1',
    user_id: 'U1',
    channel_id: 'DU1',
    channel_name: 'directmessage',
    trigger_id: 'trig-proc',
  }).toString();
  return fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body), body });
}
