/** Bot API limits, checked before calling Telegram. */
export const TELEGRAM_TEXT_MAX = 4096;
export const TELEGRAM_CAPTION_MAX = 1024;
export const TELEGRAM_CALLBACK_DATA_MAX = 64;
export const TELEGRAM_COMMAND_DESCRIPTION_MAX = 256;
/** Deep-link `start` payloads: 1–64 of A–Z a–z 0–9 _ -. */
export const TELEGRAM_START_PAYLOAD_MAX = 64;
/** Buttons per keyboard row for short action buttons (Back, Cancel, Done). */
export const TELEGRAM_ACTIONS_PER_ROW = 3;
/** About 30 messages a second across all chats. */
export const TELEGRAM_GLOBAL_INTERVAL_MS = 34;
/** About one message a second to one private chat. */
export const TELEGRAM_PRIVATE_INTERVAL_MS = 1000;
/** 20 messages a minute to one group. */
export const TELEGRAM_GROUP_INTERVAL_MS = 3000;
/** sendPhoto takes pictures up to 10 MB; bigger ones go as documents. */
export const TELEGRAM_PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Files Telegram shows as photos. */
export const TELEGRAM_PHOTO_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg']);
/**
 * Largest webhook body we read. Real updates are a few kilobytes (4096-character texts,
 * captions, entities, a replied-to message); anything bigger is not Telegram.
 */
export const TELEGRAM_WEBHOOK_BODY_MAX_BYTES = 1024 * 1024;
/** Telegram waits a while for the webhook's answer, then retries: answer before it does. */
export const TELEGRAM_WEBHOOK_ANSWER_MS = 9_000;
