import type { ChannelCheck, ChannelProblem } from './adapter';

/**
 * Folds what a look at a channel found with the problem a post there just named: the post's
 * failure wins where the look saw nothing wrong (a post refused for rights the look cannot
 * see), and the bot's own name rides along so the admins can be told whom to invite.
 */
export function withFailure(
  found: ChannelCheck,
  named: ChannelProblem | undefined,
  botName: string | undefined,
): ChannelCheck {
  const bot = botName ? { botName } : {};
  const name = found.name ? { name: found.name } : {};
  if (found.ok) return named ? { ok: false, problem: named, ...name, ...bot } : found;
  return { ...found, ...bot };
}
