import type { IncomingMessage, ServerResponse } from 'node:http';
import { Bot, InputFile, type Transformer, webhookCallback } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { ChatAdapter, CommandInfo, EventHandler } from '../../core/adapter';
import { LOCALES } from '../../core/i18n';
import { Pacer } from '../../core/pacer';
import type { Target } from '../../core/refs';
import type { FileMessage, Reply, SendOptions } from '../../core/replies';
import type { Logger } from '../../logger';
import { cannotEdit, isNotModified, toDeliveryError } from './delivery-errors';
import { callbackQueryId, toEvent } from './inbound';
import {
  TELEGRAM_CAPTION_MAX,
  TELEGRAM_COMMAND_DESCRIPTION_MAX,
  TELEGRAM_GLOBAL_INTERVAL_MS,
  TELEGRAM_GROUP_INTERVAL_MS,
  TELEGRAM_PHOTO_MAX_BYTES,
  TELEGRAM_PHOTO_TYPES,
  TELEGRAM_PRIVATE_INTERVAL_MS,
  TELEGRAM_START_PAYLOAD_MAX,
} from './limits';
import { renderMessages } from './render';

export interface TelegramAdapterConfig {
  token: string;
  /** Self-hosted Bot API server (and tests); Telegram's own when absent. No trailing slash. */
  apiRoot?: string;
  /** Webhook mode when set; long polling otherwise. */
  webhook?: { url: string; secret: string };
  /** Skip polling entirely (updates arrive through `handleUpdate`), e.g. in tests. */
  polling?: boolean;
  /** Known bot identity, so start-up needs no getMe call. */
  botInfo?: UserFromGetMe;
  /** Installed on the API client first (tests capture calls with it). */
  transformer?: Transformer;
  logger: Logger;
  /** Pacing overrides (tests). */
  intervals?: { global: number; private: number; group: number };
}

/** An HTTP route the shared server mounts (the webhook). */
export interface TelegramRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * Telegram over grammY: answers every button press at once, turns updates into neutral
 * events, renders replies as HTML with inline keyboards, and edits a form's message in
 * place rather than adding a new keyboard for every step.
 */
export class TelegramAdapter implements ChatAdapter {
  readonly platform = 'telegram' as const;
  readonly #config: TelegramAdapterConfig;
  readonly #log: Logger;
  readonly #bot: Bot;
  readonly #pacer = new Pacer();
  #handler: EventHandler | undefined;
  #polling: Promise<void> | undefined;

