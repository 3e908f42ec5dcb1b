import { eq, or } from 'drizzle-orm';
import type { ActionSpec } from '../../core/registry';
import { pairs } from '../../db/schema';
import { forms } from '../forms';
import { DEFAULT_PROGRAM, FINAL_SURVEY_FORM, SURVEY_ACTION } from './final-survey';

export const surveyActions = {
  [SURVEY_ACTION]: {
    async run(ctx, args) {
      const program = args[0] ?? '';
      const wasInPair = ctx.deps.db
        .select({ id: pairs.id })
        .from(pairs)
        .where(or(eq(pairs.mentorUserId, ctx.user.id), eq(pairs.menteeUserId, ctx.user.id)))
        .get();
      if (program !== DEFAULT_PROGRAM || !wasInPair) {
        ctx.reply({ kind: 'text', text: ctx.t('survey.closed') });
        return;
      }
      await forms.start(ctx, FINAL_SURVEY_FORM, program);
    },
  },
} satisfies Record<string, ActionSpec>;
