import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { rawRows } from '../../src/db/sqlite';
import { calendarRoutes } from '../../src/features/calendars/routes';
import { createSealer, parseKey } from '../../src/features/calendars/sealed';
import { startHttpServer } from '../../src/http/server';
import {
  FAKE_CLIENTS,
  FAKE_MAILBOX,
  FAKE_PRINCIPAL,
  type FakeCalendars,
  startFakeCalendars,
} from '../fakes/calendar-providers';
import { createTestApp, type TestApp } from '../helpers/app';
import { participant } from '../helpers/participants';
import { databaseBytes, rawRun } from '../helpers/raw';
import { buttonValue, type SlackHarness, startSlack } from '../helpers/slack';
import { ANNA, BOT, type Person, startTelegram, type TelegramHarness } from '../helpers/telegram';

const KEY = randomBytes(32).toString('base64');
const PUBLIC_URL = 'https://tandem.example.com';
const ENV = {
  GOOGLE_CLIENT_ID: FAKE_CLIENTS.google.id,
  GOOGLE_CLIENT_SECRET: FAKE_CLIENTS.google.secret,
  MICROSOFT_CLIENT_ID: FAKE_CLIENTS.microsoft.id,
  MICROSOFT_CLIENT_SECRET: FAKE_CLIENTS.microsoft.secret,
  PUBLIC_URL,
  CALENDAR_TOKEN_KEY: KEY,
};

let fake: FakeCalendars;
let app: TestApp | undefined;
let server: Server | undefined;
let t: TelegramHarness;
let slack: SlackHarness | undefined;

beforeAll(async () => {
  fake = await startFakeCalendars();
});
afterAll(() => fake.close());
afterEach(async () => {
  await t?.adapter.stop();
  await slack?.stop();
  slack = undefined;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  app?.close();
  app?.dispose();
  app = undefined;
});

const ref = (p: Person) => ({
  platform: 'telegram' as const,
  workspace: String(BOT.id),
  id: String(p.id),
});

/** Tandem with calendars on, the providers' endpoints pointing at the fake, its real HTTP server. */
async function tandem(env: Record<string, string> = ENV) {
  const a = createTestApp({ env });
  app = a;
  a.config.calendarEndpoints = {
    google: {
      authUrl: `${fake.url}/google/auth`,
      tokenUrl: `${fake.url}/google/token`,
      apiUrl: `${fake.url}/google`,
    },
    microsoft: {
      authUrl: `${fake.url}/microsoft/auth`,
      tokenUrl: `${fake.url}/microsoft/token`,
      apiUrl: `${fake.url}/microsoft`,
    },
  };
  t = await startTelegram(a);
  const routes = calendarRoutes(
    { db: a.database.db, clock: a.clock, config: a.config, logger: a.logger },
    a.engine,
  );
  server = await startHttpServer(0, routes, '127.0.0.1');
  await participant(a, ref(ANNA), 'Anna Petrova', { role: 'mentee', grade: 4, learn: ['ai'] });
  return { a, base: base() };
}

const base = () => `http://127.0.0.1:${(server?.address() as AddressInfo | undefined)?.port}`;

/** The browser coming back from the provider to Tandem's callback (the code in the query). */
async function land(base: string, redirect: string) {
  const path = new URL(redirect);
  const response = await fetch(`${base}${path.pathname}${path.search}`);
  await app?.settle();
  return { status: response.status, html: await response.text() };
}

/** What the provider's consent screen does: redirect to the callback with a code and the state. */
function approve(authorizeUrl: string): string {
  const approved = fake.approve(authorizeUrl);
  const back = new URL(approved.redirectUri);
  back.searchParams.set('code', approved.code);
  back.searchParams.set('state', approved.state);
  return back.toString();
}

const links = async () => {
  if (!app) throw new Error('no app');
  return rawRows<{ provider: string; account: string; tokens: string }>(
    app.database.db,
    'select provider, account, tokens from calendar_links',
  );
};

const urlOf = (label: string) => {
  const button = t.api.last().buttons.find((b) => b.text.includes(label));
  if (!button?.url)
    throw new Error(`no link "${label}" in ${JSON.stringify(t.api.last().buttons)}`);
  return button.url;
};

