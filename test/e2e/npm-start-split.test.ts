import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/slack-api';
import { freePort, until } from '../helpers/net';
import { SIGNING_SECRET, signedHeaders, slashCommandBody } from '../helpers/slack';
import { logLines, startTandem, storedRows, type TandemProcess } from '../helpers/tandem-process';
import { TEST_PG } from '../pg/template';

let tandem: TandemProcess | undefined;
let dir: string;
let fake: FakeSlackApi | undefined;

afterEach(async () => {
  tandem?.proc.kill('SIGKILL');
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A signed Slack request to the process. */
function post(base: string, body: string) {
  return fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body), body });
}

/** Linux's number for SCHED_IDLE in /proc/…/sched. */
const SCHED_IDLE = 5;

/** The scheduling policy of each thread of process `pid` (Linux). */
function schedulingPolicies(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const sched = readFileSync(`/proc/${pid}/task/${tid}/sched`, 'utf8');
    return Number(/^policy\s*:\s*(\d+)/m.exec(sched)?.[1]);
  });
}

const interaction = (payload: Record<string, unknown>) =>
  `payload=${encodeURIComponent(JSON.stringify(payload))}`;

/**
 * With a platform, `npm start` splits the process (UNITS_THREAD=on, the default): the main
 * thread receives and acks, the units thread runs the events. What only the ack can carry
 * still comes back in it. Off, one thread does everything, as the console does.
 */
describe.each([
  { mode: 'on', thread: 'units' },
  { mode: 'off', thread: undefined },
])('npm start with UNITS_THREAD=$mode', ({ mode, thread }) => {
  it("opens the join modal, and a submit's errors come back inside Slack's ack; nothing is saved", async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-split-'));
    fake = await new FakeSlackApi().start();
    const port = await freePort();
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-split-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'debug',
      UNITS_THREAD: mode,
    });
    const base = `http://127.0.0.1:${port}`;
    await until('health', async () => {
      const res = await fetch(`${base}/healthz`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    });
    const health = (await (await fetch(`${base}/healthz`)).json()) as {
      checks: Record<string, { state: string }>;
    };
    expect(health.checks.units).toEqual(thread ? { state: 'up' } : undefined);
    // Split, the units thread runs only when the acks' thread leaves the CPU (SCHED_IDLE).
    const idle = () => schedulingPolicies(tandem?.proc.pid ?? 0).filter((p) => p === SCHED_IDLE);
    if (process.platform === 'linux' && thread)
      await until('units thread idle', () => (idle().length > 0 ? true : undefined));
    if (process.platform === 'linux') expect(idle()).toHaveLength(thread ? 1 : 0);

    expect((await post(base, slashCommandBody('join', 'trig-split-1'))).status).toBe(200);
    const opened = await until('views.open', () => fake?.callsTo('views.open')[0]);
    const view = opened.args.view as { private_metadata: string };

    const values = {
      role: { v: { type: 'radio_buttons', selected_option: { value: 'mentor' } } },
      grade: { v: { type: 'radio_buttons', selected_option: { value: '1' } } },
      department: { v: { type: 'plain_text_input', value: '' } },
      teach: { v: { type: 'checkboxes', selected_options: [] } },
      interests: { v: { type: 'plain_text_input', value: 'AI' } },
      formats: { v: { type: 'checkboxes', selected_options: [{ value: 'sprint' }] } },
      capacity: { v: { type: 'radio_buttons', selected_option: { value: '2' } } },
      language: { v: { type: 'radio_buttons', selected_option: { value: 'en' } } },
      consent: { v: { type: 'radio_buttons', selected_option: { value: 'yes' } } },
    };
    const bad = await post(
      base,
      interaction({
        type: 'view_submission',
        user: { id: 'U1', team_id: 'T1' },
        team: { id: 'T1' },
        trigger_id: 'trig-split-2',
        view: {
          id: 'V1',
          hash: 'h1',
          callback_id: 'tandem_form',
          private_metadata: view.private_metadata,
          state: { values },
        },
      }),
    );
    expect(bad.status).toBe(200);
    const answer = (await bad.json()) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(answer.response_action).toBe('errors');
    // What was left empty is named (among the rest this submit leaves out).
    expect(Object.keys(answer.errors)).toEqual(expect.arrayContaining(['department', 'teach']));

    expect((await tandem.terminate()).code).toBe(0);
    const lines = logLines(tandem.logs());
    // Split, the event ran in the units thread, which logs with its own mark.
    expect(
      lines.some((l) => l.msg === 'event handled' && l.thread === thread && l.type === 'command'),
    ).toBe(true);
    expect(lines.some((l) => l.code === 'units_thread_exited')).toBe(false);
    // Its people were stored (the submit's author), their profile not.
    expect(await storedRows(join(dir, 'tandem.db'), 'users')).toBeGreaterThan(0);
    expect(await storedRows(join(dir, 'tandem.db'), 'profiles')).toBe(0);
    // On PostgreSQL nothing went to a SQLite file.
    if (TEST_PG) expect(existsSync(join(dir, 'tandem.db'))).toBe(false);
  }, 60_000);
});
