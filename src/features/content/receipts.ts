import { and, eq } from 'drizzle-orm';
import { encodeAction } from '../../core/actions';
import { getUser } from '../../db/queries/users';
import { contentPosts, stories } from '../../db/schema';
import type { ReceiptHandler } from '../channels/receipts';
import { notify, notifyUser } from '../notify';
import { askForReview, loadStory, STORY_APPROVE_ACTION } from './stories';

/**
 * `admin post`: "posted" once the link is in the channel. When it can't be, the post is
 * taken back (so the digest won't list what nobody saw) and HR is told why.
 */
export const contentPostReceipt: ReceiptHandler = {
  sent(db, deps, { args: [userId, postId], now }) {
    notifyUser(
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
    db.delete(contentPosts)
      .where(eq(contentPosts.id, Number(postId)))
      .run();
    notifyUser(
      db,
      deps,
      Number(userId),
      `content:${postId}:failed`,
      (t) => ({
        kind: 'text',
        text: t('content.notPosted', { reason: t(`channel.reason.${problem}`) }),
      }),
      now,
    );
    return true;
  },
};

/**
 * A story is "published" for HR and its author once it is in the channel. When it can't be,
 * it goes back to review: HR who approved it can approve again once the channel works; an
 * author who published HR's edit is told, and HR gets the story to review again.
 */
export const storyReceipt: ReceiptHandler = {
  sent(db, deps, { args: [actorId, storyId], now }) {
    const story = loadStory(db, Number(storyId));
    if (!story) return false;
    const actor = getUser(db, Number(actorId));
    const author = getUser(db, story.authorUserId);
    if (actor && actor.id !== author?.id) {
      notify(
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
      notify(
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
  failed(db, deps, { args: [actorId, storyId], problem, now, messageId }) {
    const back =
      db
        .update(stories)
        .set({ status: 'submitted', publishedAt: null })
        .where(and(eq(stories.id, Number(storyId)), eq(stories.status, 'published')))
        .run().changes > 0;
    const story = loadStory(db, Number(storyId));
    const actor = getUser(db, Number(actorId));
    if (!back || !story || !actor) return false;
    if (actor.id === story.authorUserId) {
      notify(
        db,
        deps,
        actor,
        `story:${story.id}:failed:${messageId}`,
        (t) => ({ kind: 'text', text: t('story.notPublishedYours') }),
        now,
      );
      askForReview(db, deps, story, actor, now, `retry:${messageId}`);
      return true;
    }
    notify(
      db,
      deps,
      actor,
      `story:${story.id}:failed:${messageId}`,
      (t) => ({
        kind: 'text',
        text: t('story.notPublished', { reason: t(`channel.reason.${problem}`) }),
        buttons: [
          {
            label: t('story.button.approve'),
            data: encodeAction(STORY_APPROVE_ACTION, actor.id, String(story.id)),
            style: 'primary',
          },
        ],
      }),
      now,
    );
    return true;
  },
};