describe('connecting a calendar through Tandem’s HTTP port', () => {
  it.each([
    ['google', 'Connect Google Calendar', 'Google Calendar'],
    ['microsoft', 'Connect Microsoft 365', 'Microsoft 365'],
  ] as const)(
    '%s: the profile’s button gives a link; the callback stores it sealed, the browser and the chat say which account, and Disconnect deletes it',
    async (provider, connect, name) => {
      const { a, base } = await tandem();
      await t.say('/profile');
      expect(t.api.last().text).toContain('Working hours: Mon–Fri, 09:00–18:00');
      await t.pressLabel('Connect my calendar');
      expect(t.api.last().text).toContain('I read only when you are busy');
      const authorize = urlOf(connect);
      // The provider is asked for free/busy only, with PKCE, to come back to PUBLIC_URL.
      const asked = new URL(authorize);
      expect(asked.searchParams.get('redirect_uri')).toBe(
        `${PUBLIC_URL}/oauth/${provider}/callback`,
      );
      expect(asked.searchParams.get('code_challenge_method')).toBe('S256');

      const page = await land(base, approve(authorize));
      expect(page.status).toBe(200);
      expect(page.html).toContain(`Your calendar is connected: ${name}, ${FAKE_MAILBOX}.`);
      expect(t.api.last().text).toContain(`Your calendar is connected: ${name}, ${FAKE_MAILBOX}.`);
      const stored = await links();
      expect(stored).toEqual([
        { provider, account: FAKE_MAILBOX, tokens: expect.stringMatching(/^v1\./) },
      ]);
      // Sealed: no token in the database file, and it opens only with the key.
      const bytes = await databaseBytes(a.database);
      expect(bytes.includes(Buffer.from('access-'))).toBe(false);
      expect(bytes.includes(Buffer.from('refresh-'))).toBe(false);
      const tokens = JSON.parse(
        createSealer(parseKey(KEY), 'tokens').open(stored[0]?.tokens ?? '') ?? '{}',
      ) as { access?: string; refresh?: string };
      expect(tokens.access).toMatch(/^access-/);
      expect(tokens.refresh).toMatch(/^refresh-/);

      // /calendar lists it with its Disconnect; the other provider still has its link.
      await t.say('/calendar');
      expect(t.api.last().text).toContain(`Connected: ${name} — ${FAKE_MAILBOX}`);
      await t.pressLabel(`Disconnect ${name}`);
      expect(t.api.last().text).toContain(`${name} is disconnected`);
      expect(await links()).toEqual([]);
    },
  );

  it('says so and stores nothing when consent is refused, the link is altered, expired or for the other provider, or the provider is down', async () => {
    const { a, base } = await tandem();
    await t.say('/calendar');
    const google = urlOf('Connect Google Calendar');
    const microsoft = urlOf('Connect Microsoft 365');
    const state = new URL(google).searchParams.get('state') ?? '';
    const callback = `${PUBLIC_URL}/oauth/google/callback`;

    const denied = await land(
      base,
      `${callback}?error=access_denied&state=${encodeURIComponent(state)}`,
    );
    expect(denied).toMatchObject({ status: 200 });
    expect(denied.html).toContain('You did not allow access, so no calendar was connected.');

    const altered = await land(
      base,
      `${callback}?code=x&state=${encodeURIComponent(`${state.slice(0, -4)}AAAA`)}`,
    );
    expect(altered.status).toBe(400);
    expect(altered.html).toContain('This link has expired or is not valid.');

    // Microsoft's link brought to Google's callback.
    const swapped = new URL(approve(microsoft));
    const other = await land(base, `${callback}${swapped.search}`);
    expect(other.status).toBe(400);

    // Each link works once: consent refused above spent `google`; a new one for the rest.
    await t.say('/calendar');
    fake.failNext('/google/token', 503);
    const down = await land(base, approve(urlOf('Connect Google Calendar')));
    expect(down.status).toBe(502);
    expect(down.html).toContain(
      'Google Calendar could not be reached, so no calendar was connected.',
    );

    // Ten minutes later a link never used is no good either.
    await t.say('/calendar');
    const unused = urlOf('Connect Google Calendar');
    a.clock.set(new Date(a.clock.now().getTime() + 10 * 60_000 + 1));
    const late = await land(base, approve(unused));
    expect(late.status).toBe(400);
    expect(late.html).toContain('This link has expired or is not valid.');

    expect(await links()).toEqual([]);
    // Nobody was told in chat that anything was connected.
    expect(t.api.texts().filter((x) => x.includes('connected'))).toEqual([]);
  });

  it('a link connects once: a reload, a second tab or a forwarded copy is refused and changes nothing', async () => {
    const { base } = await tandem();
    await t.say('/calendar');
    const authorize = urlOf('Connect Google Calendar');
    const back = approve(authorize);
    expect((await land(base, back)).status).toBe(200);
    const told = t.api.texts().length;
    const stored = await links();
    // The same callback again (a reload), and the link used anew by someone it was forwarded
    // to, who signs in with their own account: both refused, nothing stored or said in chat.
    for (const again of [back, approve(authorize)]) {
      const refused = await land(base, again);
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('This link has already been used');
    }
    expect(await links()).toEqual(stored);
    expect(t.api.texts().length).toBe(told);
    // A new link from the chat works.
    await t.say('/calendar');
    await t.pressLabel('Disconnect Google Calendar');
    await t.say('/calendar');
    expect((await land(base, approve(urlOf('Connect Google Calendar')))).status).toBe(200);
    expect(await links()).toHaveLength(1);
  });

  it('speaks Russian on the page and in chat to a Russian speaker', async () => {
    const { a, base } = await tandem();
    await rawRun(a.database.db, "update users set locale = 'ru'");
    await t.say('/calendar');
    const page = await land(base, approve(urlOf('Подключить Google Календарь')));
    expect(page.html).toContain('<html lang="ru">');
    expect(page.html).toContain(`Календарь подключён: Google Календарь, ${FAKE_MAILBOX}.`);
    expect(t.api.last().text).toContain('Календарь подключён');
    expect(t.api.last().buttons.map((b) => b.text)).toContain('Отключить Google Календарь');
  });

  it('leave deletes the link and its tokens', async () => {
    const { base } = await tandem();
    await t.say('/calendar');
    await land(base, approve(urlOf('Connect Microsoft 365')));
    expect(await links()).toHaveLength(1);
    await t.say('/leave');
    await t.pressLabel('Yes, leave');
    expect(await links()).toEqual([]);
  });

  it('without a provider’s id and secret its button does not appear', async () => {
    const { GOOGLE_CLIENT_ID: _, GOOGLE_CLIENT_SECRET: __, ...microsoftOnly } = ENV;
    await tandem(microsoftOnly);
    await t.say('/calendar');
    const labels = t.api.last().buttons.map((b) => b.text);
    expect(labels).toContain('Connect Microsoft 365');
    expect(labels).not.toContain('Connect Google Calendar');
    expect((await fetch(`${base()}/oauth/google/callback`)).status).toBe(404);
  });

  it('with no provider at all: no button in the profile, a clear answer to /calendar, no route', async () => {
    const { a } = await tandem({});
    await t.say('/profile');
    expect(t.api.last().buttons.map((b) => b.text)).not.toContain('Connect my calendar');
    await t.say('/calendar');
    expect(t.api.last().text).toContain('Connecting a calendar isn’t set up here.');
    const deps = { db: a.database.db, clock: a.clock, config: a.config, logger: a.logger };
    expect(calendarRoutes(deps, a.engine)).toEqual([]);
  });
});

