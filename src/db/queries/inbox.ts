import { createHash } from 'node:crypto';
import { and, asc, eq, gt, lt, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { onPostgres } from '../dialect';
import { first } from '../first';
import { perConnection } from '../prepared';
import { type InboxRow, inbox } from '../schema';

export interface NewInboxRow {
  key: string;
  lane: 0 | 1;
  conversation: string;
  person: string;
  payload: string;
}

/**
 * The queries every event runs (its insert at the ack, the worker's pick, claim and finish),
 * prepared once per connection: building and compiling them on each call was most of their
 * cost, and the insert sits inside the ack. Run through drizzle's `execute()`, which is
 * awaited on every driver (on better-sqlite3 it runs the statement when awaited).
 */
const statements = perConnection(prepare);

function prepare(db: DbOrTx) {
  // No older event of its conversation still waits: the event is its conversation's next.
  const isNext = sql`not exists (select 1 from ${inbox} as earlier where earlier.conversation = ${inbox.conversation} and earlier.status = 'pending' and earlier.id < ${inbox.id})`;
  return {
    insert: db
      .insert(inbox)
      .values({
        key: sql.placeholder('key'),
        lane: sql.placeholder('lane'),
        conversation: sql.placeholder('conversation'),
        person: sql.placeholder('person'),
        payload: sql.placeholder('payload'),
        status: 'pending',
        nextAt: sql.placeholder('now'),
        receivedAt: sql.placeholder('now'),
      })
      .onConflictDoNothing()
      .returning({ id: inbox.id })
      .prepare(),
    // Due, interactive lane first, oldest first, and never past an older event of its
    // conversation still waiting (that one goes first, even while it backs off).
    next: db
      .select()
      .from(inbox)
      .where(and(eq(inbox.status, 'pending'), lte(inbox.nextAt, sql.placeholder('now')), isNext))
      .orderBy(asc(inbox.lane), asc(inbox.id))
      .limit(1)
      .prepare(),
    // The same, within one lane: a few of the interactive lane's oldest due rows…
    firstOfLane: db
      .select({ id: inbox.id, conversation: inbox.conversation })
      .from(inbox)
      .where(
        and(
          eq(inbox.status, 'pending'),
          eq(inbox.lane, sql.placeholder('lane')),
          lte(inbox.nextAt, sql.placeholder('now')),
        ),
      )
      .orderBy(asc(inbox.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    // …whether one waits behind an older event of its conversation…
    behind: db
      .select({ id: inbox.id })
      .from(inbox)
      .where(
        and(
          eq(inbox.conversation, sql.placeholder('conversation')),
          eq(inbox.status, 'pending'),
          lt(inbox.id, sql.placeholder('id')),
        ),
      )
      .limit(1)
      .prepare(),
    byId: db
      .select()
      .from(inbox)
      .where(eq(inbox.id, sql.placeholder('id')))
      .prepare(),
    // …and the bulk lane's next, as `next` but never looking at the interactive lane's rows.
    nextOfLane: db
      .select()
      .from(inbox)
      .where(
        and(
          eq(inbox.status, 'pending'),
          eq(inbox.lane, sql.placeholder('lane')),
          lte(inbox.nextAt, sql.placeholder('now')),
          isNext,
        ),
      )
      .orderBy(asc(inbox.id))
      .limit(1)
      .prepare(),
    finish: db
      .update(inbox)
      .set({ status: 'done', payload: null, doneAt: sql`${sql.placeholder('now')}` })
      .where(eq(inbox.id, sql.placeholder('id')))
      .prepare(),
    // Claimed only while still pending and due: another process (or this one, again) that
    // read the same row finds it taken. `next_at` moves past the lease while it runs.
    claim: db
      .update(inbox)
      .set({
        attempts: sql`${inbox.attempts} + 1`,
        nextAt: sql`${sql.placeholder('until')}`,
      })
      .where(
        and(
          eq(inbox.id, sql.placeholder('id')),
          eq(inbox.status, 'pending'),
          lte(inbox.nextAt, sql.placeholder('now')),
        ),
      )
      .returning({ attempts: inbox.attempts })
      .prepare(),
    // PostgreSQL, several replicas: `next` and `claim` in one statement. A row another
    // replica is claiming at this moment is skipped (its lock), not raced for; the claimed
    // row still counts as waiting for its conversation's later events, so order holds.
    claimNext: onPostgres(db)
      ? db
          .update(inbox)
          .set({
            attempts: sql`${inbox.attempts} + 1`,
            nextAt: sql`${sql.placeholder('until')}`,
          })
          .where(
            sql`${inbox.id} = (select ${inbox.id} from ${inbox} where ${inbox.status} = 'pending' and ${inbox.nextAt} <= ${sql.placeholder('now')} and ${isNext} order by ${inbox.lane}, ${inbox.id} limit 1 for update skip locked)`,
          )
          .returning()
          .prepare()
      : undefined,
    retry: db
      .update(inbox)
      .set({
        attempts: sql`${sql.placeholder('attempts')}`,
        nextAt: sql`${sql.placeholder('nextAt')}`,
      })
      .where(eq(inbox.id, sql.placeholder('id')))
      .prepare(),
  };
}

/** Stores an inbound event; returns its id, or undefined when it is already there (a retry). */
export async function insertInbox(
  db: DbOrTx,
  row: NewInboxRow,
  now: Date,
): Promise<number | undefined> {
  // Insert values go through their column's mapping (a Date here); conditions take the raw number.
  return (await first(statements(db).insert.execute({ ...row, now })))?.id;
}

/**
 * The next event to run: due, interactive lane first, oldest first — and never one whose
 * conversation still has an older event waiting (that one goes first, even while it backs
 * off), so a conversation's events run in the order they came.
 */
export async function nextInbox(db: DbOrTx, now: Date): Promise<InboxRow | undefined> {
  const s = statements(db);
  const at = now.getTime();
  // The interactive lane's rows mostly wait behind their own conversation's older events (a
  // button pressed right after a command): one query over every row would step over all of
  // those each time. So a few of its oldest are looked at one by one, then the bulk lane
  // alone; the whole query only when both find nothing, so nothing runnable is ever missed.
  for (const candidate of await s.firstOfLane.execute({
    lane: 0,
    now: at,
    limit: INTERACTIVE_LOOK,
  })) {
    const waiting = await first(
      s.behind.execute({ conversation: candidate.conversation, id: candidate.id }),
    );
    if (!waiting) return first(s.byId.execute({ id: candidate.id }));
  }
  return (
    (await first(s.nextOfLane.execute({ lane: 1, now: at }))) ??
    (await first(s.next.execute({ now: at })))
  );
}

/** How many of the interactive lane's oldest due events a pick looks at before the bulk lane. */
export const INTERACTIVE_LOOK = 32;

/** When the earliest retry still backing off is due, if any. */
export async function nextInboxDue(db: DbOrTx, now: Date): Promise<Date | undefined> {
  const row = await first(
    db
      .select({ at: sql<number>`min(${inbox.nextAt})`.mapWith(Number) })
      .from(inbox)
      .where(and(eq(inbox.status, 'pending'), gt(inbox.nextAt, now))),
  );
  return row?.at == null ? undefined : new Date(row.at);
}

/**
 * Claims an event to run it: counts the attempt and holds it until `until` (a lease: if the
 * process dies meanwhile, it runs again after that). Returns its attempts now, or undefined
 * when it is no longer pending and due — someone else has it.
 */
export async function claimInbox(
  db: DbOrTx,
  id: number,
  now: Date,
  until: Date,
): Promise<number | undefined> {
  const claimed = await first(
    statements(db).claim.execute({ id, now: now.getTime(), until: until.getTime() }),
  );
  return claimed?.attempts;
}

/**
 * The next event (as nextInbox picks it) claimed at once (as claimInbox does): the row as it
 * was before this attempt, and its attempts now. PostgreSQL only — replicas that pick at the
 * same moment get different events (FOR UPDATE SKIP LOCKED), in one round trip. SQLite, one
 * process, picks with nextInbox and claims with claimInbox.
 */
export async function claimNextInbox(
  db: DbOrTx,
  now: Date,
  until: Date,
): Promise<{ row: InboxRow; attempts: number } | undefined> {
  const claimNext = statements(db).claimNext;
  if (!claimNext) throw new Error('claimNextInbox is for PostgreSQL; SQLite uses nextInbox');
  const claimed = await first(
    claimNext.execute({ now: now.getTime(), until: until.getTime() }) as Promise<InboxRow[]>,
  );
  if (!claimed) return undefined;
  return { row: { ...claimed, attempts: claimed.attempts - 1 }, attempts: claimed.attempts };
}

/** Marks an event done and forgets its content (names, text): the key stays for dedupe. */
export async function finishInbox(db: DbOrTx, id: number, now: Date): Promise<void> {
  await statements(db).finish.execute({ id, now: now.getTime() });
}

/** A failed attempt: runs again at `nextAt`, or, with `failed`, is kept for an operator. */
export async function retryInbox(
  db: DbOrTx,
  id: number,
  attempts: number,
  nextAt: Date,
  failed: boolean,
): Promise<void> {
  if (!failed) {
    await statements(db).retry.execute({ id, attempts, nextAt: nextAt.getTime() });
    return;
  }
  await db
    .update(inbox)
    .set({ attempts, nextAt, status: 'failed', doneAt: nextAt })
    .where(eq(inbox.id, id));
}

/** Events still waiting to run. */
export async function pendingInbox(db: DbOrTx): Promise<number> {
  const row = await first(
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(inbox)
      .where(eq(inbox.status, 'pending')),
  );
  return row?.n ?? 0;
}

/** Ids of events kept after their last attempt failed, oldest first (for an operator). */
export function failedInbox(db: DbOrTx): Promise<InboxRow[]> {
  return db.select().from(inbox).where(eq(inbox.status, 'failed')).orderBy(asc(inbox.id));
}

/** Platforms retry for minutes, not days: a week of finished keys is plenty for dedupe. */
export async function pruneInbox(db: DbOrTx, olderThan: Date): Promise<number> {
  const gone = await db
    .delete(inbox)
    .where(and(ne(inbox.status, 'pending'), lt(inbox.receivedAt, olderThan)))
    .returning({ id: inbox.id });
  return gone.length;
}

/**
 * Someone left: the events of theirs kept after failing (for an operator) lose their content.
 * Events still waiting run as usual — a `/join` typed right after `/leave` is meant.
 */
export async function forgetFailedInbox(
  db: DbOrTx,
  person: { platform: string; workspace: string; id: string },
): Promise<number> {
  const forgotten = await db
    .update(inbox)
    .set({ payload: null })
    .where(and(eq(inbox.person, inboxKey(person)), eq(inbox.status, 'failed')))
    .returning({ id: inbox.id });
  return forgotten.length;
}

/** A one-way key for a person or a conversation: the inbox keeps no platform id in clear. */
export function inboxKey(ref: { platform: string; workspace: string; id: string }): string {
  return createHash('sha256')
    .update(`${ref.platform}:${ref.workspace}:${ref.id}`)
    .digest('base64url')
    .slice(0, 22);
}
