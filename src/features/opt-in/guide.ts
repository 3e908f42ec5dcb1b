import { encodeAction, noArgs } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { type ActionSpec, action } from '../../core/registry';
import type { TextReply } from '../../core/replies';
import { audit } from '../../db/queries/audit';
import { getProfile, updateProfile } from '../../db/queries/profiles';

export const GUIDE_READ_ACTION = 'optin.read';
export const GUIDE_SHOW_ACTION = 'optin.guide';

/** The preparation guide: roles, ground rules, feedback. "I've read it" marks the person prepared. */
export function guideReply(ctx: Ctx, options: { withButton: boolean }): TextReply {
  return {
    kind: 'text',
    title: ctx.t('guide.title'),
    text: [ctx.t('guide.roles'), ctx.t('guide.rules'), ctx.t('guide.feedback')].join('\n\n'),
    ...(options.withButton
      ? {
          buttons: [
            {
              label: ctx.t('guide.button.read'),
              data: encodeAction(GUIDE_READ_ACTION, ctx.user.id),
              style: 'primary' as const,
            },
          ],
        }
      : {}),
  };
}

export const guideActions = {
  [GUIDE_READ_ACTION]: action(noArgs, async (ctx) => {
    const existing = await getProfile(ctx.tx, ctx.user.id);
    if (!existing) {
      ctx.reply({ kind: 'text', text: ctx.t('common.notJoined') });
      return;
    }
    // Answered in place: the guide's button goes (the guide stays one tap away in help).
    if (existing.profile.preparedAt) {
      ctx.reply({ kind: 'text', text: ctx.t('guide.alreadyPrepared') }, { replace: true });
      return;
    }
    await updateProfile(ctx.tx, ctx.user.id, { preparedAt: ctx.now }, ctx.now);
    await audit(ctx.tx, { actorUserId: ctx.user.id, action: 'profile.prepared' }, ctx.now);
    ctx.reply({ kind: 'text', text: ctx.t('guide.prepared') }, { replace: true });
  }),
  [GUIDE_SHOW_ACTION]: action(noArgs, async (ctx) => {
    const prepared = Boolean((await getProfile(ctx.tx, ctx.user.id))?.profile.preparedAt);
    const joined = Boolean(await getProfile(ctx.tx, ctx.user.id));
    ctx.reply(guideReply(ctx, { withButton: joined && !prepared }));
  }),
} satisfies Record<string, ActionSpec>;
