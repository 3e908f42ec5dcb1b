import { Bot, InputFile, type Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type {
  ChannelCheck,
  ChatAdapter,
  CommandInfo,
  ConnectionStatus,
  EventSink,
} from '../../core/adapter';
import { type Backoff, backoffDelay, RECONNECT_BACKOFF } from '../../core/backoff';
import { withFailure } from '../../core/channel-check';
import { failureFields } from '../../core/errors';
import { LOCALES } from '../../core/i18n';
import { Pacer } from '../../core/pacer';
import type { Target } from '../../core/refs';
import type { FileMessage, Reply, SendOptions } from '../../core/replies';
import type { HttpRoute } from '../../http/server';
import type { Logger } from '../../logger';
import { apiTiming } from './api-timing';
import {
  channelProblemOf,
  readRights,
  TELEGRAM_CHANNEL_CHECK_TIMEOUT_MS,
  TELEGRAM_CHAT_METHOD,
  TELEGRAM_MEMBER_METHOD,
} from './channel-check';
import {
  connectionCode,
  deadline,
  pause,
  retryAfterMs,
  TELEGRAM_POLL_GRACE_MS,
  TELEGRAM_POLL_TIMEOUT_S,
  TELEGRAM_POLL_TURN_CHECK_MS,
  TELEGRAM_SETUP_TIMEOUT_MS,
  TELEGRAM_STOP_CONFIRM_MS,
  within,
} from './connection';
import { cannotEdit, isNotModified, toDeliveryError } from './delivery-errors';
import { routeGrammyLogs } from './grammy-logs';
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
import { webhookHandler } from './webhook';

export interface TelegramAdapterConfig {
  token: string;
  /** Self-hosted Bot API server (and tests); Telegram's own when absent. No trailing slash. */
  apiRoot?: string;
  /** Webhook mode when set; long polling otherwise. */
  webhook?: { url: string; secret: string };
  /** Skip polling entirely (updates arrive through `handleUpdate`), e.g. in tests. */
  polling?: boolean;
  /**
   * Long polling only while `leading` (several replicas on one database: Telegram answers two
   * pollers with 409, so one polls and the others stand by, ready to take over).
   */
  pollTurn?: { readonly leading: boolean };
  /** Known bot identity, so start-up needs no getMe call. */
  botInfo?: UserFromGetMe;
  /** Installed on the API client first (tests capture calls with it). */
  transformer?: Transformer;
  logger: Logger;
  /** Pacing overrides (tests). */
  intervals?: { global: number; private: number; group: number };
  /** Reconnect backoff (tests shorten it); RECONNECT_BACKOFF otherwise. */
  reconnect?: Backoff;
}

/**
 * Telegram over grammY: answers every button press at once, turns updates into neutral
 * events, renders replies as HTML with inline keyboards, and edits a form's message in
 * place rather than adding a new keyboard for every step.
 *
 * It connects on its own: start() keeps trying getMe and setWebhook/deleteWebhook with
 * backoff (each failure logged with a code, the state shown by `connection()`), and its own
 * long-polling loop does the same, so a Bot API that is down or hangs holds back nothing
 * else, and stop() returns at once whatever the Bot API does.
 */
export class TelegramAdapter implements ChatAdapter {
  readonly platform = 'telegram' as const;
  readonly #config: TelegramAdapterConfig;
  readonly #log: Logger;
  readonly #bot: Bot;
  readonly #pacer = new Pacer();
  /** Aborted by stop(): ends every wait and every Bot API call in flight for receiving. */
  readonly #stopping = new AbortController();
  #sink: EventSink | undefined;
  #starting: Promise<void> | undefined;
  #polling: Promise<void> | undefined;
  #status: ConnectionStatus = { state: 'connecting' };
  /** The next update id to ask for, and the one Telegram last heard we asked for. */
  #offset = 0;
  #confirmedOffset = 0;

  constructor(config: TelegramAdapterConfig) {
    this.#config = config;
    this.#log = config.logger.child({ component: 'telegram' });
    this.#bot = new Bot(config.token, {
      ...(config.botInfo ? { botInfo: config.botInfo } : {}),
      client: { ...(config.apiRoot ? { apiRoot: config.apiRoot.replace(/\/+$/, '') } : {}) },
    });
    routeGrammyLogs(config.logger);
    if (config.transformer) this.#bot.api.config.use(config.transformer);
    // Installed last, so it runs first: it times the whole call, whatever answers it.
    this.#bot.api.config.use(apiTiming(this.#log));
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
  webhookRoute(): HttpRoute | undefined {
    const webhook = this.#config.webhook;
    if (!webhook) return undefined;
    return {
      path: new URL(webhook.url).pathname,
      method: ['POST'],
      handler: webhookHandler({
        secret: webhook.secret,
        // Until connected (our identity known, the webhook set) Telegram is told to come back.
        ready: () => this.#sink !== undefined && this.#status.state === 'up',
        handle: (update) => this.#bot.handleUpdate(update as unknown as Update),
        log: this.#log,
      }),
    };
  }

  connection(): ConnectionStatus {
    return this.#status;
  }

  /**
   * Resolves once connected (or stopped): until then it retries with backoff, logging each
   * failure's code, so a caller may await it without holding anything else back.
   */
  async start(sink: EventSink): Promise<void> {
    this.#sink = sink;
    this.#starting ??= this.#connect();
    await this.#starting;
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#starting;
    await this.#polling;
    // Tell Telegram which updates were handled, so a restart does not fetch them again (they
    // would be recognised as duplicates anyway); briefly, as the Bot API may be the problem.
    if (this.#offset > this.#confirmedOffset) {
      await this.#bot.api
        .getUpdates(
          { offset: this.#offset, limit: 1, timeout: 0 },
          deadline(TELEGRAM_STOP_CONFIRM_MS),
        )
        .catch(() => undefined);
    }
  }

  async #connect(): Promise<void> {
    const signal = this.#stopping.signal;
    const webhook = this.#config.webhook;
    const polling = !webhook && this.#config.polling !== false;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        if (!this.#bot.isInited()) {
          this.#bot.botInfo = await this.#bot.api.getMe(within(signal, TELEGRAM_SETUP_TIMEOUT_MS));
        }
        if (webhook) {
          await this.#bot.api.setWebhook(
            webhook.url,
            { secret_token: webhook.secret, drop_pending_updates: false },
            within(signal, TELEGRAM_SETUP_TIMEOUT_MS),
          );
        } else if (polling) {
          // A webhook left set would make every getUpdates fail with 409.
          await this.#bot.api.deleteWebhook(
            { drop_pending_updates: false },
            within(signal, TELEGRAM_SETUP_TIMEOUT_MS),
          );
        }
        break;
      } catch (error) {
        if (signal.aborted) return;
        attempt += 1;
        await pause(this.#failed(error, attempt), signal);
      }
    }
    if (signal.aborted) return;
    // Polling is up once a getUpdates has answered; the other modes are up now.
    if (polling) this.#polling = this.#poll();
    else this.#up();
  }

  /** Long polling until stop(): every failure is logged and retried with backoff. */
  async #poll(): Promise<void> {
    const signal = this.#stopping.signal;
    let attempt = 0;
    let first = true;
    let standingBy = false;
    while (!signal.aborted) {
      const turn = this.#config.pollTurn;
      if (turn && !turn.leading) {
        // Another replica polls. This one can send, and polls once that one is gone.
        if (!standingBy) this.#log.info('telegram polling: another replica polls; standing by');
        standingBy = true;
        first = true;
        this.#up();
        await pause(TELEGRAM_POLL_TURN_CHECK_MS, signal);
        continue;
      }
      if (standingBy) this.#log.info('telegram polling: this replica polls now');
      standingBy = false;
      let updates: Update[];
      // Right after starting or a failure, ask without waiting: it says at once whether
      // Telegram answers, so /healthz need not wait out a long poll to say "up".
      const timeout = attempt > 0 || first ? 0 : TELEGRAM_POLL_TIMEOUT_S;
      try {
        updates = await this.#bot.api.getUpdates(
          { offset: this.#offset, timeout, ...(first ? { allowed_updates: [] } : {}) },
          within(signal, timeout * 1000 + TELEGRAM_POLL_GRACE_MS),
        );
      } catch (error) {
        if (signal.aborted) return;
        attempt += 1;
        await pause(this.#failed(error, attempt), signal);
        continue;
      }
      this.#confirmedOffset = this.#offset;
      first = false;
      attempt = 0;
      this.#up();
      for (const update of updates) {
        // Moved on before handling: an update that fails is not fetched again and again.
        this.#offset = update.update_id + 1;
        try {
          await this.#bot.handleUpdate(update);
        } catch (error) {
          this.#log.error(
            { err: error instanceof Error ? error.name : 'unknown' },
            'update failed',
          );
        }
      }
    }
  }

  #up(): void {
    if (this.#status.state !== 'up') this.#log.info('telegram connected');
    this.#status = { state: 'up' };
  }

  /** Marks the connection down, logs why, and says how long to wait before the next try. */
  #failed(error: unknown, attempt: number): number {
    const code = connectionCode(error);
    const backoff = backoffDelay(attempt, this.#config.reconnect ?? RECONNECT_BACKOFF);
    const waitMs = Math.max(backoff, retryAfterMs(error) ?? 0);
    this.#status = { state: 'down', code };
    this.#log.error({ code, attempt, retryInMs: waitMs }, 'telegram unreachable; will retry');
    return waitMs;
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

  /**
   * The bot's rights in a chat (getChat, then getChatMember for the bot). A post's own failure
   * ("bot is not a member", "not enough rights") is the answer when Telegram won't let the bot
   * look, as in a chat it was never added to.
   */
  async checkChannel(channelId: string, failure?: unknown): Promise<ChannelCheck> {
    const named = channelProblemOf(failure);
    const botName = `@${this.#bot.botInfo.username}`;
    let found: ChannelCheck;
    try {
      const signal = deadline(TELEGRAM_CHANNEL_CHECK_TIMEOUT_MS);
      const raw = this.#bot.api.raw;
      const chat = await raw[TELEGRAM_CHAT_METHOD]({ chat_id: channelId }, signal);
      const member = await raw[TELEGRAM_MEMBER_METHOD](
        { chat_id: channelId, user_id: this.#bot.botInfo.id },
        signal,
      );
      found = readRights(chat, member);
    } catch (error) {
      const problem = channelProblemOf(error) ?? named;
      if (!problem) throw error;
      return withFailure({ ok: false, problem }, undefined, botName);
    }
    return withFailure(found, named, botName);
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
    const receivedAt = this.#log.isLevelEnabled('debug') ? performance.now() : undefined;
    const event = toEvent(update, {
      id: this.#bot.botInfo.id,
      username: this.#bot.botInfo.username,
    });
    // Stored first (one insert, the dedupe): only then is the update confirmed to Telegram —
    // the webhook's answer or the next poll's offset — and the event runs in the worker.
    if (event && this.#sink)
      await this.#sink.accept(receivedAt === undefined ? event : { ...event, receivedAt });
    // A button press always gets its answer, so no clock keeps spinning.
    const queryId = callbackQueryId(update);
    if (queryId) {
      await this.#bot.api.answerCallbackQuery(queryId).catch((error: unknown) => {
        this.#log.warn(failureFields(toDeliveryError(error)), 'answerCallbackQuery failed');
      });
    }
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
