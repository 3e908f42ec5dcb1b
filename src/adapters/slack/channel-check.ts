import { z } from 'zod';
import type { ChannelCheck, ChannelProblem } from '../../core/adapter';
import { platformErrorOf } from './delivery-errors';

/** The Web API method that says whether the bot is in a channel (scopes channels:read, groups:read). */
export const SLACK_CHANNEL_INFO_METHOD = 'conversations.info';

/** Slack's error strings that say the bot cannot post in a channel, and what each means. */
const SLACK_CHANNEL_ERRORS: Readonly<Record<string, ChannelProblem>> = {
  not_in_channel: 'not_member',
  channel_not_found: 'not_found',
  is_archived: 'archived',
  // A channel where only admins may post (#general's posting permissions).
  restricted_action: 'no_rights',
  // Without channels:read / groups:read Slack won't say: the app needs reinstalling.
  missing_scope: 'cannot_check',
};

/** The part of conversations.info's answer the check reads. */
const conversationInfo = z.looseObject({
  channel: z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    is_member: z.boolean().optional(),
    is_archived: z.boolean().optional(),
  }),
});

/** The channel problem a failed Slack call names, looking through wrapped causes; else undefined. */
export function channelProblemOf(error: unknown): ChannelProblem | undefined {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const reason = platformErrorOf(e);
    if (reason) return SLACK_CHANNEL_ERRORS[reason];
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Reads conversations.info's answer: a member of a live channel can post there. A private
 * channel the bot was never invited to answers `channel_not_found`, which the caller maps.
 */
export function readChannelInfo(raw: unknown): ChannelCheck {
  const { channel } = conversationInfo.parse(raw);
  const name = channel.name ? { name: `#${channel.name}` } : {};
  if (channel.is_archived) return { ok: false, problem: 'archived', ...name };
  if (channel.is_member !== true) return { ok: false, problem: 'not_member', ...name };
  return { ok: true, ...name };
}
