import { z } from 'zod';
import { parseCommand } from '../../core/command-parser';
import type { ActionEvent, CommandEvent, TextEvent } from '../../core/events';
import type { ConversationRef } from '../../core/refs';

/** The parts of an Update Tandem reads; anything else in it is ignored. */
const user = z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string().max(256),
  last_name: z.string().max(256).optional(),
  username: z.string().optional(),
  language_code: z.string().max(35).optional(),
});
const chat = z.looseObject({ id: z.number().int(), type: z.string() });
const message = z.looseObject({
  message_id: z.number().int(),
  from: user.optional(),
  chat,
  text: z.string().max(10_000).optional(),
});
const update = z.looseObject({
  update_id: z.number().int(),
  message: message.optional(),
  callback_query: z
    .looseObject({
      id: z.string(),
      from: user,
      message: z.looseObject({ message_id: z.number().int(), chat }).optional(),
      data: z.string().max(256).optional(),
    })
    .optional(),
});

export type TelegramInbound = CommandEvent | ActionEvent | TextEvent;

/**
 * An Update as a neutral event, or undefined for what Tandem ignores: edits, channel
 * posts, other bots, service messages, commands meant for another bot in a group.
 */
export function toEvent(
  raw: unknown,
  bot: { id: number; username: string },
): TelegramInbound | undefined {
  const parsed = update.safeParse(raw);
  if (!parsed.success) return undefined;
  const u = parsed.data;
  const workspace = String(bot.id);
  const conversationOf = (c: z.infer<typeof chat>): ConversationRef | undefined => {
    if (c.type === 'private')
      return { platform: 'telegram', workspace, id: String(c.id), kind: 'dm' };
    if (c.type === 'group' || c.type === 'supergroup') {
      return { platform: 'telegram', workspace, id: String(c.id), kind: 'group' };
    }
    return undefined; // channels
  };
  const userInfo = (from: z.infer<typeof user>) => ({
    ref: { platform: 'telegram' as const, workspace, id: String(from.id) },
    name: [from.first_name, from.last_name].filter(Boolean).join(' '),
    ...(from.language_code ? { locale: from.language_code } : {}),
  });

  if (u.callback_query) {
    const q = u.callback_query;
    const conversation = q.message ? conversationOf(q.message.chat) : undefined;
    if (!q.data || !conversation || q.from.is_bot) return undefined;
    return {
      type: 'action',
      id: String(u.update_id),
      data: q.data,
      ...(q.message ? { messageRef: `${q.message.chat.id}:${q.message.message_id}` } : {}),
      user: userInfo(q.from),
      conversation,
      raw,
    };
  }
  const m = u.message;
  if (!m?.from || m.from.is_bot) return undefined;
  const conversation = conversationOf(m.chat);
  if (!conversation) return undefined;
  const base = { id: String(u.update_id), user: userInfo(m.from), conversation, raw };
  if (m.text === undefined) {
    // A sticker, photo or voice note in the DM reads as an empty answer: the bot re-asks.
    return conversation.kind === 'dm' ? { ...base, type: 'text', text: '' } : undefined;
  }
  if (m.text.startsWith('/')) {
    const addressed = /^\/\S+@(\S+)/.exec(m.text)?.[1];
    if (addressed && addressed.toLowerCase() !== bot.username.toLowerCase()) return undefined;
    const command = parseCommand(m.text);
    if (command) return { ...base, type: 'command', name: command.name, args: command.args };
  }
  return { ...base, type: 'text', text: m.text };
}

/** The callback query id of an update, so the adapter can answer it before anything else. */
export function callbackQueryId(raw: unknown): string | undefined {
  const parsed = update.safeParse(raw);
  return parsed.success ? parsed.data.callback_query?.id : undefined;
}
