import { asc, eq, inArray, or } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { arg } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import { getUser } from '../../db/queries/users';
import { goals, pairs } from '../../db/schema';
import { forms } from '../forms';
import { joined } from '../joined';
import { activePairs } from '../scheduling/meeting-form';
import { GOAL_FORM } from './goal-form';
import { describeGoal, GOAL_PROGRESS_ACTION, progressButtons, setProgress } from './service';

/** Joined and in a pair, or told why not. */
async function ready(ctx: Ctx): Promise<boolean> {
  if (!(await joined(ctx))) return false;
  if ((await activePairs(ctx)).length === 0) {
    ctx.reply({ kind: 'text', text: ctx.t('goal.needPair') });
    return false;
  }
  return true;
}

/** `/goal`: set a SMART goal with your partner. */
export const goalCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    if (await ready(ctx)) await forms.start(ctx, GOAL_FORM, 'new');
  },
};

/**
 * `/goals`: the pair's goals with progress bars; your own open ones have buttons to move
 * them. Goals of an earlier pair stay listed (the pair's history, even after a partner left).
 */
export const goalsCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    if (!(await joined(ctx))) return;
    const me = ctx.user.id;
    const mine = await ctx.tx
      .select({ id: pairs.id, status: pairs.status })
      .from(pairs)
      .where(or(eq(pairs.mentorUserId, me), eq(pairs.menteeUserId, me)));
    const active = new Set(mine.filter((p) => p.status === 'active').map((p) => p.id));
    const list = await ctx.tx
      .select()
      .from(goals)
      .where(
        inArray(
          goals.pairId,
          mine.map((p) => p.id),
        ),
      )
      .orderBy(asc(goals.status), asc(goals.deadline));
    if (list.length === 0) {
      // A goal being typed is not saved yet: say so, rather than only "no goals".
      const drafting = (await forms.active(ctx))?.formId === GOAL_FORM;
      ctx.reply({
        kind: 'text',
        text:
          active.size === 0
            ? ctx.t('goal.needPair')
            : ctx.t(drafting ? 'goal.listNoneDrafting' : 'goal.listNone', {
                goal: ctx.cmd('goal'),
              }),
      });
      return;
    }
    // With no pair running, these are a past pair's: kept as they were, not "your pair's".
    ctx.reply({
      kind: 'text',
      text: ctx.t(active.size === 0 ? 'goal.listTitlePast' : 'goal.listTitle', { n: list.length }),
    });
    for (const goal of list) {
      const own = goal.ownerUserId === me;
      const owner = own
        ? ctx.t('goal.you')
        : ((await getUser(ctx.tx, goal.ownerUserId))?.name ?? ctx.t('user.formerLabel'));
      const movable = own && goal.status === 'open' && active.has(goal.pairId);
      ctx.reply({
        kind: 'text',
        text: describeGoal(ctx.t, goal, owner, ctx.locale, {
          today:
            DateTime.fromJSDate(ctx.now, {
              zone: ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE,
            }).toISODate() ?? '',
          own: movable,
          command: ctx.cmd('goal'),
        }),
        ...(movable ? { buttons: progressButtons(ctx.t, goal) } : {}),
      });
    }
  },
};

export const goalActions = {
  // A step is a percentage or `done`; which percentages count is the service's rule.
  [GOAL_PROGRESS_ACTION]: action(
    z.tuple([arg.id, z.union([z.literal('done'), arg.id])]),
    async (ctx, [id, step]) => {
      const result = await setProgress(ctx.tx, ctx.deps, id, ctx.user, step, ctx.now);
      if (result.outcome === 'updated' && result.goal) {
        const updated = result.goal;
        ctx.reply(
          {
            kind: 'text',
            text: `${ctx.t('goal.progressSaved')}\n${describeGoal(ctx.t, updated, ctx.t('goal.you'), ctx.locale)}`,
            ...(updated.status === 'open' ? { buttons: progressButtons(ctx.t, updated) } : {}),
          },
          { replace: true },
        );
        return;
      }
      const text = {
        updated: '',
        unchanged: ctx.t('goal.unchanged'),
        not_yours: ctx.t('goal.notYours'),
        done_already: ctx.t('goal.doneAlready'),
        invalid: ctx.t('goal.invalidStep'),
        pair_ended: ctx.t('goal.pairEnded'),
      }[result.outcome];
      ctx.reply({ kind: 'text', text });
    },
  ),
} satisfies Record<string, ActionSpec>;
