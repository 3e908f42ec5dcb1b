import { encodeAction } from '../../core/actions';
import type { ActionSpec, CommandSpec } from '../../core/registry';
import { audit } from '../../db/queries/audit';
import { getProfile } from '../../db/queries/profiles';
import { deleteUser } from '../../db/queries/users';
import { releasePartners } from '../matching/service';

export const LEAVE_CONFIRM_ACTION = 'leave.yes';
export const LEAVE_CANCEL_ACTION = 'leave.no';

/** Leaving deletes for real, so it asks first. */
export const leaveCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  run(ctx) {
    if (!getProfile(ctx.deps.db, ctx.user.id)) {
      ctx.reply({ kind: 'text', text: ctx.t('leave.notJoined') });
      return;
    }
    ctx.reply({
      kind: 'text',
      title: ctx.t('leave.confirmTitle'),
      text: ctx.t('leave.confirm'),
      buttons: [
        {
          label: ctx.t('leave.button.yes'),
          data: encodeAction(LEAVE_CONFIRM_ACTION, ctx.user.id),
          style: 'danger',
        },
        { label: ctx.t('leave.button.no'), data: encodeAction(LEAVE_CANCEL_ACTION, ctx.user.id) },
      ],
    });
  },
};

export const leaveActions = {
  [LEAVE_CONFIRM_ACTION]: {
    run(ctx) {
      if (!getProfile(ctx.deps.db, ctx.user.id)) {
        ctx.reply({ kind: 'text', text: ctx.t('leave.notJoined') });
        return;
      }
      const goodbye = ctx.t('leave.done');
      ctx.deps.db.transaction((tx) => {
        // Partners hear it kindly before the person's rows (proposals, pairs) go with them.
        releasePartners(tx, ctx.deps, ctx.user, ctx.now);
        // The audit entry names no one: the person's identity leaves with them.
        audit(tx, { actorUserId: null, action: 'user.left' }, ctx.now);
        deleteUser(tx, ctx.user.id);
        ctx.reply({ kind: 'text', text: goodbye }, { detached: true });
      });
    },
  },
  [LEAVE_CANCEL_ACTION]: {
    run(ctx) {
      ctx.reply({ kind: 'text', text: ctx.t('leave.kept') });
    },
  },
} satisfies Record<string, ActionSpec>;
