import { desc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { arg } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { formatLongDay } from '../../core/format';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import { getUser } from '../../db/queries/users';
import {
  type ExperimentRow,
  experimentOutcomes,
  experiments,
  OUTCOMES,
  pairs,
} from '../../db/schema';
import { idMode } from '../form-mode';
import { forms } from '../forms';
import { joined } from '../joined';
import { orgToday } from '../programs/service';
import { IDEA_FORM } from './idea-form';
import { OUTCOME_FORM, outcomeMode, PARK_FORM, SPONSOR_FORM } from './review-forms';
import {
  loadExperiment,
  mayReview,
  OUTCOME_ACTION,
  outcomeButtons,
  PARK_ACTION,
  reviewButtons,
  SPONSOR_ACTION,
} from './service';

/** `/idea`: propose an experiment (a hypothesis and its smallest test). */
export const ideaCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    if (!(await joined(ctx))) return;
    await forms.start(ctx, IDEA_FORM, 'new');
  },
};

async function describe(ctx: Ctx, e: ExperimentRow): Promise<string> {
  const author = (await getUser(ctx.tx, e.authorUserId))?.name ?? ctx.t('user.former');
  const checked =
    e.status === 'piloting' && e.checkDate
      ? [ctx.t('idea.checkLine', { date: formatLongDay(e.checkDate, ctx.locale) })]
      : [];
  const line = ctx.t('idea.line', {
    title: e.title,
    author,
    status: ctx.t(`idea.status.${e.status}`),
    hypothesis: e.hypothesis,
    test: e.smallestTest,
    measure: e.measure,
  });
  // Each side's verdict, so a disagreement shows instead of one answer winning.
  const outcomes: string[] = [];
  for (const o of await ctx.tx
    .select()
    .from(experimentOutcomes)
    .where(eq(experimentOutcomes.experimentId, e.id))) {
    outcomes.push(
      ctx.t('idea.outcomeLine', {
        name: (await getUser(ctx.tx, o.userId))?.name ?? ctx.t('user.formerLabel'),
        outcome: ctx.t(`idea.outcome.${o.outcome}`),
        note: o.note,
      }),
    );
  }
  const parked =
    e.status === 'parked' && e.parkReason
      ? [ctx.t('idea.parkedLine', { reason: e.parkReason })]
      : [];
  return [line, ...checked, ...parked, ...outcomes].join('\n');
}

/** `/ideas`: my pairs' ideas (HR: every idea waiting for a decision), with what I may do. */
export const ideasCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    const db = ctx.tx;
    const myPairs = (
      await db
        .select({ id: pairs.id })
        .from(pairs)
        .where(or(eq(pairs.mentorUserId, ctx.user.id), eq(pairs.menteeUserId, ctx.user.id)))
    ).map((p) => p.id);
    const list = await db
      .select()
      .from(experiments)
      .where(
        or(
          eq(experiments.authorUserId, ctx.user.id),
          myPairs.length ? inArray(experiments.pairId, myPairs) : undefined,
          ctx.roles.has('hr') ? eq(experiments.status, 'proposed') : undefined,
        ),
      )
      .orderBy(desc(experiments.createdAt))
      .limit(20);
    if (list.length === 0) {
      // HR sees the ideas waiting for a decision: none waiting is not "no ideas".
      const others = ctx.roles.has('hr')
        ? (await db.select({ id: experiments.id }).from(experiments)).length
        : 0;
      ctx.reply({
        kind: 'text',
        text:
          others > 0
            ? ctx.t('idea.noneWaiting', { n: others, export: ctx.cmd('export') })
            : ctx.t('idea.listNone', { idea: ctx.cmd('idea') }),
      });
      return;
    }
    const today = orgToday(ctx.now, ctx.deps.config.ORG_TIMEZONE);
    for (const e of list) {
      const canDecide = e.status === 'proposed' && (await mayReview(db, e, ctx.user, ctx.roles));
      // A pilot past its check date waits for the author's and the sponsor's verdict: the
      // question is here too, not only in the message that may be gone (a restart, a new device).
      const verdictDue =
        e.status === 'piloting' &&
        e.checkDate !== null &&
        e.checkDate <= today &&
        (e.authorUserId === ctx.user.id || e.sponsorUserId === ctx.user.id);
      const buttons = canDecide
        ? reviewButtons(ctx.t, ctx.user.id, e.id)
        : verdictDue
          ? outcomeButtons(ctx.t, ctx.user.id, e.id)
          : undefined;
      ctx.reply({ kind: 'text', text: await describe(ctx, e), ...(buttons ? { buttons } : {}) });
    }
  },
};

/** A sponsor or park button: only for people allowed to decide, and only while it's open. */
function review(form: typeof SPONSOR_FORM | typeof PARK_FORM) {
  return action(z.tuple([arg.id]), async (ctx, [id]) => {
    const experiment = await loadExperiment(ctx.tx, id);
    if (!experiment || !(await mayReview(ctx.tx, experiment, ctx.user, ctx.roles))) {
      ctx.reply({ kind: 'text', text: ctx.t('idea.notAllowed') });
      return;
    }
    if (experiment.status !== 'proposed') {
      ctx.reply({ kind: 'text', text: ctx.t('idea.notOpen') });
      return;
    }
    await forms.start(ctx, form, idMode.encode(experiment.id));
  });
}

export const experimentActions = {
  [SPONSOR_ACTION]: review(SPONSOR_FORM),
  [PARK_ACTION]: review(PARK_FORM),
  [OUTCOME_ACTION]: action(z.tuple([arg.id, arg.oneOf(OUTCOMES)]), async (ctx, [id, outcome]) => {
    const experiment = await loadExperiment(ctx.tx, id);
    const allowed =
      experiment &&
      (experiment.authorUserId === ctx.user.id || experiment.sponsorUserId === ctx.user.id);
    if (!experiment || !allowed) {
      ctx.reply({ kind: 'text', text: ctx.t('idea.notAllowed') });
      return;
    }
    if (experiment.status !== 'piloting' && experiment.status !== 'concluded') {
      ctx.reply({ kind: 'text', text: ctx.t('idea.notOpen') });
      return;
    }
    await forms.start(
      ctx,
      OUTCOME_FORM,
      outcomeMode.encode({ experimentId: experiment.id, outcome }),
    );
  }),
} satisfies Record<string, ActionSpec>;
