// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { randomUUID } from 'node:crypto';
import { bigint, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { pairs } from './matching';
import { users } from './users';

export const MEETING_KINDS = ['sprint', 'meeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['scheduled', 'cancelled', 'held', 'missed'] as const;
/**
 * How a meeting's invites go out, fixed at the first one so that every update and the cancel
 * go out the same way (a calendar applies them only to the event it imported from the same
 * kind of message, with the same ORGANIZER):
 * - `organized`: iTIP REQUEST/CANCEL with the booker's real address (`invite_organizer`);
 * - `plain`: a calendar object with no METHOD, ORGANIZER or ATTENDEE;
 * - `legacy`: booked before invites had a random UID: their invites named
 *   `noreply@tandem.local` as ORGANIZER and `user-<id>@tandem.local` as ATTENDEEs.
 */
export const INVITE_FORMS = ['organized', 'plain', 'legacy'] as const;
export type InviteForm = (typeof INVITE_FORMS)[number];

/** A sprint or meeting of a pair. Times are UTC; each person sees them in their own zone. */
export const meetings = pgTable(
  'meetings',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /**
     * The calendar UID (RFC 5545): a random UUID made at booking and kept through every move
     * and the cancel, so each calendar updates its one event — and never another
     * installation's meeting with the same number. Made by the app on every insert.
     */
    uid: text()
      .notNull()
      .$defaultFn(() => randomUUID()),
    pairId: bigint('pair_id', { mode: 'number' })
      .notNull()
      .references(() => pairs.id, { onDelete: 'cascade' }),
    kind: text({ enum: MEETING_KINDS }).notNull(),
    startsAt: epochMs('starts_at').notNull(),
    durationMin: bigint('duration_min', { mode: 'number' }).notNull(),
    topic: text().notNull(),
    link: text(),
    status: text({ enum: MEETING_STATUSES }).notNull().default('scheduled'),
    /** RFC 5545 SEQUENCE: bumped on every change, so calendars apply updates in order. */
    sequence: bigint({ mode: 'number' }).notNull().default(0),
    /** Null only for a meeting whose invites went out before the form was kept. */
    inviteForm: text('invite_form', { enum: INVITE_FORMS }),
    /**
     * The ORGANIZER address its invites carry (`organized`, `legacy`). The booker's e-mail is
     * their personal data: it is erased when they leave, as users.email is.
     */
    inviteOrganizer: text('invite_organizer'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    index('meetings_pair_idx').on(t.pairId, t.startsAt),
    index('meetings_status_idx').on(t.status, t.startsAt),
    uniqueIndex('meetings_uid_unique').on(t.uid),
  ],
);

export type MeetingRow = typeof meetings.$inferSelect;
