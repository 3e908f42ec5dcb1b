import type { Ctx } from '../core/context';
import type { ActionSpec, CommandSpec } from '../core/registry';
import { guideActions } from './opt-in/guide';
import { cancelCommand, createHelpCommand, type HelpEntry, JOIN_START_ACTION } from './opt-in/help';
import { joinCommand, profileActions, profileCommand } from './opt-in/join';
import { langActions, langCommand } from './opt-in/lang';
import { leaveActions, leaveCommand } from './opt-in/leave';
import { menuCommand } from './opt-in/menu';
import { mydataCommand } from './opt-in/mydata';
import { pauseCommand, resumeCommand } from './opt-in/pause';

/** Every command, in the order /help lists them. */
export const COMMAND_NAMES = [
  'help',
  'start',
  'join',
  'profile',
  'pause',
  'resume',
  'lang',
  'mydata',
  'leave',
  'cancel',
  'menu',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The command registry: a name without a handler, or a handler without a name, won't compile. */
export const commands: Record<CommandName, CommandSpec> = {
  help: createHelpCommand(helpEntries, false),
  start: createHelpCommand(helpEntries, true),
  join: joinCommand,
  profile: profileCommand,
  pause: pauseCommand,
  resume: resumeCommand,
  lang: langCommand,
  mydata: mydataCommand,
  leave: leaveCommand,
  cancel: cancelCommand,
  menu: menuCommand,
};

function helpEntries(ctx: Ctx): HelpEntry[] {
  return COMMAND_NAMES.filter((name) => name !== 'start' && name !== 'menu').map((name) => ({
    name,
    // A command without a `cmd.<name>` translation fails to compile here.
    summary: ctx.t(`cmd.${name}`),
    spec: commands[name],
  }));
}

export const actions = {
  ...guideActions,
  ...profileActions,
  ...leaveActions,
  ...langActions,
  [JOIN_START_ACTION]: { run: (ctx) => joinCommand.run(ctx, '') },
} satisfies Record<string, ActionSpec>;
export type ActionName = keyof typeof actions;
