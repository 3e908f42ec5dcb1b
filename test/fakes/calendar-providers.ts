import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Google's and Microsoft's OAuth and free/busy endpoints, strict where
 * the real ones are: a code works once, with the PKCE verifier of its challenge and the same
 * redirect URI; a refresh token must be known (Microsoft's is replaced at each use); an
 * access token is refused (401) once expired or revoked. Tests can make the next call of a
 * path fail (a status, or no answer at all) and see every call made.
 */
type Provider = 'google' | 'microsoft';

export interface FakeCalendars {
  url: string;
  /** What a browser would do: the person approves, the provider redirects with a code. */
  approve(authorizeUrl: string): { code: string; state: string; redirectUri: string };
  /** Busy times served for the provider's account. */
  setBusy(provider: Provider, busy: { start: string; end: string; status?: string }[]): void;
  /** The next call to a path answers this status (or never answers: `hang`). */
  failNext(path: string, how: number | 'hang'): void;
  /** Access tokens given so far stop working (as after an hour). */
  expireAccess(): void;
  /** The person revoked Tandem's access: refresh tokens stop working too. */
  revoke(): void;
  calls: { path: string; authorization?: string; body: string }[];
  close(): Promise<void>;
}

export const FAKE_MAILBOX = 'ann@example.com';
/** The Microsoft account's sign-in name, which differs from its mailbox (as aliases do). */
export const FAKE_PRINCIPAL = 'ann.lee@example.onmicrosoft.com';

/** The OAuth clients each fake provider knows (the tests' registrations). */
export const FAKE_CLIENTS: Record<Provider, { id: string; secret: string }> = {
  google: { id: 'g-client', secret: 'g-secret' },
  microsoft: { id: 'm-client', secret: 'm-secret' },
};

export async function startFakeCalendars(): Promise<FakeCalendars> {
  const codes = new Map<string, { challenge: string; redirectUri: string; provider: Provider }>();
  const access = new Map<string, Provider>();
  const refresh = new Map<string, Provider>();
  const busy: Record<Provider, { start: string; end: string; status?: string }[]> = {
    google: [],
    microsoft: [],
  };
  const failures = new Map<string, number | 'hang'>();
  const calls: FakeCalendars['calls'] = [];
  const hanging: ServerResponse[] = [];
  const token = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const authorization = req.headers.authorization;
    calls.push({ path, ...(authorization ? { authorization } : {}), body });
    const failure = failures.get(path);
    if (failure !== undefined) {
      failures.delete(path);
      if (failure === 'hang') {
        hanging.push(res);
        return;
      }
      return send(res, failure, { error: 'fake_failure' });
    }
    const provider: Provider = path.startsWith('/google') ? 'google' : 'microsoft';
    if (path.endsWith('/token')) {
      const form = new URLSearchParams(body);
      const client = FAKE_CLIENTS[provider];
      if (form.get('client_id') !== client.id || form.get('client_secret') !== client.secret)
        return send(res, 401, { error: 'invalid_client' });
      if (form.get('grant_type') === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          !code ||
          code.provider !== provider ||
          code.challenge !== challenge ||
          code.redirectUri !== form.get('redirect_uri')
        )
          return send(res, 400, { error: 'invalid_grant' });
      } else if (form.get('grant_type') === 'refresh_token') {
        const known = refresh.get(form.get('refresh_token') ?? '');
        if (known !== provider) return send(res, 400, { error: 'invalid_grant' });
        // Microsoft rotates refresh tokens; Google keeps the one it gave.
        if (provider === 'microsoft') refresh.delete(form.get('refresh_token') ?? '');
        else {
          const a = token('access');
          access.set(a, provider);
          return send(res, 200, { access_token: a, expires_in: 3599, token_type: 'Bearer' });
        }
      } else return send(res, 400, { error: 'unsupported_grant_type' });
      const a = token('access');
      const r = token('refresh');
      access.set(a, provider);
      refresh.set(r, provider);
      // Google's answer to `openid email`: an ID token naming the account.
      const idToken =
        provider === 'google' && form.get('grant_type') === 'authorization_code'
          ? {
              id_token: `e30.${Buffer.from(JSON.stringify({ email: FAKE_MAILBOX })).toString('base64url')}.sig`,
            }
          : {};
      return send(res, 200, {
        access_token: a,
        refresh_token: r,
        expires_in: 3599,
        token_type: 'Bearer',
        ...idToken,
      });
    }
    // A token works only with the provider that gave it.
    if (access.get((authorization ?? '').replace(/^Bearer /, '')) !== provider)
      return send(res, 401, { error: { code: 'InvalidAuthenticationToken' } });
    if (path === '/google/calendar/v3/freeBusy')
      return send(res, 200, {
        kind: 'calendar#freeBusy',
        calendars: { primary: { busy: busy.google.map(({ start, end }) => ({ start, end })) } },
      });
    if (path === '/microsoft/v1.0/me')
      return send(res, 200, { mail: FAKE_MAILBOX, userPrincipalName: FAKE_PRINCIPAL });
    if (path === '/microsoft/v1.0/me/calendar/getSchedule') {
      const asked = JSON.parse(body) as { schedules: string[] };
      if (asked.schedules[0] !== FAKE_MAILBOX) return send(res, 400, { error: 'wrong mailbox' });
      return send(res, 200, {
        value: [
          {
            scheduleId: FAKE_MAILBOX,
            scheduleItems: busy.microsoft.map(({ start, end, status }) => ({
              status: status ?? 'busy',
              isPrivate: false,
              // Graph's way of writing a UTC time: seven decimals, no zone.
              start: { dateTime: `${start.replace(/Z$/, '')}.0000000`, timeZone: 'UTC' },
              end: { dateTime: `${end.replace(/Z$/, '')}.0000000`, timeZone: 'UTC' },
            })),
          },
        ],
      });
    }
    send(res, 404, { error: 'not_found' });
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    approve(authorizeUrl) {
      const u = new URL(authorizeUrl);
      const code = token('code');
      const redirectUri = u.searchParams.get('redirect_uri') ?? '';
      codes.set(code, {
        challenge: u.searchParams.get('code_challenge') ?? '',
        redirectUri,
        provider: u.pathname.startsWith('/google') ? 'google' : 'microsoft',
      });
      return { code, state: u.searchParams.get('state') ?? '', redirectUri };
    },
    setBusy: (provider, list) => {
      busy[provider] = list;
    },
    failNext: (path, how) => {
      failures.set(path, how);
    },
    expireAccess: () => access.clear(),
    revoke: () => {
      access.clear();
      refresh.clear();
    },
    calls,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
