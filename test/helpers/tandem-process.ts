import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
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
 */
export function startTandem(
  env: Record<string, string>,
  options: { stdin?: 'ignore' | 'pipe' } = {},
): TandemProcess {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(SLACK_|TELEGRAM_|DATABASE_PATH|ADMIN_IDS|DEMO|PORT|LOG_|UNITS_)/.test(k),
    ),
  );
  const proc = spawn(process.execPath, TANDEM_ARGS, {
    cwd: TANDEM_ROOT,
    env: { ...clean, LOG_FORMAT: 'json', ...env },
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
