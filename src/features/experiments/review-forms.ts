import { DateTime } from 'luxon';
import type { Ctx } from '../../core/context';
import type { FormDefinition, FormValues } from '../../core/forms/types';
import { type ExperimentRow, OUTCOMES, type Outcome } from '../../db/schema';
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
function decide(ctx: Ctx, mode: string, act: (experiment: ExperimentRow) => ReviewOutcome): void {
  const experiment = loadExperiment(ctx.deps.db, Number(mode));
  const outcome =
    experiment && mayReview(ctx.deps.db, experiment, ctx.user, ctx.roles)
      ? act(experiment)
      : 'not_allowed';
  ctx.reply({ kind: 'text', text: ctx.t(REVIEW_TEXT[outcome]) });
}

/** Sponsor a pilot: when to check the result. */
export const sponsorForm: FormDefinition = {
  id: SPONSOR_FORM,
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
      sponsor(ctx.deps.db, ctx.deps, experiment, ctx.user, str(values.check), ctx.now),
    ),
};

/** Park an idea, with a reason the author will read. */
export const parkForm: FormDefinition = {
  id: PARK_FORM,
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
      park(ctx.deps.db, ctx.deps, experiment, ctx.user, str(values.reason), ctx.now),
    ),
};

/** Mode `<experiment id>:<outcome>`: the short note that goes with a pilot's outcome. */
export const outcomeForm: FormDefinition = {
  id: OUTCOME_FORM,
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
  onSubmit: (ctx, values, mode) => {
    const [id, outcome] = mode.split(':');
    const experiment = loadExperiment(ctx.deps.db, Number(id));
    const result =
      experiment && (OUTCOMES as readonly string[]).includes(outcome ?? '')
        ? recordOutcome(
            ctx.deps.db,
            experiment,
            ctx.user,
            outcome as Outcome,
            str(values.note),
            ctx.now,
          )
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
};
