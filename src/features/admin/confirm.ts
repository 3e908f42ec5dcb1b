import type { ActionSpec } from '../../core/registry';
import { CONFIRM_ACTION, inviteToFinalSurvey } from '../feedback/final-survey';
import { confirmNewProgram, finishProgram } from './programs';

/**
 * The Yes / Cancel of an admin's mass or irreversible step (final survey, ending a program,
 * creating a program whose dates were questioned).
 */
export const confirmActions = {
  [CONFIRM_ACTION]: {
    run(ctx, args) {
      const [what, arg] = args;
      if (what === 'no') {
        ctx.reply({ kind: 'text', text: ctx.t('admin.confirmCancelled') }, { replace: true });
        return;
      }
      if (!ctx.roles.has(what === 'end' || what === 'new' ? 'admin' : 'hr')) {
        ctx.reply({ kind: 'text', text: ctx.t('command.adminOnly') });
        return;
      }
      if (what === 'end') {
        finishProgram(ctx, Number(arg));
        return;
      }
      if (what === 'new' && arg) {
        confirmNewProgram(ctx, arg);
        return;
      }
      if (what === 'survey' && arg) {
        const invited = inviteToFinalSurvey(ctx, arg, ctx.user.id);
        ctx.reply({ kind: 'text', text: ctx.t('survey.sent', { n: invited }) }, { replace: true });
        return;
      }
      ctx.reply({ kind: 'text', text: ctx.t('admin.confirmStale') }, { replace: true });
    },
  },
} satisfies Record<string, ActionSpec>;
