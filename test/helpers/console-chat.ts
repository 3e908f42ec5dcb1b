import { PassThrough } from 'node:stream';
import {
  type ConsoleAdapter,
  type ConsolePerson,
  createConsoleAdapter,
} from '../../src/adapters/console';
import { type Locale, localeFromPlatform } from '../../src/core/i18n';
import { getProfile } from '../../src/db/queries/profiles';
import { findUser } from '../../src/db/queries/users';
import { consoleLocaleNow } from '../../src/db/sqlite';
import { DEMO_COMPANY } from '../../src/demo/company';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { TEST_PG } from '../pg/template';
import type { TestApp } from './app';

export interface ConsoleChat {
  adapter: ConsoleAdapter;
  /** Types one line, waits until the bot has answered, returns what was printed. */
  type(line: string): Promise<string>;
  /** Everything printed so far. */
  transcript(): string;
  stop(): Promise<void>;
}

export const ME: ConsolePerson = { id: 'me', name: 'Alex Tester' };
export const ME_REF = { platform: 'console' as const, workspace: 'local', id: 'me' };

/** The console person's user row and profile, as the database holds them now. */
export async function meInDb(app: TestApp) {
  const user = await findUser(app.database.db, ME_REF);
  return { user, profile: user ? await getProfile(app.database.db, user.id) : undefined };
}

/**
 * The console adapter on in-memory streams, wired to the test app's engine and outbox:
 * exactly the path a person at `npm start` takes, minus the terminal.
 */
export async function startConsoleChat(
  app: TestApp,
  options: { me?: ConsolePerson; locale?: Locale; people?: ConsolePerson[] } = {},
): Promise<ConsoleChat> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const me = options.me ?? ME;
  const remembered = new Map<string, Locale | undefined>();
  const remember = async () => {
    if (!TEST_PG) return;
    const user = await findUser(app.database.db, { ...ME_REF, id: me.id });
    remembered.set(
      me.id,
      user ? (user.locale ?? localeFromPlatform(user.platformLocale)) : undefined,
    );
  };
  const adapter = createConsoleAdapter({
    input,
    output,
    people: [
      me,
      ...(options.people ?? []),
      ...DEMO_COMPANY.map(({ id, name, locale }) => ({ id, name, locale })),
    ],
    me,
    locale: options.locale ?? 'en',
    filesDir: `${app.dir}/files`,
    databasePath: app.dbPath,
    settle: () => app.settle(),
    // The language a person chose, as main.ts reads it for the banner after a restart.
    localeOf: (id) => {
      // On PostgreSQL nothing reads synchronously: the language as last read (see `remember`).
      if (TEST_PG) return remembered.get(id);
      const user = consoleLocaleNow(app.database.db, { ...ME_REF, id });
      return user ? (user.locale ?? localeFromPlatform(user.platformLocale)) : undefined;
    },
    // `/time +2h`, as main.ts wires it: the clock moves and what fell due runs.
    timeTravel: async (ms) => {
      app.clock.set(new Date(app.clock.now().getTime() + ms));
      await runDueTimers(
        { db: app.database.db, config: app.config, logger: silentLogger, adapters: app.adapters },
        app.clock.now(),
      );
      app.outbox.kick();
      await app.settle();
      return app.clock.now();
    },
  });
  app.adapters.console = adapter;
  await remember();
  await adapter.start(app.engine);
  return {
    adapter,
    async type(line) {
      const before = printed.length;
      const read = adapter.linesRead;
      input.write(`${line}\n`);
      // Until the line has reached the adapter: on a busy machine one turn was not always
      // enough, and the wait below then returned before the line was handled.
      // (Bounded: a closed console reads no more lines.)
      for (let turn = 0; turn < 1000; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (adapter.linesRead !== read) break;
      }
      await adapter.whenIdle();
      await app.settle();
      await remember();
      return printed.slice(before);
    },
    transcript: () => printed,
    async stop() {
      await adapter.stop();
      input.end();
    },
  };
}

/**
 * `/sprint` or `/meet` booked by hand: the command, then "Other time" under the suggested
 * slots (today's day and time steps). Returns everything printed by both.
 */
export async function bookByHand(chat: Pick<ConsoleChat, 'type'>, command = '/sprint') {
  const offered = await chat.type(command);
  const match = /\[(\d+)\] (?:Other time|Другое время)/.exec(offered);
  if (!match) return offered;
  return offered + (await chat.type(match[1] ?? ''));
}

/**
 * A time typed at the booking form; where it falls outside the partner's hours (or at night
 * for them) the warning follows, and "Keep this time" is pressed. Returns what was printed.
 */
export async function typeTimeKept(chat: Pick<ConsoleChat, 'type'>, time: string) {
  const answered = await chat.type(time);
  const match = /(\d+)\. \(.\) (?:Keep this time|Оставить это время)/.exec(answered);
  if (!match) return answered;
  return answered + (await chat.type(match[1] ?? ''));
}
