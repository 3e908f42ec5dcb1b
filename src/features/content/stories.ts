import { and, asc, eq, inArray } from 'drizzle-orm';
import { encodeAction } from '../../core/actions';
import type { Ctx, EngineDeps } from '../../core/context';
import type { Translate } from '../../core/i18n';
import { enqueue } from '../../core/outbox';
import type { Reply } from '../../core/replies';
import type { Db, DbOrTx } from '../../db/client';
import { first, one } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { pairIn, populationOf } from '../../db/queries/population';
import { getUser } from '../../db/queries/users';
import {
  meetingFeedback,
  meetings,
  type PairRow,
  pairs,
  type StoryRow,
  type StoryStatus,
  stories,
  storyInvites,
  type UserRow,
  users,
} from '../../db/schema';
import { transact } from '../../db/transact';
import { channelTarget } from '../matching/scheduled';
import { notify, notifyUser } from '../notify';
import { hrPeople } from './staff';

type Deps = Pick<EngineDeps, 'config' | 'adapters'>;

/** What HR hears at once; "published" itself waits for the channel (see ./receipts). */
export const PUBLISH_TEXT = {
  published: 'story.sending',
  already: 'story.alreadyHandled',
  no_channel: 'content.noChannel',
} as const;

export const STORY_APPROVE_ACTION = 'story.approve';
export const STORY_EDIT_ACTION = 'story.edit';
/** The author's answer to HR's edit: `so|owner|story|y` publishes it, `n` withdraws the story. */
export const STORY_OK_ACTION = 'story.ok';
export const STORY_REJECT_ACTION = 'story.reject';
export const STORY_EDIT_FORM = 'story-edit';
export const STORY_REJECT_FORM = 'story-reject';

/** Someone is invited to share a story once their own ratings of a pair reach this, over this many. */
export const STORY_INVITE_MIN_MEETINGS = 3;
export const STORY_INVITE_MIN_AVERAGE = 4.5;

export async function loadStory(db: DbOrTx, id: number): Promise<StoryRow | undefined> {
  return Number.isSafeInteger(id)
    ? first(db.select().from(stories).where(eq(stories.id, id)))
    : undefined;
}

/** Saves a submitted story and asks every HR person to review it. */
export async function submitStory(
  db: DbOrTx,
  deps: Deps,
  author: UserRow,
  text: string,
  now: Date,
): Promise<StoryRow> {
  const story = await one(
    db.insert(stories).values({ authorUserId: author.id, text, createdAt: now }).returning(),
  );
  await askForReview(db, deps, story, author, now, 'review');
  await audit(
    db,
    { actorUserId: author.id, action: 'story.submitted', details: { story: story.id } },
    now,
  );
  return story;
}

/** Every HR person gets the story with Approve / Edit / Reject; `round` keys this asking. */
export async function askForReview(
  db: DbOrTx,
  deps: Deps,
  story: StoryRow,
  author: UserRow,
  now: Date,
  round: string,
): Promise<void> {
  for (const hr of await hrPeople(db, deps.config)) {
    await notify(
      db,
      deps,
      hr,
      `story:${story.id}:${round}:${hr.id}`,
      (t) => reviewReply(t, hr.id, story, author.name),
      now,
    );
  }
}

/** A story put to HR person `hrId`, with Approve / Edit / Reject. */
export function reviewReply(t: Translate, hrId: number, story: StoryRow, name: string): Reply {
  const id = String(story.id);
  return {
    kind: 'text',
    text: t('story.review', { name, text: story.text }),
    buttons: [
      {
        label: t('story.button.approve'),
        data: encodeAction(STORY_APPROVE_ACTION, hrId, id),
        style: 'primary',
      },
      { label: t('story.button.edit'), data: encodeAction(STORY_EDIT_ACTION, hrId, id) },
      {
        label: t('story.button.reject'),
        data: encodeAction(STORY_REJECT_ACTION, hrId, id),
        style: 'danger',
      },
    ],
  };
}

/**
 * The stories waiting for review, each put to this HR person again with its buttons — so a
 * review is never lost when its message scrolls away (or, on the console, at a restart).
 * Empty for anyone without the HR role.
 */
