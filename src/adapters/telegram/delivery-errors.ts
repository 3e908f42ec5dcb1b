import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../../core/errors';

/** Maps a Bot API failure to the outbox's vocabulary: wait, retry, give up, or "they're gone". */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof GrammyError) {
    const code = error.error_code;
    if (code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      return new DeliveryError('delivery_rate_limited', 'telegram rate limit', {
        cause: error,
        retryAfterMs: seconds * 1000,
      });
    }
    // Blocked by the person, kicked from the group, or the account is gone.
    if (
      code === 403 ||
      (code === 400 && /chat not found|user not found/i.test(error.description))
    ) {
      return new DeliveryError('delivery_recipient_gone', `telegram ${code}`, { cause: error });
    }
    if (code >= 500)
      return new DeliveryError('delivery_transient', `telegram ${code}`, { cause: error });
    return new DeliveryError('delivery_permanent', `telegram ${code}`, { cause: error });
  }
  if (error instanceof HttpError)
    return new DeliveryError('delivery_transient', 'telegram unreachable', { cause: error });
  return new DeliveryError('delivery_unknown', 'telegram call failed', { cause: error });
}

/** Telegram's answer when an edit changes nothing: not a failure. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && /message is not modified/i.test(error.description);
}

/** The message can't be edited (too old, gone): post a new one instead. */
export function cannotEdit(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i.test(error.description)
  );
}
