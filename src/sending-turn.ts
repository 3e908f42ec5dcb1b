/**
 * Who sends the outbox. Alone (SQLite), this process, from its start. Several replicas on
 * PostgreSQL: the one holding OUTBOX_SENDING_LOCK, so Telegram's 30 messages a second and
 * Slack's pace per channel are kept by one sender instead of multiplied by the replicas, and
 * each chat's messages leave in order. The others still queue messages (every unit of work
 * does); the sender hears of them by a notification (migration 0005's trigger) rather than
 * at its next minute tick. A sender that dies loses the lock with its connection; the next
 * one marks the message it had in flight uncertain (never sent twice) and carries on.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SLACK_CHANNEL_MIN_INTERVAL_MS } from './adapters/slack/limits';
import { TELEGRAM_GROUP_INTERVAL_MS } from './adapters/telegram/limits';
import type { OutboxWorker } from './core/outbox';
import type { Db } from './db/client';
import { onPostgres } from './db/dialect';
import type { PgDb } from './db/pg/client';
import { LEADER_CHECK_MS, lead, OUTBOX_SENDING_LOCK } from './db/pg/leader';
import { type Listening, listen, OUTBOX_QUEUED_CHANNEL } from './db/pg/notify';
import type { Logger } from './logger';

/**
 * A replica that takes the turn waits this long before its first send: the one before it
 * may have sent to a chat a moment before it died, and each sender keeps the platforms' pace
 * per chat in memory only. The longest such gap is Telegram's for a group (3 s).
 */
export const SENDING_HANDOVER_PAUSE_MS = Math.max(
  TELEGRAM_GROUP_INTERVAL_MS,
  SLACK_CHANNEL_MIN_INTERVAL_MS,
);
const PAUSE_STEP_MS = 100;

export interface SendingTurn {
  /** Whether this process sends the outbox now. */
  readonly sending: boolean;
  /** Gives the turn up; call after the outbox stopped (its message in flight finished). */
  stop(): Promise<void>;
}

export async function takeSendingTurn(
  db: Db,
  outbox: OutboxWorker,
  logger: Logger,
): Promise<SendingTurn> {
  if (!onPostgres(db)) {
    // Before anything is sent: a send cut short by the last process's death holds nobody back.
    await outbox.releaseAbandonedClaims();
    return { sending: true, stop: async () => {} };
  }
  const pool = (db as unknown as PgDb).$client;
  let sending = false;
  let leading = false;
  let listening: Listening | undefined;
  let changes: Promise<void> = Promise.resolve();
  outbox.sendOnlyWhen(() => sending);

  const begin = async () => {
    // A pass of an earlier turn ends first; then whatever the last sender had in flight is
    // released (it died or lost its connection) before this one claims anything.
    await outbox.drain();
    while (leading) {
      try {
        await outbox.releaseAbandonedClaims();
        break;
      } catch {
        await sleep(LEADER_CHECK_MS);
      }
    }
    // Out of the last sender's pace (see SENDING_HANDOVER_PAUSE_MS); a stop ends the wait.
    for (let waited = 0; leading && waited < SENDING_HANDOVER_PAUSE_MS; waited += PAUSE_STEP_MS)
      await sleep(PAUSE_STEP_MS);
    if (!leading) return;
    sending = true;
    listening = listen(pool, OUTBOX_QUEUED_CHANNEL, () => outbox.kick());
    logger.info({ code: 'sending_turn' }, 'this replica sends the outbox');
  };
  const end = async () => {
    await listening?.stop();
    listening = undefined;
  };
  const turn = lead(pool, OUTBOX_SENDING_LOCK, {
    onChange: (now) => {
      leading = now;
      // Claims stop at once; the listener goes in turn.
      if (!now) sending = false;
      changes = changes.then(now ? begin : end);
    },
  });
  return {
    get sending() {
      return sending;
    },
    async stop() {
      await turn.stop();
      await changes;
      await end();
    },
  };
}
