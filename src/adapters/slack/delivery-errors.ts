import { DeliveryError } from '../../core/errors';

/** Platform errors worth retrying; every other platform error means the request itself is wrong. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'team_added_to_org',
]);

interface SlackLikeError {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

/** Maps a Web API failure to the outbox's vocabulary: wait, retry, or give up. */
export function toDeliveryError(error: unknown): DeliveryError {
  const e = (error ?? {}) as SlackLikeError;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return new DeliveryError('delivery_rate_limited', 'slack rate limit', {
        cause: error,
        retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000,
      });
    case 'slack_webapi_platform_error': {
      const reason = e.data?.error ?? 'unknown';
      return TRANSIENT_PLATFORM_ERRORS.has(reason)
        ? new DeliveryError('delivery_transient', `slack: ${reason}`, { cause: error })
        : new DeliveryError('delivery_permanent', `slack: ${reason}`, { cause: error });
    }
    case 'slack_webapi_http_error':
      return (e.statusCode ?? 500) >= 500
        ? new DeliveryError('delivery_transient', `slack http ${e.statusCode}`, { cause: error })
        : new DeliveryError('delivery_permanent', `slack http ${e.statusCode}`, { cause: error });
    case 'slack_webapi_request_error':
      return new DeliveryError('delivery_transient', 'slack unreachable', { cause: error });
    default:
      return new DeliveryError('delivery_unknown', 'slack call failed', { cause: error });
  }
}

/** The Slack error string of a platform error (`not_in_channel`, …), if it is one. */
export function platformErrorOf(error: unknown): string | undefined {
  const e = (error ?? {}) as SlackLikeError;
  return e.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
}
