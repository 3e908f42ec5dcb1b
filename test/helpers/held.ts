import { eq } from 'drizzle-orm';
import { first } from '../../src/db/first';
import { pairs } from '../../src/db/schema';
import { transact } from '../../src/db/transact';
import { bookMeeting } from '../../src/features/scheduling/service';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import type { TestApp } from './app';

/**
 * Books a one-hour meeting for the app's only pair (written as the bot would on booking),
 * then moves the clock past its end and runs the timers: both people get "Did it happen?".
 */
export async function meetingJustEnded(app: TestApp, topic = 'Prompting basics'): Promise<void> {
  const pair = await first(app.database.db.select().from(pairs).where(eq(pairs.status, 'active')));
  if (!pair) throw new Error('no active pair');
  const startsAt = new Date(app.clock.now().getTime() + 24 * 60 * 60 * 1000);
  const deps = { config: app.config, adapters: app.adapters };
  await transact(app.database.db, (tx) =>
    bookMeeting(
      tx,
      deps,
      {
        pair,
        kind: 'meeting',
        startsAt,
        durationMin: 60,
        topic,
        link: null,
        by: pair.mentorUserId,
      },
      app.clock.now(),
    ),
  );
  app.clock.set(new Date(startsAt.getTime() + 61 * 60 * 1000));
  await runDueTimers(
    { db: app.database.db, config: app.config, logger: silentLogger, adapters: app.adapters },
    app.clock.now(),
  );
  app.outbox.kick();
}
