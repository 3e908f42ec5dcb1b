import { type Api, GrammyError, HttpError } from 'grammy';

/** getMe, setWebhook, deleteWebhook: a Bot API that does not answer in this long counts as down. */
export const TELEGRAM_SETUP_TIMEOUT_MS = 10_000;
/** Long-polling wait Telegram holds a getUpdates for (seconds, its `timeout` parameter). */
export const TELEGRAM_POLL_TIMEOUT_S = 30;
/** A getUpdates that is still silent this long after its poll timeout is given up on. */
export const TELEGRAM_POLL_GRACE_MS = 10_000;
/** How often a replica standing by (another one polls) looks whether it is its turn. */
export const TELEGRAM_POLL_TURN_CHECK_MS = 1_000;
/** On stop, telling Telegram which updates were handled may take at most this long. */
export const TELEGRAM_STOP_CONFIRM_MS = 2_000;

/** A stable code for a failed Bot API call (never the description, which may echo input). */
export function connectionCode(error: unknown): string {
  if (error instanceof GrammyError) {
    if (error.error_code === 401) return 'telegram_unauthorized';
    if (error.error_code === 404) return 'telegram_not_found';
    if (error.error_code === 409) return 'telegram_conflict';
    if (error.error_code === 429) return 'telegram_rate_limited';
    if (error.error_code >= 500) return 'telegram_server_error';
    return 'telegram_api_error';
  }
  if (error instanceof HttpError) return 'telegram_unreachable';
  return 'telegram_failed';
}

/** How long Telegram asked us to wait (a 429's retry_after), in milliseconds. */
export function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof GrammyError) || error.error_code !== 429) return undefined;
  const seconds = error.parameters.retry_after;
  return seconds === undefined ? undefined : seconds * 1000;
}

/** Waits `ms`, or less when `signal` aborts (then it resolves: stopping is not an error). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The signal type grammY's methods declare (its AbortSignal shim; a native one works). */
export type BotApiSignal = NonNullable<Parameters<Api['getMe']>[0]>;

/** Aborts when `signal` does or after `ms`, whichever comes first. */
export function within(signal: AbortSignal, ms: number): BotApiSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(ms)]) as unknown as BotApiSignal;
}

/** Aborts after `ms`. */
export function deadline(ms: number): BotApiSignal {
  return AbortSignal.timeout(ms) as unknown as BotApiSignal;
}
