import { DateTime } from 'luxon';
import { z } from 'zod';
import { arg } from '../../core/actions';
import type { Ctx } from '../../core/context';
import type { FormValues } from '../../core/forms/types';
import { type ExperimentRow, OUTCOMES, type Outcome } from '../../db/schema';
import { formMode, idMode, typedForm } from '../form-mode';
import { parseDay } from '../scheduling/when';
import {
  CHECK_MAX_DAYS,
  loadExperiment,
  mayReview,
  park,
  type ReviewOutcome,
  recordOutcome,
  sponsor,
} from './service';

export const SPONSOR_FORM = 'idea-sponsor';
export const PARK_FORM = 'idea-park';
export const OUTCOME_FORM = 'idea-outcome';

const str = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : '');
const zoneOf = (ctx: Ctx) => ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;

const REVIEW_TEXT = {
  done: 'idea.reviewDone',
  not_allowed: 'idea.notAllowed',
  not_open: 'idea.notOpen',
} as const;

/** Runs a sponsor or park decision (mode: the idea's id) if this person may decide, and says how it went. */
async function decide(
  ctx: Ctx,
  id: number,
  act: (experiment: ExperimentRow) => Promise<ReviewOutcome>,
): Promise<void> {
  const experiment = await loadExperiment(ctx.tx, id);
  const outcome =
    experiment && (await mayReview(ctx.tx, experiment, ctx.user, ctx.roles))
      ? await act(experiment)
      : 'not_allowed';
  // Deciding on one's own idea (HR may): there is no one else to tell.
  const own = outcome === 'done' && experiment?.authorUserId === ctx.user.id;
  ctx.reply({ kind: 'text', text: ctx.t(own ? 'idea.reviewDoneOwn' : REVIEW_TEXT[outcome]) });
}

/** Sponsor a pilot: when to check the result. */
export const sponsorForm = typedForm({
  id: SPONSOR_FORM,
  mode: idMode,
  title: 'idea.sponsor.title',
  submitLabel: 'idea.sponsor.submit',
  fields: [
    {
      kind: 'date',
      name: 'check',
      label: 'idea.field.check',
      hint: 'idea.hint.check',
      // Whatever /sprint reads as a day: "31 января", "через неделю", "next friday".
      parseText: (text, { ctx }) => parseDay(text, ctx.now, zoneOf(ctx), ctx.locale)?.slice(0, 10),
      check: (day, { ctx }) => {
        const date = DateTime.fromISO(day, { zone: zoneOf(ctx) });
        const today = DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) }).startOf('day');
        if (date <= today) return ctx.t('idea.error.checkPast');
        if (date > today.plus({ days: CHECK_MAX_DAYS }))
          return ctx.t('idea.error.checkFar', { days: CHECK_MAX_DAYS });
        return undefined;
      },
    },
  ],
  onSubmit: (ctx, values, mode) =>
    decide(ctx, mode, (experiment) =>
      sponsor(ctx.tx, ctx.deps, experiment, ctx.user, str(values.check), ctx.now),
    ),
});

/** Park an idea, with a reason the author will read. */
export const parkForm = typedForm({
  id: PARK_FORM,
  mode: idMode,
  title: 'idea.park.title',
  submitLabel: 'idea.park.submit',
  fields: [
    {
      kind: 'text',
      name: 'reason',
      label: 'idea.field.reason',
      hint: 'idea.hint.reason',
      minLength: 3,
      maxLength: 300,
    },
  ],
  onSubmit: (ctx, values, mode) =>
    decide(ctx, mode, (experiment) =>
      park(ctx.tx, ctx.deps, experiment, ctx.user, str(values.reason), ctx.now),
    ),
});

/** The outcome form's mode: the pilot and the outcome its button chose. */
export const outcomeMode = formMode(
  z
    .string()
    .transform((raw) => raw.split(':'))
    .pipe(z.tuple([arg.id, z.enum(OUTCOMES)]))
    .transform(([experimentId, outcome]) => ({ experimentId, outcome })),
  ({ experimentId, outcome }: { experimentId: number; outcome: Outcome }) =>
    `${experimentId}:${outcome}`,
);

/** The short note that goes with a pilot's outcome. */
export const outcomeForm = typedForm({
  id: OUTCOME_FORM,
  mode: outcomeMode,
  title: 'idea.outcomeForm.title',
  submitLabel: 'idea.outcomeForm.submit',
  fields: [
    {
      kind: 'text',
      name: 'note',
      label: 'idea.field.note',
      hint: 'idea.hint.note',
      minLength: 3,
      maxLength: 500,
    },
  ],
  onSubmit: async (ctx, values, { experimentId, outcome }) => {
    const experiment = await loadExperiment(ctx.tx, experimentId);
    const result = experiment
      ? await recordOutcome(ctx.tx, experiment, ctx.user, outcome, str(values.note), ctx.now)
      : 'not_allowed';
    ctx.reply({
      kind: 'text',
      text: ctx.t(
        result === 'done'
          ? 'idea.outcomeSaved'
          : result === 'not_allowed'
            ? 'idea.notAllowed'
            : 'idea.notOpen',
      ),
    });
  },
});
