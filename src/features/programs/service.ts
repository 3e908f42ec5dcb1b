import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Config } from '../../config';
import type { DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { type ProgramRow, pairs, profiles, programs } from '../../db/schema';

/** Today as YYYY-MM-DD in the organisation's zone. */
export function orgToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? '';
}

/**
 * The running program new volunteers join: active and covering today — of overlapping ones,
 * the latest started (the latest created, on the same start day).
 */
export function currentProgram(
  db: DbOrTx,
  now: Date,
  zone: string,
): Promise<ProgramRow | undefined> {
  const today = orgToday(now, zone);
  return first(
    db
      .select()
      .from(programs)
      .where(
        and(
          eq(programs.status, 'active'),
          lte(programs.startDate, today),
          gte(programs.endDate, today),
        ),
      )
      .orderBy(desc(programs.startDate), desc(programs.id))
      .limit(1),
  );
}

export async function programById(
  db: DbOrTx,
  id: number | null | undefined,
): Promise<ProgramRow | undefined> {
  return id ? first(db.select().from(programs).where(eq(programs.id, id))) : undefined;
}

/** A person's program (from their profile), if they joined one. */
export async function programOfUser(db: DbOrTx, userId: number): Promise<ProgramRow | undefined> {
  const row = await first(
    db.select({ programId: profiles.programId }).from(profiles).where(eq(profiles.userId, userId)),
  );
  return programById(db, row?.programId);
}

/** The program a new pair belongs to: its mentee's, else the running one. */
export async function programForPair(
  db: DbOrTx,
  menteeUserId: number,
  now: Date,
  zone: string,
): Promise<number | null> {
  return (
    (await programOfUser(db, menteeUserId))?.id ?? (await currentProgram(db, now, zone))?.id ?? null
  );
}

/** Days without a meeting before this pair is nudged: its program's cadence, else CADENCE_DAYS. */
export async function cadenceDaysOf(
  db: DbOrTx,
  config: Pick<Config, 'CADENCE_DAYS'>,
  pairId: number,
): Promise<number> {
  const pair = await first(
    db.select({ programId: pairs.programId }).from(pairs).where(eq(pairs.id, pairId)),
  );
  return (await programById(db, pair?.programId))?.cadenceDays ?? config.CADENCE_DAYS;
}
