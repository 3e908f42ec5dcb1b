/** Block Kit and Web API limits, checked before calling Slack so nothing is rejected there. */
export const SLACK_MAX_BLOCKS_PER_MESSAGE = 50;
export const SLACK_MAX_BLOCKS_PER_VIEW = 100;
export const SLACK_SECTION_TEXT_MAX = 3000;
/** A context block element's text. */
export const SLACK_CONTEXT_TEXT_MAX = 2000;
export const SLACK_HEADER_TEXT_MAX = 150;
export const SLACK_BUTTON_TEXT_MAX = 75;
export const SLACK_ACTION_ELEMENTS_MAX = 25;
export const SLACK_SELECT_OPTIONS_MAX = 100;
export const SLACK_OPTION_TEXT_MAX = 75;
export const SLACK_RADIO_OPTIONS_MAX = 10;
export const SLACK_CHECKBOX_OPTIONS_MAX = 10;
export const SLACK_VIEW_TITLE_MAX = 24;
export const SLACK_INPUT_LABEL_MAX = 2000;
export const SLACK_INPUT_HINT_MAX = 2000;
export const SLACK_PLAIN_INPUT_MAX = 3000;
/** A view's `private_metadata` (where a modal carries its form's state), in characters. */
export const SLACK_PRIVATE_METADATA_MAX = 3000;
/** The notification/fallback `text` of a message; the blocks carry the full content. */
export const SLACK_FALLBACK_TEXT_MAX = 3000;
/** Single-choice questions with this many options or fewer are shown as buttons. */
export const SLACK_CHOICE_BUTTONS_MAX = 5;
/** Multi-select questions up to this size are toggle buttons; larger ones a multi-select menu. */
export const SLACK_TOGGLE_BUTTONS_MAX = 24;
/**
 * Slack allows about one message a second per channel. The adapter counts this from when the
 * previous call's answer arrived, so only timer rounding needs the few milliseconds on top.
 */
export const SLACK_CHANNEL_MIN_INTERVAL_MS = 1002;
/** How long a users.info answer (name, locale, zone) is trusted. */
export const SLACK_USER_CACHE_MS = 60 * 60 * 1000;
/** No Web API call may hang longer than this (fetch's own default is minutes). */
export const SLACK_API_TIMEOUT_MS = 10_000;
/**
 * How long a modal's submit waits for its form to run before the ack goes without it
 * (Slack drops an ack after 3 s; the answer also has to travel back).
 */
export const SLACK_FORM_ACK_BUDGET_MS = 2_500;
/** users.info gets this long before an event goes on without the name/locale/zone. */
export const SLACK_USER_INFO_DEADLINE_MS = 1500;
/**
 * How far a request's timestamp may be from now, either way. Slack signs the time it sent
 * the request; Bolt refuses older ones, and a timestamp this far ahead is as suspect as a
 * stale one (a signed request captured now could otherwise be replayed later).
 */
export const SLACK_REQUEST_MAX_SKEW_S = 5 * 60;
/** Slack's own request bodies stay far below this; Bolt's default is 4 MB. */
export const SLACK_REQUEST_BODY_MAX = 1024 * 1024;

/** Where Slack posts events, commands and interactions (Bolt's default endpoint). */
export const SLACK_EVENTS_PATH = '/slack/events';
