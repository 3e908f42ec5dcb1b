import type { Ctx } from '../core/context';
import { getProfile } from '../db/queries/profiles';

/** True for someone who has joined; otherwise tells them how to, and is false. */
export async function joined(ctx: Ctx): Promise<boolean> {
  if (await getProfile(ctx.tx, ctx.user.id)) return true;
  ctx.reply({ kind: 'text', text: ctx.t('common.notJoined') });
  return false;
}
