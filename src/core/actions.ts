import { z } from 'zod';
import { ACTION_DATA_MAX_BYTES } from './replies';

/**
 * Button payloads: `name|owner|arg…`. `name` is the action id, namespaced by the feature
 * that handles it (`match.ok`); `owner` is the internal id of the only person who may press
 * it (empty for anyone). Kept tiny because Telegram allows 64 bytes.
 */
export interface ActionData {
  name: string;
  owner: number | undefined;
  args: string[];
}

const SEPARATOR = '|';

/** Builds button data; throws on programming errors (too long, separator in an argument). */
export function encodeAction(name: string, owner: number | undefined, ...args: string[]): string {
  for (const part of [name, ...args]) {
    if (part.includes(SEPARATOR)) throw new Error(`action part contains "${SEPARATOR}": ${name}`);
  }
  const data = [name, owner === undefined ? '' : String(owner), ...args].join(SEPARATOR);
  if (Buffer.byteLength(data, 'utf8') > ACTION_DATA_MAX_BYTES) {
    throw new Error(`action data over ${ACTION_DATA_MAX_BYTES} bytes: ${name}`);
  }
  return data;
}

/** Parses button data from the outside world; anything malformed is `undefined`. */
export function decodeAction(data: unknown): ActionData | undefined {
  if (typeof data !== 'string' || data.length === 0) return undefined;
  if (Buffer.byteLength(data, 'utf8') > ACTION_DATA_MAX_BYTES) return undefined;
  const [name, owner, ...args] = data.split(SEPARATOR);
  if (!name || owner === undefined) return undefined;
  if (owner !== '' && !/^\d{1,12}$/.test(owner)) return undefined;
  return { name, owner: owner === '' ? undefined : Number(owner), args };
}

/**
 * The pieces button arguments are parsed with. An argument list is a `z.tuple`, so a
 * missing or an extra part fails as well as a malformed one.
 */
export const arg = {
  /** A row id: digits only (no sign, exponent or spaces, which `Number()` would take). */
  id: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  /** One of a few fixed answers (`y`/`n`, a rating). */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  /** An opaque short token (a form session id, a program name, a draft's hash). */
  token: z.string().min(1).max(40),
};

/** The arguments of a button that carries none but its owner. */
export const noArgs = z.tuple([]);
