import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBusy } from '../../src/features/calendars/busy';
import {
  type CalendarProvider,
  createGoogleCalendar,
  createMicrosoftCalendar,
  type Tokens,
} from '../../src/features/calendars/providers';
import { createSealer, parseKey } from '../../src/features/calendars/sealed';
import { openState, pkce, STATE_TTL_MS, sealState } from '../../src/features/calendars/state';
import { FAKE_CLIENTS, type FakeCalendars, startFakeCalendars } from '../fakes/calendar-providers';

const NOW = Date.parse('2026-12-01T08:00:00Z');
const WEEK = { from: NOW, to: NOW + 7 * 24 * 3600_000 };
const REDIRECT = 'https://tandem.example.com/oauth/google/callback';
const KEY = randomBytes(32);
const sealer = createSealer(KEY, 'state');

let fake: FakeCalendars;
const providers: Record<'google' | 'microsoft', () => CalendarProvider> = {
  google: () =>
    createGoogleCalendar({
      clientId: FAKE_CLIENTS.google.id,
      clientSecret: FAKE_CLIENTS.google.secret,
      authUrl: `${fake.url}/google/auth`,
      tokenUrl: `${fake.url}/google/token`,
      apiUrl: `${fake.url}/google`,
      timeoutMs: 300,
    }),
  microsoft: () =>
    createMicrosoftCalendar({
      clientId: FAKE_CLIENTS.microsoft.id,
      clientSecret: FAKE_CLIENTS.microsoft.secret,
      authUrl: `${fake.url}/microsoft/auth`,
      tokenUrl: `${fake.url}/microsoft/token`,
      apiUrl: `${fake.url}/microsoft`,
      timeoutMs: 300,
    }),
};

beforeAll(async () => {
  fake = await startFakeCalendars();
});
afterAll(() => fake.close());

/** The whole connection: a sealed state with PKCE, the person approves, the code is exchanged. */
async function connect(provider: CalendarProvider, user = 7): Promise<Tokens> {
  const { verifier, challenge } = pkce();
  const state = sealState(sealer, {
    user,
    provider: provider.id,
    verifier,
    until: NOW + STATE_TTL_MS,
  });
  const approved = fake.approve(provider.authorizeUrl({ state, challenge, redirectUri: REDIRECT }));
  // The callback: only the state tells whose connection it is and the verifier to prove it.
  const pending = openState(sealer, approved.state, NOW + 60_000);
  expect(pending.user).toBe(user);
  return provider.exchange({
    code: approved.code,
    verifier: pending.verifier,
    redirectUri: approved.redirectUri,
    now: NOW,
  });
}

