import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../../src/db/transact';
import { saveLink } from '../../src/features/calendars/links';
import { calendarsOf } from '../../src/features/calendars/setup';
import { pkce } from '../../src/features/calendars/state';
import { FAKE_CLIENTS, type FakeCalendars, startFakeCalendars } from '../fakes/calendar-providers';
import { type PairedConsole, pairedConsole } from '../helpers/pair';

/**
 * "Find a time" with a connected calendar (the local fakes of Google and Microsoft): the
 * slots avoid its busy times, read after the event's unit of work; a calendar that fails
 * leaves working hours, said in one line. Lena (Moscow) and Tom (Berlin), Tue 1 Dec 2026.
 */
let fake: FakeCalendars;
let paired: PairedConsole | undefined;
beforeAll(async () => {
  fake = await startFakeCalendars();
});
afterAll(() => fake.close());
afterEach(async () => {
  await paired?.close();
  paired = undefined;
});

async function withCalendar(): Promise<PairedConsole> {
  const p = await pairedConsole('2026-12-01T09:00:00Z', {
    GOOGLE_CLIENT_ID: FAKE_CLIENTS.google.id,
    GOOGLE_CLIENT_SECRET: FAKE_CLIENTS.google.secret,
    PUBLIC_URL: 'https://tandem.example.com',
    CALENDAR_TOKEN_KEY: randomBytes(32).toString('base64'),
  });
  const at = (name: string) => ({
    authUrl: `${fake.url}/${name}/auth`,
    tokenUrl: `${fake.url}/${name}/token`,
    apiUrl: `${fake.url}/${name}`,
    timeoutMs: 300,
  });
  p.app.config.calendarEndpoints = { google: at('google'), microsoft: at('microsoft') };
  // Lena connected her Google calendar (as the OAuth callback stores it).
  const calendars = calendarsOf(p.app.config);
  const client = calendars?.providers.google;
  if (!calendars || !client) throw new Error('calendars not configured');
  const { verifier, challenge } = pkce();
  const redirectUri = calendars.redirectUri('google');
  const approved = fake.approve(client.authorizeUrl({ state: 's', challenge, redirectUri }));
  const now = p.app.clock.now();
  const tokens = await client.exchange({
    code: approved.code,
    verifier,
    redirectUri,
    now: now.getTime(),
  });
  await transact(p.app.database.db, (tx) =>
    saveLink(
      tx,
      calendars.tokens,
      { userId: p.lena, provider: 'google', account: 'lena@example.com', tokens },
      now,
    ),
  );
  return p;
}

describe('Find a time with a connected calendar', () => {
  it('avoids the busy times of my calendar, and one tap books', async () => {
    paired = await withCalendar();
    const p = paired;
    // Busy Tuesday 13:00–15:00 and Wednesday 11:00–13:00 in Moscow.
    fake.setBusy('google', [
      { start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' },
      { start: '2026-12-02T08:00:00Z', end: '2026-12-02T10:00:00Z' },
    ]);
    const offered = await p.chat.type('/sprint');
    expect(offered).toContain('── Find a time ──');
    // Without the calendar these would be Tue 13:00 and Wed 11:00.
    expect(offered).toContain('[1] Tue, 1 Dec, 15:00 (Tom Berg: 13:00)');
    expect(offered).toContain('Wed, 2 Dec, 13:00 (Tom Berg: 11:00)');
    expect(offered).not.toContain('Tue, 1 Dec, 13:00');
    expect(offered).not.toContain("didn't answer");
    await p.chat.type('1');
    expect(await p.rows('select starts_at from meetings')).toEqual([
      { starts_at: Date.parse('2026-12-01T12:00:00Z') },
    ]);
  });

  it('says in one line when a calendar did not answer, and asks to reconnect only when access was refused', async () => {
    paired = await withCalendar();
    const p = paired;
    fake.setBusy('google', [{ start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' }]);
    fake.failNext('/google/calendar/v3/freeBusy', 429);
    const limited = await p.chat.type('/sprint');
    expect(limited).toContain(
      "Your calendar didn't answer this time, so these use your working hours only.",
    );
    expect(limited).not.toContain('/calendar');
    // Working hours only: Tuesday 13:00 is offered again.
    expect(limited).toContain('[1] Tue, 1 Dec, 13:00 (Tom Berg: 11:00)');

    await p.chat.type('/cancel');
    fake.expireAccess();
    fake.revoke();
    const refused = await p.chat.type('/meet');
    expect(refused).toContain(
      'Your calendar refused access, so these use your working hours only. Connect it again: /calendar.',
    );
    expect(refused).toContain('Tue, 1 Dec, 13:00 (Tom Berg: 11:00)');
    expect(refused).not.toContain("didn't answer");
  });

  it('says it in Russian: my calendar silent or refused, and a partner’s silent', async () => {
    paired = await withCalendar();
    const p = paired;
    await p.chat.type('/lang ru');
    fake.failNext('/google/calendar/v3/freeBusy', 429);
    expect(await p.chat.type('/sprint')).toContain(
      'Ваш календарь сейчас не ответил, поэтому учтены только ваши рабочие часы.',
    );
    await p.chat.type('/cancel');
    // Tom, in Russian too, asks while Lena's calendar is rate-limited.
    await p.as('tom');
    await p.chat.type('/lang ru');
    fake.failNext('/google/calendar/v3/freeBusy', 429);
    const theirs = await p.chat.type('/meet');
    expect(theirs).toContain('── Подобрать время ──');
    expect(theirs).toContain(
      'Календарь не ответил (Lena Orlova), поэтому у этого участника учтены только рабочие часы.',
    );
    await p.chat.type('/cancel');
    await p.as('lena');
    fake.expireAccess();
    fake.revoke();
    expect(await p.chat.type('/meet')).toContain(
      'Ваш календарь отказал в доступе, поэтому учтены только ваши рабочие часы. Подключите его снова: /calendar.',
    );
  });
});
