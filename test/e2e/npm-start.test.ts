import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TANDEM_ARGS, TANDEM_ROOT } from '../helpers/tandem-process';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A Wednesday morning: the demo's clock is pinned, so these runs read no wall clock. */
const WEDNESDAY_0800 = '2026-12-09T08:00:00Z';

/**
 * Runs `npm start`'s entry point as a user would, with piped input instead of a keyboard. The
 * console demo's clock starts at `DEMO_CLOCK` (a Wednesday morning unless a test says).
 */
function start(input: string, env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(SLACK_|TELEGRAM_|DATABASE_PATH|ADMIN_IDS|DEMO)/.test(k),
    ),
  );
  return spawnSync(process.execPath, TANDEM_ARGS, {
    cwd: TANDEM_ROOT,
    input,
    env: { ...clean, FILES_DIR: join(dir, 'files'), DEMO_CLOCK: WEDNESDAY_0800, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm start', () => {
  it('starts the console demo with an empty environment and keeps data across restarts', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-start-'));
    const env = { DATABASE_PATH: join(dir, 'data', 'tandem.db') };
    const first = start('/help\n/as maria\n/whoami\n/profile\n/as me\n/join\n2\n', env);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Tandem local console — a demo company is loaded.');
    expect(first.stdout).toContain('To connect Slack or Telegram');
    expect(first.stdout).toContain('Tandem — reverse mentoring');
    expect(first.stdout).toContain('Теперь вы — Maria Ivanova.');
    expect(first.stdout).toContain('Maria Ivanova (maria)');
    expect(first.stdout).toContain('Отдел: IT');
    expect(first.stdout).toContain('What is your level in the company?');

    // After a restart the unfinished form is shown again, and its numbers answer it.
    const second = start('4\n', env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('You have a form in progress');
    expect(second.stdout).toContain('Which department or team are you in?');
  });

  it('shows HR the weekly summary of the demo company and saves its chart as a PNG', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-start-'));
    // A Monday afternoon: the week just ended is the one the summary shows.
    const run = start(['/as olga', '/report', ''].join('\n'), {
      DATABASE_PATH: join(dir, 'data', 'tandem.db'),
      DEMO_CLOCK: '2026-12-07T16:00:00Z',
    });
    expect(run.status).toBe(0);
    // Olga reads Russian; the demo company has two pairs with weeks of rated sessions.
    expect(run.stdout).toContain('── Обратное наставничество ·');
    // With a decimal comma, as Russian writes it.
    expect(run.stdout).toMatch(/Полезность: \d,\d \/ 5/);
    const path = /Файл сохранён: (\S+\.png)/.exec(run.stdout)?.[1] ?? '';
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  });

  it('lets the console demo move its clock: a booked sprint reminds and asks afterwards', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-start-'));
    const input = [
      '/admin pair liam sergey',
      '/as liam',
      '/sprint',
      '6', // Other time (under five suggested slots)
      '1',
      '12', // 12:00 (an hour's button answers to the hour)
      '7',
      'Inbox zero in Outlook',
      '1',
      '/time +4h',
      '/time +2d',
      '',
    ].join('\n');
    const run = start(input, { DATABASE_PATH: join(dir, 'data', 'tandem.db') });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Your sprint with Sergey Kuznetsov is booked:');
    expect(run.stdout).toContain('Reminder: your sprint with Sergey Kuznetsov starts in 24 hours');
    expect(run.stdout).toContain('Did your sprint with Sergey Kuznetsov happen?');
    expect(run.stdout).toContain('Demo clock: 2026-12-09 12:00 UTC.');
    expect(run.stdout).toContain('Demo clock: 2026-12-11 12:00 UTC.');

    // The moved clock is kept across a restart: the demo is still on Friday.
    const again = start('/time +0m\n', { DATABASE_PATH: join(dir, 'data', 'tandem.db') });
    expect(again.stdout).toContain('Demo clock: 2026-12-11 12:');
  });

  it('ends a program past its last day when the demo clock moves on, and stops nudging its pairs', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-start-'));
    const input = [
      '/admin program new "Short" 2026-12-07 2026-12-20 7',
      '1', // Create it (its start, 7 Dec, has passed)
      '/admin pair liam sergey',
      '/time +15d',
      '/admin program list',
      '/time +8d',
      '',
    ].join('\n');
    const run = start(input, { DATABASE_PATH: join(dir, 'data', 'tandem.db') });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '“Short” reached its last day (20 Dec 2026) and has ended. The final survey went to 2 people',
    );
    expect(run.stdout).toMatch(/Short: .*\(ended on /);
    // Nudged while the program ran (a week without meeting), not after its end.
    const afterEnd = run.stdout.split('reached its last day')[1] ?? '';
    expect(afterEnd).not.toContain('were paired');
  });

  it('refuses to start on bad configuration, listing every bad variable', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-start-'));
    const result = start('', {
      DATABASE_PATH: join(dir, 't.db'),
      DEFAULT_LOCALE: 'fr',
      PORT: 'abc',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('DEFAULT_LOCALE');
    expect(result.stderr).toContain('PORT');
    expect(result.stdout).not.toContain('Tandem local console');
  });
});
