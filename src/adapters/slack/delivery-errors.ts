import { type CallDetails, DeliveryError } from '../../core/errors';

/** Platform errors worth retrying; every other platform error means the request itself is wrong. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'team_added_to_org',
]);

/**
 * Platform errors that say the person can't be written to at all (deactivated, deleted): the
 * outbox stops knocking until they write again, as with a Telegram user who blocked the bot.
 */
const RECIPIENT_GONE_PLATFORM_ERRORS = new Set(['user_disabled', 'user_not_found']);

interface SlackLikeError {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

/**
 * Maps a Web API failure to the outbox's vocabulary: wait, retry, or give up. `call` names
 * the method and the channel or user it was for, so the log says what failed where; an
 * error mapped already (by an inner call) passes through unchanged.
 */
export function toDeliveryError(
  error: unknown,
  call?: { method: string; target?: string },
): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as SlackLikeError;
  const details = (extra: Omit<CallDetails, 'method' | 'target'> = {}): CallDetails => ({
    ...(call?.method ? { method: call.method } : {}),
    ...(call?.target ? { target: call.target } : {}),
    ...extra,
  });
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return new DeliveryError('delivery_rate_limited', 'slack rate limit', {
        cause: error,
        retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000,
        details: details({ platformError: 'ratelimited', status: 429 }),
      });
    case 'slack_webapi_platform_error': {
      const reason = e.data?.error ?? 'unknown';
      const options = { cause: error, details: details({ platformError: reason }) };
      if (RECIPIENT_GONE_PLATFORM_ERRORS.has(reason))
        return new DeliveryError('delivery_recipient_gone', `slack: ${reason}`, options);
      return TRANSIENT_PLATFORM_ERRORS.has(reason)
        ? new DeliveryError('delivery_transient', `slack: ${reason}`, options)
        : new DeliveryError('delivery_permanent', `slack: ${reason}`, options);
    }
    case 'slack_webapi_http_error': {
      const options = { cause: error, details: details({ status: e.statusCode ?? 500 }) };
      return (e.statusCode ?? 500) >= 500
        ? new DeliveryError('delivery_transient', `slack http ${e.statusCode}`, options)
        : new DeliveryError('delivery_permanent', `slack http ${e.statusCode}`, options);
    }
    case 'slack_webapi_request_error':
      return new DeliveryError('delivery_transient', 'slack unreachable', {
        cause: error,
        details: details({ platformError: 'request_error' }),
      });
    default:
      return new DeliveryError('delivery_unknown', 'slack call failed', {
        cause: error,
        details: details(),
      });
  }
}

/** The Slack error string of a platform error (`not_in_channel`, …), if it is one. */
export function platformErrorOf(error: unknown): string | undefined {
  if (error instanceof DeliveryError) return platformErrorOf(error.cause);
  const e = (error ?? {}) as SlackLikeError;
  return e.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
}
