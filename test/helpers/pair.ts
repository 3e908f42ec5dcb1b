import { desc, eq } from 'drizzle-orm';
import { one } from '../../src/db/first';
import { meetings, pairs, users } from '../../src/db/schema';
import { rawRows } from '../../src/db/sqlite';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from './app';
import { bookByHand, type ConsoleChat, startConsoleChat, typeTimeKept } from './console-chat';
import { participant } from './participants';

export const consoleRef = (id: string) => ({
  platform: 'console' as const,
  workspace: 'local',
  id,
});

export interface PairedConsole {
  app: TestApp;
  chat: ConsoleChat;
  lena: number;
  tom: number;
  pairId: number;
  /**
   * Raw rows, for asserting what was stored: a statement in SQLite's dialect, on either
   * database, its values in SQLite's shapes (src/db/sqlite.ts).
   */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs due timers and delivers what they queued. */
  tick(): Promise<void>;
  /** Switches the console person (the demo's /as). */
  as(id: 'lena' | 'tom'): Promise<string>;
  /**
   * Sends button data as this person, the way a forged or stale button press would arrive;
   * returns what the console printed meanwhile.
   */
  press(id: 'lena' | 'tom', data: string): Promise<string>;
  /**
   * Lena books a 2-hour sprint on `day` at 15:00 Moscow time, the clock passes its end, and
   * she answers "did it happen?" with Yes — which opens the poll. Returns the meeting id.
   */
  heldSprint(day: string, topic?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Lena (mentor, Moscow) and Tom (mentee, Berlin) are an active pair; the console types as
 * Lena. The setup the goal, feedback and experiment tests share.
 */
export async function pairedConsole(
  start = '2026-12-01T09:00:00Z',
  env: Record<string, string> = {},
): Promise<PairedConsole> {
  const app = createTestApp({ env });
  app.clock.set(start);
  const lena = await participant(app, consoleRef('lena'), 'Lena Orlova', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
  const tom = await participant(app, consoleRef('tom'), 'Tom Berg', {
    role: 'mentee',
    grade: 5,
    learn: ['ai'],
  });
  await app.database.db.update(users).set({ timeZone: 'Europe/Moscow' }).where(eq(users.id, lena));
  await app.database.db.update(users).set({ timeZone: 'Europe/Berlin' }).where(eq(users.id, tom));
  const pairId = (
    await one(
      app.database.db
        .insert(pairs)
        .values({ mentorUserId: lena, menteeUserId: tom, createdAt: app.clock.now() })
        .returning(),
    )
  ).id;
  const chat = await startConsoleChat(app, {
    me: { id: 'lena', name: 'Lena Orlova' },
    people: [{ id: 'tom', name: 'Tom Berg' }],
  });
  const tick = async () => {
    await runDueTimers(
      { db: app.database.db, config: app.config, logger: silentLogger, adapters: app.adapters },
      app.clock.now(),
    );
    app.outbox.kick();
    await app.settle();
  };
  return {
    app,
    chat,
    lena,
    tom,
    pairId,
    rows: (sql) => rawRows<Record<string, unknown>>(app.database.db, sql),
    tick,
    as: (id) => chat.type(`/as ${id}`),
    async heldSprint(day, topic = 'Set up an AI assistant for the weekly report') {
      await chat.type('/as lena');
      await bookByHand(chat, '/sprint');
      await chat.type(day);
      await typeTimeKept(chat, '15:00');
      await chat.type('7'); // Keep “2 h”
      await chat.type(topic);
      await chat.type('1'); // Skip the link
      const meeting = await one(
        app.database.db
          .select({ id: meetings.id, startsAt: meetings.startsAt })
          .from(meetings)
          .orderBy(desc(meetings.id))
          .limit(1),
      );
      app.clock.set(new Date(meeting.startsAt.getTime() + 2 * 60 * 60 * 1000 + 60_000));
      await tick();
      // "Did it happen?" takes over from the booking's Reschedule / Cancel / Can't make it.
      await chat.type('1'); // Yes, it happened
      return meeting.id;
    },
    async press(id, data) {
      const before = chat.transcript().length;
      await app.engine.handle({
        id: `press-${Math.random()}`,
        type: 'action',
        data,
        user: { ref: consoleRef(id), name: id === 'lena' ? 'Lena Orlova' : 'Tom Berg' },
        conversation: { ...consoleRef(id), kind: 'dm' },
      });
      app.outbox.kick();
      await app.settle();
      return chat.transcript().slice(before);
    },
    async close() {
      await chat.stop();
      app.close();
      app.dispose();
    },
  };
}
