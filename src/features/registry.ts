import type { CommandInfo } from '../core/adapter';
import type { Ctx } from '../core/context';
import { LOCALES, type Locale, t } from '../core/i18n';
import type { ActionSpec, CommandSpec } from '../core/registry';
import { broadcastActions } from './admin/broadcast';
import { adminCommand } from './admin/command';
import { confirmActions } from './admin/confirm';
import { storyActions, storyCommand } from './content/commands';
import { experimentActions, ideaCommand, ideasCommand } from './experiments/commands';
import { feedbackCommand } from './feedback/hr-view';
import { feedbackActions } from './feedback/poll';
import { surveyActions } from './feedback/survey-actions';
import { goalActions, goalCommand, goalsCommand } from './goals/commands';
import { matchActions, matchCommand } from './matching/commands';
import { pairCommand } from './matching/pair-command';
import { guideActions } from './opt-in/guide';
import { cancelCommand, createHelpCommand, type HelpEntry, JOIN_START_ACTION } from './opt-in/help';
import { joinCommand, profileActions, profileCommand } from './opt-in/join';
import { langActions, langCommand } from './opt-in/lang';
import { leaveActions, leaveCommand } from './opt-in/leave';
import { menuCommand } from './opt-in/menu';
import { mydataCommand } from './opt-in/mydata';
import { pauseCommand, resumeCommand } from './opt-in/pause';
import { reportCommand } from './reports/commands';
import { exportCommand } from './reports/export';
import {
  meetCommand,
  meetingsCommand,
  schedulingActions,
  sprintCommand,
} from './scheduling/commands';

/** Every command, in the order /help lists them. */
export const COMMAND_NAMES = [
  'start',
  'help',
  'join',
  'profile',
  'pair',
  'sprint',
  'meet',
  'meetings',
  'sprints',
  'goal',
  'goals',
  'idea',
  'ideas',
  'story',
  'pause',
  'resume',
  'lang',
  'mydata',
  'leave',
  'cancel',
  'menu',
  'match',
  'report',
  'export',
  'feedback',
  'admin',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const startHelp = createHelpCommand(helpEntries, true);

/** The command registry: a name without a handler, or a handler without a name, won't compile. */
export const commands: Record<CommandName, CommandSpec> = {
  help: createHelpCommand(helpEntries, false),
  start: {
    scope: 'anywhere',
    // `/start join` arrives from a deep link: run that personal command here in the DM.
    run(ctx, args) {
      const target = args.trim().toLowerCase();
      const spec = Object.hasOwn(commands, target) ? commands[target as CommandName] : undefined;
      if (spec && target !== 'start' && spec.scope === 'dm' && !spec.role) return spec.run(ctx, '');
      return startHelp.run(ctx, args);
    },
  },
  join: joinCommand,
  profile: profileCommand,
  pause: pauseCommand,
  resume: resumeCommand,
  lang: langCommand,
  mydata: mydataCommand,
  leave: leaveCommand,
  cancel: cancelCommand,
  menu: menuCommand,
  pair: pairCommand,
  sprint: sprintCommand,
  meet: meetCommand,
  meetings: meetingsCommand,
  // The same list under the name people also type.
  sprints: { ...meetingsCommand, hidden: true },
  goal: goalCommand,
  goals: goalsCommand,
  idea: ideaCommand,
  ideas: ideasCommand,
  story: storyCommand,
  match: matchCommand,
  report: reportCommand,
  export: exportCommand,
  feedback: feedbackCommand,
  admin: adminCommand,
};

function helpEntries(ctx: Ctx): HelpEntry[] {
  return COMMAND_NAMES.filter((name) => name !== 'start' && name !== 'menu').map((name) => ({
    name,
    // A command without a `cmd.<name>` translation fails to compile here.
    summary: ctx.t(`cmd.${name}`),
    spec: commands[name],
  }));
}

/** The command menu platforms show (Telegram's "/" list): everyday commands, both languages. */
export function commandMenu(): CommandInfo[] {
  return COMMAND_NAMES.filter((name) => name !== 'menu' && name !== 'cancel')
    .filter((name) => !commands[name].role && !commands[name].hidden)
    .map((name) => ({
      name,
      description: Object.fromEntries(LOCALES.map((l) => [l, t(l, `cmd.${name}`)])) as Record<
        Locale,
        string
      >,
    }));
}

export const actions = {
  ...guideActions,
  ...profileActions,
  ...leaveActions,
  ...langActions,
  ...matchActions,
  ...schedulingActions,
  ...goalActions,
  ...feedbackActions,
  ...surveyActions,
  ...experimentActions,
  ...storyActions,
  ...broadcastActions,
  ...confirmActions,
  [JOIN_START_ACTION]: { run: (ctx) => joinCommand.run(ctx, '') },
} satisfies Record<string, ActionSpec>;
export type ActionName = keyof typeof actions;
