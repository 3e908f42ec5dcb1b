import type { DbOrTx } from '../client';
import { auditLog } from '../schema';

/** Records who did what: ids and action names only, never message text. */
export async function audit(
  db: DbOrTx,
  entry: {
    actorUserId: number | null;
    action: string;
    details?: Record<string, string | number | boolean | null>;
  },
  now: Date,
): Promise<void> {
  await db.insert(auditLog).values({
    at: now,
    actorUserId: entry.actorUserId,
    action: entry.action,
    details: entry.details,
  });
}
