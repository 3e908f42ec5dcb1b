import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { TandemError } from '../../core/errors';
import type { Sealer } from './sealed';

/**
 * An OAuth round trip without a pending row: the `state` parameter carries, sealed, who
 * asked, for which provider, until when, and the PKCE verifier. The provider hands it back
 * on the callback; nobody else can make or read one, an old one is refused, and one already
 * used is refused too (`spendLink` keeps the used ones until they would have expired).
 */
export const STATE_TTL_MS = 10 * 60_000;

const Pending = z.object({
  user: z.number().int(),
  provider: z.enum(['google', 'microsoft']),
  verifier: z.string().min(43).max(128),
  until: z.number(),
});
export type PendingConnection = z.infer<typeof Pending>;
export type CalendarProviderId = PendingConnection['provider'];

/** A new PKCE pair (RFC 7636, S256). */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * What marks a link as used (see `spendLink`): a hash of its verifier, a secret only Tandem
 * can read out of the sealed state, so the stored key reveals nothing and names no one.
 */
export function linkKey(pending: PendingConnection): string {
  return createHash('sha256')
    .update(`tandem.calendar.link:${pending.verifier}`)
    .digest('base64url');
}

export function sealState(sealer: Sealer, pending: PendingConnection): string {
  return sealer.seal(JSON.stringify(pending));
}

/** The pending connection a callback's `state` names; throws `calendar_state_invalid`. */
export function openState(sealer: Sealer, state: string, now: number): PendingConnection {
  const plain = sealer.open(state);
  let parsed: unknown;
  try {
    parsed = plain === undefined ? undefined : JSON.parse(plain);
  } catch {
    parsed = undefined;
  }
  const pending = Pending.safeParse(parsed);
  if (!pending.success || pending.data.until < now)
    throw new TandemError('calendar_state_invalid', 'the connection link is unknown or expired');
  return pending.data;
}
