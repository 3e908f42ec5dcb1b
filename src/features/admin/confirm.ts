import { z } from 'zod';
import { arg } from '../../core/actions';
import { type ActionSpec, action } from '../../core/registry';
import { CONFIRM_ACTION, inviteToFinalSurvey } from '../feedback/final-survey';
import { confirmNewProgram, finishProgram } from './programs';

/** What a Yes / Cancel button confirms: `no` is the Cancel of any of them. */
const confirmArgs = z.union([
  z.tuple([z.literal('no')]),
  z.tuple([z.literal('end'), arg.id]),
  z.tuple([z.literal('new'), arg.token]),
  z.tuple([z.literal('survey'), arg.token]),
]);

/**
 * The Yes / Cancel of an admin's mass or irreversible step (final survey, ending a program,
 * creating a program whose dates were questioned).
 */
export const confirmActions = {
  [CONFIRM_ACTION]: action(confirmArgs, async (ctx, args) => {
    if (args[0] === 'no') {
      ctx.reply({ kind: 'text', text: ctx.t('admin.confirmCancelled') }, { replace: true });
      return;
    }
    if (!ctx.roles.has(args[0] === 'survey' ? 'hr' : 'admin')) {
      ctx.reply({ kind: 'text', text: ctx.t('command.adminOnly') });
      return;
    }
    switch (args[0]) {
      case 'end':
        await finishProgram(ctx, args[1]);
        return;
      case 'new':
        await confirmNewProgram(ctx, args[1]);
        return;
      case 'survey': {
        const invited = await inviteToFinalSurvey(ctx, args[1], ctx.user.id);
        ctx.reply({ kind: 'text', text: ctx.t('survey.sent', { n: invited }) }, { replace: true });
        return;
      }
    }
  }),
} satisfies Record<string, ActionSpec>;
