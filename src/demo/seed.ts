import { eq } from 'drizzle-orm';
import { CONSOLE_WORKSPACE } from '../adapters/console';
import type { Db } from '../db/client';
import { first } from '../db/first';
import { audit } from '../db/queries/audit';
import { saveProfile, updateProfile } from '../db/queries/profiles';
import { upsertUser } from '../db/queries/users';
import { auditLog, userRoles } from '../db/schema';
import { transact } from '../db/transact';
import { pauseEnd, startPause } from '../features/opt-in/pause';
import { DEMO_COMPANY } from './company';

const SEEDED_MARK = 'demo.seeded';

/**
 * Seeds the demo company once. The mark in the audit log makes it idempotent and keeps
 * later changes: a demo colleague who left is not brought back on the next start.
 */
export async function seedDemoCompany(db: Db, now: Date): Promise<boolean> {
  if (await first(db.select().from(auditLog).where(eq(auditLog.action, SEEDED_MARK)))) {
    return false;
  }
  await transact(db, async (tx) => {
    for (const person of DEMO_COMPANY) {
      const user = await upsertUser(
        tx,
        {
          ref: { platform: 'console', workspace: CONSOLE_WORKSPACE, id: person.id },
          name: person.name,
          locale: person.locale,
          timeZone: person.timeZone,
        },
        now,
      );
      const { role, grade, department, interests, formats, capacity, teach, learn } = person;
      await saveProfile(
        tx,
        user.id,
        { role, grade, department, interests, formats, capacity, teach, learn },
        now,
      );
      if (person.prepared) await updateProfile(tx, user.id, { preparedAt: now }, now);
      if (person.hr)
        await tx.insert(userRoles).values({ userId: user.id, role: 'hr', grantedAt: now });
      if (person.pausedWeeks) await startPause(tx, user.id, pauseEnd(now, person.pausedWeeks), now);
    }
    await audit(
      tx,
      { actorUserId: null, action: SEEDED_MARK, details: { people: DEMO_COMPANY.length } },
      now,
    );
  });
  return true;
}
