import type pg from 'pg';
import type { ConnectionStatus } from '../../core/adapter';
import type { Logger } from '../../logger';
import { DB_PROBE_INTERVAL_MS } from '../write-health';

/** A probe that has not answered in this long counts as the server not answering. */
const PG_PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether PostgreSQL answers, for `/healthz`: `status()` must answer at once, so it reports
 * the last probe's outcome and starts a new probe (`select 1` through the pool) when the last
 * one is older than DB_PROBE_INTERVAL_MS — at every ask while the database is down, so its
 * return shows at once.
 */
export class PgHealth {
  readonly #pool: pg.Pool;
  readonly #logger: Logger | undefined;
  #down: string | undefined;
  #probedAt = Number.NEGATIVE_INFINITY;
  #probing = false;

  constructor(pool: pg.Pool, logger?: Logger) {
    this.#pool = pool;
    this.#logger = logger?.child({ component: 'database' });
  }

  status(now = Date.now()): ConnectionStatus {
    if ((this.#down || now - this.#probedAt >= DB_PROBE_INTERVAL_MS) && !this.#probing) {
      this.#probedAt = now;
      void this.probe();
    }
    return this.#down ? { state: 'down', code: this.#down } : { state: 'up' };
  }

  /**
   * A caught failure: a lost connection (node-postgres's socket codes, or the server's class
   * 08 and 57P shutdown codes) marks `/healthz` down until a probe gets through.
   */
  failed(error: unknown): void {
    for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && /^(08|57P|ECONN|ETIMEDOUT|EPIPE)/.test(code)) {
        if (!this.#down)
          this.#logger?.error({ code: 'db_unreachable' }, 'database does not answer');
        this.#down = 'db_unreachable';
        return;
      }
    }
  }

  /** Asks the server once; resolves when it has answered (or not). */
  async probe(): Promise<void> {
    this.#probing = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.#pool.query('select 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PG_PROBE_TIMEOUT_MS);
        }),
      ]);
      if (this.#down) this.#logger?.info({ was: this.#down }, 'database answers again');
      this.#down = undefined;
    } catch {
      if (!this.#down) this.#logger?.error({ code: 'db_unreachable' }, 'database does not answer');
      this.#down = 'db_unreachable';
    } finally {
      clearTimeout(timer);
      this.#probing = false;
    }
  }
}
