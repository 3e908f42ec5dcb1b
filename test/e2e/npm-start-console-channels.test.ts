import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../helpers/net';
import { startTandem, type TandemProcess } from '../helpers/tandem-process';

let tandem: TandemProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  tandem?.proc.kill('SIGKILL');
  tandem = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('npm start without tokens, with a company’s channels in .env', () => {
  it('sets them aside, says so, and shows the HR summary in the console', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-console-channels-'));
    tandem = startTandem(
      {
        DATABASE_PATH: join(dir, 'demo.db'),
        FILES_DIR: join(dir, 'files'),
        // A Sunday afternoon: the weekly summary (Monday 09:00) falls due a day on.
        DEMO_CLOCK: '2026-12-06T16:00:00Z',
        HR_CHANNEL: 'slack:C0HR',
        CONTENT_CHANNEL: 'telegram:-100123',
        ADMIN_IDS: 'slack:U1',
      },
      { stdin: 'pipe' },
    );
    const logs = () => tandem?.logs() ?? '';
    await until('the banner', () => (logs().includes('Type /help') ? true : undefined), 45_000);
    expect(logs()).toContain(
      'HR_CHANNEL: slack:C0HR ignored: the console runs without Slack or Telegram; its posts are shown here as console:hr.',
    );
    expect(logs()).toContain(
      'CONTENT_CHANNEL: telegram:-100123 ignored: the console runs without Slack or Telegram; its posts are shown here as console:content.',
    );
    expect(logs()).toContain('ADMIN_IDS: slack:U1 ignored');

    tandem.proc.stdin?.write('/time +1d\n');
    // The summary goes to the console's #hr, not into a queue for a Slack that never runs.
    await until('the summary in #hr', () => (/#hr\b.*Tandem:/.test(logs()) ? true : undefined));
    expect((await tandem.terminate()).code).toBe(0);
  }, 60_000);
});
