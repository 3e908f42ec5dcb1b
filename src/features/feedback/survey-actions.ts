import { z } from 'zod';
import { arg } from '../../core/actions';
import { type ActionSpec, action } from '../../core/registry';
import { forms } from '../forms';
import { FINAL_SURVEY_FORM, pairsOfProgram, programMode, SURVEY_ACTION } from './final-survey';

export const surveyActions = {
  [SURVEY_ACTION]: action(z.tuple([arg.token]), async (ctx, [program]) => {
    const me = ctx.user.id;
    const wasInPair = (await pairsOfProgram(ctx.tx, program)).some(
      (p) => p.mentorUserId === me || p.menteeUserId === me,
    );
    if (!wasInPair) {
      ctx.reply({ kind: 'text', text: ctx.t('survey.closed') });
      return;
    }
    await forms.start(ctx, FINAL_SURVEY_FORM, programMode.encode(program));
  }),
} satisfies Record<string, ActionSpec>;
