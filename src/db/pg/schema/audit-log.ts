// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { users } from './users';

/** Who did what. Holds ids and action names only, never message text. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: epochMs().notNull(),
    /** Null once the actor has left (their identity goes with them). */
    actorUserId: bigint('actor_user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    details: jsonb().$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
