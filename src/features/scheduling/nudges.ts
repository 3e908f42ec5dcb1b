import { and, eq, gt } from 'drizzle-orm';
import { encodeAction } from '../../core/actions';
import type { EngineDeps } from '../../core/context';
import { COMMAND_ACTION } from '../../core/engine';
import type { Db } from '../../db/client';
import { pairIn, populationOf } from '../../db/queries/population';
import { getProfile } from '../../db/queries/profiles';
import { meetings, pairs } from '../../db/schema';
import { notify } from '../notify';
import { cadenceDaysOf } from '../programs/service';
import { peopleOf } from './service';

const DAY_MS = 24 * 3600_000;
/** Ignored nudges after which a pair counts as at risk (for the HR summary). */
export const AT_RISK_NUDGES = 3;

/**
 * Daily: a pair with nothing booked and nothing held for CADENCE_DAYS gets a friendly nudge
 * with a "Book a sprint" button (once per cadence period). People on a break are left alone.
 * Booking resets the count; three ignored nudges mark the pair at risk.
 */
export function runNudges(
  deps: Pick<EngineDeps, 'config' | 'adapters'> & { db: Db },
  now: Date,
): number {
  let sent = 0;
  const served = pairIn(populationOf(deps.config));
  for (const pair of deps.db
    .select()
    .from(pairs)
    .where(and(eq(pairs.status, 'active'), served))
    .all()) {
    // Each program sets its own pace; the default program uses CADENCE_DAYS.
    const cadenceMs = cadenceDaysOf(deps.db, deps.config, pair.id) * DAY_MS;
    const booked = deps.db
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.pairId, pair.id),
          eq(meetings.status, 'scheduled'),
          gt(meetings.startsAt, now),
        ),
      )
      .get();
    if (booked) continue;
    const people = peopleOf(deps.db, pair);
    const paused = people.some(({ me }) => {
      const until = getProfile(deps.db, me.id)?.profile.pausedUntil;
      return Boolean(until && until > now);
    });
    if (paused || people.length === 0) continue;
    // The last session that actually took place (or at least was due): cancelled, missed
    // and future ones don't count as contact.
    const lastMeeting = deps.db
      .select({ at: meetings.startsAt, status: meetings.status })
      .from(meetings)
      .where(eq(meetings.pairId, pair.id))
      .all()
      .filter((m) => m.status === 'held' || (m.status === 'scheduled' && m.at <= now))
      .reduce((latest, m) => Math.max(latest, m.at.getTime()), 0);
    const lastContact = Math.max(pair.createdAt.getTime(), lastMeeting);
    const lastNudge = pair.lastNudgedAt?.getTime() ?? 0;
    if (now.getTime() - Math.max(lastContact, lastNudge) < cadenceMs) continue;
    const days = Math.floor((now.getTime() - lastContact) / DAY_MS);
    deps.db.transaction((tx) => {
      for (const { me, other } of people) {
        notify(
          tx,
          deps,
          me,
          `nudge:${pair.id}:${now.toISOString().slice(0, 10)}:${me.id}`,
          (t) => ({
            kind: 'text',
            text: t('nudge.text', { name: other.name, days }),
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
      tx.update(pairs)
        .set({ lastNudgedAt: now, nudgesIgnored: pair.nudgesIgnored + 1 })
        .where(eq(pairs.id, pair.id))
        .run();
    });
    sent += 1;
  }
  return sent;
}

/** Pairs whose nudges went unanswered three times. */
export function atRiskPairs(db: Db) {
  return db
    .select()
    .from(pairs)
    .where(eq(pairs.status, 'active'))
    .all()
    .filter((p) => p.nudgesIgnored >= AT_RISK_NUDGES);
}
