import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../../src/adapters/console';
import type { TestApp } from '../../helpers/app';
import { ME } from '../../helpers/console-chat';
import type { ContractDriver, ShownMessage } from './driver';
import { RecordingSink } from './sink';

/** How the console heads a message to the person typing, in their DM. */
const HEADER = 'Tandem:';

/** `[3] Accept` in a row of buttons, or `  2. ( ) Mentee` for an option. */
const ENTRY = /\[(\d+)\] (.+?)(?= {3}\[|$)|^ {2}(\d+)\. (?:\(.\)|\[.\]) (.+)$/gm;

/**
 * The console adapter on in-memory streams, as console-chat.ts starts it, with the recording
 * sink in place of the engine (no database): what the person reads is the printed text.
 */
export async function startConsoleDriver(app?: TestApp): Promise<ContractDriver> {
  const sink = new RecordingSink(app?.engine);
  const dir = mkdtempSync(join(tmpdir(), 'tandem-contract-'));
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const adapter = createConsoleAdapter({
    input,
    output,
    people: [ME],
    me: ME,
    locale: 'en',
    filesDir: join(dir, 'files'),
    databasePath: join(dir, 'tandem.db'),
    ...(app ? { settle: () => app.settle() } : {}),
  });
  if (app) app.adapters.console = adapter;
  await adapter.start(sink);
  const type = async (line: string) => {
    input.write(`${line}\n`);
    await new Promise((resolve) => setImmediate(resolve));
    await adapter.whenIdle();
  };
  // Each message is printed under its header; the chunks between headers are the messages.
  const shown = (): (ShownMessage & { numbers: Map<string, number> })[] =>
    printed
      .split(`\n${HEADER}\n`)
      .slice(1)
      .map((chunk) => {
        const body = chunk.replace(/\n\n[^\n]* › [^\n]*[\s\S]*$/, '');
        const numbers = new Map<string, number>();
        const buttons: ShownMessage['buttons'] = [];
        for (const m of body.matchAll(ENTRY)) {
          const label = (m[2] ?? m[4] ?? '').trim();
          numbers.set(label, Number(m[1] ?? m[3]));
          buttons.push({ label });
        }
        for (const m of body.matchAll(/^ {2}(.+): (https?:\/\/\S+)$/gm))
          buttons.push({ label: m[1] ?? '', url: m[2] ?? '' });
        return { text: body, buttons, edit: false, numbers };
      });
  return {
    adapter,
    sink,
    dm: { kind: 'user', user: { platform: 'console', workspace: 'local', id: ME.id } },
    // A terminal can't change what it printed: an answer in place is printed anew.
    editsInPlace: false,
    limits: {},
    shown,
    async files() {
      const folder = join(dir, 'files');
      let names: string[] = [];
      try {
        names = readdirSync(folder);
      } catch {
        return [];
      }
      return names.map((name) => ({ name, content: readFileSync(join(folder, name)) }));
    },
    overLimits: () => [],
    command: (name, args) => type(`/${name} ${args}`.trim()),
    say: (text) => type(text),
    async press(label) {
      const message = shown().findLast((m) => m.numbers.has(label));
      const n = message?.numbers.get(label);
      if (n === undefined) throw new Error(`no button "${label}" in:\n${printed}`);
      await type(String(n));
    },
    async stop() {
      await adapter.stop();
      input.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
