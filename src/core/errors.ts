/** Stable error codes: logs, tests and callers match on these, never on messages. */
export type ErrorCode =
  | 'config_invalid'
  | 'db_open_failed'
  | 'db_migration_failed'
  | 'delivery_rate_limited'
  | 'delivery_transient'
  | 'delivery_permanent'
  | 'delivery_recipient_gone'
  | 'delivery_unknown'
  | 'form_not_found'
  | 'wiring_duplicate'
  | 'wiring_invalid'
  | 'timer_payload_invalid'
  | 'handler_failed'
  | 'adapter_failed'
  | 'backup_failed'
  | 'backup_corrupt'
  | 'cron_matcher_missing'
  | 'matching_invariant_broken'
  | 'inbox_payload_invalid'
  | 'slots_zone_invalid'
  | 'calendar_unauthorized'
  | 'calendar_rate_limited'
  | 'calendar_unavailable'
  | 'calendar_state_invalid'
  | 'calendar_key_invalid'
  | 'http_port_in_use'
  | 'http_host_unusable'
  | 'http_listen_failed'
  | 'unknown';

/**
 * Which platform call failed, so an operator can act on the log: ids and the platform's own
 * stable codes only — never a message's text, a name or a token.
 */
export interface CallDetails {
  /** The platform API method: `chat.postMessage`, `files.uploadV2`, `sendMessage`, … */
  method?: string;
  /** The channel, chat or user id the call was addressed to. */
  target?: string;
  /** The platform's own error code: Slack's `not_in_channel`, Telegram's `bot_blocked`. */
  platformError?: string;
  /** The HTTP status, or Telegram's `error_code`. */
  status?: number;
}

/** The one error type Tandem throws on purpose; everything else is wrapped at a boundary. */
export class TandemError extends Error {
  override readonly name: string = 'TandemError';
  readonly code: ErrorCode;
  /** Set by adapters on a failed platform call. */
  readonly details: CallDetails | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: CallDetails },
  ) {
    super(message, options);
    this.code = code;
    this.details = options?.details;
  }
}

/** Raised by adapters when the platform refused or failed a delivery. */
export class DeliveryError extends TandemError {
  override readonly name = 'DeliveryError';
  /** How long the platform asked us to wait (429 Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: Extract<
      ErrorCode,
      | 'delivery_rate_limited'
      | 'delivery_transient'
      | 'delivery_permanent'
      | 'delivery_recipient_gone'
      | 'delivery_unknown'
    >,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number; details?: CallDetails },
  ) {
    super(code, message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/**
 * Wraps anything thrown into a TandemError so boundaries can log a stable code.
 * Existing TandemErrors pass through untouched.
 */
export function asTandemError(error: unknown, code: ErrorCode = 'unknown'): TandemError {
  if (error instanceof TandemError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TandemError(code, message, { cause: error });
}

/**
 * A failure's stable code, for logs: ours, or the library's (`SQLITE_FULL`, `ECONNREFUSED`,
 * `slack_webapi_request_error`), else the error's class name. Never its message, which may
 * echo input, a path or a token.
 */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown';
}

/** What a code or an id in a log may look like: no spaces, no text, nothing long. */
const LOGGABLE = /^[A-Za-z0-9_.:@-]{1,64}$/;

/** The value when it looks like an id or a stable code; anything else is left out of logs. */
export function loggable(value: unknown): string | undefined {
  return typeof value === 'string' && LOGGABLE.test(value) ? value : undefined;
}

/**
 * A failure's fields for a log line: its stable code and, for a failed platform call, the
 * method, target id and the platform's own code. Anything that does not look like an id or
 * a code is left out rather than risked.
 */
export function failureFields(error: unknown): {
  code: string;
  method?: string;
  target?: string;
  platformError?: string;
  status?: number;
} {
  const details = error instanceof TandemError ? error.details : undefined;
  const method = loggable(details?.method);
  const target = loggable(details?.target);
  const platformError = loggable(details?.platformError);
  return {
    code: codeOf(error),
    ...(method ? { method } : {}),
    ...(target ? { target } : {}),
    ...(platformError ? { platformError } : {}),
    ...(details?.status !== undefined ? { status: details.status } : {}),
  };
}
