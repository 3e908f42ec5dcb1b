import type { InputFile } from 'grammy';
import type { TelegramCall } from '../../fakes/telegram-api';
import type { TestApp } from '../../helpers/app';
import { ANNA, BOT, startTelegram } from '../../helpers/telegram';
import type { ContractDriver, PlatformFailure, ShownMessage } from './driver';
import { hostFor, RecordingSink } from './sink';

/** The Bot API's documented limits, as the suite checks what Telegram received. */
const LIMITS = { text: 4096, caption: 1024, callbackDataBytes: 64 };

const CHAT = String(ANNA.id);

/** HTML parse mode back to what the person reads: tags gone, entities decoded. */
function readable(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

interface Keyboard {
  inline_keyboard?: { text: string; callback_data?: string; url?: string }[][];
}

/** The real grammY bot fed updates as Telegram sends them, the capturing fake Bot API behind. */
export async function startTelegramDriver(app?: TestApp): Promise<ContractDriver> {
  const sink = new RecordingSink(app?.engine);
  const t = await startTelegram(hostFor(sink, app));
  const messages = (): TelegramCall[] =>
    t.api.calls.filter(
      (c) =>
        (c.method === 'sendMessage' || c.method === 'editMessageText') &&
        String(c.payload.chat_id) === CHAT,
    );
  const shown = (): ShownMessage[] =>
    messages().map((c) => {
      const keyboard = (c.payload.reply_markup as Keyboard | undefined)?.inline_keyboard ?? [];
      const edit = c.method === 'editMessageText';
      return {
        text: readable(String(c.payload.text)),
        buttons: keyboard.flat().map((b) => ({
          label: b.text,
          ...(b.callback_data !== undefined ? { data: b.callback_data } : {}),
          ...(b.url !== undefined ? { url: b.url } : {}),
        })),
        ref: `${CHAT}:${edit ? String(c.payload.message_id) : String(c.result)}`,
        edit,
      };
    });
  /** How the Bot API answers each kind of failure. */
  const fail = (method: string, failure: PlatformFailure, retryAfterS: number) => {
    if (failure === 'unreachable') return t.api.unreachable(method);
    const failures = {
      rate_limited: {
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfterS}`,
        retry_after: retryAfterS,
      },
      transient: { error_code: 502, description: 'Bad Gateway' },
      permanent: { error_code: 400, description: "Bad Request: can't parse entities" },
      recipient_gone: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    } as const;
    t.api.fail(method, { ...failures[failure] });
  };
  let updateId = 900_000;
  const message = (text: string) => ({
    message_id: ++updateId,
    date: 0,
    from: { is_bot: false, ...ANNA },
    chat: { id: ANNA.id, type: 'private', first_name: ANNA.first_name },
    text,
  });
  return {
    adapter: t.adapter,
    sink,
    dm: { kind: 'user', user: { platform: 'telegram', workspace: String(BOT.id), id: CHAT } },
    editsInPlace: true,
    limits: { text: LIMITS.text, actionDataBytes: LIMITS.callbackDataBytes },
    shown,
    async files() {
      const sent = t.api.calls.filter(
        (c) => c.method === 'sendDocument' || c.method === 'sendPhoto',
      );
      return Promise.all(
        sent.map(async (c) => {
          const file = (c.payload.document ?? c.payload.photo) as InputFile;
          const raw = await file.toRaw();
          const caption = c.payload.caption;
          return {
            name: file.filename ?? '',
            content: Buffer.from(raw as Uint8Array),
            ...(typeof caption === 'string' ? { caption } : {}),
          };
        }),
      );
    },
    overLimits() {
      const out: string[] = [];
      for (const c of t.api.calls) {
        const text = c.payload.text;
        if (typeof text === 'string' && [...readable(text)].length > LIMITS.text)
          out.push(`${c.method} text of ${[...readable(text)].length}`);
        const caption = c.payload.caption;
        if (typeof caption === 'string' && [...caption].length > LIMITS.caption)
          out.push('caption');
        const keyboard = (c.payload.reply_markup as Keyboard | undefined)?.inline_keyboard ?? [];
        for (const b of keyboard.flat()) {
          if (
            b.callback_data !== undefined &&
            Buffer.byteLength(b.callback_data) > LIMITS.callbackDataBytes
          )
            out.push(`callback data of ${Buffer.byteLength(b.callback_data)} bytes`);
        }
      }
      return out;
    },
    async command(name, args) {
      await t.say(`/${name} ${args}`.trim());
    },
    async say(text) {
      await t.say(text);
    },
    async press(label) {
      const shownNow = shown();
      const m = shownNow.findLast((s) => s.buttons.some((b) => b.label.includes(label) && b.data));
      const button = m?.buttons.find((b) => b.label.includes(label));
      if (!m?.ref || !button?.data) throw new Error(`no button "${label}"`);
      await t.press(button.data, { messageId: Number(m.ref.split(':')[1]) });
    },
    async redeliver(text) {
      // A webhook Telegram re-sends, or an offset not confirmed before a restart: same update_id.
      const update = { update_id: 777_777, message: message(text) };
      await t.update(update);
      await t.update(update);
    },
    failNextSend(failure, retryAfterS) {
      fail('sendMessage', failure, retryAfterS);
    },
    failNextFile(failure, retryAfterS) {
      fail('sendDocument', failure, retryAfterS);
    },
    refuseNextEdit() {
      t.api.fail('editMessageText', {
        error_code: 400,
        description: 'Bad Request: message to edit not found',
      });
    },
    async stop() {
      await t.adapter.stop();
    },
  };
}
