import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../src/core/backoff';
import type { Ctx } from '../../src/core/context';
import type { InboundEvent } from '../../src/core/events';
import { INBOX_BACKOFF, INBOX_LEASE_MS, INBOX_MAX_ATTEMPTS } from '../../src/core/inbox';
import { inboxOf } from '../../src/db/inbox-file';
import { audit } from '../../src/db/queries/audit';
import { auditLog, inbox } from '../../src/db/schema';
import { rawRows } from '../../src/db/sqlite';
import { RecordingAdapter } from '../fakes/recording-adapter';
import { createTestApp, type TestApp } from '../helpers/app';
import { captureLogs } from '../helpers/log-capture';
import { databaseBefore } from '../helpers/old-database';
import { type SlackHarness, signedHeaders, slashCommandBody, startSlack } from '../helpers/slack';
import { ANNA, startTelegram, type TelegramHarness } from '../helpers/telegram';
import { TEST_PG } from '../pg/template';

let app: TestApp | undefined;
let slack: SlackHarness | undefined;
let tg: TelegramHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  tg = undefined;
  app?.close();
  app?.dispose();
  app = undefined;
});

/** A slash command from Slack user U<who> in their DM, as the adapter hands it over. */
function slackCommand(id: string, name: string, who = '1', more: Partial<InboundEvent> = {}) {
  return {
    id,
    type: 'command',
    name,
    args: '',
    user: { ref: { platform: 'slack', workspace: 'T1', id: `U${who}` }, name: 'X' },
    conversation: { platform: 'slack', workspace: 'T1', id: `DU${who}`, kind: 'dm' },
    ...more,
  } as InboundEvent;
}

