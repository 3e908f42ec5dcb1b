import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApiServer } from '../fakes/bot-api-server';
import { freePort, until } from '../helpers/net';
import { freshPgDatabase } from '../helpers/pg-database';
import { logLines, startTandem, type TandemProcess } from '../helpers/tandem-process';

/**
 * Against a real server (`.ci/with-postgres` sets TEST_DATABASE_URL, as CI does); skipped
 * without one. Two replicas of Tandem as real processes on one PostgreSQL database, Telegram
 * in long-polling mode against a local Bot API that, like Telegram, ends a waiting getUpdates
 * when another comes (two pollers each get 409s and steal each other's updates).
 */
const SERVER = process.env.TEST_DATABASE_URL;
const TOKEN = '123456:REPLICA-TOKEN-abcdefghijklmnop';
const IRA = { id: 77, first_name: 'Ira', language_code: 'en' };
const HELP = 'Tandem — reverse mentoring';

let replicas: TandemProcess[] = [];
let telegram: FakeBotApiServer | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

afterEach(async () => {
  for (const r of replicas) r.proc.kill('SIGKILL');
  await Promise.all(replicas.map((r) => r.exited));
  replicas = [];
  await telegram?.stop();
  await dropDatabase?.();
});

async function freshDatabase(): Promise<string> {
  const database = await freshPgDatabase(SERVER ?? '', 'tandem_replicas');
  dropDatabase = database.drop;
  return database.url;
}

describe.skipIf(!SERVER)('two replicas on one PostgreSQL, Telegram long polling', () => {
  it('one polls at a time, each message is answered once, and the other takes over when it dies', async () => {
    const url = await freshDatabase();
    telegram = await new FakeBotApiServer().start();
    const start = async () =>
      startTandem({
        DATABASE_URL: url,
        PORT: String(await freePort()),
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: telegram?.apiRoot ?? '',
        LOG_LEVEL: 'info',
      });
    replicas = [await start(), await start()];
    const standingBy = (r: TandemProcess) =>
      logLines(r.logs()).some(
        (l) => l.msg === 'telegram polling: another replica polls; standing by',
      );
    await until('one replica standing by', () => (replicas.some(standingBy) ? true : undefined));

    telegram.say(IRA, '/help');
    await until('answered', () =>
      telegram?.sent(IRA.id).some((t) => t.includes(HELP)) ? true : undefined,
    );
    // Long polls come and go for a while: never two at once.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(telegram.conflicts).toBe(0);
    expect(telegram.sent(IRA.id).filter((t) => t.includes(HELP))).toHaveLength(1);

    // The one polling dies; the one standing by polls from then on.
    const leader = replicas.find((r) => !standingBy(r));
    const follower = replicas.find((r) => standingBy(r));
    if (!leader || !follower) throw new Error('expected one leader and one follower');
    leader.proc.kill('SIGKILL');
    await leader.exited;
    telegram.say(IRA, '/help');
    await until(
      'answered after the takeover',
      () =>
        telegram && telegram.sent(IRA.id).filter((t) => t.includes(HELP)).length === 2
          ? true
          : undefined,
      15_000,
    );
    expect(
      logLines(follower.logs()).some((l) => l.msg === 'telegram polling: this replica polls now'),
    ).toBe(true);
    expect(telegram.conflicts).toBe(0);
  }, 60_000);
});
