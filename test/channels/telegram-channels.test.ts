import { afterEach, describe, expect, it } from 'vitest';
import type { EngineDeps } from '../../src/core/context';
import { checkChannels } from '../../src/features/channels/watch';
import { runWeeklySummary } from '../../src/features/reports/commands';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';
import { ANNA, startTelegram, type TelegramHarness } from '../helpers/telegram';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app?.dispose();
  app = undefined;
});

const CONTENT = -1001777;
const HR = -1001555;
const ENV = {
  ADMIN_IDS: `telegram:${ANNA.id}`,
  HR_CHANNEL: `telegram:${HR}`,
  CONTENT_CHANNEL: `telegram:${CONTENT}`,
};

function depsOf(a: TestApp): EngineDeps {
  return {
    db: a.database.db,
    clock: a.clock,
    config: a.config,
    logger: silentLogger,
    outbox: a.outbox,
    adapters: a.adapters,
  };
}

/** What the bot wrote in Anna's private chat. */
function annasChat(t: TelegramHarness): string[] {
  return t.api
    .callsTo('sendMessage')
    .filter((c) => String(c.payload.chat_id) === String(ANNA.id))
    .map((c) => String(c.payload.text));
}

describe('Telegram: a channel the bot may not post in', () => {
  it('answers a 403 "not a member" with "add the bot as an admin", never "posted"', async () => {
    app = createTestApp({ env: ENV });
    const t = await startTelegram(app);
    t.api.chats.set(CONTENT, {
      type: 'channel',
      title: 'Mentoring news',
      bot: { status: 'left' },
      refuse: {
        error_code: 403,
        description: 'Forbidden: bot is not a member of the channel chat',
      },
    });

    await t.say('/admin post https://example.com/ai-study How Gen Z uses AI at work');
    await t.settle();

    expect(t.api.callsTo('sendMessage:failed')).toHaveLength(1);
    const chat = annasChat(t).join('\n');
    expect(chat).toContain('The bot can’t post in Mentoring news (CONTENT_CHANNEL)');
    expect(chat).toContain(
      'Add @tandem_test_bot to the channel and make it an admin with the right to post messages.',
    );
    expect(chat).toContain('could not be posted to the content channel');
    expect(chat).not.toContain('Posted to the content channel');
  });

  it('checks its rights at start: an admin without "post messages" is told once, in Russian', async () => {
    app = createTestApp({ env: { ...ENV, DEFAULT_LOCALE: 'ru' } });
    const t = await startTelegram(app);
    t.api.chats.set(CONTENT, {
      type: 'channel',
      title: 'Новости менторства',
      bot: { status: 'administrator', can_post_messages: false },
    });
    t.api.chats.set(HR, { type: 'supergroup', title: 'HR', bot: { status: 'member' } });

    await checkChannels(depsOf(app), 'telegram');
    await t.settle();
    expect(t.api.callsTo('getChatMember').map((c) => c.payload.user_id)).toEqual([4242, 4242]);
    const told = annasChat(t);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(
      '@tandem_test_bot есть в Новости менторства (CONTENT_CHANNEL), но не может там писать. Сделайте его администратором канала с правом публиковать сообщения',
    );

    await checkChannels(depsOf(app), 'telegram');
    await t.settle();
    expect(annasChat(t)).toHaveLength(1);

    // Given the right: the check is quiet, and nothing is said.
    t.api.chats.set(CONTENT, {
      type: 'channel',
      title: 'Новости менторства',
      bot: { status: 'administrator', can_post_messages: true },
    });
    await checkChannels(depsOf(app), 'telegram');
    await t.settle();
    expect(annasChat(t)).toHaveLength(1);
  });

  it('a weekly summary refused for "not enough rights" in a group tells the admins', async () => {
    app = createTestApp({ env: ENV });
    const t = await startTelegram(app);
    t.api.chats.set(HR, {
      type: 'supergroup',
      title: 'People team',
      bot: { status: 'restricted', can_send_messages: false },
      refuse: {
        error_code: 400,
        description: 'Bad Request: not enough rights to send text messages to the chat',
      },
    });
    await runWeeklySummary({ db: app.database.db, config: app.config }, app.clock.now());
    app.outbox.kick();
    await t.settle();
    expect(t.api.callsTo('sendMessage:failed').length).toBeGreaterThan(0);
    const chat = annasChat(t).join('\n');
    expect(chat).toContain(
      '@tandem_test_bot is in People team (HR_CHANNEL) but may not post there',
    );
    expect(chat.match(/People team/g)).toHaveLength(1);
  });
});
