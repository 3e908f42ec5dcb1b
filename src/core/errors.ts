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
  | 'handler_failed'
  | 'adapter_failed'
  | 'backup_failed'
  | 'backup_corrupt'
  | 'cron_matcher_missing'
  | 'unknown';

/** The one error type Tandem throws on purpose; everything else is wrapped at a boundary. */
export class TandemError extends Error {
  override readonly name: string = 'TandemError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
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
    options?: { cause?: unknown; retryAfterMs?: number },
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
