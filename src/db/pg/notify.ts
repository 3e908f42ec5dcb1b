import type pg from 'pg';

/** The channel migration 0005's trigger notifies after every insert into the outbox. */
export const OUTBOX_QUEUED_CHANNEL = 'tandem_outbox';

/** How long a listener whose connection failed waits before it listens again. */
export const LISTEN_RETRY_MS = 2_000;

export interface Listening {
  stop(): Promise<void>;
}

/**
 * Holds one pooled connection that LISTENs on `channel` and calls `heard` for each
 * notification (PostgreSQL delivers them when the notifying transaction commits). A
 * connection that fails is dropped and another listens after LISTEN_RETRY_MS; `heard` is
 * then called once, as notifications sent in between are lost.
 */
export function listen(pool: pg.Pool, channel: string, heard: () => void): Listening {
  let client: pg.PoolClient | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let connecting: Promise<void> = Promise.resolve();

  const drop = (failed: pg.PoolClient) => {
    if (client !== failed) return;
    client = undefined;
    failed.release(true);
    if (!stopped) retry = setTimeout(start, LISTEN_RETRY_MS);
  };
  const start = () => {
    connecting = (async () => {
      let next: pg.PoolClient | undefined;
      try {
        next = await pool.connect();
        const mine = next;
        mine.on('notification', (message) => {
          if (message.channel === channel) heard();
        });
        mine.on('error', () => drop(mine));
        // The channel name is ours (a constant), quoted as an identifier.
        await mine.query(`LISTEN "${channel}"`);
        if (stopped) {
          mine.release();
          return;
        }
        client = mine;
        heard();
      } catch {
        next?.release(true);
        if (!stopped) retry = setTimeout(start, LISTEN_RETRY_MS);
      }
    })();
  };
  start();

  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await connecting;
      const held = client;
      client = undefined;
      if (!held) return;
      try {
        await held.query(`UNLISTEN "${channel}"`);
        held.release();
      } catch {
        held.release(true);
      }
    },
  };
}
