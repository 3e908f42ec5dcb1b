import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeSupported } from '../../src/runtime';
import { freePort, until } from '../helpers/net';
import {
  logLines,
  startTandem,
  TANDEM_ARGS,
  TANDEM_ROOT,
  type TandemProcess,
} from '../helpers/tandem-process';

const TG_TOKEN = '123456:PROC-TOKEN-abcdefghijklmnop';
const hasScript = spawnSync('script', ['--version']).status === 0;

let tandem: TandemProcess | undefined;
let dir: string;
afterEach(() => {
  tandem?.proc.kill('SIGKILL');
  tandem = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Whether anything accepts a TCP connection on host:port (any HTTP status counts). */
async function answers(host: string, port: number): Promise<boolean> {
  return fetch(`http://${host}:${port}/healthz`).then(
    () => true,
    () => false,
  );
}

/** Telegram against a Bot API nobody serves: the HTTP port is up, /healthz says 503. */
async function startListening(env: Record<string, string>) {
  const port = await freePort();
  tandem = startTandem({
    DATABASE_PATH: join(dir, 'tandem.db'),
    PORT: String(port),
    TELEGRAM_BOT_TOKEN: TG_TOKEN,
    TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}`,
    ...env,
  });
  await until('the HTTP port', async () => ((await answers('127.0.0.1', port)) ? true : undefined));
  return port;
}

describe('npm start in a container or service', () => {
  it('with no token and no terminal, says what to set on stderr and exits non-zero', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-runtime-'));
    // As `docker run` without -it starts it: stdin is /dev/null, nobody to type.
    tandem = startTandem({ DATABASE_PATH: join(dir, 'data', 'tandem.db') });
    let said = '';
    tandem.proc.stderr?.on('data', (c: Buffer) => {
      said += c.toString();
    });
    expect(await tandem.exited).toBe(1);
    expect(said).toContain('no Slack or Telegram token is set');
    expect(said).toContain('SLACK_BOT_TOKEN');
    expect(said).toContain('TELEGRAM_BOT_TOKEN');
    expect(said).toContain('docker run -it');
    // Nothing was started: no demo database left behind in the container's volume.
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it.skipIf(!hasScript)('with no token and a terminal, still opens the console demo', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-runtime-'));
    // `script` runs Tandem on a pseudo-terminal, as a person's terminal would.
    const command = [process.execPath, ...TANDEM_ARGS].join(' ');
    const proc = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: TANDEM_ROOT,
      env: {
        ...process.env,
        DATABASE_PATH: join(dir, 'tandem.db'),
        FILES_DIR: join(dir, 'files'),
        DEMO_CLOCK: '2026-12-09T08:00:00Z',
        SLACK_BOT_TOKEN: '',
        TELEGRAM_BOT_TOKEN: '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    try {
      await until('the console prompt', () => (output.includes('Alex ›') ? true : undefined));
      proc.stdin.write('/whoami\n');
      await until('an answer', () => (output.includes('You are Alex (me)') ? true : undefined));
      proc.stdin.write('/quit\n');
      expect(await exited).toBe(0);
      expect(output).toContain('Tandem local console — a demo company is loaded.');
      expect(output).toContain(`Bye! Your data stays in ${join(dir, 'tandem.db')} for next time.`);
    } finally {
      proc.kill('SIGKILL');
    }
  });
});

describe('HOST', () => {
  it('listens only on the given address', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-runtime-'));
    const port = await startListening({ HOST: '127.0.0.1' });
    // 127.0.0.2 is loopback too, but not the address asked for: nothing listens there.
    expect(await answers('127.0.0.2', port)).toBe(false);
    expect(await answers('127.0.0.1', port)).toBe(true);
    expect((await tandem?.terminate())?.code).toBe(0);
  });

  it('unset: listens on every interface, as before', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-runtime-'));
    const port = await startListening({});
    expect(await answers('127.0.0.2', port)).toBe(true);
    expect((await tandem?.terminate())?.code).toBe(0);
  });

  it('refuses a value that is no address, naming the variable', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-runtime-'));
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      HOST: 'http://0.0.0.0',
    });
    expect(await tandem.exited).toBe(1);
    expect(tandem.logs()).toContain('HOST: expected an IP address or host name');
  });

  it('a host name this machine cannot listen on: names HOST and what to do, exits non-zero', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-runtime-'));
    // A valid host name, so the config takes it; only listening finds it is no address here.
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(await freePort()),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      HOST: 'not-a-host.invalid',
    });
    expect(await tandem.exited).toBe(1);
    expect(tandem.logs()).toMatch(
      /Tandem could not start: http_host_unusable: HOST not-a-host\.invalid is not an address of this machine \(\w+\) — set HOST to one of its addresses, e\.g\. 127\.0\.0\.1, or leave it unset/,
    );
    expect(tandem.logs()).not.toContain('getaddrinfo');
  });
});

describe('PORT', () => {
  it('already in use: names PORT and the address, says what to do, exits non-zero', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-runtime-'));
    const other = createServer();
    const port = await freePort();
    await new Promise<void>((r) => other.listen(port, '127.0.0.1', r));
    try {
      tandem = startTandem({
        DATABASE_PATH: join(dir, 'tandem.db'),
        PORT: String(port),
        HOST: '127.0.0.1',
        TELEGRAM_BOT_TOKEN: TG_TOKEN,
      });
      expect(await tandem.exited).toBe(1);
      expect(tandem.logs()).toContain(
        `Tandem could not start: http_port_in_use: PORT ${port} is already in use on 127.0.0.1 — stop the other process or set PORT to a free port`,
      );
      expect(tandem.logs()).not.toContain('EADDRINUSE');
    } finally {
      await new Promise((r) => other.close(r));
    }
  });
});

describe('Node.js support', () => {
  it('knows which Node.js versions are supported', () => {
    expect(nodeSupported('20.20.2')).toBe(false);
    expect(nodeSupported('21.7.3')).toBe(false);
    expect(nodeSupported('22.12.0')).toBe(true);
    expect(nodeSupported('24.1.0')).toBe(true);
  });

  it('warns at start on a Node.js out of support, and runs on', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-runtime-'));
    await startListening({});
    const warned = logLines(tandem?.logs() ?? '').find((l) => l.code === 'node_unsupported');
    if (nodeSupported(process.versions.node)) expect(warned).toBeUndefined();
    else expect(warned).toMatchObject({ level: 40, node: process.versions.node });
    expect((await tandem?.terminate())?.code).toBe(0);
  });
});
