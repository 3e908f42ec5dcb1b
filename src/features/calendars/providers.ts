import { z } from 'zod';
import { TandemError } from '../../core/errors';
import type { Interval } from '../scheduling/intervals';
import type { CalendarProviderId } from './state';

/**
 * Google Calendar and Microsoft 365 behind one shape: the OAuth authorization-code flow with
 * PKCE, token refresh, and free/busy for a time range — nothing else is read (Google
 * `freeBusy`, Microsoft Graph `getSchedule`: busy times, never titles or guests).
 */
export interface Tokens {
  access: string;
  refresh: string;
  /** Epoch ms the access token stops working. */
  expiresAt: number;
  /** The mailbox to ask about (Microsoft's getSchedule names it). */
  account?: string;
}

/**
 * What an exchange gives: the tokens, and every address the signed-in account answers to
 * (Microsoft's `mail` and `userPrincipalName` may differ), to match the person's work e-mail.
 */
export type Connected = Tokens & { addresses: string[] };

export interface CalendarProvider {
  id: CalendarProviderId;
  /** `loginHint`: the work e-mail Tandem knows for the person, offered as the account. */
  authorizeUrl(input: {
    state: string;
    challenge: string;
    redirectUri: string;
    loginHint?: string;
  }): string;
  exchange(input: {
    code: string;
    verifier: string;
    redirectUri: string;
    now: number;
  }): Promise<Connected>;
  refresh(tokens: Tokens, now: number): Promise<Tokens>;
  busy(tokens: Tokens, range: Interval): Promise<Interval[]>;
}

export interface ProviderConfig {
  clientId: string;
  clientSecret: string;
  /** Overrides of the real endpoints (tests: local fakes). */
  authUrl?: string;
  tokenUrl?: string;
  apiUrl?: string;
  /**
   * Microsoft: the directory. `organizations` (the default) admits any work or school
   * account; personal Microsoft accounts are left out because getSchedule does not serve them.
   */
  tenant?: string;
  timeoutMs?: number;
}

/** A provider that does not answer within this is taken as down for this suggestion. */
export const CALENDAR_TIMEOUT_MS = 5_000;
/** An access token this close to expiry is refreshed before use. */
export const CALENDAR_REFRESH_MARGIN_MS = 60_000;

/** Free/busy, and the account's address (`openid email`) to show the person which one it is. */
export const GOOGLE_SCOPE = 'openid email https://www.googleapis.com/auth/calendar.freebusy';
export const MICROSOFT_SCOPE = 'offline_access User.Read Calendars.ReadBasic';

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().optional(),
});

export function createGoogleCalendar(config: ProviderConfig): CalendarProvider {
  const authUrl = config.authUrl ?? 'https://accounts.google.com/o/oauth2/v2/auth';
  const tokenUrl = config.tokenUrl ?? 'https://oauth2.googleapis.com/token';
  const apiUrl = config.apiUrl ?? 'https://www.googleapis.com';
  const timeout = config.timeoutMs ?? CALENDAR_TIMEOUT_MS;
  const FreeBusy = z.object({
    calendars: z.record(
      z.string(),
      z.object({
        busy: z.array(z.object({ start: z.string(), end: z.string() })).default([]),
        errors: z.array(z.object({ reason: z.string() })).optional(),
      }),
    ),
  });
  return {
    id: 'google',
    authorizeUrl: ({ state, challenge, redirectUri, loginHint }) =>
      withQuery(authUrl, {
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: GOOGLE_SCOPE,
        // A refresh token, so suggestions work after the first hour.
        access_type: 'offline',
        prompt: 'consent',
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...(loginHint ? { login_hint: loginHint } : {}),
      }),
    async exchange({ code, verifier, redirectUri, now }) {
      const answer = await tokenCall(tokenUrl, timeout, {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: redirectUri,
        client_id: config.clientId,
        client_secret: config.clientSecret,
      });
      if (!answer.refresh_token)
        throw new TandemError('calendar_unauthorized', 'google gave no refresh token');
      const account = emailOf(answer.id_token);
      return {
        ...tokensOf(answer, now),
        ...(account ? { account } : {}),
        addresses: account ? [account] : [],
      };
    },
    async refresh(tokens, now) {
      const answer = await tokenCall(tokenUrl, timeout, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh,
        client_id: config.clientId,
        client_secret: config.clientSecret,
      });
      return { ...tokensOf(answer, now, tokens.refresh), ...accountOf(tokens) };
    },
    async busy(tokens, range) {
      const body = await apiCall(`${apiUrl}/calendar/v3/freeBusy`, timeout, tokens, {
        timeMin: new Date(range.from).toISOString(),
        timeMax: new Date(range.to).toISOString(),
        items: [{ id: 'primary' }],
      });
      const parsed = FreeBusy.safeParse(body);
      const primary = parsed.success ? parsed.data.calendars.primary : undefined;
      if (!primary || primary.errors?.length)
        throw new TandemError('calendar_unavailable', 'google freeBusy gave no primary calendar');
      return primary.busy.map((b) => ({ from: Date.parse(b.start), to: Date.parse(b.end) }));
    },
  };
}