export async function waitingReviews(ctx: Ctx): Promise<Reply[]> {
  if (!ctx.roles.has('hr')) return [];
  const waiting = await ctx.tx
    .select({ story: stories, name: users.name })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorUserId))
    .where(eq(stories.status, 'submitted'))
    .orderBy(asc(stories.id));
  return waiting.map((w) =>
    reviewReply(ctx.t, ctx.user.id, w.story, w.name || ctx.t('user.formerLabel')),
  );
}

export type PublishOutcome = 'published' | 'already' | 'no_channel';

/** The receipt a story's channel post carries (./receipts): who acted, which story. */
export const STORY_RECEIPT = 'story';

/**
 * Publishes a reviewed story (possibly edited) under its author's name, once. Whoever acted
 * and the author hear "published" only once the channel has the post (its receipt).
 */
export async function publishStory(
  db: DbOrTx,
  deps: Deps,
  story: StoryRow,
  by: UserRow,
  now: Date,
  editedText?: string,
): Promise<PublishOutcome> {
  const current = await loadStory(db, story.id);
  // HR approves a story as written; an edited one is published only on its author's OK.
  const expected = editedText === undefined ? 'submitted' : 'edited';
  if (current?.status !== expected) return 'already';
  const channel = channelTarget(deps.config.CONTENT_CHANNEL);
  if (!channel) return 'no_channel';
  const text = editedText ?? current.text;
  await db
    .update(stories)
    .set({ status: 'published', text, editedText: null, publishedAt: now })
    .where(eq(stories.id, story.id));
  const author = await getUser(db, story.authorUserId);
  const locale = deps.config.DEFAULT_LOCALE;
  await enqueue(
    db,
    {
      // Once per approval (the status move above guards that): a post the channel refused sends
      // the story back to review, and approving it again is a new post.
      dedupeKey: `story:${story.id}:publish:${now.getTime()}`,
      target: channel,
      payload: {
        kind: 'reply',
        reply: { kind: 'text', title: `✨ ${author?.name ?? ''}`.trim(), text },
        locale,
        receipt: { kind: STORY_RECEIPT, args: [String(by.id), String(story.id)] },
      },
    },
    now,
  );
  await audit(
    db,
    {
      actorUserId: by.id,
      action: 'story.published',
      details: { story: story.id, edited: Boolean(editedText) },
    },
    now,
  );
  return 'published';
}

/** Sends a story back with HR's reason (seen by the author only). */
export async function rejectStory(
  db: DbOrTx,
  deps: Deps,
  story: StoryRow,
  by: UserRow,
  reason: string,
  now: Date,
): Promise<boolean> {
  if (
    !(await move(db, story, 'submitted', {
      status: 'rejected',
      reviewNote: reason,
      reviewedBy: by.id,
    }))
  )
    return false;
  await notifyUser(
    db,
    deps,
    story.authorUserId,
    `story:${story.id}:rejected`,
    (t) => ({ kind: 'text', text: t('story.rejected', { reason }) }),
    now,
  );
  await audit(
    db,
    { actorUserId: by.id, action: 'story.rejected', details: { story: story.id } },
    now,
  );
  return true;
}

/**
 * Someone whose own ratings of a pair's sessions average at least 4.5 over three or more is
 * invited, once, to tell the story. Only their own ratings count — a pair-wide average would
 * let each partner subtract their own and learn the other's — and it runs in the daily job,
 * never right after a tap.
 */
export async function maybeInviteStory(
  db: DbOrTx,
  deps: Deps,
  pair: PairRow,
  now: Date,
): Promise<void> {
  const held = (
    await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.pairId, pair.id), eq(meetings.status, 'held')))
  ).map((m) => m.id);
  if (held.length < STORY_INVITE_MIN_MEETINGS) return;
  for (const userId of [pair.mentorUserId, pair.menteeUserId]) {
    const own = (
      await db
        .select({ usefulness: meetingFeedback.usefulness })
        .from(meetingFeedback)
        .where(and(inArray(meetingFeedback.meetingId, held), eq(meetingFeedback.userId, userId)))
    ).map((r) => r.usefulness);
    if (own.length < STORY_INVITE_MIN_MEETINGS) continue;
    if (own.reduce((a, b) => a + b, 0) / own.length < STORY_INVITE_MIN_AVERAGE) continue;
    const fresh =
      (
        await db
          .insert(storyInvites)
          .values({ pairId: pair.id, userId, createdAt: now })
          .onConflictDoNothing()
          .returning({ userId: storyInvites.userId })
      ).length > 0;
    if (!fresh) continue;
    await notifyUser(
      db,
      deps,
      userId,
      `story-invite:${pair.id}:${userId}`,
      (t) => ({ kind: 'text', text: t('story.invite') }),
      now,
    );
  }
}

