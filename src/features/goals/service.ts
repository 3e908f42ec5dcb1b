import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { encodeAction } from '../../core/actions';
import type { EngineDeps } from '../../core/context';
import { formatLongDay } from '../../core/format';
import type { Locale, Translate } from '../../core/i18n';
import type { Button } from '../../core/replies';
import type { DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { scheduleTimer } from '../../db/queries/timers';
import { getUser } from '../../db/queries/users';
import { type GoalRow, goals, type PairRow, pairs, type UserRow } from '../../db/schema';
import { notify } from '../notify';
import { PROGRESS_STEPS, progressBar } from './smart';

type Deps = Pick<EngineDeps, 'config' | 'adapters'>;

export const GOAL_PROGRESS_ACTION = 'goal.step';
export const GOAL_DEADLINE_TIMER = 'goal.deadline';
/** The deadline reminder comes this many days before, in the morning of the owner's zone. */
export const GOAL_REMIND_DAYS_BEFORE = 3;
const REMIND_HOUR = 9;

/** Saves a goal and schedules its deadline reminder; the partner hears about it. */
export async function createGoal(
  db: DbOrTx,
  deps: Deps,
  input: {
    pair: PairRow;
    owner: UserRow;
    specific: string;
    measure: string;
    deadline: string;
    relevant: string;
  },
  now: Date,
): Promise<GoalRow> {
  const [goal] = await db
    .insert(goals)
    .values({
      pairId: input.pair.id,
      ownerUserId: input.owner.id,
      specific: input.specific,
      measure: input.measure,
      deadline: input.deadline,
      relevant: input.relevant,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!goal) throw new Error('goal not saved');
  const zone = input.owner.timeZone ?? deps.config.ORG_TIMEZONE;
  const remindAt = DateTime.fromISO(input.deadline, { zone })
    .minus({ days: GOAL_REMIND_DAYS_BEFORE })
    .set({ hour: REMIND_HOUR })
    .toJSDate();
  // A few days before the deadline (unless that is already past: a goal due in three days),
  // and the morning after it, when "where did you get to?" is the question.
  const afterDeadline = DateTime.fromISO(input.deadline, { zone })
    .plus({ days: 1 })
    .set({ hour: REMIND_HOUR })
    .toJSDate();
  for (const [dueAt, key] of [
    [remindAt, 'deadline'],
    [afterDeadline, 'overdue'],
  ] as const) {
    if (dueAt <= now) continue;
    await scheduleTimer(
      db,
      {
        kind: GOAL_DEADLINE_TIMER,
        dueAt,
        payload: { goalId: goal.id } satisfies z.input<typeof goalDeadlinePayload>,
        dedupeKey: `goal:${goal.id}:${key}`,
        userId: input.owner.id,
      },
      now,
    );
  }
  const partner = await getUser(db, partnerOf(input.pair, input.owner.id));
  if (partner) {
    await notify(
      db,
      deps,
      partner,
      `goal:${goal.id}:new`,
      (t) => ({
        kind: 'text',
        text: t('goal.partnerNew', { name: input.owner.name, goal: goal.specific }),
      }),
      now,
    );
  }
  await audit(
    db,
    { actorUserId: input.owner.id, action: 'goal.created', details: { goal: goal.id } },
    now,
  );
  return goal;
}

export function partnerOf(pair: PairRow, userId: number): number {
  return pair.mentorUserId === userId ? pair.menteeUserId : pair.mentorUserId;
}

/** The buttons that move a goal: 0/25/50/75/100 % and Done, for its owner only. */
export function progressButtons(t: Translate, goal: GoalRow): Button[] {
  return [
    ...PROGRESS_STEPS.map((step) => ({
      label: goal.progress === step ? `• ${step}%` : `${step}%`,
      data: encodeAction(GOAL_PROGRESS_ACTION, goal.ownerUserId, String(goal.id), String(step)),
    })),
    {
      label: t('goal.button.done'),
      data: encodeAction(GOAL_PROGRESS_ACTION, goal.ownerUserId, String(goal.id), 'done'),
      style: 'primary' as const,
    },
  ];
}

/** One goal as people read it: what, the bar, how we'll know, the deadline. */
export function describeGoal(
  t: Translate,
  goal: GoalRow,
  ownerName: string,
  locale: Locale,
  /**
   * Today (YYYY-MM-DD, the reader's zone), whether the reader owns the goal, and how the goal
   * command is typed where they read: an open goal past its deadline says so.
   */
  overdue?: { today: string; own: boolean; command: string },
): string {
  const line = t(goal.status === 'done' ? 'goal.lineDone' : 'goal.line', {
    owner: ownerName,
    goal: goal.specific,
    bar: progressBar(goal.progress),
    measure: goal.measure,
    deadline: formatLongDay(goal.deadline, locale),
  });
  if (goal.status !== 'open' || !overdue || goal.deadline >= overdue.today) return line;
  const note = overdue.own ? t('goal.overdueOwn', { goal: overdue.command }) : t('goal.overdue');
  return `${line}\n${note}`;
}

export type ProgressOutcome =
  | 'updated'
  | 'unchanged'
  | 'not_yours'
  | 'done_already'
  | 'invalid'
  | 'pair_ended';

/** The pair a goal belongs to, if it is still working together. */
function activePairOf(db: DbOrTx, goal: GoalRow): Promise<PairRow | undefined> {
  return first(
    db
      .select()
      .from(pairs)
      .where(and(eq(pairs.id, goal.pairId), eq(pairs.status, 'active'))),
  );
}

/**
 * Moves a goal (owner only, while the pair is active); the partner is told. A pair that has
 * ended (someone left, HR unpaired them) keeps its goals as they were: history, not work.
 */
export async function setProgress(
  db: DbOrTx,
  deps: Deps,
  goalId: number,
  by: UserRow,
  step: number | 'done',
  now: Date,
): Promise<{ outcome: ProgressOutcome; goal?: GoalRow }> {
  const goal = Number.isSafeInteger(goalId)
    ? await first(db.select().from(goals).where(eq(goals.id, goalId)))
    : undefined;
  if (!goal || goal.ownerUserId !== by.id) return { outcome: 'not_yours' };
  const pair = await activePairOf(db, goal);
  if (!pair) return { outcome: 'pair_ended', goal };
  const done = step === 'done';
  const percent = done ? 100 : step;
  if (!done && !(PROGRESS_STEPS as readonly number[]).includes(percent)) {
    return { outcome: 'invalid', goal };
  }
  if (goal.status === 'done') return { outcome: 'done_already', goal };
  if (!done && percent === goal.progress) return { outcome: 'unchanged', goal };
  const updated = await first(
    db
      .update(goals)
      .set({ progress: percent, status: done ? 'done' : 'open', updatedAt: now })
      .where(eq(goals.id, goal.id))
      .returning(),
  );
  const partner = await getUser(db, partnerOf(pair, by.id));
  if (partner) {
    await notify(
      db,
      deps,
      partner,
      `goal:${goal.id}:progress:${step}:${now.getTime()}`,
      (t) => ({
        kind: 'text',
        text: done
          ? t('goal.partnerDone', { name: by.name, goal: goal.specific })
          : t('goal.partnerProgress', {
              name: by.name,
              goal: goal.specific,
              bar: progressBar(percent),
            }),
      }),
      now,
    );
  }
  await audit(
    db,
    { actorUserId: by.id, action: 'goal.progress', details: { goal: goal.id, percent, done } },
    now,
  );
  return { outcome: 'updated', goal: updated };
}

/**
 * The reminder a few days before a deadline and the question the morning after it, if the
 * goal is still open and its pair still works together (an ended pair's goals can't be
 * moved, so there is nothing to ask).
 */
export const goalDeadlinePayload = z.object({ goalId: z.number().int() });

export async function runGoalReminder(
  db: DbOrTx,
  deps: Deps,
  payload: z.output<typeof goalDeadlinePayload>,
  now: Date,
): Promise<void> {
  const goal = await first(db.select().from(goals).where(eq(goals.id, payload.goalId)));
  if (goal?.status !== 'open' || !(await activePairOf(db, goal))) return;
  const owner = await getUser(db, goal.ownerUserId);
  if (!owner) return;
  // Delivered late (the process was down over the reminder's day): "a few days left" would
  // no longer be true once the deadline's day is over in the owner's zone.
  const zone = owner.timeZone ?? deps.config.ORG_TIMEZONE;
  const over = DateTime.fromISO(goal.deadline, { zone }).endOf('day').toJSDate() < now;
  await notify(
    db,
    deps,
    owner,
    // Once before the deadline and once after it (a reminder delivered late is the second).
    `goal:${goal.id}:${over ? 'late' : 'reminder'}`,
    (t, locale) => ({
      kind: 'text',
      text: t(over ? 'goal.reminderLate' : 'goal.reminder', {
        goal: goal.specific,
        deadline: formatLongDay(goal.deadline, locale),
        bar: progressBar(goal.progress),
      }),
      buttons: progressButtons(t, goal),
    }),
    now,
  );
}
