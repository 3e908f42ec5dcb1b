import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/sqlite';
import { transact } from '../../src/db/transact';
import { busyFor } from '../../src/features/calendars/busy-for';
import { saveLink } from '../../src/features/calendars/links';
import { createSealer, parseKey } from '../../src/features/calendars/sealed';
import { calendarsOf } from '../../src/features/calendars/setup';
import { pkce } from '../../src/features/calendars/state';
import { DEFAULT_WORKING_HOURS, findSlots } from '../../src/features/scheduling/slots';
import { FAKE_CLIENTS, type FakeCalendars, startFakeCalendars } from '../fakes/calendar-providers';
import { createTestApp, type TestApp } from '../helpers/app';
import { consoleRef } from '../helpers/pair';
import { participant } from '../helpers/participants';
import { rawRun } from '../helpers/raw';

const KEY = randomBytes(32).toString('base64');
const NOW = Date.parse('2026-12-07T08:00:00Z'); // a Monday
const WEEK = { from: NOW, to: NOW + 7 * 24 * 3600_000 };

let fake: FakeCalendars;
let app: TestApp | undefined;
beforeAll(async () => {
  fake = await startFakeCalendars();
});
afterAll(() => fake.close());
afterEach(() => {
  app?.close();
  app?.dispose();
  app = undefined;
});

async function tandem() {
  const a = createTestApp({
    env: {
      GOOGLE_CLIENT_ID: FAKE_CLIENTS.google.id,
      GOOGLE_CLIENT_SECRET: FAKE_CLIENTS.google.secret,
      MICROSOFT_CLIENT_ID: FAKE_CLIENTS.microsoft.id,
      MICROSOFT_CLIENT_SECRET: FAKE_CLIENTS.microsoft.secret,
      PUBLIC_URL: 'https://tandem.example.com',
      CALENDAR_TOKEN_KEY: KEY,
    },
  });
  app = a;
  const at = (p: string) => ({
    authUrl: `${fake.url}/${p}/auth`,
    tokenUrl: `${fake.url}/${p}/token`,
    apiUrl: `${fake.url}/${p}`,
    timeoutMs: 300,
  });
  a.config.calendarEndpoints = { google: at('google'), microsoft: at('microsoft') };
  const ann = await participant(a, consoleRef('ann'), 'Ann', {
    role: 'mentee',
    grade: 4,
    learn: ['ai'],
  });
  const bob = await participant(a, consoleRef('bob'), 'Bob', {
    role: 'mentor',
    grade: 2,
    teach: ['ai'],
  });
  const carl = await participant(a, consoleRef('carl'), 'Carl', {
    role: 'mentee',
    grade: 4,
    learn: ['ai'],
  });
  return { a, ann, bob, carl };
}

/** A connection as the callback stores it: consent at the fake, the code exchanged, sealed. */
async function connect(a: TestApp, userId: number, provider: 'google' | 'microsoft') {
  const calendars = calendarsOf(a.config);
  const client = calendars?.providers[provider];
  if (!calendars || !client) throw new Error('calendars not configured');
  const { verifier, challenge } = pkce();
  const redirectUri = calendars.redirectUri(provider);
  const approved = fake.approve(client.authorizeUrl({ state: 's', challenge, redirectUri }));
  const tokens = await client.exchange({ code: approved.code, verifier, redirectUri, now: NOW });
  await transact(a.database.db, (tx) =>
    saveLink(
      tx,
      calendars.tokens,
      { userId, provider, account: tokens.account ?? provider, tokens },
      new Date(NOW),
    ),
  );
}

const storedTokens = async (a: TestApp) =>
  (
    (await rawRows<Record<string, unknown>>(
      a.database.db,
      'select tokens from calendar_links order by id',
    )) as {
      tokens: string;
    }[]
  ).map(
    (r) =>
      JSON.parse(createSealer(parseKey(KEY), 'tokens').open(r.tokens) ?? '{}') as {
        access: string;
      },
  );

const at = (iso: string) => Date.parse(iso);

