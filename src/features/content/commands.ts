import { z } from 'zod';
import { arg } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import type { StoryRow } from '../../db/schema';
import { idMode } from '../form-mode';
import { forms } from '../forms';
import { joined } from '../joined';
import {
  loadStory,
  PUBLISH_TEXT,
  publishStory,
  STORY_APPROVE_ACTION,
  STORY_EDIT_ACTION,
  STORY_EDIT_FORM,
  STORY_OK_ACTION,
  STORY_REJECT_ACTION,
  STORY_REJECT_FORM,
  waitingEdits,
  waitingReviews,
  withdrawStory,
} from './stories';
import { STORY_FORM } from './story-forms';

/** `/story`: tell a story; `/story review` (HR): the stories waiting for review, with their buttons. */
export const storyCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: true,
  async run(ctx, args) {
    const what = args.trim().toLowerCase();
    if (what === 'review') {
      if (!ctx.roles.has('hr')) {
        ctx.reply({ kind: 'text', text: ctx.t('command.notAllowed') });
        return;
      }
      const waiting = await waitingReviews(ctx);
      if (waiting.length === 0) ctx.reply({ kind: 'text', text: ctx.t('story.noneWaiting') });
      for (const reply of waiting) ctx.reply(reply);
      return;
    }
    if (what !== '' && what !== 'new') {
      ctx.reply({ kind: 'text', text: ctx.t('story.usage', { story: ctx.cmd('story') }) });
      return;
    }
    if (!(await joined(ctx))) return;
    // HR's edit of an earlier story waits for my OK: that first (a new one with /story new).
    const edits = what === 'new' ? [] : await waitingEdits(ctx);
    if (edits.length > 0) {
      for (const reply of edits) ctx.reply(reply);
      ctx.reply({ kind: 'text', text: ctx.t('story.orNew', { story: ctx.cmd('story') }) });
      return;
    }
    await forms.start(ctx, STORY_FORM, 'new');
  },
};

async function reviewable(ctx: Ctx, id: number): Promise<StoryRow | undefined> {
  const story = await loadStory(ctx.tx, id);
  if (!story) {
    ctx.reply({ kind: 'text', text: ctx.t('story.notFound') });
    return undefined;
  }
  if (story.status !== 'submitted') {
    ctx.reply({ kind: 'text', text: ctx.t('story.alreadyHandled') });
    return undefined;
  }
  return story;
}

/** Reviewing a story (its id the button's one argument) needs HR, checked here as well as by the button's owner. */
function hrOnly(run: (ctx: Ctx, storyId: number) => Promise<void> | void) {
  return action(z.tuple([arg.id]), (ctx, [storyId]) => {
    if (!ctx.roles.has('hr')) {
      ctx.reply({ kind: 'text', text: ctx.t('command.notAllowed') });
      return;
    }
    return run(ctx, storyId);
  });
}

export const storyActions = {
  [STORY_OK_ACTION]: action(z.tuple([arg.id, arg.oneOf(['y', 'n'])]), async (ctx, [id, answer]) => {
    const story = await loadStory(ctx.tx, id);
    if (!story || story.authorUserId !== ctx.user.id || story.status !== 'edited') {
      ctx.reply({ kind: 'text', text: ctx.t('story.alreadyHandled') }, { replace: true });
      return;
    }
    if (answer === 'y') {
      const outcome = await publishStory(
        ctx.tx,
        ctx.deps,
        story,
        ctx.user,
        ctx.now,
        story.editedText ?? story.text,
      );
      ctx.reply(
        {
          kind: 'text',
          text: ctx.t(outcome === 'published' ? 'story.sendingYours' : PUBLISH_TEXT[outcome]),
        },
        { replace: true },
      );
      return;
    }
    await withdrawStory(ctx.tx, story, ctx.user, ctx.now);
    ctx.reply({ kind: 'text', text: ctx.t('story.withdrawn') }, { replace: true });
  }),
  [STORY_APPROVE_ACTION]: hrOnly(async (ctx, id) => {
    const story = await reviewable(ctx, id);
    if (!story) return;
    const outcome = await publishStory(ctx.tx, ctx.deps, story, ctx.user, ctx.now);
    ctx.reply(
      { kind: 'text', text: ctx.t(PUBLISH_TEXT[outcome]) },
      { replace: outcome === 'published' },
    );
  }),
  [STORY_EDIT_ACTION]: hrOnly(async (ctx, id) => {
    const story = await reviewable(ctx, id);
    if (story) await forms.start(ctx, STORY_EDIT_FORM, idMode.encode(story.id));
  }),
  [STORY_REJECT_ACTION]: hrOnly(async (ctx, id) => {
    const story = await reviewable(ctx, id);
    if (story) await forms.start(ctx, STORY_REJECT_FORM, idMode.encode(story.id));
  }),
} satisfies Record<string, ActionSpec>;