describe('the inbox: one unit of work per event', () => {
  it('leaves nothing of a handler that failed midway, takes Slack’s retry as a duplicate, and runs it once on its own retry', async () => {
    let runs = 0;
    app = createTestApp({
      extraCommands: {
        flaky: {
          scope: 'anywhere',
          async run(ctx: Ctx) {
            runs += 1;
            // A first write, a queued reply, then the failure.
            await audit(ctx.tx, { actorUserId: ctx.user.id, action: 'flaky.ran' }, ctx.now);
            ctx.reply({ kind: 'text', text: `flaky run ${runs}` });
            if (runs === 1) throw new Error('midway');
          },
        },
      },
    });
    const s = await startSlack(app);
    slack = s;
    const ran = async () =>
      (await app?.database.db.select().from(auditLog).where(eq(auditLog.action, 'flaky.ran')))
        ?.length;
    const body = slashCommandBody('flaky', 'trig-flaky');

    expect((await s.post(body)).status).toBe(200);
    await s.settle();
    expect(runs).toBe(1);
    // Nothing half-applied: neither the write nor the reply stayed.
    expect(await ran()).toBe(0);
    expect(s.fake.postedTexts().join('\n')).not.toContain('flaky run');

    // Slack sends the same request again: a duplicate, not a second run.
    expect((await s.post(body, { ...signedHeaders(body), 'x-slack-retry-num': '1' })).status).toBe(
      200,
    );
    await s.settle();
    expect(runs).toBe(1);

    // Tandem's own retry, after its backoff, runs it — once.
    app.clock.advance(backoffDelay(1, INBOX_BACKOFF));
    await s.settle();
    expect(runs).toBe(2);
    expect(await ran()).toBe(1);
    expect(s.fake.postedTexts().filter((t) => t.includes('flaky run'))).toEqual(['flaky run 2']);
    expect(await inboxOf(app.database.db).select({ status: inbox.status }).from(inbox)).toEqual([
      { status: 'done' },
    ]);
  });

  it('keeps an event acked while another’s unit of work awaits, when that unit then fails', async () => {
    let runs = 0;
    let started!: () => void;
    const waiting = new Promise<void>((resolve) => {
      started = resolve;
    });
    app = createTestApp({
      extraCommands: {
        slow: {
          scope: 'anywhere',
          async run(ctx: Ctx) {
            runs += 1;
            await audit(ctx.tx, { actorUserId: ctx.user.id, action: 'slow.ran' }, ctx.now);
            ctx.reply({ kind: 'text', text: `slow run ${runs}` });
            if (runs > 1) return;
            started();
            // Real I/O inside the unit (a timer here): the loop takes other requests meanwhile.
            await new Promise((resolve) => setTimeout(resolve, 50));
            throw new Error('after the wait');
          },
        },
      },
    });
    const s = await startSlack(app);
    slack = s;
    const ran = async () =>
      (await app?.database.db.select().from(auditLog).where(eq(auditLog.action, 'slow.ran')))
        ?.length;

    const slow = s.post(slashCommandBody('slow', 'trig-slow'));
    await waiting;
    // Someone else's command arrives while the first unit is open, and is acked.
    const other = slashCommandBody('help', 'trig-other').replace('U1', 'U2');
    expect((await s.post(other)).status).toBe(200);
    expect((await slow).status).toBe(200);
    await s.settle();
    // The failed unit left nothing; the event acked meanwhile was kept, and it ran.
    expect(await ran()).toBe(0);
    expect(s.fake.postedTexts().join('\n')).not.toContain('slow run');
    expect(s.fake.postedTexts().join('\n')).toContain('reverse mentoring');
    expect(
      await inboxOf(app.database.db).select({ status: inbox.status }).from(inbox).orderBy(inbox.id),
    ).toEqual([{ status: 'pending' }, { status: 'done' }]);

    // The failed one runs again after its backoff, once.
    app.clock.advance(backoffDelay(1, INBOX_BACKOFF));
    await s.settle();
    expect(runs).toBe(2);
    expect(await ran()).toBe(1);
    expect(s.fake.postedTexts().filter((t) => t.includes('slow run'))).toEqual(['slow run 2']);
  });

  it('keeps a reply queued after the commit (a step the unit left for later) while another unit awaits and then fails', async () => {
    let slowRuns = 0;
    let stepAt!: () => void;
    const stepping = new Promise<void>((resolve) => {
      stepAt = resolve;
    });
    app = createTestApp({
      extraCommands: {
        later: {
          scope: 'anywhere',
          run(ctx: Ctx) {
            // Like the backup: the platform work happens after the commit, then it answers.
            ctx.afterCommit(async () => {
              await stepping;
              ctx.reply({ kind: 'text', text: 'done after the commit' });
            });
          },
        },
        slow: {
          scope: 'anywhere',
          async run() {
            slowRuns += 1;
            if (slowRuns > 1) return;
            // The other unit's step answers while this unit's transaction is open.
            stepAt();
            await new Promise((resolve) => setTimeout(resolve, 50));
            throw new Error('after the wait');
          },
        },
      },
    });
    const s = await startSlack(app);
    slack = s;
    expect((await s.post(slashCommandBody('later', 'trig-later'))).status).toBe(200);
    const slow = slashCommandBody('slow', 'trig-slow').replace('U1', 'U2');
    expect((await s.post(slow)).status).toBe(200);
    await s.settle();
    app.clock.advance(backoffDelay(1, INBOX_BACKOFF));
    await s.settle();
    expect(slowRuns).toBe(2);
    expect(s.fake.postedTexts().filter((t) => t.includes('done after the commit'))).toHaveLength(1);
  });

  it('sends a reply once when its delivery is recorded while another’s unit of work awaits and then fails', async () => {
    let runs = 0;
    app = createTestApp({
      extraCommands: {
        slow: {
          scope: 'anywhere',
          async run() {
            runs += 1;
            if (runs > 1) return;
            // Long enough for the outbox to send the other person's reply and record it.
            await new Promise((resolve) => setTimeout(resolve, 100));
            throw new Error('after the wait');
          },
        },
      },
    });
    const s = await startSlack(app);
    slack = s;
    const other = slashCommandBody('help', 'trig-help').replace('U1', 'U2');
    expect((await s.post(other)).status).toBe(200);
    expect((await s.post(slashCommandBody('slow', 'trig-slow'))).status).toBe(200);
    await s.settle();
    app.clock.advance(backoffDelay(1, INBOX_BACKOFF));
    await s.settle();
    expect(runs).toBe(2);
    // The help reply went out once, and is recorded as sent (not resent, not "uncertain").
    expect(s.fake.postedTexts().filter((t) => t.includes('reverse mentoring'))).toHaveLength(1);
    expect(
      await rawRows<Record<string, unknown>>(
        app.database.db,
        'select status from outbox order by id',
      ),
    ).toEqual([{ status: 'sent' }]);
  });

  it('runs an event that was acked just before the process died once it is back', async () => {
    const first = createTestApp();
    app = first;
    const telegram = await startTelegram(first);
    // Telegram delivers the update and it is stored (the webhook would answer 200 now)…
    await telegram.adapter.handleUpdate({
      update_id: 7001,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: ANNA.id, type: 'private', first_name: ANNA.first_name },
        from: { id: ANNA.id, is_bot: false, first_name: ANNA.first_name, language_code: 'en' },
        text: '/help',
      },
    } as never);
    // …and the process dies before the worker took it.
    first.database.close();
    expect(telegram.api.texts()).toEqual([]);

    app = first.restart();
    tg = await startTelegram(app);
    app.engine.inbox.kick();
    await app.settle();
    expect(tg.api.texts()).toHaveLength(1);
    expect(tg.api.texts()[0]).toContain('Tandem — reverse mentoring');
  });

  it('takes events with a waiting modal or button first, but keeps each conversation in order', async () => {
    const order: string[] = [];
    app = createTestApp({
      extraCommands: {
        mark: {
          scope: 'anywhere',
          run(ctx: Ctx, args: string) {
            order.push(args);
            ctx.reply({ kind: 'text', text: args });
          },
        },
      },
    });
    const adapter = new RecordingAdapter('slack');
    app.adapters.slack = adapter;
    const event = (id: string, conversation: string, trigger?: string) =>
      slackCommand(id, 'mark', conversation, {
        args: id,
        ...(trigger ? { trigger } : {}),
      } as Partial<InboundEvent>);
    await app.engine.accept(event('a1', 'A'));
    await app.engine.accept(event('b1', 'B', 'trig-b1'));
    await app.engine.accept(event('a2', 'A', 'trig-a2'));
    // A modal's submit (its errors ride in the ack) goes ahead too.
    await app.engine.accept({
      ...event('c1', 'C'),
      type: 'form_submit',
      data: 'stale',
      values: {},
    } as InboundEvent);
    await app.settle();
    // b1 has a trigger that expires: it goes ahead of a1; a2 has one too, but a1 came first in
    // its conversation.
    expect(order).toEqual(['b1', 'a1', 'a2']);
    // What each event answered, in the order they ran (the stale submit's: the form is closed).
    expect(adapter.texts().map((t) => (t.length > 3 ? 'c1' : t))).toEqual(['b1', 'c1', 'a1', 'a2']);
  });

  it('publishes the App Home when what it shows changed, and whenever the person opens it', async () => {
    app = createTestApp();
    const s = await startSlack(app);
    slack = s;
    const publishes = () => s.fake.callsTo('views.publish').length;
    await s.event({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home' });
    expect(publishes()).toBe(1);
    // The first command saves them (a first contact): their home is theirs from now on.
    await s.command('help');
    expect(publishes()).toBe(2);
    await s.command('help');
    await s.command('meetings');
    expect(publishes()).toBe(2);
    await s.command('lang ru');
    expect(publishes()).toBe(3);
    await s.event({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home' });
    expect(publishes()).toBe(4);
  });

  it('opens a Slack modal after the unit commits', async () => {
    const logs = captureLogs('info');
    app = createTestApp({ logger: logs.logger });
    const s = await startSlack(app);
    slack = s;
    // /join opens the profile form as a modal: the platform call waits for the commit.
    await s.command('join');
    expect(s.fake.callsTo('views.open')).toHaveLength(1);
    expect(logs.find({ code: 'unit_yielded' })).toEqual([]);
  });

  // SQLite's probe: there a unit's queries never leave the thread; on PostgreSQL every query
  // awaits the server, so a wait inside a unit is not told apart (and holds no one's writes).
  it.skipIf(TEST_PG)('says so when a handler waits inside its unit of work', async () => {
    const logs = captureLogs('info');
    app = createTestApp({
      logger: logs.logger,
      extraCommands: {
        slow: {
          scope: 'anywhere',
          async run() {
            await new Promise((resolve) => setTimeout(resolve, 5));
          },
        },
      },
    });
    const s = await startSlack(app);
    slack = s;
    // A modal waits for the commit: no wait inside the unit.
    await s.command('join');
    expect(logs.find({ code: 'unit_yielded' })).toEqual([]);
    // A handler that waits on a timer inside its unit is a bug the log names.
    await s.command('slow');
    expect(logs.find({ code: 'unit_yielded' })).toHaveLength(1);
  });

  it('opens many people’s modals at once: one slow Web API call holds up nobody else', async () => {
    app = createTestApp();
    const s = await startSlack(app);
    slack = s;
    // Every Web API call takes a second (users.info too): a worker waiting on each in turn
    // would open the last of seven modals long after its 3 s trigger expired.
    s.fake.latencyMs = 1_000;
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        s.post(slashCommandBody('join', `trig-many-${i}`).replace('U1', `UM${i}`)),
      ),
    );
    const opened = await s.fake.waitFor('views.open', 7, 10_000);
    const starts = opened.map((c) => c.at);
    // All seven were asked for before the first answer came back.
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(s.fake.latencyMs);
    await s.settle();
  });

  it('gives up on an event that took the process down each time, tells the person, and goes on', async () => {
    let runs = 0;
    app = createTestApp({
      extraCommands: {
        crash: {
          scope: 'anywhere',
          run() {
            runs += 1;
          },
        },
      },
    });
    const adapter = new RecordingAdapter('slack');
    app.adapters.slack = adapter;
    const first = createHash('sha256').update('slack:T1:c1').digest('base64url');
    await app.engine.accept(slackCommand('c1', 'crash'));
    // Each of its attempts was counted, and each time the process died before it finished.
    await inboxOf(app.database.db)
      .update(inbox)
      .set({ attempts: INBOX_MAX_ATTEMPTS })
      .where(eq(inbox.key, first));
    await app.engine.inbox.drain();
    expect(runs).toBe(0);
    // The error reply goes by itself, without waiting for another event or the minute tick.
    await vi.waitFor(() => expect(adapter.texts()[0]).toContain('something went wrong'), {
      timeout: 2_000,
    });
    // The conversation goes on.
    await app.engine.accept(slackCommand('c2', 'help'));
    await app.settle();
    expect(adapter.deliveries[1]?.reply?.title).toBe('Tandem — reverse mentoring');
    expect(
      await inboxOf(app.database.db).select({ status: inbox.status }).from(inbox).orderBy(inbox.id),
    ).toEqual([{ status: 'failed' }, { status: 'done' }]);
  });

  it('runs an event once when two processes share the database and both see it', async () => {
    let runs = 0;
    const extraCommands = {
      once: {
        scope: 'anywhere' as const,
        run() {
          runs += 1;
        },
      },
    };
    /** A platform whose users.info is slow: the worker waits on it after taking the event. */
    class SlowToDescribe extends RecordingAdapter {
      async describeUser<E extends InboundEvent>(event: E): Promise<E> {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return event;
      }
    }
    app = createTestApp({ extraCommands });
    const other = createTestApp({ dir: app.dir, clock: app.clock, extraCommands });
    try {
      app.adapters.slack = new SlowToDescribe('slack');
      other.adapters.slack = new SlowToDescribe('slack');
      await app.engine.accept(slackCommand('o1', 'once'));
      // The first takes it and waits on the platform; the second looks meanwhile.
      const first = app.engine.inbox.drain();
      await new Promise((resolve) => setTimeout(resolve, 10));
      await Promise.all([first, other.engine.inbox.drain()]);
      expect(runs).toBe(1);
    } finally {
      other.close();
    }
  });

  it('acks an event while another’s unit of work is open and waiting, without waiting for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    app = createTestApp({
      extraCommands: {
        hold: {
          scope: 'anywhere',
          async run(ctx: Ctx) {
            await audit(ctx.tx, { actorUserId: ctx.user.id, action: 'hold.ran' }, ctx.now);
            entered();
            // The unit's transaction is open (it has written) until this resolves.
            await gate;
          },
        },
      },
    });
    await app.engine.accept(slackCommand('h1', 'hold'));
    app.engine.inbox.kick();
    await inside;
    // Another person's event: stored (the dedupe and the work to do) while the unit holds
    // its transaction, so the platform is acked now, not when the unit commits.
    const stored = await Promise.race([
      app.engine.accept(slackCommand('h2', 'help', '2')).then((a) => a.fresh),
      new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 1_000)),
    ]);
    expect(stored).toBe(true);
    release();
    await app.settle();
    expect(
      await inboxOf(app.database.db).select({ status: inbox.status }).from(inbox).orderBy(inbox.id),
    ).toEqual([{ status: 'done' }, { status: 'done' }]);
  });

  // SQLite's inbox is a file of its own, its row marked done after the unit's commit; on
  // PostgreSQL the row is marked done inside the unit's transaction: no such state there.
  it.skipIf(TEST_PG)(
    'runs an event once when the process stopped after its unit committed but before its row was marked done',
    async () => {
      let runs = 0;
      app = createTestApp({
        extraCommands: {
          count: {
            scope: 'anywhere',
            async run(ctx: Ctx) {
              runs += 1;
              ctx.reply({ kind: 'text', text: `counted ${runs}` });
            },
          },
        },
      });
      const adapter = new RecordingAdapter('slack');
      app.adapters.slack = adapter;
      await app.engine.handle(slackCommand('c1', 'count'));
      await app.settle();
      expect(runs).toBe(1);
      // Where a stop between the two commits leaves it: the unit's changes (and its key in
      // handled_events, on SQLite) are in, the inbox row still says pending.
      await inboxOf(app.database.db).update(inbox).set({ status: 'pending', doneAt: null });
      app.close();
      app = app.restart();
      app.adapters.slack = adapter;
      // Once its lease is over, as for any event whose process died holding it.
      app.clock.advance(INBOX_LEASE_MS);
      await app.settle();
      expect(runs).toBe(1);
      expect(adapter.texts()).toEqual(['counted 1']);
      expect(await inboxOf(app.database.db).select({ status: inbox.status }).from(inbox)).toEqual([
        { status: 'done' },
      ]);
    },
  );

  // An upgrade of a SQLite file from before the inbox; PostgreSQL's schema began with it.
  it.skipIf(TEST_PG)(
    'keeps the dedupe of events handled before the upgrade that brought the inbox',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tandem-inbox-'));
      const old = databaseBefore(dir, join(dir, 'tandem.db'), '0008');
      // How the previous version stored a handled event: a hash of platform, workspace and id.
      const key = createHash('sha256').update('slack:T1:cmd:trig-old').digest('base64url');
      old.prepare('insert into inbound_events (key, received_at) values (?, 0)').run(key);
      old.close();
      app = createTestApp({ dir });
      const adapter = new RecordingAdapter('slack');
      app.adapters.slack = adapter;
      const retried = await app.engine.accept(slackCommand('cmd:trig-old', 'help'));
      expect(retried.fresh).toBe(false);
      await app.settle();
      expect(adapter.deliveries).toEqual([]);
    },
  );
});
