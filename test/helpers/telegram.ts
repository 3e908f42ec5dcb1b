import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram';
import { FakeBotApi } from '../fakes/telegram-api';
import type { PlatformHost } from './app';

export const BOT = {
  id: 4242,
  is_bot: true as const,
  first_name: 'Tandem',
  username: 'tandem_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface Person {
  id: number;
  first_name: string;
  last_name?: string;
  language_code?: string;
}

export const ANNA: Person = {
  id: 1001,
  first_name: 'Anna',
  last_name: 'Petrova',
  language_code: 'en',
};

export interface TelegramHarness {
  api: FakeBotApi;
  adapter: TelegramAdapter;
  /** A message from a person, in their private chat (or a group chat id). */
  say(
    text: string | undefined,
    options?: { from?: Person; chatId?: number; extra?: Record<string, unknown> },
  ): Promise<void>;
  /** Presses a button: callback data on the given message. */
  press(
    data: string,
    options?: { from?: Person; chatId?: number; messageId?: number },
  ): Promise<void>;
  /** Presses the button with this label on the last message shown (in `inChat`, if given). */
  pressLabel(label: string, options?: { from?: Person; inChat?: number }): Promise<void>;
  /** Feeds a raw update. */
  update(update: Record<string, unknown>): Promise<void>;
  settle(): Promise<void>;
}

let updateId = 1;

/** The real Telegram adapter fed through handleUpdate, with a capturing Bot API behind it. */
export async function startTelegram(app: PlatformHost): Promise<TelegramHarness> {
  const api = new FakeBotApi();
  const adapter = createTelegramAdapter({
    token: '123456:TEST-TOKEN-abcdefghijklmnop',
    botInfo: BOT,
    polling: false,
    transformer: api.transformer,
    logger: app.logger,
    intervals: { global: 0, private: 0, group: 0 },
  });
  app.adapters.telegram = adapter;
  await adapter.start(app.engine);
  const settle = () => app.settle();
  const update = async (u: Record<string, unknown>) => {
    await adapter.handleUpdate({ update_id: updateId++, ...u } as never);
    await settle();
  };
  const harness: TelegramHarness = {
    api,
    adapter,
    async say(text, options = {}) {
      const from = options.from ?? ANNA;
      const chatId = options.chatId ?? from.id;
      await update({
        message: {
          message_id: updateId * 10,
          date: 0,
          from: { is_bot: false, ...from },
          chat:
            chatId > 0
              ? { id: chatId, type: 'private', first_name: from.first_name }
              : { id: chatId, type: 'supergroup', title: 'Team' },
          ...(text === undefined ? {} : { text }),
          ...(text?.startsWith('/')
            ? {
                entities: [
                  { type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 0 },
                ],
              }
            : {}),
          ...options.extra,
        },
      });
    },
    async press(data, options = {}) {
      const from = options.from ?? ANNA;
      const chatId = options.chatId ?? from.id;
      await update({
        callback_query: {
          id: `cq${updateId}`,
          from: { is_bot: false, ...from },
          chat_instance: 'ci',
          data,
          message: {
            message_id: options.messageId ?? 1,
            date: 0,
            chat:
              chatId > 0
                ? { id: chatId, type: 'private', first_name: from.first_name }
                : { id: chatId, type: 'supergroup', title: 'Team' },
          },
        },
      });
    },
    async pressLabel(label, { inChat, ...options } = {}) {
      const last = api.last(inChat);
      const button = last.buttons.find((b) => b.text.includes(label));
      if (!button?.callback_data)
        throw new Error(`no button "${label}" in: ${last.buttons.map((b) => b.text).join(' | ')}`);
      await harness.press(button.callback_data, { ...options, messageId: last.messageId });
    },
    update,
    settle,
  };
  return harness;
}
