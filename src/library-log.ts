/**
 * What a library's own log line (Bolt, the Slack Web API client, grammY) may carry into
 * Tandem's logs. Those lines are written for a developer at a terminal: some hold a whole
 * request or response (`http request body: {…}`, Bolt's `JSON.stringify(body)` at debug),
 * some an error whose message echoes input. Forwarded as they are, they would put message
 * text, names and tokens into production logs, so each is cut down to its leading prose.
 */

/** The longest library message forwarded; what matters in these lines comes first. */
export const LIBRARY_MESSAGE_MAX = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what it removes
const ANSI = /\u001B\[[0-9;]*m/g;

/** A terminal line without its colour codes. */
export function withoutColour(text: string): string {
  return text.replace(ANSI, '');
}
/**
 * Where embedded data starts: JSON (a payload, a response, headers) or quoted input (an
 * error quoting what it could not parse). Everything from there on is dropped.
 */
const DATA_START = /[{["`]/;
/** Secrets that may still sit in the prose part, each with what replaces it. */
const SECRETS: readonly [RegExp, string][] = [
  // Slack bot, user, app-level and refresh tokens.
  [/\bxox[a-z]-[A-Za-z0-9-]+/g, '[redacted]'],
  [/\bxapp-[A-Za-z0-9-]+/g, '[redacted]'],
  // A Telegram bot token, alone or in a Bot API URL (`/bot<token>/sendMessage`).
  [/\bbot\d+:[A-Za-z0-9_-]+/g, 'bot[redacted]'],
  [/\b\d{5,}:[A-Za-z0-9_-]{30,}/g, '[redacted]'],
  [/\bBearer\s+\S+/gi, 'Bearer [redacted]'],
  // The URL Slack hands out for a file upload (files.getUploadURLExternal) carries a
  // short-lived upload token in its path, and the Web API client logs it at debug
  // (`http request url: https://files.slack.com/upload/v1/<token>`): all after `/upload/` goes.
  [/(\/upload\/)[^\s?#]+/gi, '$1[redacted]'],
  // Query strings of URLs and paths carry codes, states and signatures; the path says enough.
  [/([^\s?#]*\/[^\s?#]*)[?#]\S*/g, '$1?[redacted]'],
];

export interface LibraryLine {
  msg: string;
  /** The class (and stable code) of an error the library passed along, never its message. */
  err?: string;
}

/**
 * The forwardable part of a library log call's arguments: its strings, without colour codes,
 * cut before the first embedded data, with tokens redacted, on one line and at most
 * LIBRARY_MESSAGE_MAX characters. Objects are never forwarded; an Error only by its name and
 * code. Undefined when nothing is left.
 */
export function scrubLibraryMessage(args: readonly unknown[]): LibraryLine | undefined {
  let err: string | undefined;
  const parts: string[] = [];
  for (const arg of args) {
    if (typeof arg === 'string') parts.push(arg);
    else if (typeof arg === 'number' || typeof arg === 'boolean') parts.push(String(arg));
    else if (arg instanceof Error && !err) err = errorName(arg);
  }
  let msg = withoutColour(parts.join(' '));
  const cut = msg.search(DATA_START);
  // A line that is nothing but data (Bolt logs a whole request so) has nothing to forward.
  if (cut >= 0) msg = msg.slice(0, cut).trim() ? `${msg.slice(0, cut)}…` : '';
  for (const [pattern, replacement] of SECRETS) msg = msg.replace(pattern, replacement);
  msg = msg.replace(/\s+/g, ' ').trim();
  if (msg.length > LIBRARY_MESSAGE_MAX) msg = `${msg.slice(0, LIBRARY_MESSAGE_MAX - 1)}…`;
  if (!msg && !err) return undefined;
  return { msg, ...(err ? { err } : {}) };
}

function errorName(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code)
    ? `${error.name}:${code}`
    : error.name;
}
