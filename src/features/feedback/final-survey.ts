import { and, eq, isNull } from 'drizzle-orm';
import { arg, encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import type { FormValues } from '../../core/forms/types';
import type { DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { inPopulation, type Population, populationOf } from '../../db/queries/population';
import { getUser } from '../../db/queries/users';
import { finalSurveys, type PairRow, pairs, surveyInvites } from '../../db/schema';
import { formMode, typedForm } from '../form-mode';
import { notify } from '../notify';
import { editable } from './service';

export const FINAL_SURVEY_FORM = 'final-survey';
export const SURVEY_ACTION = 'fb.survey';
/** Confirms an admin's mass or irreversible step: `ac|owner|survey|<program>` or `ac|owner|end|<id>`. */
export const CONFIRM_ACTION = 'admin.ok';
/** The cohort of everyone who joined outside any program HR created. */
export const DEFAULT_PROGRAM = 'default';

const str = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : '');

/** Overall rating, NPS, what changed, and consent to share a story. */
/** The survey's mode: the program it is about. */
export const programMode = formMode(arg.token, (program: string) => program);

export const finalSurveyForm = typedForm({
  id: FINAL_SURVEY_FORM,
  mode: programMode,
  title: 'survey.form.title',
  submitLabel: 'survey.form.submit',
  fields: [
    {
      kind: 'single',
      name: 'overall',
      label: 'survey.field.overall',
      options: () => ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v })),
    },
    {
      kind: 'single',
      name: 'nps',
      label: 'survey.field.nps',
      hint: 'survey.hint.nps',
      options: () => Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) })),
    },
    {
      kind: 'text',
      name: 'changed',
      label: 'survey.field.changed',
      hint: 'survey.hint.changed',
      optional: true,
      maxLength: 1000,
    },
    {
      kind: 'single',
      name: 'share',
      label: 'survey.field.share',
      options: ({ ctx }) => [
        { value: 'no', label: ctx.t('survey.share.no') },
        { value: 'yes', label: ctx.t('survey.share.yes') },
      ],
    },
  ],
  initialValues: async (ctx, program) => {
    const row = (
      await ctx.tx.select().from(finalSurveys).where(eq(finalSurveys.userId, ctx.user.id))
    ).find((r) => r.program === program);
    return row
      ? {
          overall: String(row.overall),
          nps: String(row.nps),
          ...(row.changed ? { changed: row.changed } : {}),
          share: row.shareStory ? 'yes' : 'no',
        }
      : {};
  },
  onSubmit: async (ctx, values, program) => {
    const answer = {
      overall: Number(str(values.overall)),
      nps: Number(str(values.nps)),
      changed: str(values.changed) || null,
      shareStory: values.share === 'yes',
      updatedAt: ctx.now,
    };
    // Answering again updates the one answer per person and program — within its week, so a
    // figure HR has seen never moves (and stays in the week it was first given).
    const existing = await first(
      ctx.tx
        .select()
        .from(finalSurveys)
        .where(and(eq(finalSurveys.program, program), eq(finalSurveys.userId, ctx.user.id))),
    );
    if (existing && !editable(existing, ctx.now, ctx.deps.config.ORG_TIMEZONE)) {
      ctx.reply({ kind: 'text', text: ctx.t('survey.final') });
      return;
    }
    await ctx.tx
      .insert(finalSurveys)
      .values({ program, userId: ctx.user.id, ...answer, createdAt: ctx.now })
      .onConflictDoUpdate({ target: [finalSurveys.program, finalSurveys.userId], set: answer });
    ctx.reply({
      kind: 'text',
      text: answer.shareStory
        ? ctx.t('survey.thanksShare', { story: ctx.cmd('story') })
        : ctx.t('survey.thanks'),
    });
  },
  cancelledMessage: (ctx) => ctx.t('survey.cancelled'),
});

/**
 * Invites everyone who was in a pair of the program to the final survey. Returns how many
 * were invited; inviting twice sends nothing new (the messages are keyed by program).
 */
