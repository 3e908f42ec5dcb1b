import { DEFAULT_DATABASE_PATH } from '../config';
import type { DbOrTx } from '../db/client';
import { outsiderCounts, type Population } from '../db/queries/population';
import type { Logger } from '../logger';

/**
 * At a platform start: if the database holds the console demo's people (a file the console
 * once wrote to, or DEMO=true in older versions), says so — counts only, never names — and how
 * to be rid of them. They are left out of everything either way (see `Population`).
 */
export async function warnAboutDemoPeople(
  db: DbOrTx,
  population: Population,
  logger: Pick<Logger, 'warn'>,
): Promise<boolean> {
  const found = await outsiderCounts(db, population);
  if (found.people === 0 && found.pairs === 0) return false;
  logger.warn(
    {
      code: 'demo_people_present',
      platforms: population.excluded,
      people: found.people,
      participants: found.participants,
      pairs: found.pairs,
    },
    `this database holds people of the console demo; they are left out of matching, reports, exports, broadcasts and reminders. To be rid of them: if this file never held real data, move it away and start again (the console now keeps its demo in ${DEFAULT_DATABASE_PATH.console}); otherwise nothing to do`,
  );
  return true;
}
