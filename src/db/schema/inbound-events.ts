import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Ids of events already handled, so a platform retry has no second effect. */
export const inboundEvents = sqliteTable(
  'inbound_events',
  {
    /** sha256 (base64url) of `${platform}:${workspace}:${eventId}`: no platform id in clear. */
    key: text().primaryKey(),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('inbound_events_received_idx').on(t.receivedAt)],
);