/**
 * The daily pass over active pairs for story invitations: each pair in a transaction of its
 * own (read afresh there, as units of work run between pairs).
 */
export async function runStoryInvites(deps: Deps & { db: Db }, now: Date): Promise<void> {
  const served = pairIn(populationOf(deps.config));
  const active = and(eq(pairs.status, 'active'), served);
  const ids = await transact(deps.db, async (tx) =>
    (await tx.select({ id: pairs.id }).from(pairs).where(active)).map((p) => p.id),
  );
  for (const id of ids) {
    await transact(deps.db, async (tx) => {
      const pair = await first(
        tx
          .select()
          .from(pairs)
          .where(and(eq(pairs.id, id), active)),
      );
      if (pair) await maybeInviteStory(tx, deps, pair, now);
    });
  }
}

/** HR's edit of a story, put to its author: publish this version, or withdraw the story. */
function editReply(t: Translate, authorId: number, storyId: number, text: string): Reply {
  return {
    kind: 'text',
    text: t('story.editProposed', { text }),
    buttons: [
      {
        label: t('story.button.publishEdit'),
        data: encodeAction(STORY_OK_ACTION, authorId, String(storyId), 'y'),
        style: 'primary',
      },
      {
        label: t('story.button.withdraw'),
        data: encodeAction(STORY_OK_ACTION, authorId, String(storyId), 'n'),
      },
    ],
  };
}

/**
 * My stories HR edited that wait for my OK, each put to me again — so the question is not lost
 * with its message (a restart of the console, a new device); on arrival and with /story.
 */
export async function waitingEdits(ctx: Ctx): Promise<Reply[]> {
  const mine = await ctx.tx
    .select()
    .from(stories)
    .where(and(eq(stories.authorUserId, ctx.user.id), eq(stories.status, 'edited')))
    .orderBy(asc(stories.id));
  return mine.map((story) =>
    editReply(ctx.t, ctx.user.id, story.id, story.editedText ?? story.text),
  );
}

/**
 * HR edited a story: the new text goes to its author, who decides — it is published under
 * their name, so nothing they didn't agree to appears there.
 */
export async function proposeStoryEdit(
  db: DbOrTx,
  deps: Deps,
  story: StoryRow,
  by: UserRow,
  text: string,
  now: Date,
): Promise<boolean> {
  if (
    !(await move(db, story, 'submitted', {
      status: 'edited',
      editedText: text,
      reviewedBy: by.id,
    }))
  )
    return false;
  await notifyUser(
    db,
    deps,
    story.authorUserId,
    `story:${story.id}:edit:${now.getTime()}`,
    (t) => editReply(t, story.authorUserId, story.id, text),
    now,
  );
  await audit(
    db,
    { actorUserId: by.id, action: 'story.edited', details: { story: story.id } },
    now,
  );
  return true;
}

/** The author withdraws their story (instead of HR's edit); HR hears nothing was published. */
export async function withdrawStory(
  db: DbOrTx,
  story: StoryRow,
  by: UserRow,
  now: Date,
): Promise<boolean> {
  if (story.authorUserId !== by.id) return false;
  if (!(await move(db, story, 'edited', { status: 'withdrawn', editedText: null }))) return false;
  await audit(
    db,
    { actorUserId: by.id, action: 'story.withdrawn', details: { story: story.id } },
    now,
  );
  return true;
}

/** Moves a story on from `from` (as it is now in the database); false when it already moved. */
async function move(
  db: DbOrTx,
  story: StoryRow,
  from: StoryStatus,
  patch: Partial<typeof stories.$inferInsert>,
): Promise<boolean> {
  const moved = await db
    .update(stories)
    .set(patch)
    .where(and(eq(stories.id, story.id), eq(stories.status, from)))
    .returning({ id: stories.id });
  return moved.length > 0;
}
