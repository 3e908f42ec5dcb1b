import { GrammyError } from 'grammy';
import { z } from 'zod';
import type { ChannelCheck, ChannelProblem } from '../../core/adapter';
import { telegramReason } from './delivery-errors';

/** The Bot API methods the check calls: the chat (its type, title, default rights), then the bot's membership. */
export const TELEGRAM_CHAT_METHOD = 'getChat' as const;
export const TELEGRAM_MEMBER_METHOD = 'getChatMember' as const;
/** Both calls of one check together get this long; a Bot API that hangs leaves it unanswered. */
export const TELEGRAM_CHANNEL_CHECK_TIMEOUT_MS = 10_000;

/** The part of getChat's answer the check reads. */
export const chatInfo = z.looseObject({
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
  permissions: z.looseObject({ can_send_messages: z.boolean().optional() }).optional(),
});

/** The part of getChatMember's answer (the bot itself) the check reads. */
export const memberInfo = z.looseObject({
  status: z.enum(['creator', 'administrator', 'member', 'restricted', 'left', 'kicked']),
  can_post_messages: z.boolean().optional(),
  can_send_messages: z.boolean().optional(),
});

/**
 * The channel problems among telegramReason()'s codes: Telegram's descriptions are matched in
 * one place (./delivery-errors), and read here by their stable codes.
 */
const CHANNEL_PROBLEMS: Readonly<Record<string, ChannelProblem>> = {
  chat_not_found: 'not_found',
  chat_deleted: 'not_found',
  user_deactivated: 'not_found',
  bot_not_member: 'not_member',
  bot_kicked: 'not_member',
  member_list_inaccessible: 'not_member',
  not_enough_rights: 'no_rights',
  chat_write_forbidden: 'no_rights',
};

/**
 * The channel problem a failed Bot API call names (its description is the only place Telegram
 * says which), or undefined. Looks through wrapped causes (the outbox's DeliveryError).
 */
export function channelProblemOf(error: unknown): ChannelProblem | undefined {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    if (e instanceof GrammyError) {
      const problem = CHANNEL_PROBLEMS[telegramReason(e.description)];
      if (problem) return problem;
      return e.error_code === 403 ? 'not_member' : undefined;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether the bot may post, from the chat and the bot's own membership: in a channel only an
 * administrator with `can_post_messages` posts; in a group a member does unless restricted
 * (by name, or for every member by the group's default permissions).
 */
export function readRights(rawChat: unknown, rawMember: unknown): ChannelCheck {
  const chat = chatInfo.parse(rawChat);
  const member = memberInfo.parse(rawMember);
  const name = chat.title ? { name: chat.title } : {};
  const no = (problem: ChannelProblem): ChannelCheck => ({ ok: false, problem, ...name });
  if (member.status === 'left' || member.status === 'kicked') return no('not_member');
  if (chat.type === 'channel') {
    const admin =
      member.status === 'creator' ||
      (member.status === 'administrator' && member.can_post_messages === true);
    return admin ? { ok: true, ...name } : no('no_rights');
  }
  if (member.status === 'restricted' && member.can_send_messages === false) return no('no_rights');
  if (member.status === 'member' && chat.permissions?.can_send_messages === false)
    return no('no_rights');
  return { ok: true, ...name };
}
