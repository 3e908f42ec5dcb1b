import { and, eq, gt } from 'drizzle-orm';
import { encodeAction } from '../../core/actions';
import type { EngineDeps } from '../../core/context';
import { COMMAND_ACTION } from '../../core/engine';
import type { Db } from '../../db/client';
import { first } from '../../db/first';
import { pairIn, populationOf } from '../../db/queries/population';
import { getProfile } from '../../db/queries/profiles';
import { meetings, pairs } from '../../db/schema';
import { transact } from '../../db/transact';
import { notify } from '../notify';
import { cadenceDaysOf, orgToday, programById } from '../programs/service';
import { peopleOf } from './service';

const DAY_MS = 24 * 3600_000;
/** Ignored nudges after which a pair counts as at risk (for the HR summary). */
export const AT_RISK_NUDGES = 3;

/**
 * Daily: a pair with nothing booked and nothing held for CADENCE_DAYS gets a friendly nudge
 * with a "Book a sprint" button (once per cadence period). People on a break are left alone.
 * Booking resets the count; three ignored nudges mark the pair at risk.
 * Each pair is looked at and nudged in a transaction of its own, so a failure keeps the
 * pairs nudged before it, and the units of work run between pairs.
 */
export async function runNudges(
  deps: Pick<EngineDeps, 'config' | 'adapters'> & { db: Db },
  now: Date,
): Promise<number> {
  const served = pairIn(populationOf(deps.config));
  const ids = await transact(deps.db, async (tx) =>
    (
      await tx
        .select({ id: pairs.id })
        .from(pairs)
        .where(and(eq(pairs.status, 'active'), served))
    ).map((p) => p.id),
  );
  let sent = 0;
  for (const id of ids) {
    if (await transact(deps.db, (tx) => nudgePair(tx, deps, id, now))) sent += 1;
  }
  return sent;
}

/** Nudges one pair if it is due; whether it was. Reads the pair afresh: a unit ran meanwhile. */
async function nudgePair(
  tx: Db,
  deps: Pick<EngineDeps, 'config' | 'adapters'>,
  pairId: number,
  now: Date,
): Promise<boolean> {
  const served = pairIn(populationOf(deps.config));
  const pair = await first(
    tx
      .select()
      .from(pairs)
      .where(and(eq(pairs.id, pairId), eq(pairs.status, 'active'), served)),
  );
  if (!pair) return false;
  // A program that has ended — or whose last day has passed, before the morning job ends it —
  // leaves its pairs be: they may go on, but are not chased.
  const program = await programById(tx, pair.programId);
  if (
    program &&
    (program.status === 'ended' || program.endDate < orgToday(now, deps.config.ORG_TIMEZONE))
  )
    return false;
  // Each program sets its own pace; the default program uses CADENCE_DAYS.
  const cadenceMs = (await cadenceDaysOf(tx, deps.config, pair.id)) * DAY_MS;
  const booked = await first(
    tx
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.pairId, pair.id),
          eq(meetings.status, 'scheduled'),
          gt(meetings.startsAt, now),
        ),
      ),
  );
  if (booked) return false;
  const people = await peopleOf(tx, pair);
  let paused = false;
  for (const { me } of people) {
    const until = (await getProfile(tx, me.id))?.profile.pausedUntil;
    if (until && until > now) paused = true;
  }
  if (paused || people.length === 0) return false;
  // The last session that actually took place (or at least was due): cancelled, missed
  // and future ones don't count as contact.
  const lastMeeting = (
    await tx
      .select({ at: meetings.startsAt, status: meetings.status })
      .from(meetings)
      .where(eq(meetings.pairId, pair.id))
  )
    .filter((m) => m.status === 'held' || (m.status === 'scheduled' && m.at <= now))
    .reduce((latest, m) => Math.max(latest, m.at.getTime()), 0);
  const lastContact = Math.max(pair.createdAt.getTime(), lastMeeting);
  const lastNudge = pair.lastNudgedAt?.getTime() ?? 0;
  if (now.getTime() - Math.max(lastContact, lastNudge) < cadenceMs) return false;
  const days = Math.floor((now.getTime() - lastContact) / DAY_MS);
  for (const { me, other } of people) {
    await notify(
      tx,
      deps,
      me,
      `nudge:${pair.id}:${now.toISOString().slice(0, 10)}:${me.id}`,
      (t) => ({
        kind: 'text',
        // A pair that has not met yet is not told "since your last session".
        text: t(lastMeeting === 0 ? 'nudge.first' : 'nudge.text', { name: other.name, days }),
        buttons: [
          {
            label: t('nudge.button'),
            data: encodeAction(COMMAND_ACTION, me.id, 'sprint'),
            style: 'primary',
          },
        ],
      }),
      now,
    );
  }
  await tx
    .update(pairs)
    .set({ lastNudgedAt: now, nudgesIgnored: pair.nudgesIgnored + 1 })
    .where(eq(pairs.id, pair.id));
  return true;
}

/** Pairs whose nudges went unanswered three times. */
export async function atRiskPairs(db: Db) {
  return (await db.select().from(pairs).where(eq(pairs.status, 'active'))).filter(
    (p) => p.nudgesIgnored >= AT_RISK_NUDGES,
  );
}
