import { GrammyError, HttpError } from 'grammy';
import { type CallDetails, DeliveryError } from '../../core/errors';

/**
 * Telegram's descriptions, as stable codes. A description is prose that may quote what was
 * sent ("can't parse entities: … at byte offset 12"), so it is never logged as it is.
 */
const REASONS: readonly [RegExp, string][] = [
  [/bot was blocked by the user/i, 'bot_blocked'],
  [/user is deactivated/i, 'user_deactivated'],
  [/bot was kicked/i, 'bot_kicked'],
  [/bot is not a member/i, 'bot_not_member'],
  [/can't initiate conversation/i, 'cant_initiate_conversation'],
  [/chat not found/i, 'chat_not_found'],
  [/chat was deleted|chat was deactivated/i, 'chat_deleted'],
  [/member list is inaccessible/i, 'member_list_inaccessible'],
  [/user not found/i, 'user_not_found'],
  [/not enough rights|have no rights|need administrator rights/i, 'not_enough_rights'],
  [/group chat was upgraded/i, 'chat_migrated'],
  [/message is too long/i, 'message_too_long'],
  [/can't parse entities/i, 'cant_parse_entities'],
  [/message is not modified/i, 'message_not_modified'],
  [/message to edit not found/i, 'message_to_edit_not_found'],
  [/message can't be edited/i, 'message_cant_be_edited'],
  [/query is too old/i, 'query_too_old'],
  [/too many requests/i, 'too_many_requests'],
  [/wrong file|failed to get http url content|wrong type of the web page/i, 'bad_file'],
];

/**
 * A Telegram error description as a stable code: a known phrase's code, else Telegram's own
 * upper-case code (`PEER_ID_INVALID`), else the category before the colon (`bad_request`).
 */
export function telegramReason(description: string): string {
  for (const [pattern, reason] of REASONS) if (pattern.test(description)) return reason;
  const upper = description.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/)?.[0];
  if (upper) return upper.toLowerCase();
  const category = description.split(':')[0]?.trim() ?? '';
  return /^[A-Za-z ]{1,40}$/.test(category) ? category.toLowerCase().replace(/ /g, '_') : 'other';
}

/** What a failed Bot API call was: its method, the chat it was for, Telegram's code. */
function detailsOf(error: GrammyError | HttpError): CallDetails {
  if (error instanceof GrammyError) {
    const chat = (error.payload as { chat_id?: unknown }).chat_id;
    return {
      method: error.method,
      ...(typeof chat === 'number' || typeof chat === 'string' ? { target: String(chat) } : {}),
      platformError: telegramReason(error.description),
      status: error.error_code,
    };
  }
  // grammY names the method in the message: "Network request for 'sendMessage' failed!"
  const method = error.message.match(/'([A-Za-z]+)'/)?.[1];
  return { ...(method ? { method } : {}), platformError: 'network_error' };
}

/** Maps a Bot API failure to the outbox's vocabulary: wait, retry, give up, or "they're gone". */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof GrammyError) {
    const code = error.error_code;
    const details = detailsOf(error);
    if (code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      return new DeliveryError('delivery_rate_limited', 'telegram rate limit', {
        cause: error,
        retryAfterMs: seconds * 1000,
        details,
      });
    }
    // Blocked by the person, kicked from the group, or the account is gone.
    if (
      code === 403 ||
      (code === 400 && /chat not found|user not found/i.test(error.description))
    ) {
      return new DeliveryError('delivery_recipient_gone', `telegram ${code}`, {
        cause: error,
        details,
      });
    }
    if (code >= 500)
      return new DeliveryError('delivery_transient', `telegram ${code}`, { cause: error, details });
    return new DeliveryError('delivery_permanent', `telegram ${code}`, { cause: error, details });
  }
  if (error instanceof HttpError)
    return new DeliveryError('delivery_transient', 'telegram unreachable', {
      cause: error,
      details: detailsOf(error),
    });
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