describe('connecting a calendar from Slack', () => {
  it('the link comes as a button, and the chat hears which account is connected, with Disconnect', async () => {
    const { a, base } = await tandem();
    const s = await startSlack(a);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
    await participant(a, { platform: 'slack', workspace: 'T1', id: 'U1' }, 'Pat Lee', {
      role: 'mentor',
      grade: 1,
      teach: ['ai'],
    });
    await s.command('profile', { user: 'U1' });
    await s.press(buttonValue(s, 'Connect my calendar'), { user: 'U1' });
    await s.settle();
    const link = linkIn(s);
    expect(link).toBeDefined();
    const page = await land(base, approve(link ?? ''));
    expect(page.status).toBe(200);
    await s.settle();
    expect(s.fake.postedTexts().at(-1)).toContain(
      `Your calendar is connected: Google Calendar, ${FAKE_MAILBOX}.`,
    );
    await s.press(buttonValue(s, 'Disconnect Google Calendar'), { user: 'U1' });
    await s.settle();
    expect(await links()).toEqual([]);
    expect(s.fake.postedTexts().at(-1)).toContain('Google Calendar is disconnected');
  });
});

/** The newest link button with this label Slack was sent. */
function linkIn(s: SlackHarness, label = 'Connect Google Calendar'): string | undefined {
  return [...s.fake.callsTo('chat.postMessage')]
    .reverse()
    .flatMap(
      (c) => (c.args.blocks ?? []) as { elements?: { text?: { text: string }; url?: string }[] }[],
    )
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.text?.text === label)?.url;
}

