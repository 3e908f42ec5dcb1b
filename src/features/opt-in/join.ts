import { encodeAction, noArgs } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import { getProfile } from '../../db/queries/profiles';
import { forms } from '../forms';
import { JOIN_START_ACTION } from './help';
import { EDIT_MODE, PROFILE_FORM } from './profile-form';
import { PROFILE_EDIT_ACTION, profileSummary } from './profile-summary';

export const PROFILE_SHOW_ACTION = 'optin.profile';

/** Starts (or resumes) the opt-in form; people already in the program are offered an edit. */
export const joinCommand: CommandSpec = {
  scope: 'dm',
  async run(ctx) {
    if (await getProfile(ctx.tx, ctx.user.id)) {
      ctx.reply({
        kind: 'text',
        text: ctx.t('join.already'),
        shortcuts: true,
        buttons: [
          {
            label: ctx.t('profile.button.edit'),
            data: encodeAction(PROFILE_EDIT_ACTION, ctx.user.id),
          },
          {
            label: ctx.t('profile.button.show'),
            data: encodeAction(PROFILE_SHOW_ACTION, ctx.user.id),
          },
        ],
      });
      return;
    }
    const session = await forms.active(ctx);
    if (session?.formId === PROFILE_FORM) {
      await forms.resume(ctx, session, ctx.t('form.resumed'));
      return;
    }
    ctx.reply({ kind: 'text', text: ctx.t('join.intro') });
    await forms.start(ctx, PROFILE_FORM);
  },
};

/** /profile shows the profile; `/profile edit` opens the form with the current answers. */
export const profileCommand: CommandSpec = {
  scope: 'dm',
  async run(ctx, args) {
    const sub = args.trim().toLowerCase();
    if (sub !== '' && sub !== 'edit') {
      ctx.reply({ kind: 'text', text: ctx.t('profile.usage') });
      return;
    }
    if (sub === 'edit') return startEdit(ctx);
    await showProfile(ctx);
  },
};

async function showProfile(ctx: Ctx): Promise<void> {
  const data = await getProfile(ctx.tx, ctx.user.id);
  if (!data) {
    ctx.reply({ kind: 'text', text: ctx.t('common.notJoined') });
    return;
  }
  ctx.reply(await profileSummary(ctx, data, ctx.user));
}

async function startEdit(ctx: Ctx): Promise<void> {
  if (!(await getProfile(ctx.tx, ctx.user.id))) {
    ctx.reply({ kind: 'text', text: ctx.t('common.notJoined') });
    return;
  }
  ctx.reply({ kind: 'text', text: ctx.t('profile.editIntro') });
  await forms.start(ctx, PROFILE_FORM, EDIT_MODE);
}

export const profileActions = {
  [PROFILE_EDIT_ACTION]: action(noArgs, (ctx) => startEdit(ctx)),
  [PROFILE_SHOW_ACTION]: action(noArgs, (ctx) => showProfile(ctx)),
  // "Join" under /help and /start: the same as typing /join.
  [JOIN_START_ACTION]: action(noArgs, (ctx) => joinCommand.run(ctx, '')),
} satisfies Record<string, ActionSpec>;
