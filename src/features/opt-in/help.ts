import { encodeAction } from '../../core/actions';
import { clipName } from '../../core/command-parser';
import type { Ctx } from '../../core/context';
import type { CommandSpec } from '../../core/registry';
import type { Button } from '../../core/replies';
import { getProfile } from '../../db/queries/profiles';
import { forms } from '../forms';
import { GUIDE_SHOW_ACTION } from './guide';

export const JOIN_START_ACTION = 'optin.join';

/** A command as help lists it: its name and whether this person, here, can use it. */
export interface HelpEntry {
  name: string;
  summary: string;
  spec: CommandSpec;
}

/** /help and /start: what reverse mentoring is, how Tandem runs it, and the commands you can use. */
export function createHelpCommand(list: (ctx: Ctx) => HelpEntry[], greeting: boolean): CommandSpec {
  return {
    scope: 'anywhere',
    async run(ctx, args) {
      const inGroup = ctx.event.conversation.kind === 'group';
      const visible = list(ctx).filter(
        ({ spec }) =>
          !spec.hidden &&
          (!spec.role || ctx.roles.has(spec.role)) &&
          (!inGroup || spec.scope === 'anywhere'),
      );
      // `/help sprint`: that command's line. (/start's words are deep links: see registry.ts.)
      const asked = greeting ? '' : args.trim().replace(/^\//, '').toLowerCase();
      const one = asked ? visible.find((c) => c.name === asked) : undefined;
      if (one) {
        ctx.reply({
          kind: 'text',
          text: ctx.t('help.one', {
            line: `${ctx.cmd(one.name)} — ${one.summary}`,
            help: ctx.cmd('help'),
          }),
        });
        return;
      }
      const joined = Boolean(await getProfile(ctx.tx, ctx.user.id));
      const buttons: Button[] = [];
      if (!inGroup && !joined) {
        buttons.push({
          label: ctx.t('help.button.join'),
          data: encodeAction(JOIN_START_ACTION, ctx.user.id),
          style: 'primary',
        });
      }
      if (!inGroup) {
        buttons.push({
          label: ctx.t('help.button.guide'),
          data: encodeAction(GUIDE_SHOW_ACTION, ctx.user.id),
        });
      }
      ctx.reply({
        kind: 'text',
        title: ctx.t('help.title'),
        text: [
          greeting
            ? ctx.t('help.greeting', { name: ctx.user.name.split(' ')[0] || '👋' })
            : undefined,
          asked ? ctx.t('help.noSuch', { name: clipName(asked) }) : undefined,
          // "Here is everything:" is followed by the commands, not by the introduction.
          asked ? undefined : ctx.t('help.what'),
          asked ? undefined : ctx.t('help.how'),
          `${ctx.t('help.commands')}\n${visible.map((c) => `${ctx.cmd(c.name)} — ${c.summary}`).join('\n')}`,
          inGroup ? ctx.t('help.groupNote') : undefined,
        ]
          .filter(Boolean)
          .join('\n\n'),
        ...(buttons.length ? { buttons, shortcuts: true } : {}),
      });
    },
  };
}

export const cancelCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    if (!(await forms.cancel(ctx))) ctx.reply({ kind: 'text', text: ctx.t('cancel.nothing') });
  },
};
