import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { first } from '../../src/db/first';
import { pairs, profiles } from '../../src/db/schema';
import { transact } from '../../src/db/transact';
import { bookMeeting } from '../../src/features/scheduling/service';
import { blockText } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../helpers/app';
import { activePair, participant } from '../helpers/participants';
import { type SlackHarness, startSlack } from '../helpers/slack';

let app: TestApp;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  app?.close();
  app?.dispose();
});

const ref = (id: string) => ({ platform: 'slack' as const, workspace: 'T1', id });

interface HomeBlock {
  type: string;
  block_id?: string;
  elements?: { text?: { text: string }; value?: string }[];
}

/** The App Home last published for this person. */
function home(s: SlackHarness, user: string) {
  const call = s.fake
    .callsTo('views.publish')
    .filter((c) => c.args.user_id === user)
    .at(-1);
  const blocks = ((call?.args.view as { blocks?: HomeBlock[] } | undefined)?.blocks ??
    []) as HomeBlock[];
  return {
    blocks,
    text: blockText(blocks),
    button: (label: string) =>
      blocks.flatMap((b) => b.elements ?? []).find((e) => e.text?.text === label)?.value,
  };
}

describe('Slack: the App Home', () => {
  it("shows the person's pair, the next meeting in their zone and a proposal to answer right there", async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'slack:UHR' } });
    app.clock.set('2026-12-01T09:00:00Z');
    const s = await startSlack(app);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
    s.fake.users.set('U2', { name: 'Sam Roe', tz: 'America/New_York', locale: 'en-US' });
    s.fake.users.set('U3', { name: 'Nia Park', tz: 'Europe/Berlin', locale: 'en-US' });
    // Pat mentors Sam and has room for one more mentee; Nia wants to learn what Pat teaches.
    const { mentorId: pat } = await activePair(
      app,
      { ref: ref('U1'), name: 'Pat Lee' },
      { ref: ref('U2'), name: 'Sam Roe' },
    );
    await app.database.db.update(profiles).set({ capacity: 2 }).where(eq(profiles.userId, pat));
    await participant(app, ref('U3'), 'Nia Park', { role: 'mentee', grade: 4, learn: ['ai'] });
    const pair = await first(app.database.db.select().from(pairs));
    if (!pair) throw new Error('no pair');
    await transact(app.database.db, (tx) =>
      bookMeeting(
        tx,
        { config: app.config, adapters: app.adapters },
        {
          pair,
          kind: 'sprint',
          startsAt: new Date('2026-12-03T14:00:00Z'),
          durationMin: 120,
          topic: 'Automate the weekly report',
          link: null,
          by: pat,
        },
        app.clock.now(),
      ),
    );
    await s.command('match publish', { user: 'UHR' });

    await s.event({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home' });
    const opened = home(s, 'U1');
    expect(opened.text).toContain('*Your pair*\nYou mentor Sam Roe');
    expect(opened.text).toContain('Goals: 0 open, 0 done');
    // 14:00 UTC is 15:00 in Pat's Berlin, whatever Sam's zone.
    expect(opened.text).toContain(
      'Thu, 3 Dec, 15:00–17:00 (Europe/Berlin) — sprint with Sam Roe: «Automate the weekly report»',
    );
    expect(opened.text).toContain('Waiting for your answer');
    expect(opened.text).toContain('You could mentor Nia Park');
    expect(opened.text).not.toContain('No partner yet');
    expect(opened.text).not.toContain('Nothing booked yet');
    const ids = opened.blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));
    expect(new Set(ids).size).toBe(ids.length);

    // Accept on the Home itself: the proposal is answered and leaves the Home.
    const accept = opened.button('Accept');
    expect(accept).toBeDefined();
    await s.press(accept ?? '', { user: 'U1', home: true });
    expect(s.fake.postedTexts().at(-1)).toContain("We'll let you know as soon as Nia Park answers");
    const after = home(s, 'U1');
    expect(after.text).not.toContain('You could mentor Nia Park');
    expect(after.text).toContain('You mentor Sam Roe');
  });

  it('says so when a proposal waits and there is no partner yet', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'slack:UHR' } });
    const s = await startSlack(app);
    slack = s;
    s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'ru-RU' });
    s.fake.users.set('U3', { name: 'Nia Park', tz: 'Europe/Berlin', locale: 'en-US' });
    await participant(app, ref('U1'), 'Pat Lee', { role: 'mentor', grade: 1, teach: ['ai'] });
    await participant(app, ref('U3'), 'Nia Park', { role: 'mentee', grade: 4, learn: ['ai'] });
    await s.command('match publish', { user: 'UHR' });
    await s.command('lang ru');
    await s.event({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home' });
    const text = home(s, 'U1').text;
    expect(text).toContain('Пока нет — ниже вас ждёт предложение пары.');
    expect(text).toContain('Ждёт вашего ответа');
    expect(text).toContain('Пока ничего не запланировано.');
    expect(home(s, 'U1').button('Принять')).toBeDefined();
  });
});
