import type { Ctx } from '../../core/context';
import { channelTarget } from '../matching/scheduled';

/**
 * A direct message or the HR channel: the only places for HR views that name people or show
 * program figures (the summary, the match preview). In any other group even an "only you"
 * reply sits in a shared channel, where a screen share or a stale client shows it to others.
 */
export function inHrPlace(ctx: Ctx): boolean {
  const conversation = ctx.event.conversation;
  if (conversation.kind === 'dm') return true;
  const hr = channelTarget(ctx.deps.config.HR_CHANNEL);
  return (
    hr?.kind === 'conversation' &&
    hr.conversation.platform === conversation.platform &&
    hr.conversation.id === conversation.id
  );
}
