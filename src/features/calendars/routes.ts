import type { IncomingMessage, ServerResponse } from 'node:http';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import { encodeAction } from '../../core/actions';
import type { EventSink } from '../../core/adapter';
import type { Clock } from '../../core/clock';
import { resolveLocale } from '../../core/engine';
import { codeOf } from '../../core/errors';
import { t as translate } from '../../core/i18n';
import type { Db } from '../../db/client';
import { first } from '../../db/first';
import { userRef } from '../../db/queries/users';
import { type UserRow, users } from '../../db/schema';
import { transact } from '../../db/transact';
import type { HttpRoute } from '../../http/server';
import type { Logger } from '../../logger';
import { CALENDAR_LINKED_ACTION } from './commands';
import { saveLink, spendLink } from './links';
import { sendPage } from './page';
import { CALENDAR_PROVIDER_IDS, type Calendars, calendarsOf, callbackPath } from './setup';
import { type CalendarProviderId, linkKey, openState } from './state';

interface RouteDeps {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
}

/**
 * `GET /oauth/<provider>/callback`, one per configured provider: where the provider sends the
 * person back with a code. The code is exchanged first, outside any transaction (a network
 * call); then the link is stored, sealed, in a short write of its own, and an event handed to
 * the engine tells the person in chat which account was connected. The browser gets a small
 * page in the person's language. Anything wrong — consent refused, a link altered, expired,
 * used before or for another provider, the provider down — gets a page saying so, and
 * nothing is stored. A link works once: the first callback that brings it spends it. Where
 * the platform gives the person's work e-mail, an account with another address is refused
 * (unless CALENDAR_ANY_ACCOUNT): its tokens are dropped, never stored.
 */
export function calendarRoutes(deps: RouteDeps, sink: EventSink): HttpRoute[] {
  const calendars = calendarsOf(deps.config);
  if (!calendars) return [];
  return CALENDAR_PROVIDER_IDS.filter((id) => calendars.providers[id]).map((provider) => ({
    path: callbackPath(provider),
    method: ['GET'],
    handler: (req, res) => {
      callback(deps, calendars, sink, provider, req, res).catch((error: unknown) => {
        deps.logger.error({ code: codeOf(error), provider }, 'calendar callback failed');
        if (!res.headersSent) page(res, 500, deps.config.DEFAULT_LOCALE, 'failed', provider);
      });
    },
  }));
}

type Outcome = 'denied' | 'expired' | 'used' | 'otherAccount' | 'failed';

async function callback(
  deps: RouteDeps,
  calendars: Calendars,
  sink: EventSink,
  provider: CalendarProviderId,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const query = new URL(req.url ?? '/', 'http://tandem.invalid').searchParams;
  const now = deps.clock.now();
  let pending: ReturnType<typeof openState>;
  try {
    pending = openState(calendars.state, query.get('state') ?? '', now.getTime());
  } catch {
    return page(res, 400, deps.config.DEFAULT_LOCALE, 'expired', provider);
  }
  const user = await first(deps.db.select().from(users).where(eq(users.id, pending.user)));
  // A link for another provider's callback, or for someone who has left since.
  if (pending.provider !== provider || !user || user.leftAt)
    return page(res, 400, deps.config.DEFAULT_LOCALE, 'expired', provider);
  const locale = resolveLocale(user, deps.config.DEFAULT_LOCALE);
  const log = { provider, userId: user.id };
  // Single use: whatever happens next (consent refused, the provider down), this link is
  // spent. A forwarded copy, a second tab or a reload gets a page saying so.
  const fresh = await transact(deps.db, (tx) =>
    spendLink(tx, linkKey(pending), new Date(pending.until), now),
  );
  if (!fresh) {
    deps.logger.info({ ...log, code: 'calendar_link_used' }, 'calendar link used again');
    return page(res, 400, locale, 'used', provider);
  }
  if (query.get('error')) {
    // The provider's own code (access_denied, consent_required…) is a stable word; logged.
    deps.logger.info(
      { ...log, code: `oauth_${safeCode(query.get('error'))}` },
      'calendar not connected',
    );
    return page(res, 200, locale, 'denied', provider);
  }
  const code = query.get('code');
  const client = calendars.providers[provider];
  if (!code || !client) return page(res, 400, locale, 'expired', provider);

  let connected: Awaited<ReturnType<typeof client.exchange>>;
  try {
    connected = await client.exchange({
      code,
      verifier: pending.verifier,
      redirectUri: calendars.redirectUri(provider),
      now: now.getTime(),
    });
  } catch (error) {
    deps.logger.warn({ ...log, code: codeOf(error) }, 'calendar code not exchanged');
    return page(res, 502, locale, 'failed', provider);
  }
  // Bound to the person where the platform vouches for their work e-mail: a link opened by
  // someone else (forwarded, or sent to lure them) connects nobody's calendar but the owner's.
  const { addresses, ...tokens } = connected;
  const email = user.email;
  if (!deps.config.CALENDAR_ANY_ACCOUNT && email && !addresses.some((a) => sameAddress(email, a))) {
    deps.logger.warn({ ...log, code: 'calendar_account_mismatch' }, 'calendar not connected');
    return page(res, 403, locale, 'otherAccount', provider);
  }
  const account = tokens.account ?? translate(locale, `cal.provider.${provider}`);
  const stored = deps.clock.now();
  const linkId = await transact(deps.db, (tx) =>
    saveLink(tx, calendars.tokens, { userId: user.id, provider, account, tokens }, stored),
  );
  if (linkId === undefined) return page(res, 500, locale, 'failed', provider);
  deps.logger.info(log, 'calendar connected');
  await sink.accept(linkedEvent(user, linkId, stored));
  sendPage(res, 200, {
    lang: locale,
    title: translate(locale, 'cal.page.title'),
    lines: [
      translate(locale, 'cal.page.connected', {
        provider: translate(locale, `cal.provider.${provider}`),
        account,
      }),
      translate(locale, 'cal.page.back'),
    ],
  });
}

/** The event that tells the person: theirs, in their DM, once per stored connection. */
function linkedEvent(user: UserRow, linkId: number, at: Date) {
  const ref = userRef(user);
  return {
    type: 'action' as const,
    id: `calendar:${linkId}:${at.getTime()}`,
    user: { ref },
    conversation: { ...ref, kind: 'dm' as const },
    data: encodeAction(CALENDAR_LINKED_ACTION, user.id, String(linkId)),
  };
}

function page(
  res: ServerResponse,
  status: number,
  locale: ReturnType<typeof resolveLocale>,
  outcome: Outcome,
  provider: CalendarProviderId,
): void {
  const providerName = translate(locale, `cal.provider.${provider}`);
  const line =
    outcome === 'failed'
      ? translate(locale, 'cal.page.failed', { provider: providerName })
      : translate(locale, `cal.page.${outcome}`);
  sendPage(res, status, {
    lang: locale,
    title: translate(locale, 'cal.page.title'),
    lines: [line, translate(locale, 'cal.page.back')],
  });
}

const sameAddress = (known: string, account: string) =>
  known.trim().toLowerCase() === account.trim().toLowerCase();

const safeCode = (text: string | null) => (text ?? '').replace(/[^a-z_]/gi, '').slice(0, 40);