export function createMicrosoftCalendar(config: ProviderConfig): CalendarProvider {
  const tenant = config.tenant ?? 'organizations';
  const login = `https://login.microsoftonline.com/${tenant}/oauth2/v2.0`;
  const authUrl = config.authUrl ?? `${login}/authorize`;
  const tokenUrl = config.tokenUrl ?? `${login}/token`;
  const apiUrl = config.apiUrl ?? 'https://graph.microsoft.com';
  const timeout = config.timeoutMs ?? CALENDAR_TIMEOUT_MS;
  const Me = z.object({ mail: z.string().nullish(), userPrincipalName: z.string() });
  const Schedule = z.object({
    value: z
      .array(
        z.object({
          scheduleItems: z
            .array(
              z.object({
                status: z.string(),
                start: z.object({ dateTime: z.string() }),
                end: z.object({ dateTime: z.string() }),
              }),
            )
            .default([]),
          error: z.unknown().optional(),
        }),
      )
      .min(1),
  });
  const form = (grant: Record<string, string>) => ({
    ...grant,
    client_id: config.clientId,
    client_secret: config.clientSecret,
    scope: MICROSOFT_SCOPE,
  });
  return {
    id: 'microsoft',
    authorizeUrl: ({ state, challenge, redirectUri, loginHint }) =>
      withQuery(authUrl, {
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        response_mode: 'query',
        scope: MICROSOFT_SCOPE,
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...(loginHint ? { login_hint: loginHint } : {}),
      }),
    async exchange({ code, verifier, redirectUri, now }) {
      const answer = await tokenCall(
        tokenUrl,
        timeout,
        form({
          grant_type: 'authorization_code',
          code,
          code_verifier: verifier,
          redirect_uri: redirectUri,
        }),
      );
      if (!answer.refresh_token)
        throw new TandemError('calendar_unauthorized', 'microsoft gave no refresh token');
      const tokens = tokensOf(answer, now);
      // getSchedule asks about a mailbox by address: the person's own, read once here.
      const me = Me.safeParse(await apiCall(`${apiUrl}/v1.0/me`, timeout, tokens));
      if (!me.success) throw new TandemError('calendar_unavailable', 'microsoft /me did not parse');
      const addresses = [me.data.mail, me.data.userPrincipalName].filter(
        (a): a is string => typeof a === 'string' && a !== '',
      );
      return { ...tokens, account: me.data.mail ?? me.data.userPrincipalName, addresses };
    },
    async refresh(tokens, now) {
      // Microsoft hands out a new refresh token each time: the old one is kept only if not.
      const answer = await tokenCall(
        tokenUrl,
        timeout,
        form({ grant_type: 'refresh_token', refresh_token: tokens.refresh }),
      );
      return { ...tokensOf(answer, now, tokens.refresh), ...accountOf(tokens) };
    },
    async busy(tokens, range) {
      if (!tokens.account) throw new TandemError('calendar_unauthorized', 'no mailbox known');
      const utc = (ms: number) => ({
        dateTime: new Date(ms).toISOString().slice(0, 19),
        timeZone: 'UTC',
      });
      const body = await apiCall(`${apiUrl}/v1.0/me/calendar/getSchedule`, timeout, tokens, {
        schedules: [tokens.account],
        startTime: utc(range.from),
        endTime: utc(range.to),
        availabilityViewInterval: 15,
      });
      const parsed = Schedule.safeParse(body);
      const schedule = parsed.success ? parsed.data.value[0] : undefined;
      if (!schedule || schedule.error !== undefined)
        throw new TandemError('calendar_unavailable', 'microsoft getSchedule gave no schedule');
      // Tentative and out-of-office block a suggestion too; "working elsewhere" does not.
      return schedule.scheduleItems
        .filter((item) => ['busy', 'tentative', 'oof'].includes(item.status.toLowerCase()))
        .map((item) => ({ from: utcMs(item.start.dateTime), to: utcMs(item.end.dateTime) }));
    },
  };
}