describe.each(['google', 'microsoft'] as const)('%s calendar', (id) => {
  it('connects with PKCE, reads busy times in UTC, refreshes an expired token and keeps working', async () => {
    const provider = providers[id]();
    fake.setBusy(id, [
      { start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:30:00Z' },
      { start: '2026-12-02T14:00:00Z', end: '2026-12-02T15:00:00Z', status: 'tentative' },
      { start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z', status: 'workingElsewhere' },
    ]);
    const tokens = await connect(provider);
    if (id === 'microsoft') expect(tokens.account).toBe('ann@example.com');
    const first = await readBusy(provider, tokens, WEEK, NOW);
    const expected = [
      { from: Date.parse('2026-12-01T10:00:00Z'), to: Date.parse('2026-12-01T11:30:00Z') },
      { from: Date.parse('2026-12-02T14:00:00Z'), to: Date.parse('2026-12-02T15:00:00Z') },
    ];
    // Google's freeBusy knows only busy; Graph's "working elsewhere" is not busy.
    if (id === 'google')
      expected.push({
        from: Date.parse('2026-12-03T09:00:00Z'),
        to: Date.parse('2026-12-03T10:00:00Z'),
      });
    expect(first).toEqual({ busy: expected });

    // An hour later the access token is gone; the refresh token gets a new one.
    fake.expireAccess();
    const later = NOW + 3600_000;
    const second = await readBusy(provider, tokens, WEEK, later);
    expect(second.busy).toEqual(expected);
    const renewed = 'tokens' in second ? second.tokens : undefined;
    expect(renewed?.access).toBeDefined();
    expect(renewed?.access).not.toBe(tokens.access);
    expect(renewed?.expiresAt).toBe(later + 3599_000);
    if (id === 'microsoft') {
      // Microsoft replaced the refresh token: the new one must be kept, the old one is dead.
      expect(renewed?.refresh).not.toBe(tokens.refresh);
      expect(renewed?.account).toBe('ann@example.com');
    } else expect(renewed?.refresh).toBe(tokens.refresh);
    // And no token ever travels in a URL.
    for (const call of fake.calls) expect(call.path).not.toMatch(/access-|refresh-/);
  });

  it('falls back to working hours when the calendar is slow, rate-limited or down; asks to reconnect only when access is refused', async () => {
    const provider = providers[id]();
    const tokens = await connect(provider);
    const busyPath =
      id === 'google' ? '/google/calendar/v3/freeBusy' : '/microsoft/v1.0/me/calendar/getSchedule';
    for (const how of [429, 503, 'hang'] as const) {
      fake.failNext(busyPath, how);
      expect(await readBusy(provider, tokens, WEEK, NOW)).toEqual({
        busy: [],
        problem: 'unavailable',
      });
    }
    // Refused before its time (a session revoked, clocks apart): refreshed once, then it works.
    fake.expireAccess();
    fake.setBusy(id, [{ start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:00:00Z' }]);
    const early = await readBusy(provider, tokens, WEEK, NOW);
    expect(early.busy).toEqual([
      { from: Date.parse('2026-12-01T10:00:00Z'), to: Date.parse('2026-12-01T11:00:00Z') },
    ]);
    expect('problem' in early).toBe(false);
    expect('tokens' in early && early.tokens?.access).not.toBe(tokens.access);
    // Revoked in the provider's settings: the refresh is refused too → reconnect.
    fake.revoke();
    expect(await readBusy(provider, tokens, WEEK, NOW + 3600_000)).toEqual({
      busy: [],
      problem: 'reconnect',
    });
  });
});

describe('the connection link', () => {
  it('is refused when altered, expired or sealed under another key', () => {
    const { verifier } = pkce();
    const state = sealState(sealer, {
      user: 1,
      provider: 'google',
      verifier,
      until: NOW + STATE_TTL_MS,
    });
    expect(openState(sealer, state, NOW).user).toBe(1);
    expect(() => openState(sealer, state, NOW + STATE_TTL_MS + 1)).toThrow(
      expect.objectContaining({ code: 'calendar_state_invalid' }),
    );
    const altered = `${state.slice(0, -4)}AAAA`;
    expect(() => openState(sealer, altered, NOW)).toThrow(
      expect.objectContaining({ code: 'calendar_state_invalid' }),
    );
    const other = createSealer(randomBytes(32), 'state');
    expect(() => openState(other, state, NOW)).toThrow(
      expect.objectContaining({ code: 'calendar_state_invalid' }),
    );
    // Sealed for tokens under the same key: never taken for a connection link.
    const asTokens = createSealer(KEY, 'tokens').seal(JSON.stringify({ user: 1 }));
    expect(() => openState(sealer, asTokens, NOW)).toThrow(
      expect.objectContaining({ code: 'calendar_state_invalid' }),
    );
  });

  it('a code is exchanged once, and only with the verifier of its challenge', async () => {
    const provider = providers.google();
    const { challenge } = pkce();
    const approved = fake.approve(
      provider.authorizeUrl({ state: 's', challenge, redirectUri: REDIRECT }),
    );
    await expect(
      provider.exchange({
        code: approved.code,
        verifier: pkce().verifier,
        redirectUri: REDIRECT,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: 'calendar_unauthorized' });
  });

  it('tokens are stored sealed: unreadable without the key, a wrong key reads nothing', () => {
    const key = parseKey(randomBytes(32).toString('base64'));
    const box = createSealer(key, 'tokens').seal('refresh-secret');
    expect(box).not.toContain('refresh-secret');
    expect(createSealer(key, 'tokens').open(box)).toBe('refresh-secret');
    expect(createSealer(randomBytes(32), 'tokens').open(box)).toBeUndefined();
    expect(createSealer(key, 'state').open(box)).toBeUndefined();
    expect(() => parseKey('too-short')).toThrow(
      expect.objectContaining({ code: 'calendar_key_invalid' }),
    );
  });
});
