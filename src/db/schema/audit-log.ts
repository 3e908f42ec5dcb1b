import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** Who did what. Holds ids and action names only, never message text. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
    /** Null once the actor has left (their identity goes with them). */
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    details: text({ mode: 'json' }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
