import { and, between, count, inArray, isNull, max, or } from 'drizzle-orm';
import { encodeAction } from '../../core/actions';
import { asTandemError } from '../../core/errors';
import type { ActionSpec, CommandSpec } from '../../core/registry';
import type { DbOrTx } from '../../db/client';
import { audit } from '../../db/queries/audit';
import { eraseFreedBytes, forgetPerson } from '../../db/queries/personal-data';
import { getProfile } from '../../db/queries/profiles';
import { scheduleTimer } from '../../db/queries/timers';
import { userRef } from '../../db/queries/users';
import { outbox, type TimerRow } from '../../db/schema';
import type { TimerDeps } from '../../jobs/types';
import { releasePartners } from '../matching/service';

export const LEAVE_CONFIRM_ACTION = 'leave.yes';
export const LEAVE_CANCEL_ACTION = 'leave.no';
/** After a leave: erase the goodbye's address and the freed bytes once the messages are out. */
export const LEAVE_ERASE_TIMER = 'leave.erase';
/** Waits for the leave's messages, doubling from a minute up to an hour, about a day in all. */
export const LEAVE_ERASE_ROUNDS = 30;
const MINUTE_MS = 60_000;

/** Leaving deletes for real, so it asks first. */
export const leaveCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  run(ctx) {
    if (!getProfile(ctx.deps.db, ctx.user.id)) {
      ctx.reply({ kind: 'text', text: ctx.t('leave.notJoined') });
      return;
    }
    ctx.reply({
      kind: 'text',
      title: ctx.t('leave.confirmTitle'),
      text: ctx.t('leave.confirm'),
      buttons: [
        {
          label: ctx.t('leave.button.yes'),
          data: encodeAction(LEAVE_CONFIRM_ACTION, ctx.user.id),
          style: 'danger',
        },
        { label: ctx.t('leave.button.no'), data: encodeAction(LEAVE_CANCEL_ACTION, ctx.user.id) },
      ],
    });
  },
};

export const leaveActions = {
  [LEAVE_CONFIRM_ACTION]: {
    async run(ctx) {
      if (!getProfile(ctx.deps.db, ctx.user.id)) {
        ctx.reply({ kind: 'text', text: ctx.t('leave.notJoined') });
        return;
      }
      const goodbye = ctx.t('leave.done');
      const ref = userRef(ctx.user);
      ctx.deps.db.transaction((tx) => {
        const first = lastOutboxId(tx) + 1;
        // Partners hear it kindly, and the pairs close, before the person's data goes.
        releasePartners(tx, ctx.deps, ctx.user, ctx.now);
        // The audit entry names no one: the person's identity leaves with them.
        audit(tx, { actorUserId: null, action: 'user.left' }, ctx.now);
        forgetPerson(tx, ctx.user.id, ctx.now);
        ctx.reply({ kind: 'text', text: goodbye }, { detached: true });
        scheduleErase(tx, { first, last: lastOutboxId(tx), round: 0 }, ctx.now);
      });
      // Files the platform side kept for them (the console's saved exports and invites).
      const adapter = ctx.deps.adapters[ref.platform];
      try {
        await adapter?.forget?.(ref);
      } catch (error) {
        const e = asTandemError(error, 'adapter_failed');
        ctx.deps.logger.warn({ code: e.code, platform: ref.platform }, 'adapter could not forget');
      }
    },
  },
  [LEAVE_CANCEL_ACTION]: {
    run(ctx) {
      ctx.reply({ kind: 'text', text: ctx.t('leave.kept') });
    },
  },
} satisfies Record<string, ActionSpec>;

function lastOutboxId(db: DbOrTx): number {
  return (
    db
      .select({ id: max(outbox.id) })
      .from(outbox)
      .get()?.id ?? 0
  );
}

interface ErasePayload {
  /** The leave's own messages: outbox ids from `first` to `last`. */
  first: number;
  last: number;
  round: number;
}

function scheduleErase(db: DbOrTx, payload: ErasePayload, now: Date): void {
  const wait = payload.round === 0 ? 0 : Math.min(60, 2 ** (payload.round - 1)) * MINUTE_MS;
  scheduleTimer(
    db,
    {
      kind: LEAVE_ERASE_TIMER,
      dueAt: new Date(now.getTime() + wait),
      payload: { ...payload },
      dedupeKey: `${LEAVE_ERASE_TIMER}:${payload.first}:${payload.round}`,
    },
    now,
  );
}

/**
 * Timer: once the goodbye and the partners' notices are out, their rows go (the goodbye holds
 * the leaver's address; a notice held their name until sent) and the file is rewritten
 * without freed bytes. A message still waiting is waited for, about a day at most; then the
 * goodbye goes unsent rather than keep the address.
 */
export function runLeaveErase(db: DbOrTx, deps: TimerDeps, timer: TimerRow, now: Date): void {
  const payload: ErasePayload = {
    first: Number(timer.payload.first),
    last: Number(timer.payload.last),
    round: Number(timer.payload.round),
  };
  const ours = between(outbox.id, payload.first, payload.last);
  const waiting =
    db
      .select({ n: count() })
      .from(outbox)
      .where(and(ours, inArray(outbox.status, ['pending', 'sending'])))
      .get()?.n ?? 0;
  if (waiting > 0 && payload.round < LEAVE_ERASE_ROUNDS) {
    scheduleErase(db, { ...payload, round: payload.round + 1 }, now);
    return;
  }
  db.delete(outbox)
    .where(
      and(ours, or(inArray(outbox.status, ['sent', 'failed', 'uncertain']), isNull(outbox.userId))),
    )
    .run();
  deps.afterCommit(eraseFreedBytes);
}
