import { and, eq } from 'drizzle-orm';
import { encodeAction } from '../../core/actions';
import type { Translate } from '../../core/i18n';
import type { Button } from '../../core/replies';
import type { DbOrTx } from '../../db/client';
import { getUser } from '../../db/queries/users';
import { contentPosts, stories } from '../../db/schema';
import type { ReceiptHandler } from '../channels/receipts';
import { notify, notifyUser } from '../notify';
import { hrPeople } from './staff';
import { askForReview, loadStory, STORY_APPROVE_ACTION } from './stories';

/**
 * `admin post`: "posted" once the link is in the channel. When it can't be, the post is
 * taken back (so the digest won't list what nobody saw) and HR is told why.
 */
export const contentPostReceipt: ReceiptHandler = {
  async sent(db, deps, { args: [userId, postId], now }) {
    await notifyUser(
      db,
      deps,
      Number(userId),
      `content:${postId}:posted`,
      (t) => ({ kind: 'text', text: t('content.posted') }),
      now,
    );
    return true;
  },
  failed(db, deps, { args: [userId, postId], problem, now }) {
    return takeBack(db, deps, Number(userId), Number(postId), 'failed', now, (t) =>
      t('content.notPosted', { reason: t(`channel.reason.${problem}`) }),
    );
  },
  // Taken back like a failed one (the digest lists only what is known to be there); HR, who
  // can see the channel, decides whether to post it again.
  uncertain(db, deps, { args: [userId, postId], now }) {
    return takeBack(db, deps, Number(userId), Number(postId), 'uncertain', now, (t) =>
      t('content.uncertain'),
    );
  },
};

/** Removes a link that may not be in the channel and tells the person who posted it why. */
async function takeBack(
  db: DbOrTx,
  deps: Parameters<ReceiptHandler['sent']>[1],
  userId: number,
  postId: number,
  outcome: 'failed' | 'uncertain',
  now: Date,
  text: (t: Translate) => string,
): Promise<true> {
  await db.delete(contentPosts).where(eq(contentPosts.id, postId));
  await notifyUser(
    db,
    deps,
    userId,
    `content:${postId}:${outcome}`,
    (t) => ({ kind: 'text', text: text(t) }),
    now,
  );
  return true;
}

/**
 * A story is "published" for HR and its author once it is in the channel. When it can't be,
 * it goes back to review: HR who approved it can approve again once the channel works; an
 * author who published HR's edit is told, and HR gets the story to review again.
 */
export const storyReceipt: ReceiptHandler = {
  async sent(db, deps, { args: [actorId, storyId], now }) {
    const story = await loadStory(db, Number(storyId));
    if (!story) return false;
    const actor = await getUser(db, Number(actorId));
    const author = await getUser(db, story.authorUserId);
    if (actor && actor.id !== author?.id) {
      await notify(
        db,
        deps,
        actor,
        `story:${story.id}:done:${actor.id}`,
        (t) => ({ kind: 'text', text: t('story.approvedDone') }),
        now,
      );
    }
    if (author) {
      const key = actor?.id === author.id ? 'story.publishedByYou' : 'story.published';
      await notify(
        db,
        deps,
        author,
        `story:${story.id}:published`,
        (t) => ({ kind: 'text', text: t(key) }),
        now,
      );
    }
    return true;
  },
  async failed(db, deps, { args: [actorId, storyId], problem, now, messageId }) {
    const back = await backToReview(db, Number(storyId));
    const story = await loadStory(db, Number(storyId));
    const actor = await getUser(db, Number(actorId));
    if (!back || !story || !actor) return false;
    if (actor.id === story.authorUserId) {
      await notify(
        db,
        deps,
        actor,
        `story:${story.id}:failed:${messageId}`,
        (t) => ({ kind: 'text', text: t('story.notPublishedYours') }),
        now,
      );
      await askForReview(db, deps, story, actor, now, `retry:${messageId}`);
      return true;
    }
    await notify(
      db,
      deps,
      actor,
      `story:${story.id}:failed:${messageId}`,
      (t) => ({
        kind: 'text',
        text: t('story.notPublished', { reason: t(`channel.reason.${problem}`) }),
        buttons: [approveButton(t, actor.id, story.id)],
      }),
      now,
    );
    return true;
  },
  /**
   * Tandem stopped while posting it: back to review, and whoever approved it (HR, or every HR
   * person when the author published HR's edit) is asked to look in the channel and approve
   * it again if it is missing — the one thing nobody else can know.
   */
  async uncertain(db, deps, { args: [actorId, storyId], now, messageId }) {
    if (!(await backToReview(db, Number(storyId)))) return false;
    const story = await loadStory(db, Number(storyId));
    const actor = await getUser(db, Number(actorId));
    const author = story && (await getUser(db, story.authorUserId));
    if (!story || !actor || !author) return false;
    const reviewers = actor.id === author.id ? await hrPeople(db, deps.config) : [actor];
    if (actor.id === author.id) {
      await notify(
        db,
        deps,
        author,
        `story:${story.id}:uncertain:${messageId}`,
        (t) => ({ kind: 'text', text: t('story.uncertainYours') }),
        now,
      );
    }
    for (const hr of reviewers) {
      await notify(
        db,
        deps,
        hr,
        `story:${story.id}:uncertain:${messageId}:${hr.id}`,
        (t) => ({
          kind: 'text',
          text: t('story.uncertain', { name: author.name }),
          buttons: [approveButton(t, hr.id, story.id)],
        }),
        now,
      );
    }
    return true;
  },
};

/** A published story goes back to review; false if it is not published (anymore). */
async function backToReview(db: DbOrTx, storyId: number): Promise<boolean> {
  // The rows it changed, as both databases return them (SQLite's `changes` is its driver's).
  const changed = await db
    .update(stories)
    .set({ status: 'submitted', publishedAt: null })
    .where(and(eq(stories.id, storyId), eq(stories.status, 'published')))
    .returning({ id: stories.id });
  return changed.length > 0;
}

function approveButton(t: Translate, hrId: number, storyId: number): Button {
  return {
    label: t('story.button.approve'),
    data: encodeAction(STORY_APPROVE_ACTION, hrId, String(storyId)),
    style: 'primary',
  };
}
