import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TandemError } from '../../core/errors';

/**
 * Calendar tokens at rest: AES-256-GCM under a key from the environment
 * (`CALENDAR_TOKEN_KEY`, 32 bytes as base64 or hex). A database file that leaks does not
 * leak anyone's calendar; a changed or missing key makes every stored token unreadable,
 * which reads as "reconnect", never as someone else's calendar.
 */
export interface Sealer {
  seal(plain: string): string;
  /** The plain text, or undefined when the box was not sealed with this key (or altered). */
  open(box: string): string | undefined;
}

const VERSION = 'v1';

export function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32)
    throw new TandemError(
      'calendar_key_invalid',
      'CALENDAR_TOKEN_KEY must be 32 bytes (base64 or hex)',
    );
  return key;
}

/**
 * `purpose` is bound into each box (GCM's additional data): a box sealed for one use (a
 * connection link's state) never opens as another (a stored token), under the same key.
 */
export function createSealer(key: Buffer, purpose: 'state' | 'tokens'): Sealer {
  const aad = Buffer.from(`tandem.calendar.${purpose}`);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, body, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(box) {
      const [version, iv, body, tag] = box.split('.');
      if (version !== VERSION || !iv || body === undefined || !tag) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(aad);
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(body, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
