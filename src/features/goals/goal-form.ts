import { DateTime } from 'luxon';
import type { Ctx } from '../../core/context';
import { formatLongDay } from '../../core/format';
import type { FormDefinition, FormValues } from '../../core/forms/types';
import { programOfUser } from '../programs/service';
import { activePairs } from '../scheduling/meeting-form';
import { parseDay } from '../scheduling/when';
import { createGoal } from './service';
import { DEFAULT_PROGRAM_HORIZON_DAYS, deadlineProblem, isMeasurable } from './smart';

export const GOAL_FORM = 'goal';

const zoneOf = (ctx: Ctx) => ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
const str = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : '');

/**
 * When the person's program ends. The default program has no end of its own, so there a
 * goal may reach DEFAULT_PROGRAM_HORIZON_DAYS ahead.
 */
export async function programLastDay(ctx: Ctx): Promise<string> {
  const program = await programOfUser(ctx.tx, ctx.user.id);
  return (
    program?.endDate ??
    DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) })
      .plus({ days: DEFAULT_PROGRAM_HORIZON_DAYS })
      .toISODate() ??
    ''
  );
}

/** A SMART goal: specific, measurable, achievable (a self-check), relevant, time-bound. */
export const goalForm: FormDefinition = {
  id: GOAL_FORM,
  title: 'goal.form.title',
  submitLabel: 'goal.form.submit',
  fields: [
    {
      kind: 'single',
      name: 'pair',
      label: 'goal.field.partner',
      when: async ({ ctx }) => (await activePairs(ctx)).length > 1,
      options: async ({ ctx }) =>
        (await activePairs(ctx)).map((p) => ({ value: String(p.pair.id), label: p.partnerName })),
    },
    {
      kind: 'text',
      name: 'specific',
      label: 'goal.field.specific',
      hint: 'goal.hint.specific',
      minLength: 10,
      maxLength: 300,
    },
    {
      kind: 'text',
      name: 'measure',
      label: 'goal.field.measure',
      hint: 'goal.hint.measure',
      minLength: 5,
      maxLength: 300,
      check: (text) => (isMeasurable(text) ? undefined : 'goal.error.measure'),
    },
    {
      kind: 'date',
      name: 'deadline',
      label: 'goal.field.deadline',
      hint: 'goal.hint.deadline',
      // Whatever /sprint reads as a day: "31 января", "через месяц", "end of january".
      parseText: (text, { ctx }) => parseDay(text, ctx.now, zoneOf(ctx), ctx.locale)?.slice(0, 10),
      check: (day, { ctx }) => deadlineError(ctx, day),
    },
    {
      kind: 'text',
      name: 'relevant',
      label: 'goal.field.relevant',
      hint: 'goal.hint.relevant',
      minLength: 3,
      maxLength: 300,
    },
    {
      kind: 'single',
      name: 'achievable',
      label: 'goal.field.achievable',
      options: ({ ctx }) => [
        { value: 'yes', label: ctx.t('goal.achievable.yes') },
        { value: 'no', label: ctx.t('goal.achievable.no') },
      ],
    },
  ],
  validate: async (ctx, values) => {
    // Asked again at the end: a form left open overnight may now have a deadline in the past.
    const late = await deadlineError(ctx, str(values.deadline));
    if (late) return { field: 'deadline', error: late };
    if (values.achievable === 'no') {
      return {
        field: 'specific',
        error: ctx.t('goal.error.notAchievable'),
        clear: ['achievable'],
      };
    }
    if (!(await chosenPair(ctx, values)))
      return { field: 'specific', error: ctx.t('goal.needPair') };
    return undefined;
  },
  onSubmit: async (ctx, values) => {
    const pair = await chosenPair(ctx, values);
    if (!pair) return;
    await createGoal(
      ctx.tx,
      ctx.deps,
      {
        pair,
        owner: ctx.user,
        specific: str(values.specific),
        measure: str(values.measure),
        deadline: str(values.deadline),
        relevant: str(values.relevant),
      },
      ctx.now,
    );
    ctx.reply({ kind: 'text', text: ctx.t('goal.saved', { goals: ctx.cmd('goals') }) });
  },
  cancelledMessage: (ctx) => ctx.t('goal.cancelledForm'),
};

async function deadlineError(ctx: Ctx, day: string): Promise<string | undefined> {
  const end = await programLastDay(ctx);
  const problem = deadlineProblem(day, ctx.now, zoneOf(ctx), end);
  if (problem === 'past') return ctx.t('goal.error.past');
  if (problem === 'beyond_program') {
    return ctx.t('goal.error.beyondProgram', { end: formatLongDay(end, ctx.locale) });
  }
  return undefined;
}

async function chosenPair(ctx: Ctx, values: FormValues) {
  const mine = await activePairs(ctx);
  if (mine.length === 1) return mine[0]?.pair;
  return mine.find((p) => String(p.pair.id) === values.pair)?.pair;
}