  constructor(config: TelegramAdapterConfig) {
    this.#config = config;
    this.#log = config.logger.child({ component: 'telegram' });
    this.#bot = new Bot(config.token, {
      ...(config.botInfo ? { botInfo: config.botInfo } : {}),
      client: { ...(config.apiRoot ? { apiRoot: config.apiRoot.replace(/\/+$/, '') } : {}) },
    });
    if (config.transformer) this.#bot.api.config.use(config.transformer);
    this.#bot.use(async (ctx) => {
      await this.#onUpdate(ctx.update);
    });
    this.#bot.catch((error) => {
      this.#log.error(
        { err: error.error instanceof Error ? error.error.name : 'unknown' },
        'update failed',
      );
    });
  }

  /** The webhook route, served on the same port as everything else (checks the secret). */
  webhookRoute(): TelegramRoute | undefined {
    const webhook = this.#config.webhook;
    if (!webhook) return undefined;
    const callback = webhookCallback(this.#bot, 'http', {
      secretToken: webhook.secret,
      onTimeout: 'return',
      timeoutMilliseconds: 9000,
    });
    return {
      path: new URL(webhook.url).pathname,
      method: ['POST'],
      handler: (req, res) => {
        // Until start() has run, Telegram is told to come back (it retries) rather than losing updates.
        if (!this.#handler) {
          res.writeHead(503).end();
          return;
        }
        callback(req, res).catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        });
      },
    };
  }

  async start(handler: EventHandler): Promise<void> {
    this.#handler = handler;
    await this.#bot.init();
    const webhook = this.#config.webhook;
    if (webhook) {
      await this.#bot.api.setWebhook(webhook.url, {
        secret_token: webhook.secret,
        drop_pending_updates: false,
      });
      return;
    }
    if (this.#config.polling === false) return;
    // Long polling runs until stop(); failures are logged, the process lives on.
    this.#polling = this.#bot.start({ drop_pending_updates: false }).catch((error: unknown) => {
      this.#log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'polling stopped');
    });
  }

  async stop(): Promise<void> {
    if (this.#bot.isRunning()) await this.#bot.stop();
    await this.#polling;
  }

  /** Processes one raw update (what the webhook and polling do), for tests and tools. */
  async handleUpdate(update: Parameters<Bot['handleUpdate']>[0]): Promise<void> {
    await this.#bot.handleUpdate(update);
  }

  dmLink(payload: string): string {
    const safe = payload.replace(/[^A-Za-z0-9_-]/g, '').slice(0, TELEGRAM_START_PAYLOAD_MAX);
    return `https://t.me/${this.#bot.botInfo.username}?start=${safe}`;
  }

  async setCommands(commands: CommandInfo[]): Promise<void> {
    for (const locale of LOCALES) {
      const list = commands.map((c) => ({
        command: c.name,
        description: c.description[locale].slice(0, TELEGRAM_COMMAND_DESCRIPTION_MAX),
      }));
      // English is the default list; other languages get their own.
      await this.#bot.api.setMyCommands(list, locale === 'en' ? {} : { language_code: locale });
    }
  }

  async send(target: Target, reply: Reply, options?: SendOptions): Promise<void> {
    const { chatId, group } = chatOf(target);
    const messages = renderMessages(reply);
    try {
      const [first, ...rest] = messages;
      if (first && options?.replaces && (await this.#edit(options.replaces, first))) {
        for (const m of rest) await this.#post(chatId, group, m);
        return;
      }
      for (const m of messages) await this.#post(chatId, group, m);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async sendFile(target: Target, file: FileMessage): Promise<void> {
    const { chatId, group } = chatOf(target);
    try {
      await this.#pace(chatId, group);
      const input = new InputFile(Buffer.from(file.contentBase64, 'base64'), file.filename);
      const options = file.caption ? { caption: file.caption.slice(0, TELEGRAM_CAPTION_MAX) } : {};
      // A chart is shown as a picture; everything else (.ics, CSV, JSON) as a file to save.
      if (
        TELEGRAM_PHOTO_TYPES.has(file.mimeType) &&
        file.contentBase64.length * 0.75 <= TELEGRAM_PHOTO_MAX_BYTES
      )
        await this.#bot.api.sendPhoto(chatId, input, options);
      else await this.#bot.api.sendDocument(chatId, input, options);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async #onUpdate(update: unknown): Promise<void> {
    const queryId = callbackQueryId(update);
    // Ack first: a button press always gets its answer, so no clock keeps spinning.
    if (queryId) {
      await this.#bot.api.answerCallbackQuery(queryId).catch((error: unknown) => {
        this.#log.warn(
          { err: error instanceof Error ? error.name : 'unknown' },
          'answerCallbackQuery failed',
        );
      });
    }
    const event = toEvent(update, {
      id: this.#bot.botInfo.id,
      username: this.#bot.botInfo.username,
    });
    if (event && this.#handler) await this.#handler(event);
  }

  async #post(
    chatId: string,
    group: boolean,
    message: ReturnType<typeof renderMessages>[number],
  ): Promise<void> {
    await this.#pace(chatId, group);
    await this.#bot.api.sendMessage(chatId, message.text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
    });
  }

  /** Edits a message in place; false when Telegram can't, so the caller posts anew. */
  async #edit(ref: string, message: ReturnType<typeof renderMessages>[number]): Promise<boolean> {
    const [chatId, messageId] = ref.split(':');
    if (!chatId || !messageId) return false;
    try {
      await this.#pace(chatId, Number(chatId) < 0);
      await this.#bot.api.editMessageText(chatId, Number(messageId), message.text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
      });
      return true;
    } catch (error) {
      if (isNotModified(error)) return true;
      if (cannotEdit(error)) return false;
      throw error;
    }
  }

  /** Telegram's pace: ~30 messages/s overall, 1/s per private chat, 20/min per group. */
  async #pace(chatId: string, group: boolean): Promise<void> {
    const gaps = this.#gaps();
    await this.#pacer.reserve([
      ['*', gaps.global],
      [chatId, group ? gaps.group : gaps.private],
    ]);
  }

  /** How long a message to this target would wait for its slot. */
  readyIn(target: Target): number {
    return this.#pacer.readyIn(['*', chatOf(target).chatId]);
  }

  #gaps() {
    return (
      this.#config.intervals ?? {
        global: TELEGRAM_GLOBAL_INTERVAL_MS,
        private: TELEGRAM_PRIVATE_INTERVAL_MS,
        group: TELEGRAM_GROUP_INTERVAL_MS,
      }
    );
  }
}

/** Private chats share the person's id; groups have negative ids. */
function chatOf(target: Target): { chatId: string; group: boolean } {
  if (target.kind === 'user') return { chatId: target.user.id, group: false };
  return { chatId: target.conversation.id, group: target.conversation.kind === 'group' };
}

/** Creates the Telegram adapter. */
export function createTelegramAdapter(config: TelegramAdapterConfig): TelegramAdapter {
  return new TelegramAdapter(config);
}
