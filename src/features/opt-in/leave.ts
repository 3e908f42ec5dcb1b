import { and, between, count, eq, inArray, isNull, max, or } from 'drizzle-orm';
import { z } from 'zod';
import { arg, encodeAction, noArgs } from '../../core/actions';
import { asTandemError } from '../../core/errors';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import type { DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { putAppState } from '../../db/queries/app-state';
import { audit } from '../../db/queries/audit';
import { forgetPerson } from '../../db/queries/personal-data';
import { getProfile } from '../../db/queries/profiles';
import { cancelTimer, scheduleTimer } from '../../db/queries/timers';
import { userRef } from '../../db/queries/users';
import { appState, outbox, type TimerRow, userRoles } from '../../db/schema';
import { eraseFreedBytes } from '../../db/sqlite';
import type { TimerDeps } from '../../jobs/types';
import { releasePartners } from '../matching/service';

export const LEAVE_CONFIRM_ACTION = 'optin.leave';
export const LEAVE_CANCEL_ACTION = 'optin.stay';
/** After a leave: erase the goodbye's address and the freed bytes once the messages are out. */
export const LEAVE_ERASE_TIMER = 'leave.erase';
/** Waits for the leave's messages, doubling from a minute up to an hour, about a day in all. */
export const LEAVE_ERASE_ROUNDS = 30;
/**
 * Tries at erasing the freed bytes while a reader holds the file: 1, 2, 4 … 32 minutes apart,
 * then hourly; about seven hours in all.
 */
export const LEAVE_ERASE_TRIES = 13;
const MINUTE_MS = 60_000;

/**
 * How many times the person answered "No, stay" (app_state, per person). The question's "Yes"
 * carries the count it was asked at: one from before a later "No" is stale — the person
 * answered that question — and deletes nothing. Gone with the leave.
 */
const stayedKey = (userId: number) => `leave.stayed:${userId}`;

async function timesStayed(db: DbOrTx, userId: number): Promise<number> {
  const row = await first(
    db
      .select({ n: appState.value })
      .from(appState)
      .where(eq(appState.key, stayedKey(userId))),
  );
  return typeof row?.n === 'number' ? row.n : 0;
}

/** Leaving deletes for real, so it asks first. */
export const leaveCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    if (!(await getProfile(ctx.tx, ctx.user.id))) {
      ctx.reply({ kind: 'text', text: ctx.t('leave.notJoined') });
      return;
    }
    // A granted role is deleted with the person (ADMIN_IDS stays: it is configuration).
    const granted = await ctx.tx
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(eq(userRoles.userId, ctx.user.id));
    const role = granted.some((r) => r.role === 'admin') ? 'admin' : granted[0]?.role;
    ctx.reply({
      kind: 'text',
      title: ctx.t('leave.confirmTitle'),
      text: [ctx.t('leave.confirm'), role && ctx.t(`leave.role.${role}`)]
        .filter(Boolean)
        .join('\n\n'),
      buttons: [
        {
          label: ctx.t('leave.button.yes'),
          data: encodeAction(
            LEAVE_CONFIRM_ACTION,
            ctx.user.id,
            String(await timesStayed(ctx.tx, ctx.user.id)),
          ),
          style: 'danger',
        },
        { label: ctx.t('leave.button.no'), data: encodeAction(LEAVE_CANCEL_ACTION, ctx.user.id) },
      ],
    });
  },
};

export const leaveActions = {
  // A button from before this version carries no count: it counts as asked just now.
  [LEAVE_CONFIRM_ACTION]: action(z.union([noArgs, z.tuple([arg.id])]), async (ctx, args) => {
    if (!(await getProfile(ctx.tx, ctx.user.id))) {
      ctx.reply({ kind: 'text', text: ctx.t('leave.notJoined') }, { replace: true });
      return;
    }
    const stayed = await timesStayed(ctx.tx, ctx.user.id);
    if (stayed > (args[0] ?? stayed)) {
      ctx.reply({ kind: 'text', text: ctx.t('leave.stale') }, { replace: true });
      return;
    }
    await ctx.tx.delete(appState).where(eq(appState.key, stayedKey(ctx.user.id)));
    const goodbye = ctx.t('leave.done');
    const ref = userRef(ctx.user);
    const firstId = (await lastOutboxId(ctx.tx)) + 1;
    // Partners hear it kindly, and the pairs close, before the person's data goes.
    await releasePartners(ctx.tx, ctx.deps, ctx.user, ctx.now);
    // The audit entry names no one: the person's identity leaves with them.
    await audit(ctx.tx, { actorUserId: null, action: 'user.left' }, ctx.now);
    await forgetPerson(ctx.tx, ctx.user.id, ctx.now);
    ctx.reply({ kind: 'text', text: goodbye }, { detached: true, replace: true });
    const last = await lastOutboxId(ctx.tx);
    await scheduleErase(ctx.tx, { first: firstId, last, round: 0, tries: 0 }, 0, ctx.now);
    // Files the platform side kept for them (the console's saved exports and invites), once
    // the leave has committed.
    const adapter = ctx.deps.adapters[ref.platform];
    ctx.afterCommit(async () => {
      try {
        await adapter?.forget?.(ref);
      } catch (error) {
        const e = asTandemError(error, 'adapter_failed');
        ctx.deps.logger.warn({ code: e.code, platform: ref.platform }, 'adapter could not forget');
      }
    });
  }),
  [LEAVE_CANCEL_ACTION]: action(noArgs, async (ctx) => {
    const value = (await timesStayed(ctx.tx, ctx.user.id)) + 1;
    await putAppState(ctx.tx, stayedKey(ctx.user.id), value, ctx.now);
    ctx.reply({ kind: 'text', text: ctx.t('leave.kept') }, { replace: true });
  }),
} satisfies Record<string, ActionSpec>;