export async function inviteToFinalSurvey(
  ctx: { deps: Pick<Ctx['deps'], 'config' | 'adapters'>; tx: Ctx['tx']; now: Date },
  program: string,
  by: number | null,
): Promise<number> {
  const db = ctx.tx;
  let invited = 0;
  for (const id of await surveyAudience(db, populationOf(ctx.deps.config), program)) {
    const user = await getUser(db, id);
    if (!user) continue;
    // Remembered in its own table: the outbox forgets sent messages after a week.
    // The row it wrote, as both databases return it (SQLite's `changes` is its driver's).
    const fresh =
      (
        await db
          .insert(surveyInvites)
          .values({ program, userId: id, createdAt: ctx.now })
          .onConflictDoNothing()
          .returning({ userId: surveyInvites.userId })
      ).length > 0;
    if (!fresh) continue;
    await notify(
      db,
      ctx.deps,
      user,
      surveyKey(program, id),
      (t) => ({
        kind: 'text',
        text: t('survey.invite'),
        buttons: [
          {
            label: t('survey.button.start'),
            data: encodeAction(SURVEY_ACTION, id, program),
            style: 'primary',
          },
        ],
      }),
      ctx.now,
    );
    invited += 1;
  }
  await audit(
    db,
    { actorUserId: by, action: 'survey.sent', details: { program, invited } },
    ctx.now,
  );
  return invited;
}

const surveyKey = (program: string, userId: number) => `survey:${program}:${userId}`;

/**
 * Everyone who was in a pair of the program and is still with us: a former participant (who
 * left, their data deleted) gets nothing, so the count asked about is the count sent. Nor does
 * anyone this start does not serve (the console demo's people in a platform start).
 */
export async function surveyAudience(
  db: DbOrTx,
  population: Population,
  program: string,
): Promise<Set<number>> {
  const people = new Set<number>();
  for (const pair of await pairsOfProgram(db, program)) {
    for (const id of [pair.mentorUserId, pair.menteeUserId]) {
      const user = await getUser(db, id);
      if (user && inPopulation(population, user)) people.add(id);
    }
  }
  return people;
}

/** How many of the program's people would get the survey now, and how many already have it. */
export async function surveyReach(
  db: DbOrTx,
  population: Population,
  program: string,
): Promise<{ fresh: number; already: number }> {
  const people = [...(await surveyAudience(db, population, program))];
  let already = 0;
  for (const id of people) {
    const invite = await first(
      db
        .select({ program: surveyInvites.program })
        .from(surveyInvites)
        .where(and(eq(surveyInvites.program, program), eq(surveyInvites.userId, id))),
    );
    if (invite) already += 1;
  }
  return { fresh: people.length - already, already };
}

/** Every pair (active or ended) of a program: `default`, or a program's id. */
export async function pairsOfProgram(db: DbOrTx, program: string): Promise<PairRow[]> {
  if (program === DEFAULT_PROGRAM)
    return await db.select().from(pairs).where(isNull(pairs.programId));
  const id = Number(program);
  return Number.isSafeInteger(id)
    ? await db.select().from(pairs).where(eq(pairs.programId, id))
    : [];
}

/** `admin survey`: asks to confirm sending the default program's final survey, with the count. */
export async function finalSurveyAdmin(ctx: Ctx, rest: string): Promise<boolean> {
  if (rest !== '') return false;
  const reach = await surveyReach(ctx.tx, populationOf(ctx.deps.config), DEFAULT_PROGRAM);
  if (reach.fresh === 0) {
    ctx.reply({ kind: 'text', text: ctx.t('survey.nobodyNew', { already: reach.already }) });
    return true;
  }
  ctx.reply({
    kind: 'text',
    text: ctx.t('survey.confirm', reach),
    buttons: [
      {
        label: ctx.t('survey.button.send', { n: reach.fresh }),
        data: encodeAction(CONFIRM_ACTION, ctx.user.id, 'survey', DEFAULT_PROGRAM),
        style: 'primary',
      },
      {
        label: ctx.t('broadcast.button.cancel'),
        data: encodeAction(CONFIRM_ACTION, ctx.user.id, 'no'),
      },
    ],
  });
  return true;
}
