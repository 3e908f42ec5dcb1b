import type { FormDefinition, FormValues } from '../../core/forms/types';
import { idMode, typedForm } from '../form-mode';
import {
  loadStory,
  proposeStoryEdit,
  rejectStory,
  STORY_EDIT_FORM,
  STORY_REJECT_FORM,
  submitStory,
} from './stories';

export const STORY_FORM = 'story';
const STORY_MIN = 30;
const STORY_MAX = 2000;

const str = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : '');

/** `/story`: a success story, published under the author's name once HR approves it. */
export const storyForm: FormDefinition = {
  id: STORY_FORM,
  title: 'story.form.title',
  submitLabel: 'story.form.submit',
  fields: [
    {
      kind: 'text',
      name: 'text',
      label: 'story.field.text',
      hint: 'story.hint.text',
      minLength: STORY_MIN,
      maxLength: STORY_MAX,
    },
    {
      kind: 'single',
      name: 'consent',
      label: 'story.field.consent',
      options: ({ ctx }) => [
        { value: 'yes', label: ctx.t('story.consent.yes') },
        { value: 'no', label: ctx.t('story.consent.no') },
      ],
    },
  ],
  onSubmit: async (ctx, values) => {
    // Stories are published with the author's name: a "no" is an answer, not a mistake to
    // correct. Nothing is sent or kept, and the person is told how to come back.
    if (values.consent !== 'yes') {
      ctx.reply({ kind: 'text', text: ctx.t('story.declined', { story: ctx.cmd('story') }) });
      return;
    }
    await submitStory(ctx.tx, ctx.deps, ctx.user, str(values.text), ctx.now);
    ctx.reply({ kind: 'text', text: ctx.t('story.submitted') });
  },
  cancelledMessage: (ctx) => ctx.t('story.cancelled'),
};

/** HR's light edit before publishing (mode: the story id). */
export const storyEditForm = typedForm({
  id: STORY_EDIT_FORM,
  mode: idMode,
  title: 'story.edit.title',
  submitLabel: 'story.edit.submit',
  fields: [
    {
      kind: 'text',
      name: 'text',
      label: 'story.field.text',
      minLength: STORY_MIN,
      maxLength: STORY_MAX,
    },
  ],
  initialValues: async (ctx, storyId) => ({
    text: (await loadStory(ctx.tx, storyId))?.text ?? '',
  }),
  onSubmit: async (ctx, values, storyId) => {
    // The role is checked again here: it may have been taken away while the form was open.
    if (!ctx.roles.has('hr')) {
      ctx.reply({ kind: 'text', text: ctx.t('command.notAllowed') });
      return;
    }
    const story = await loadStory(ctx.tx, storyId);
    const sent =
      story &&
      (await proposeStoryEdit(ctx.tx, ctx.deps, story, ctx.user, str(values.text), ctx.now));
    ctx.reply({ kind: 'text', text: ctx.t(sent ? 'story.editSent' : 'story.alreadyHandled') });
  },
});

/** HR sends a story back with a reason (mode: the story id). */
export const storyRejectForm = typedForm({
  id: STORY_REJECT_FORM,
  mode: idMode,
  title: 'story.reject.title',
  submitLabel: 'story.reject.submit',
  fields: [
    {
      kind: 'text',
      name: 'reason',
      label: 'story.field.reason',
      hint: 'story.hint.reason',
      minLength: 3,
      maxLength: 500,
    },
  ],
  onSubmit: async (ctx, values, storyId) => {
    if (!ctx.roles.has('hr')) {
      ctx.reply({ kind: 'text', text: ctx.t('command.notAllowed') });
      return;
    }
    const story = await loadStory(ctx.tx, storyId);
    const done =
      story && (await rejectStory(ctx.tx, ctx.deps, story, ctx.user, str(values.reason), ctx.now));
    ctx.reply({ kind: 'text', text: ctx.t(done ? 'story.rejectedDone' : 'story.alreadyHandled') });
  },
});