describe('a link bound to the person’s work e-mail', () => {
  /** Pat on Slack, whose profile gives this e-mail; their "Connect Google Calendar" link. */
  async function patsLink(
    email: string,
    env: Record<string, string> = ENV,
    label = 'Connect Google Calendar',
  ) {
    const { a, base } = await tandem(env);
    const s = await startSlack(a);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US', email });
    await s.command('calendar', { user: 'U1' });
    const link = linkIn(s, label);
    if (!link) throw new Error(`no link: ${label}`);
    return { s, base, link };
  }

  it('refuses another account (a forwarded link), storing and telling nothing', async () => {
    const { s, base, link } = await patsLink('pat@example.com');
    // The provider is asked to sign Pat in as Pat.
    expect(new URL(link).searchParams.get('login_hint')).toBe('pat@example.com');
    const posted = s.fake.callsTo('chat.postMessage').length;
    // Whoever opens it signs in as Ann (the fake's only account).
    const page = await land(base, approve(link));
    expect(page.status).toBe(403);
    expect(page.html).toContain('You signed in with an account other than the work e-mail');
    expect(page.html).not.toContain('pat@example.com');
    expect(await links()).toEqual([]);
    await s.settle();
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(posted);
  });

  it('connects the account with that address, in any case', async () => {
    const same = await patsLink(FAKE_MAILBOX.toUpperCase());
    expect((await land(same.base, approve(same.link))).status).toBe(200);
    expect(await links()).toEqual([expect.objectContaining({ account: FAKE_MAILBOX })]);
  });

  it('connects a Microsoft account whose sign-in name is the work e-mail, though its mailbox differs', async () => {
    const upn = await patsLink(FAKE_PRINCIPAL, ENV, 'Connect Microsoft 365');
    expect((await land(upn.base, approve(upn.link))).status).toBe(200);
    // Free/busy asks about the mailbox.
    expect(await links()).toEqual([expect.objectContaining({ account: FAKE_MAILBOX })]);
  });

  it('with CALENDAR_ANY_ACCOUNT=true, another account connects', async () => {
    const any = await patsLink('pat@example.com', { ...ENV, CALENDAR_ANY_ACCOUNT: 'true' });
    expect((await land(any.base, approve(any.link))).status).toBe(200);
    expect(await links()).toEqual([expect.objectContaining({ account: FAKE_MAILBOX })]);
  });
});

describe('calendar configuration', () => {
  const load = (env: Record<string, string>) => () => loadConfig(env);

  it('fails at start, naming what to set, when a provider comes without its key, a valid key or PUBLIC_URL', () => {
    expect(load({ GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 's' })).toThrow(
      /PUBLIC_URL: required to connect calendars[\s\S]*CALENDAR_TOKEN_KEY: required to connect calendars: 32 random bytes/,
    );
    expect(load({ ...ENV, CALENDAR_TOKEN_KEY: 'too-short' })).toThrow(
      /CALENDAR_TOKEN_KEY: must be 32 random bytes as base64 or hex[^\n]*\(got "\*\*\*"\)/,
    );
    expect(load({ MICROSOFT_CLIENT_ID: 'm', PUBLIC_URL, CALENDAR_TOKEN_KEY: KEY })).toThrow(
      /MICROSOFT_CLIENT_SECRET: required with MICROSOFT_CLIENT_ID/,
    );
    expect(loadConfig({ ...ENV }).MICROSOFT_TENANT).toBe('organizations');
    // No provider: the key and URL are not needed.
    expect(() => loadConfig({})).not.toThrow();
  });
});
