import type pg from 'pg';

/**
 * One replica at a time does what must not run twice at once (Telegram's long polling: two
 * pollers steal each other's updates): whoever holds a PostgreSQL advisory lock leads. The
 * lock belongs to a database session, so a replica that dies — or whose connection drops —
 * loses it at once and another takes over at its next try; no lease to wait out.
 *
 * The leader holds one pooled connection for as long as it leads and checks it every
 * `checkMs`: a replica cut off from the database learns it no longer leads within that time
 * (until then two may act; for long polling that costs a 409 from Telegram, not a message).
 */
export interface Leadership {
  readonly leading: boolean;
  /** Gives the lock up (if held) and stops trying. */
  stop(): Promise<void>;
}

export interface LeadOptions {
  /** How often a replica that does not lead tries, and the leader checks its connection. */
  checkMs?: number;
  /** Told each time this replica starts or stops leading. */
  onChange?: (leading: boolean) => void;
}

export const LEADER_CHECK_MS = 2_000;

/** The advisory lock of Telegram's long polling ("TgPoll" in ASCII; see PG_MIGRATION_LOCK). */
export const TELEGRAM_POLLING_LOCK = 0x5467506f6c6c;

/** The advisory lock of sending the outbox ("TdSend"): one replica sends at a time. */
export const OUTBOX_SENDING_LOCK = 0x546453656e64;

export function lead(pool: pg.Pool, key: number, options: LeadOptions = {}): Leadership {
  const checkMs = options.checkMs ?? LEADER_CHECK_MS;
  let held: pg.PoolClient | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const change = (leading: boolean) => options.onChange?.(leading);
  const drop = (client: pg.PoolClient, broken: boolean) => {
    if (held !== client) return;
    held = undefined;
    // A broken connection goes back destroyed; the pool opens a fresh one when needed.
    client.release(broken);
    change(false);
  };

  const attempt = async () => {
    if (stopped) return;
    if (held) {
      const client = held;
      try {
        await client.query('select 1');
      } catch {
        drop(client, true);
      }
      return;
    }
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      const result = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
        key,
      ]);
      if (!result.rows[0]?.ok || stopped) {
        if (result.rows[0]?.ok) await client.query('select pg_advisory_unlock($1)', [key]);
        client.release();
        return;
      }
      held = client;
      const mine = client;
      client.on('error', () => drop(mine, true));
      change(true);
    } catch {
      // The database is unreachable: nobody can lead through it; try again later.
      client?.release(true);
    }
  };

  const tick = () => {
    running = attempt().finally(() => {
      if (!stopped) timer = setTimeout(tick, checkMs);
    });
  };
  tick();

  return {
    get leading() {
      return held !== undefined;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      const client = held;
      if (!client) return;
      held = undefined;
      try {
        await client.query('select pg_advisory_unlock($1)', [key]);
        client.release();
      } catch {
        client.release(true);
      }
      change(false);
    },
  };
}
