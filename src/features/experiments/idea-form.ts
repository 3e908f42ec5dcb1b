import type { FormDefinition, FormValues } from '../../core/forms/types';
import { isMeasurable } from '../goals/smart';
import { activePairs } from '../scheduling/meeting-form';
import { proposeIdea } from './service';

export const IDEA_FORM = 'idea';

const str = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : '');

/** The seed's "test ideas instead of long meetings": a hypothesis and its smallest test. */
export const ideaForm: FormDefinition = {
  id: IDEA_FORM,
  title: 'idea.form.title',
  submitLabel: 'idea.form.submit',
  fields: [
    {
      kind: 'text',
      name: 'title',
      label: 'idea.field.title',
      hint: 'idea.hint.title',
      minLength: 3,
      maxLength: 120,
    },
    {
      kind: 'text',
      name: 'hypothesis',
      label: 'idea.field.hypothesis',
      hint: 'idea.hint.hypothesis',
      minLength: 10,
      maxLength: 500,
    },
    {
      kind: 'text',
      name: 'test',
      label: 'idea.field.test',
      hint: 'idea.hint.test',
      minLength: 10,
      maxLength: 500,
    },
    {
      kind: 'text',
      name: 'measure',
      label: 'idea.field.measure',
      hint: 'idea.hint.measure',
      minLength: 5,
      maxLength: 300,
      check: (text) => (isMeasurable(text) ? undefined : 'idea.error.measure'),
    },
  ],
  onSubmit: async (ctx, values) => {
    // Ideas usually come from the junior side; the first active pair names the sponsor.
    const pair = (await activePairs(ctx))[0]?.pair;
    await proposeIdea(
      ctx.tx,
      ctx.deps,
      {
        author: ctx.user,
        pair,
        title: str(values.title),
        hypothesis: str(values.hypothesis),
        smallestTest: str(values.test),
        measure: str(values.measure),
      },
      ctx.now,
    );
    ctx.reply({
      kind: 'text',
      text: ctx.t(
        pair && pair.menteeUserId !== ctx.user.id ? 'idea.savedAsked' : 'idea.savedForHr',
      ),
    });
  },
  cancelledMessage: (ctx) => ctx.t('idea.cancelledForm'),
};
