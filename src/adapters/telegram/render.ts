import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { DeliveryError } from '../../core/errors';
import type { Button, Reply } from '../../core/replies';
import { TELEGRAM_ACTIONS_PER_ROW, TELEGRAM_CALLBACK_DATA_MAX, TELEGRAM_TEXT_MAX } from './limits';

export interface TelegramMessage {
  /** HTML parse mode; all user text escaped. */
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** Escapes text for Telegram's HTML parse mode: only `&`, `<` and `>` are special. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Splits plain text so that each piece, once escaped, fits one message; cuts prefer
 * paragraph ends, then line ends, then spaces.
 */
export function splitForTelegram(text: string, max = TELEGRAM_TEXT_MAX): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (escapeHtml(rest).length > max) {
    let size = 0;
    let end = 0;
    for (const char of rest) {
      const cost = escapeHtml(char).length;
      if (size + cost > max) break;
      size += cost;
      end += char.length;
    }
    const window = rest.slice(0, end);
    const cut = Math.max(
      window.lastIndexOf('\n\n'),
      window.lastIndexOf('\n'),
      window.lastIndexOf(' '),
    );
    const at = cut > end / 2 ? cut : end;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  pieces.push(rest);
  return pieces.filter((p, i) => p.length > 0 || i === 0);
}

function keyboardButton(button: Button): InlineKeyboardButton {
  if (button.url !== undefined) return { text: button.label, url: button.url };
  if (Buffer.byteLength(button.data, 'utf8') > TELEGRAM_CALLBACK_DATA_MAX) {
    // Telegram would refuse the whole message; so will every retry, so it is permanent.
    throw new DeliveryError('delivery_permanent', 'callback data over 64 bytes', {
      details: { platformError: 'callback_data_too_long' },
    });
  }
  return { text: button.label, callback_data: button.data };
}

/**
 * A neutral reply as Telegram messages: HTML text (title in bold), options one per row,
 * action buttons a few per row, links on their own rows. The keyboard rides on the last piece.
 */
export function renderMessages(reply: Reply): TelegramMessage[] {
  const rows: InlineKeyboardButton[][] = [];
  if (reply.kind === 'choice') {
    for (const option of reply.options) {
      const mark = option.selected ? (reply.mode === 'multi' ? '✅ ' : '• ') : '';
      rows.push([keyboardButton({ label: `${mark}${option.label}`, data: option.data })]);
    }
  }
  const actions = (reply.buttons ?? []).filter((b) => b.url === undefined);
  for (let i = 0; i < actions.length; i += TELEGRAM_ACTIONS_PER_ROW) {
    rows.push(actions.slice(i, i + TELEGRAM_ACTIONS_PER_ROW).map(keyboardButton));
  }
  for (const link of (reply.buttons ?? []).filter((b) => b.url !== undefined))
    rows.push([keyboardButton(link)]);

  const title = reply.title ? `<b>${escapeHtml(reply.title)}</b>\n` : '';
  const context = reply.kind === 'text' && reply.context ? `\n\n${reply.context}` : '';
  const pieces = splitForTelegram(`${reply.text}${context}`, TELEGRAM_TEXT_MAX - title.length);
  return pieces.map((piece, i) => ({
    text: `${i === 0 ? title : ''}${escapeHtml(piece)}`,
    ...(i === pieces.length - 1 && rows.length ? { reply_markup: { inline_keyboard: rows } } : {}),
  }));
}
