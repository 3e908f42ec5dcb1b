import type { Transformer } from 'grammy';

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

/**
 * A capturing Bot API: a grammY transformer that records every call and answers like
 * Telegram would, with no network. Failures can be scripted per method.
 */
export class FakeBotApi {
  readonly calls: TelegramCall[] = [];
  readonly #failures = new Map<string, TelegramFailure[]>();
  #messageId = 100;

  readonly transformer: Transformer = async (_prev, method, payload) => {
    const failure = this.#failures.get(method)?.shift();
    const record = { method, payload: { ...(payload as Record<string, unknown>) } };
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

  #result(method: string, payload: Record<string, unknown>): unknown {
    switch (method) {
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
