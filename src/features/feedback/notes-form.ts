import type { FormValues } from '../../core/forms/types';
import { idMode, typedForm } from '../form-mode';
import { addNotes, ownFeedback } from './service';

export const FEEDBACK_NOTES_FORM = 'feedback-notes';

const text = (v: FormValues[string] | undefined) => (typeof v === 'string' && v ? v : null);

/** The optional part of the poll: what I learned or taught, and a private note for HR (mode: the meeting). */
export const feedbackNotesForm = typedForm({
  id: FEEDBACK_NOTES_FORM,
  mode: idMode,
  title: 'feedback.form.title',
  submitLabel: 'feedback.form.submit',
  fields: [
    {
      kind: 'text',
      name: 'learned',
      label: 'feedback.field.learned',
      hint: 'feedback.hint.learned',
      optional: true,
      maxLength: 1000,
    },
    {
      kind: 'text',
      name: 'note',
      label: 'feedback.field.note',
      hint: 'feedback.hint.note',
      optional: true,
      maxLength: 1000,
    },
    {
      kind: 'single',
      name: 'named',
      label: 'feedback.field.named',
      // Only a note for HR can carry a name ('maybe' until the note is answered, so the step
      // count reads "1 of 2–3" rather than growing from "2 of 2" to "3 of 3").
      when: ({ values }) =>
        values.note === undefined
          ? 'maybe'
          : typeof values.note === 'string' && values.note.length > 0,
      options: ({ ctx }) => [
        { value: 'no', label: ctx.t('feedback.named.no') },
        { value: 'yes', label: ctx.t('feedback.named.yes') },
      ],
    },
  ],
  initialValues: async (ctx, meetingId) => {
    const row = await ownFeedback(ctx.tx, meetingId, ctx.user.id);
    return {
      ...(row?.learned ? { learned: row.learned } : {}),
      ...(row?.noteForHr ? { note: row.noteForHr } : {}),
      named: row?.named ? 'yes' : 'no',
    };
  },
  onSubmit: async (ctx, values, meetingId) => {
    const outcome = await addNotes(
      ctx.tx,
      meetingId,
      ctx.user.id,
      {
        learned: text(values.learned),
        noteForHr: text(values.note),
        named: values.named === 'yes' && Boolean(text(values.note)),
      },
      ctx.now,
      ctx.deps.config.ORG_TIMEZONE,
    );
    ctx.reply({
      kind: 'text',
      text: ctx.t(
        outcome === 'saved'
          ? 'feedback.notesSaved'
          : outcome === 'locked'
            ? 'feedback.locked'
            : 'feedback.notHeld',
      ),
    });
  },
  cancelledMessage: (ctx) => ctx.t('feedback.notesCancelled'),
});
