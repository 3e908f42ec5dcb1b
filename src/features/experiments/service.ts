import { and, eq, gt, lte, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { encodeAction } from '../../core/actions';
import type { EngineDeps } from '../../core/context';
import { formatLongDay } from '../../core/format';
import type { Role } from '../../core/roles';
import type { DbOrTx } from '../../db/client';
import { first, one } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { scheduleTimer } from '../../db/queries/timers';
import { getUser } from '../../db/queries/users';
import {
  type ExperimentRow,
  experimentOutcomes,
  experiments,
  OUTCOMES,
  type Outcome,
  type PairRow,
  pairs,
  type UserRow,
} from '../../db/schema';
import { hrPeople } from '../content/staff';
import { notify, notifyUser } from '../notify';

type Deps = Pick<EngineDeps, 'config' | 'adapters'>;

export const SPONSOR_ACTION = 'idea.sponsor';
export const PARK_ACTION = 'idea.park';
export const OUTCOME_ACTION = 'idea.outcome';
export const EXPERIMENT_CHECK_TIMER = 'experiment.check';
/** A pilot's check date is at most this far ahead: small tests, quick answers. */
export const CHECK_MAX_DAYS = 90;
const CHECK_HOUR = 10;

export async function loadExperiment(db: DbOrTx, id: number): Promise<ExperimentRow | undefined> {
  return Number.isSafeInteger(id)
    ? await first(db.select().from(experiments).where(eq(experiments.id, id)))
    : undefined;
}

/**
 * Who may sponsor or park an idea: the senior partner of the pair it came from (the mentee,
 * in reverse mentoring — unless that is the author), or HR.
 */
export async function mayReview(
  db: DbOrTx,
  experiment: ExperimentRow,
  user: UserRow,
  roles: ReadonlySet<Role>,
): Promise<boolean> {
  if (roles.has('hr')) return true;
  if (!experiment.pairId || user.id === experiment.authorUserId) return false;
  const pair = await first(db.select().from(pairs).where(eq(pairs.id, experiment.pairId)));
  return pair?.status === 'active' && pair.menteeUserId === user.id;
}

export function reviewButtons(
  t: (key: 'idea.button.sponsor' | 'idea.button.park') => string,
  owner: number,
  id: number,
) {
  return [
    {
      label: t('idea.button.sponsor'),
      data: encodeAction(SPONSOR_ACTION, owner, String(id)),
      style: 'primary' as const,
    },
    { label: t('idea.button.park'), data: encodeAction(PARK_ACTION, owner, String(id)) },
  ];
}

/** Saves an idea and asks the senior partner (if any) to sponsor or park it. */
export async function proposeIdea(
  db: DbOrTx,
  deps: Deps,
  input: {
    author: UserRow;
    pair: PairRow | undefined;
    title: string;
    hypothesis: string;
    smallestTest: string;
    measure: string;
  },
  now: Date,
): Promise<ExperimentRow> {
  const row = await one(
    db
      .insert(experiments)
      .values({
        authorUserId: input.author.id,
        pairId: input.pair?.id ?? null,
        title: input.title,
        hypothesis: input.hypothesis,
        smallestTest: input.smallestTest,
        measure: input.measure,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  const senior =
    input.pair && input.pair.menteeUserId !== input.author.id
      ? await getUser(db, input.pair.menteeUserId)
      : undefined;
  const about = {
    name: input.author.name,
    title: row.title,
    hypothesis: row.hypothesis,
    test: row.smallestTest,
    measure: row.measure,
  };
  if (senior) {
    await notify(
      db,
      deps,
      senior,
      `idea:${row.id}:ask`,
      (t) => ({
        kind: 'text',
        text: t('idea.askSponsor', about),
        buttons: reviewButtons(t, senior.id, row.id),
      }),
      now,
    );
  } else {
    // No senior partner to decide (no pair, or the author is the senior one): HR decides, and
    // hears of it rather than finding it in /ideas by chance. The first answer settles it.
    for (const hr of await hrPeople(db, deps.config)) {
      if (hr.id === input.author.id) continue;
      await notify(
        db,
        deps,
        hr,
        `idea:${row.id}:ask:${hr.id}`,
        (t) => ({
          kind: 'text',
          text: t('idea.askHr', about),
          buttons: reviewButtons(t, hr.id, row.id),
        }),
        now,
      );
    }
  }
  await audit(
    db,
    { actorUserId: input.author.id, action: 'idea.proposed', details: { idea: row.id } },
    now,
  );
  return row;
}

export type ReviewOutcome = 'done' | 'not_allowed' | 'not_open';

/** Sponsors a pilot with a check date: the author hears, and both are asked at the date. */
export async function sponsor(
  db: DbOrTx,
  deps: Deps,
  experiment: ExperimentRow,
  by: UserRow,
  checkDate: string,
  now: Date,
): Promise<ReviewOutcome> {
  const current = await loadExperiment(db, experiment.id);
  if (current?.status !== 'proposed') return 'not_open';
  await db
    .update(experiments)
    .set({ status: 'piloting', sponsorUserId: by.id, checkDate, updatedAt: now })
    .where(eq(experiments.id, experiment.id));
  const zone = by.timeZone ?? deps.config.ORG_TIMEZONE;
  await scheduleTimer(
    db,
    {
      kind: EXPERIMENT_CHECK_TIMER,
      dueAt: DateTime.fromISO(checkDate, { zone }).set({ hour: CHECK_HOUR }).toJSDate(),
      payload: { experimentId: experiment.id } satisfies z.input<typeof experimentCheckPayload>,
      dedupeKey: `idea:${experiment.id}:check`,
      userId: experiment.authorUserId,
    },
    now,
  );
  if (experiment.authorUserId !== by.id) {
    await notifyUser(
      db,
      deps,
      experiment.authorUserId,
      `idea:${experiment.id}:sponsored`,
      (t, locale) => ({
        kind: 'text',
        text: t('idea.sponsored', {
          name: by.name,
          title: experiment.title,
          date: formatLongDay(checkDate, locale),
        }),
      }),
      now,
    );
  }
  await audit(
    db,
    { actorUserId: by.id, action: 'idea.sponsored', details: { idea: experiment.id, checkDate } },
    now,
  );
  return 'done';
}

/** Parks an idea with a reason the author sees. */
export async function park(
  db: DbOrTx,
  deps: Deps,
  experiment: ExperimentRow,
  by: UserRow,
  reason: string,
  now: Date,
): Promise<ReviewOutcome> {
  const current = await loadExperiment(db, experiment.id);
  if (current?.status !== 'proposed') return 'not_open';
  await db
    .update(experiments)
    .set({ status: 'parked', parkReason: reason, updatedAt: now })
    .where(eq(experiments.id, experiment.id));
  if (experiment.authorUserId !== by.id) {
    await notifyUser(
      db,
      deps,
      experiment.authorUserId,
      `idea:${experiment.id}:parked`,
      (t) => ({
        kind: 'text',
        text: t('idea.parked', { name: by.name, title: experiment.title, reason }),
      }),
      now,
    );
  }
  await audit(
    db,
    { actorUserId: by.id, action: 'idea.parked', details: { idea: experiment.id } },
    now,
  );
  return 'done';
}

/** How the pilot went: worked / didn't / learned something, for `owner` to press. */
export function outcomeButtons(
  t: (key: `idea.outcome.${(typeof OUTCOMES)[number]}`) => string,
  owner: number,
  id: number,
) {
  return OUTCOMES.map((o) => ({
    label: t(`idea.outcome.${o}`),
    data: encodeAction(OUTCOME_ACTION, owner, String(id), o),
  }));
}

/** At the check date: the author and the sponsor are each asked how it went. */
export const experimentCheckPayload = z.object({ experimentId: z.number().int() });

export async function runExperimentCheck(
  db: DbOrTx,
  deps: Deps,
  payload: z.output<typeof experimentCheckPayload>,
  now: Date,
): Promise<void> {
  const experiment = await loadExperiment(db, payload.experimentId);
  if (experiment?.status !== 'piloting') return;
  const people = new Set([
    experiment.authorUserId,
    experiment.sponsorUserId ?? experiment.authorUserId,
  ]);
  for (const id of people) {
    await notifyUser(
      db,
      deps,
      id,
      `idea:${experiment.id}:check:${id}`,
      (t) => ({
        kind: 'text',
        text: t('idea.checkAsk', { title: experiment.title, measure: experiment.measure }),
        buttons: outcomeButtons(t, id, experiment.id),
      }),
      now,
    );
  }
}

/** The author or sponsor says how the pilot went (again: updates); the idea is concluded. */
export async function recordOutcome(
  db: DbOrTx,
  experiment: ExperimentRow,
  by: UserRow,
  outcome: Outcome,
  note: string,
  now: Date,
): Promise<'done' | 'not_allowed' | 'not_piloting'> {
  if (by.id !== experiment.authorUserId && by.id !== experiment.sponsorUserId) return 'not_allowed';
  const current = await loadExperiment(db, experiment.id);
  if (current?.status !== 'piloting' && current?.status !== 'concluded') return 'not_piloting';
  await db
    .insert(experimentOutcomes)
    .values({ experimentId: experiment.id, userId: by.id, outcome, note, createdAt: now })
    .onConflictDoUpdate({
      target: [experimentOutcomes.experimentId, experimentOutcomes.userId],
      set: { outcome, note, createdAt: now },
    });
  await db
    .update(experiments)
    .set({ status: 'concluded', updatedAt: now })
    .where(eq(experiments.id, experiment.id));
  await audit(
    db,
    { actorUserId: by.id, action: 'idea.outcome', details: { idea: experiment.id, outcome } },
    now,
  );
  return 'done';
}

/**
 * Outcomes given in a period, with their idea's title (for the digest and the HR summary), of
 * ideas `served` admits (a population condition; undefined: all).
 */
export async function outcomesBetween(db: DbOrTx, from: Date, to: Date, served: SQL | undefined) {
  return await db
    .select({
      title: experiments.title,
      outcome: experimentOutcomes.outcome,
      note: experimentOutcomes.note,
      by: experimentOutcomes.userId,
    })
    .from(experimentOutcomes)
    .innerJoin(experiments, eq(experiments.id, experimentOutcomes.experimentId))
    .where(
      and(gt(experimentOutcomes.createdAt, from), lte(experimentOutcomes.createdAt, to), served),
    );
}
