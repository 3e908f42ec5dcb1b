import type { ConnectionStatus } from '../../core/adapter';
import { type Backoff, backoffDelay, withJitter } from '../../core/backoff';
import { TandemError } from '../../core/errors';
import type { Logger } from '../../logger';
import { platformErrorOf } from './delivery-errors';

/** Slack's answers that no retry can fix: the token itself is wrong or revoked. */
export const SLACK_AUTH_ERRORS = new Set([
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'user_removed_from_team',
  'team_disabled',
]);

interface SocketClient {
  on(event: 'disconnected', listener: () => void): unknown;
}

/**
 * Keeps a Socket Mode connection up and says how it is. The socket-mode client's own
 * reconnect gives up for good when one `apps.connections.open` answers with an HTTP error
 * (and leaves its promise rejected unhandled), so it is switched off and this loop owns
 * reconnecting: at once when Slack closes the socket (a refresh), then with exponential
 * backoff and jitter for as long as attempts fail.
 */
export class SocketSupervisor {
  readonly #connect: () => Promise<unknown>;
  readonly #disconnect: () => Promise<unknown>;
  readonly #log: Logger;
  readonly #backoff: Backoff;
  #status: ConnectionStatus = { state: 'connecting' };
  #failures = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: {
    client: SocketClient;
    connect: () => Promise<unknown>;
    disconnect: () => Promise<unknown>;
    log: Logger;
    backoff: Backoff;
  }) {
    this.#connect = options.connect;
    this.#disconnect = options.disconnect;
    this.#log = options.log;
    this.#backoff = options.backoff;
    options.client.on('disconnected', () => this.#dropped());
  }

  status(): ConnectionStatus {
    return { ...this.#status };
  }

  /**
   * The first attempt. A wrong app token throws (nothing will fix it by waiting); any other
   * failure leaves the supervisor retrying in the background, reported as down meanwhile.
   */
  async start(): Promise<void> {
    this.#stopped = false;
    const failure = await this.#attempt();
    if (failure && SLACK_AUTH_ERRORS.has(failure)) {
      this.stopRetrying();
      this.#status = { state: 'down', code: 'slack_auth_failed' };
      throw new TandemError('adapter_failed', `Slack refused the app token (${failure})`);
    }
  }

  /** No more attempts (the adapter is stopping). */
  stopRetrying(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#status = { state: 'down', code: 'slack_stopped' };
  }

  /** A connection that was up closed: Slack refreshing it, a network drop, a missed ping. */
  #dropped(): void {
    if (this.#stopped || this.#status.state !== 'up') return;
    this.#status = { state: 'connecting' };
    this.#log.info({ code: 'slack_socket_closed' }, 'slack socket closed; reconnecting');
    this.#schedule(0);
  }

  /** One try; returns the failure reason, or undefined once connected. */
  async #attempt(): Promise<string | undefined> {
    if (this.#status.state !== 'down') this.#status = { state: 'connecting' };
    try {
      await this.#connect();
    } catch (error) {
      const reason = reasonOf(error);
      if (this.#stopped) return reason;
      this.#failures += 1;
      // Jittered, so many replicas don't retry in step.
      const wait = withJitter(backoffDelay(this.#failures, this.#backoff));
      this.#status = {
        state: 'down',
        code: SLACK_AUTH_ERRORS.has(reason) ? 'slack_auth_failed' : 'slack_connect_failed',
      };
      this.#log.warn(
        { code: this.#status.code, reason, attempt: this.#failures, retryInMs: wait },
        'slack socket connection failed',
      );
      this.#schedule(wait);
      return reason;
    }
    if (this.#stopped) {
      // Stopped while this attempt was under way: close what it opened.
      await this.#disconnect().catch(() => undefined);
      return undefined;
    }
    if (this.#failures > 0) {
      this.#log.info({ attempts: this.#failures + 1 }, 'slack socket connected again');
    }
    this.#failures = 0;
    this.#status = { state: 'up' };
    return undefined;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#attempt();
    }, ms);
  }
}

/** A short, stable reason for a failed attempt: `http_503`, `invalid_auth`, `network`, … */
function reasonOf(error: unknown): string {
  const platform = platformErrorOf(error);
  if (platform) return platform;
  const e = (error ?? {}) as { code?: string; statusCode?: number };
  if (e.code === 'slack_webapi_http_error') return `http_${e.statusCode ?? 'unknown'}`;
  if (e.code === 'slack_webapi_request_error') return 'network';
  if (typeof e.code === 'string' && /^[a-z_]+$/.test(e.code)) return e.code;
  return 'unknown';
}
