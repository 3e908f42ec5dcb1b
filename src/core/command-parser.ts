/** Longest command name we accept; anything longer is not a command of ours. */
export const COMMAND_NAME_MAX = 32;

export interface ParsedCommand {
  name: string;
  args: string;
}

/**
 * Parses `/name args` (Telegram may add `@botname`). Returns undefined for anything that is
 * not a command, so the caller treats it as plain text.
 */
export function parseCommand(input: string): ParsedCommand | undefined {
  const text = input.trim();
  const match = /^\/([A-Za-z][A-Za-z0-9_]*)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match?.[1] || match[1].length > COMMAND_NAME_MAX) return undefined;
  return { name: match[1].toLowerCase(), args: (match[2] ?? '').trim() };
}

/**
 * Splits arguments on whitespace, keeping quoted parts together — "straight", “curly”,
 * «French» or „German“ quotes, as phones and Russian keyboards type them — each trimmed,
 * its inner spaces collapsed. An opening quote never closed stays on its word (see `isName`).
 */
export function splitArgs(args: string): string[] {
  const out: string[] = [];
  for (const m of args.matchAll(/"([^"]*)"|“([^”“]*)[”“]|«([^»]*)»|„([^“”]*)[“”]|(\S+)/g)) {
    const quoted = m[1] ?? m[2] ?? m[3] ?? m[4];
    out.push(quoted === undefined ? (m[5] ?? '') : quoted.trim().replace(/\s+/g, ' '));
  }
  return out;
}

/** What opens a quoted part (see `splitArgs`). */
const QUOTES = /^["“”«»„]/;

/** A name given as an argument: not blank, and not the first word of a quote left open. */
export function isName(value: string): boolean {
  return value.trim() !== '' && !QUOTES.test(value);
}

/** A command name someone typed, short enough to quote back in a reply. */
export function clipName(name: string): string {
  return name.length > 32 ? `${name.slice(0, 31)}…` : name;
}
