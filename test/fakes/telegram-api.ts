import { HttpError, type Transformer } from 'grammy';

export interface TelegramCall {
  method: string;
  payload: Record<string, unknown>;
  /** The message id Telegram gave a sent message. */
  result?: number;
}

export interface TelegramFailure {
  error_code: number;
  description: string;
  retry_after?: number;
}

/** A group or channel as Telegram knows it, and the bot's place in it. */
export interface FakeChat {
  type: 'group' | 'supergroup' | 'channel';
  title: string;
  bot: {
    status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';
    can_post_messages?: boolean;
    can_send_messages?: boolean;
  };
  /** Every message sent there fails like this (the bot was removed, has no rights, …). */
  refuse?: TelegramFailure;
}

const SENDING = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);

/**
 * A capturing Bot API: a grammY transformer that records every call and answers like
 * Telegram would, with no network. Failures can be scripted per method.
 */
export class FakeBotApi {
  readonly calls: TelegramCall[] = [];
  readonly #failures = new Map<string, TelegramFailure[]>();
  readonly #unreachable = new Set<string>();
  /** Groups and channels by id, for getChat / getChatMember and for refusing sends. */
  readonly chats = new Map<number, FakeChat>();
  #messageId = 100;

  readonly transformer: Transformer = async (_prev, method, payload) => {
    const record = { method, payload: { ...(payload as Record<string, unknown>) } };
    if (this.#unreachable.delete(method)) {
      this.calls.push({ ...record, method: `${method}:unreachable` });
      // What grammY throws when the request never got an answer.
      throw new HttpError(`Network request for '${method}' failed!`, new Error('ECONNREFUSED'));
    }
    const failure = this.#failures.get(method)?.shift() ?? this.#refusal(method, record.payload);
    if (failure) {
      this.calls.push({ ...record, method: `${method}:failed` });
      return {
        ok: false,
        error_code: failure.error_code,
        description: failure.description,
        ...(failure.retry_after ? { parameters: { retry_after: failure.retry_after } } : {}),
      } as never;
    }
    this.calls.push(record);
    return { ok: true, result: this.#result(method, record.payload) } as never;
  };

  fail(method: string, failure: TelegramFailure, times = 1): void {
    const list = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.#failures.set(method, list);
  }

  /** The next call of `method` gets no answer at all: the Bot API is unreachable. */
  unreachable(method: string): void {
    this.#unreachable.add(method);
  }

  callsTo(method: string): TelegramCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages as the person sees them: sent and edited texts, newest last. */
  texts(): string[] {
    return this.calls
      .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
      .map((c) => String(c.payload.text));
  }

  /** The last message shown (sent or edited), in one chat if given, and its keyboard. */
  last(chatId?: number): {
    text: string;
    buttons: { text: string; callback_data?: string; url?: string }[];
    messageId: number;
  } {
    const call = this.calls
      .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
      .filter((c) => chatId === undefined || String(c.payload.chat_id) === String(chatId))
      .at(-1);
    const markup = call?.payload.reply_markup as
      | { inline_keyboard?: { text: string }[][] }
      | undefined;
    return {
      text: String(call?.payload.text ?? ''),
      buttons: (markup?.inline_keyboard ?? []).flat() as {
        text: string;
        callback_data?: string;
        url?: string;
      }[],
      messageId: Number(call?.payload.message_id ?? call?.result ?? 0),
    };
  }

  /** What Telegram answers about, or to sends into, a listed chat (unlisted: "chat not found"). */
  #refusal(method: string, payload: Record<string, unknown>): TelegramFailure | undefined {
    const chat = this.chats.get(Number(payload.chat_id));
    if (method === 'getChat' || method === 'getChatMember')
      return chat ? undefined : { error_code: 400, description: 'Bad Request: chat not found' };
    return chat && SENDING.has(method) ? chat.refuse : undefined;
  }

  #result(method: string, payload: Record<string, unknown>): unknown {
    const chat = this.chats.get(Number(payload.chat_id));
    switch (method) {
      case 'getChat':
        return { id: Number(payload.chat_id), type: chat?.type, title: chat?.title };
      case 'getChatMember':
        return { user: { id: Number(payload.user_id), is_bot: true }, ...chat?.bot };
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument': {
        const id = ++this.#messageId;
        const call = this.calls.at(-1);
        if (call) call.result = id;
        return {
          message_id: id,
          date: 0,
          chat: { id: Number(payload.chat_id), type: 'private' },
          text: payload.text,
        };
      }
      case 'editMessageText':
        return {
          message_id: Number(payload.message_id),
          date: 0,
          chat: { id: Number(payload.chat_id), type: 'private' },
        };
      default:
        return true;
    }
  }
}
