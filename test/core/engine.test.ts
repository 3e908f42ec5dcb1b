import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/core/backoff';
import type { Ctx } from '../../src/core/context';
import { INBOX_BACKOFF, INBOX_MAX_ATTEMPTS } from '../../src/core/inbox';
import { users } from '../../src/db/schema';
import { RecordingAdapter } from '../fakes/recording-adapter';
import { createTestApp, type TestApp } from '../helpers/app';
import { participant } from '../helpers/participants';

let app: TestApp;
afterEach(() => {
  app?.close();
  app?.dispose();
});

const SECRET_TEXT = 'my-very-private-answer-7731';

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

const user = {
  ref: { platform: 'slack' as const, workspace: 'T1', id: 'U1' },
  name: 'Pat Lee',
  locale: 'ru-RU',
};
const conversation = { platform: 'slack' as const, workspace: 'T1', id: 'D1', kind: 'dm' as const };

describe('engine', () => {
  it('keeps one failing handler from stopping the bot, and logs no message text', async () => {
    const { logger, lines } = capturingLogger();
    app = createTestApp({
      logger,
      extraCommands: {
        boom: {
          scope: 'anywhere',
          run(_ctx: Ctx, args: string) {
            throw new Error(`failed while handling ${args}`);
          },
        },
      },
    });
    const adapter = new RecordingAdapter('slack');
    app.adapters.slack = adapter;
    const engine = app.engine;
    await engine.handle({
      id: 'e1',
      user,
      conversation,
      type: 'command',
      name: 'boom',
      args: SECRET_TEXT,
    });
    await engine.accept({ id: 'e2', user, conversation, type: 'text', text: SECRET_TEXT });
    await engine.accept({ id: 'e3', user, conversation, type: 'command', name: 'help', args: '' });
    await app.settle();
    // The conversation waits in order behind the failing event while it is tried again.
    expect(adapter.texts()).toEqual([]);
    for (let attempt = 2; attempt <= INBOX_MAX_ATTEMPTS; attempt++) {
      app.clock.advance(backoffDelay(attempt - 1, INBOX_BACKOFF));
      await app.settle();
    }

    // The person's platform locale (ru-RU) picks Russian without asking.
    expect(adapter.texts()[0]).toContain('у меня что-то сломалось');
    expect(adapter.texts()[1]).toContain('Не понял');
    expect(adapter.deliveries[2]?.reply?.title).toBe('Tandem — обратное наставничество');
    const logs = lines.join('');
    expect(logs).toContain('"code":"handler_failed"');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(
      parsed.filter((l) => l.msg === 'event failed').map((l) => [l.attempts, l.gaveUp]),
    ).toEqual([
      [1, undefined],
      [2, undefined],
      [3, true],
    ]);
    // Every event that ran has its debug line (kind, latency, outcome): still no text and no names.
    const handled = parsed.filter((l) => l.msg === 'event handled');
    expect(handled.map((l) => [l.type, l.outcome])).toEqual([
      ['text', 'ok'],
      ['command', 'ok'],
    ]);
    expect(logs).not.toContain(SECRET_TEXT);
    expect(logs).not.toContain(user.name);
  });

  it('ignores a retried event (same id): no second effect, no second reply', async () => {
    app = createTestApp();
    const adapter = new RecordingAdapter('telegram');
    app.adapters.telegram = adapter;
    const tgUser = { ...user, ref: { platform: 'telegram' as const, workspace: 'bot', id: '42' } };
    const dm = { platform: 'telegram' as const, workspace: 'bot', id: '42', kind: 'dm' as const };
    await participant(app, tgUser.ref, tgUser.name, { role: 'mentor', grade: 1, teach: ['ai'] });
    const join = { id: 'same', user: tgUser, conversation: dm, type: 'command' as const };
    // A retried /idea run twice would find its own form open and start it over.
    await app.engine.handle({ ...join, name: 'idea', args: '' });
    await app.engine.handle({ ...join, name: 'idea', args: '' });
    // …and a retried answer would answer the next step as well.
    const answer = { id: 'answer', user: tgUser, conversation: dm, type: 'text' as const };
    await app.engine.handle({ ...answer, text: 'A Telegram channel for branch news' });
    await app.engine.handle({ ...answer, text: 'A Telegram channel for branch news' });
    await app.engine.handle({ ...answer, id: 'next', text: 'Staff under 30 read it more' });
    await app.settle();
    // Step by step: title, then the hypothesis, then the smallest test — nothing skipped.
    const texts = adapter.texts();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('Короткое название');
    expect(texts[1]).toContain('Что, по-вашему, произойдёт?');
    expect(texts[2]).toContain('Какой самый маленький тест?');
  });

  it('drops NUL characters as an event is stored: PostgreSQL would refuse the text, and the event be lost', async () => {
    app = createTestApp();
    const adapter = new RecordingAdapter('telegram');
    app.adapters.telegram = adapter;
    const ref = { platform: 'telegram' as const, workspace: 'bot', id: '42' };
    const dm = { platform: 'telegram' as const, workspace: 'bot', id: '42', kind: 'dm' as const };
    // A platform's display name is stored as it comes, unlike a form's answers (checked first).
    const from = { user: { ...user, ref, name: 'Ann\u0000a' }, conversation: dm };
    await app.engine.handle({ ...from, id: 'idea', type: 'command', name: 'idea', args: '' });
    await app.settle();
    expect(adapter.texts()[0]).toContain('Вы ещё не в программе');
    const [stored] = await app.database.db.select({ name: users.name }).from(users);
    expect(stored?.name).toBe('Anna');
  });

  it('refuses role-restricted commands to participants', async () => {
    app = createTestApp({
      env: { ADMIN_IDS: 'slack:UADMIN' },
      extraCommands: {
        report: {
          scope: 'anywhere',
          role: 'hr',
          run: (ctx: Ctx) => ctx.reply({ kind: 'text', text: 'the report' }),
        },
      },
    });
    const adapter = new RecordingAdapter('slack');
    app.adapters.slack = adapter;
    const engine = app.engine;
    await engine.handle({
      id: 'r1',
      user,
      conversation,
      type: 'command',
      name: 'report',
      args: '',
    });
    const admin = { ...user, ref: { ...user.ref, id: 'UADMIN' }, locale: 'en' };
    await engine.handle({
      id: 'r2',
      user: admin,
      conversation,
      type: 'command',
      name: 'report',
      args: '',
    });
    await app.settle();
    expect(adapter.texts()).toEqual([
      'Извините, эта команда доступна только HR и администраторам программы.',
      'the report',
    ]);
  });

  it('rewrites commands in catalog text to the platform syntax', async () => {
    app = createTestApp();
    const adapter = new RecordingAdapter('slack');
    Object.assign(adapter, { formatCommand: (name: string) => `/mentor ${name}` });
    app.adapters.slack = adapter;
    await app.engine.handle({
      id: 'x1',
      user: { ...user, locale: 'en' },
      conversation,
      type: 'command',
      name: 'profile',
      args: '',
    });
    await app.settle();
    expect(adapter.texts()[0]).toBe(
      "You haven't joined the program yet. Type /mentor join to sign up — it takes two minutes.",
    );
  });
});