describe('busy times from connected calendars', () => {
  it('reads each person’s calendar, refreshes and stores expired tokens, and the suggestions avoid those times', async () => {
    const { a, ann, bob, carl } = await tandem();
    await connect(a, ann, 'google');
    await connect(a, bob, 'microsoft');
    fake.setBusy('google', [{ start: '2026-12-07T09:00:00Z', end: '2026-12-07T12:00:00Z' }]);
    fake.setBusy('microsoft', [{ start: '2026-12-07T12:00:00Z', end: '2026-12-07T14:00:00Z' }]);

    const first = await busyFor(
      { db: a.database.db, config: a.config },
      [ann, bob, carl],
      WEEK,
      NOW,
    );
    expect(first.fallbacks).toEqual([]);
    expect(first.busy.get(ann)).toEqual([
      { from: at('2026-12-07T09:00:00Z'), to: at('2026-12-07T12:00:00Z') },
    ]);
    expect(first.busy.get(bob)).toEqual([
      { from: at('2026-12-07T12:00:00Z'), to: at('2026-12-07T14:00:00Z') },
    ]);
    expect(first.busy.has(carl)).toBe(false); // no calendar: working hours only

    // Both in UTC, 09:00–18:00: Monday's first free hour for both is 14:00.
    const answer = findSlots({
      attendees: [ann, bob].map((id) => ({
        zone: 'UTC',
        hours: DEFAULT_WORKING_HOURS,
        busy: first.busy.get(id) ?? [],
      })),
      from: NOW,
      minutes: 60,
    });
    expect(answer.fit).toBe('working_hours');
    expect(answer.slots[0]).toEqual({
      from: at('2026-12-07T14:00:00Z'),
      to: at('2026-12-07T15:00:00Z'),
    });

    // An hour later every access token has expired: refreshed on the way, and stored.
    const before = await storedTokens(a);
    fake.expireAccess();
    const later = await busyFor(
      { db: a.database.db, config: a.config },
      [ann, bob],
      WEEK,
      NOW + 3600_000,
    );
    expect(later.fallbacks).toEqual([]);
    expect(later.busy.get(bob)).toHaveLength(1);
    const after = await storedTokens(a);
    expect(after.map((t) => t.access)).not.toContain(before[0]?.access);
    expect(after.map((t) => t.access)).not.toContain(before[1]?.access);
    // The stored ones work without another refresh.
    const tokenCalls = fake.calls.filter((c) => c.path.endsWith('/token')).length;
    await busyFor({ db: a.database.db, config: a.config }, [ann, bob], WEEK, NOW + 3600_000);
    expect(fake.calls.filter((c) => c.path.endsWith('/token')).length).toBe(tokenCalls);
  });

  it('falls back to working hours on 429, a failure or a timeout, asks to reconnect only when access is refused, and says which', async () => {
    const { a, ann, bob } = await tandem();
    await connect(a, ann, 'google');
    await connect(a, bob, 'microsoft');
    const deps = { db: a.database.db, config: a.config };
    for (const how of [429, 503, 'hang'] as const) {
      fake.failNext('/google/calendar/v3/freeBusy', how);
      const answer = await busyFor(deps, [ann, bob], WEEK, NOW);
      expect(answer.fallbacks).toEqual([
        { userId: ann, provider: 'google', problem: 'unavailable' },
      ]);
      expect(answer.busy.has(ann)).toBe(false);
      expect(answer.busy.has(bob)).toBe(true);
    }
    fake.revoke();
    const revoked = await busyFor(deps, [ann, bob], WEEK, NOW);
    expect(revoked.fallbacks).toEqual([
      { userId: ann, provider: 'google', problem: 'reconnect' },
      { userId: bob, provider: 'microsoft', problem: 'reconnect' },
    ]);
  });

  it('tokens sealed under another key read as "reconnect", never as an error', async () => {
    const { a, ann } = await tandem();
    await connect(a, ann, 'google');
    await rawRun(
      a.database.db,
      'update calendar_links set tokens = ?',
      createSealer(randomBytes(32), 'tokens').seal('{"access":"a","refresh":"r","expiresAt":0}'),
    );
    const answer = await busyFor({ db: a.database.db, config: a.config }, [ann], WEEK, NOW);
    expect(answer.fallbacks).toEqual([{ userId: ann, provider: 'google', problem: 'reconnect' }]);
  });
});