/**
 * The address in an ID token. Read without checking its signature: it came straight from
 * the token endpoint over TLS (OpenID Connect Core 3.1.3.7), and it only labels the link.
 */
function emailOf(idToken: string | undefined): string | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const email = z.object({ email: z.email() }).safeParse(claims);
    return email.success ? email.data.email : undefined;
  } catch {
    return undefined;
  }
}

/** Graph writes `2026-12-01T09:00:00.0000000` for a UTC time: seven decimals, no zone. */
function utcMs(dateTime: string): number {
  const [whole, fraction = '0'] = dateTime.replace(/Z$/, '').split('.');
  return Date.parse(`${whole}.${fraction.padEnd(3, '0').slice(0, 3)}Z`);
}

function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

function tokensOf(answer: z.infer<typeof TokenAnswer>, now: number, previous?: string): Tokens {
  return {
    access: answer.access_token,
    refresh: answer.refresh_token ?? previous ?? '',
    expiresAt: now + answer.expires_in * 1000,
  };
}

const accountOf = (tokens: Tokens) => (tokens.account ? { account: tokens.account } : {});

async function tokenCall(
  url: string,
  timeout: number,
  form: Record<string, string>,
): Promise<z.infer<typeof TokenAnswer>> {
  const body = await call(url, timeout, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const parsed = TokenAnswer.safeParse(body);
  if (!parsed.success) throw new TandemError('calendar_unavailable', 'token answer did not parse');
  return parsed.data;
}

function apiCall(url: string, timeout: number, tokens: Tokens, json?: unknown): Promise<unknown> {
  return call(url, timeout, {
    method: json === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${tokens.access}`,
      accept: 'application/json',
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      // Graph answers getSchedule's times in UTC (the request names UTC too).
      prefer: 'outlook.timezone="UTC"',
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
}

/** Token-endpoint answers that mean the person must connect again (OAuth 2, Microsoft). */
const REFUSED_GRANTS = new Set(['invalid_grant', 'interaction_required', 'consent_required']);

/**
 * One HTTP call, its failures sorted by what the person must do: 401 (or a refused refresh
 * token, `invalid_grant`) → reconnect; 429 → later; anything else, a timeout included → the
 * provider is down for now. Never logs or throws a token or a body.
 */
async function call(url: string, timeout: number, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeout) });
  } catch (cause) {
    throw new TandemError('calendar_unavailable', 'calendar provider unreachable', { cause });
  }
  const details = { status: response.status };
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body;
  const grant = (body as { error?: unknown } | undefined)?.error;
  if (response.status === 401 || (typeof grant === 'string' && REFUSED_GRANTS.has(grant)))
    throw new TandemError('calendar_unauthorized', 'calendar access refused', { details });
  if (response.status === 429)
    throw new TandemError('calendar_rate_limited', 'calendar provider asks to wait', { details });
  throw new TandemError('calendar_unavailable', 'calendar provider failed', { details });
}
