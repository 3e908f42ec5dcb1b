import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import type { ActionSpec, CommandSpec } from '../../core/registry';
import { getUser } from '../../db/queries/users';
import { goals, pairs } from '../../db/schema';
import { forms } from '../forms';
import { joined } from '../joined';
import { activePairs } from '../scheduling/meeting-form';
import { GOAL_FORM } from './goal-form';
import { describeGoal, GOAL_PROGRESS_ACTION, progressButtons, setProgress } from './service';

/** Joined and in a pair, or told why not. */
function ready(ctx: Ctx): boolean {
  if (!joined(ctx)) return false;
  if (activePairs(ctx).length === 0) {
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
    if (ready(ctx)) await forms.start(ctx, GOAL_FORM, 'new');
  },
};

/** `/goals`: the pair's goals with progress bars; your own ones have buttons to move them. */
export const goalsCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  run(ctx) {
    if (!ready(ctx)) return;
    const mine = activePairs(ctx);
    const list = ctx.deps.db
      .select()
      .from(goals)
      .where(
        inArray(
          goals.pairId,
          mine.map((p) => p.pair.id),
        ),
      )
      .orderBy(asc(goals.status), asc(goals.deadline))
      .all();
    if (list.length === 0) {
      ctx.reply({ kind: 'text', text: ctx.t('goal.listNone', { goal: ctx.cmd('goal') }) });
      return;
    }
    ctx.reply({ kind: 'text', text: ctx.t('goal.listTitle', { n: list.length }) });
    for (const goal of list) {
      const own = goal.ownerUserId === ctx.user.id;
      const owner = own ? ctx.t('goal.you') : (getUser(ctx.deps.db, goal.ownerUserId)?.name ?? '?');
      ctx.reply({
        kind: 'text',
        text: describeGoal(ctx.t, goal, owner),
        ...(own && goal.status === 'open' ? { buttons: progressButtons(ctx.t, goal) } : {}),
      });
    }
  },
};

export const goalActions = {
  [GOAL_PROGRESS_ACTION]: {
    run(ctx, args) {
      const [id, step] = args;
      const goal = ctx.deps.db
        .select()
        .from(goals)
        .where(eq(goals.id, Number(id)))
        .get();
      const pair = goal
        ? ctx.deps.db
            .select()
            .from(pairs)
            .where(and(eq(pairs.id, goal.pairId), eq(pairs.status, 'active')))
            .get()
        : undefined;
      const result = ctx.deps.db.transaction((tx) =>
        setProgress(tx, ctx.deps, Number(id), ctx.user, step ?? '', ctx.now, pair),
      );
      if (result.outcome === 'updated' && result.goal) {
        const updated = result.goal;
        ctx.reply(
          {
            kind: 'text',
            text: `${ctx.t('goal.progressSaved')}\n${describeGoal(ctx.t, updated, ctx.t('goal.you'))}`,
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
      }[result.outcome];
      ctx.reply({ kind: 'text', text });
    },
  },
} satisfies Record<string, ActionSpec>;
