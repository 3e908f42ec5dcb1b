import { lastJobRun } from '../../db/queries/job-runs';
import { transact } from '../../db/transact';
import type { Feature } from '../feature';
import { storyActions, storyCommand } from './commands';
import { runDigest } from './digest';
import { en } from './en';
import { ru } from './ru';
import { STORY_EDIT_FORM, STORY_REJECT_FORM } from './stories';
import { STORY_FORM, storyEditForm, storyForm, storyRejectForm } from './story-forms';

/** The forms this feature asks, by id (their ids also type the form engine). */
export const contentForms = {
  [STORY_FORM]: storyForm,
  [STORY_EDIT_FORM]: storyEditForm,
  [STORY_REJECT_FORM]: storyRejectForm,
};

/** Stories: told, reviewed by HR, published and digested. */
export const content = {
  name: 'story',
  commands: { story: storyCommand },
  actions: [storyActions],
  formerActionIds: {
    so: 'story.ok',
    sa: 'story.approve',
    se: 'story.edit',
    sr: 'story.reject',
  },
  forms: contentForms,
  jobs: {
    digest: {
      schedule: (config) => config.DIGEST_CRON,
      catchUp: true,
      async run(deps, now) {
        await transact(deps.db, async (tx) => {
          const last = await lastJobRun(tx, 'digest');
          await runDigest({ ...deps, db: tx }, now, last?.lastRunAt);
        });
        deps.outbox.kick();
      },
    },
  },
  messages: { en, ru },
} satisfies Feature;
