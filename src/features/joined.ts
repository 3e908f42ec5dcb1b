import type { Ctx } from '../core/context';
import { getProfile } from '../db/queries/profiles';

/** True for someone who has joined; otherwise tells them how to, and is false. */
export function joined(ctx: Ctx): boolean {
  if (getProfile(ctx.tx, ctx.user.id)) return true;
  ctx.reply({ kind: 'text', text: ctx.t('common.notJoined') });
  return false;
}
