import { and, asc, eq, lt, ne } from 'drizzle-orm';
import { formatLongDay } from '../../core/format';
import { first } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { programs } from '../../db/schema';
import { transact } from '../../db/transact';
import type { JobDeps } from '../../jobs/types';
import { hrPeople } from '../content/staff';
import { inviteToFinalSurvey } from '../feedback/final-survey';
import { notify } from '../notify';
import { orgToday } from '../programs/service';

/**
 * Daily: a program whose last day has passed ends by itself, as `/admin program end` would —
 * its people get the final survey (once) and nudges stop — and HR and the admins hear of it.
 * One transaction per program: a failure keeps those ended before it. Returns how many ended.
 */
export async function endProgramsPastTheirEnd(
  deps: Pick<JobDeps, 'db' | 'config' | 'adapters'>,
  now: Date,
): Promise<number> {
  const today = orgToday(now, deps.config.ORG_TIMEZONE);
  const due = await transact(deps.db, (tx) =>
    tx
      .select({ id: programs.id })
      .from(programs)
      .where(and(ne(programs.status, 'ended'), lt(programs.endDate, today)))
      .orderBy(asc(programs.id)),
  );
  let ended = 0;
  for (const { id } of due) {
    const done = await transact(deps.db, async (tx) => {
      // Read again: an admin may have ended it meanwhile.
      const program = await first(tx.select().from(programs).where(eq(programs.id, id)));
      if (!program || program.status === 'ended' || program.endDate >= today) return false;
      await tx
        .update(programs)
        .set({ status: 'ended', endedAt: now })
        .where(eq(programs.id, program.id));
      await audit(
        tx,
        { actorUserId: null, action: 'program.ended', details: { program: program.id } },
        now,
      );
      const invited = await inviteToFinalSurvey({ deps, tx, now }, String(program.id), null);
      for (const person of await hrPeople(tx, deps.config))
        await notify(
          tx,
          deps,
          person,
          `program-ended:${program.id}:${person.id}`,
          (t, locale) => ({
            kind: 'text',
            text: t('program.endedByDate', {
              name: program.name,
              end: formatLongDay(program.endDate, locale),
              n: invited,
            }),
          }),
          now,
        );
      return true;
    });
    if (done) ended += 1;
  }
  return ended;
}