async function lastOutboxId(db: DbOrTx): Promise<number> {
  return (await first(db.select({ id: max(outbox.id) }).from(outbox)))?.id ?? 0;
}

/**
 * The erase timer's payload. `first`/`last`: the leave's own messages, outbox ids from
 * `first` to `last`; `round`: times the messages were waited for; `tries`: times the file
 * was found held by a reader once the rows were gone (absent in rows from before it counted).
 */
export const erasePayload = z.object({
  first: z.number().int(),
  last: z.number().int(),
  round: z.number().int(),
  tries: z.number().int().default(0),
});
type ErasePayload = z.output<typeof erasePayload>;

/** Schedules the next erase after `waits` waits (none: now); returns its dedupe key. */
async function scheduleErase(
  db: DbOrTx,
  payload: ErasePayload,
  waits: number,
  now: Date,
): Promise<string> {
  const wait = waits === 0 ? 0 : Math.min(60, 2 ** (waits - 1)) * MINUTE_MS;
  const dedupeKey = `${LEAVE_ERASE_TIMER}:${payload.first}:${payload.round}:${payload.tries}`;
  await scheduleTimer(
    db,
    {
      kind: LEAVE_ERASE_TIMER,
      dueAt: new Date(now.getTime() + wait),
      payload: { ...payload } satisfies z.input<typeof erasePayload>,
      dedupeKey,
    },
    now,
  );
  return dedupeKey;
}

/**
 * Timer: once the goodbye and the partners' notices are out, their rows go (the goodbye holds
 * the leaver's address; a notice held their name until sent) and the file is rewritten
 * without freed bytes. A message still waiting is waited for, about a day at most; then the
 * goodbye goes unsent rather than keep the address. The rewrite runs after the commit; a
 * reader holding the file (a backup, another process) makes it try again later, doubling
 * from a minute up to an hour, a few hours in all — the next try is scheduled with the
 * deletes, so even a crash right after the commit doesn't lose it.
 */
export async function runLeaveErase(
  db: DbOrTx,
  deps: TimerDeps,
  payload: ErasePayload,
  timer: TimerRow,
  now: Date,
): Promise<void> {
  const ours = between(outbox.id, payload.first, payload.last);
  const waiting =
    (
      await first(
        db
          .select({ n: count() })
          .from(outbox)
          .where(and(ours, inArray(outbox.status, ['pending', 'sending']))),
      )
    )?.n ?? 0;
  if (waiting > 0 && payload.round < LEAVE_ERASE_ROUNDS) {
    const next = { ...payload, round: payload.round + 1 };
    await scheduleErase(db, next, next.round, now);
    return;
  }
  await db
    .delete(outbox)
    .where(
      and(ours, or(inArray(outbox.status, ['sent', 'failed', 'uncertain']), isNull(outbox.userId))),
    );
  const tries = payload.tries + 1;
  const retry =
    tries < LEAVE_ERASE_TRIES
      ? await scheduleErase(db, { ...payload, tries }, tries, now)
      : undefined;
  deps.afterCommit(async (root) => {
    const log = { timerId: timer.id, tries };
    if ((await eraseFreedBytes(root)) === 'erased') {
      if (retry) await cancelTimer(root, retry, now);
    } else if (retry) {
      deps.logger.warn({ ...log, code: 'db_checkpoint_busy' }, 'freed bytes held by a reader');
    } else {
      deps.logger.error({ ...log, code: 'leave_erase_gave_up' }, 'freed bytes left in the file');
    }
  });
}
