import type { CommandInfo } from '../core/adapter';
import type { Ctx } from '../core/context';
import { LOCALES, type Locale, registerMessages, t } from '../core/i18n';
import type { CommandSpec } from '../core/registry';
import { admin } from './admin/manifest';
import { calendars } from './calendars/manifest';
import { content } from './content/manifest';
import { experiments } from './experiments/manifest';
import { composeFeatures, type Feature } from './feature';
import { feedback } from './feedback/manifest';
import { registerForms } from './forms';
import { goals } from './goals/manifest';
import { matching } from './matching/manifest';
import type { FeatureMessages } from './messages';
import { createHelpCommand, type HelpEntry } from './opt-in/help';
import { optIn } from './opt-in/manifest';
import { reports } from './reports/manifest';
import { scheduling } from './scheduling/manifest';

/** Every command, in the order /help lists them. */
export const COMMAND_NAMES = [
  'start',
  'help',
  'join',
  'profile',
  'calendar',
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

// `/start join` arrives from a deep link: run that personal command here in the DM.
const start: CommandSpec = {
  scope: 'anywhere',
  run(ctx, args) {
    const target = args.trim().toLowerCase();
    const spec = Object.hasOwn(commands, target) ? commands[target as CommandName] : undefined;
    if (spec && target !== 'start' && spec.scope === 'dm' && !spec.role) return spec.run(ctx, '');
    return startHelp.run(ctx, args);
  },
};

/** /start and /help: the registry's own, as they list every other command. */
const help = {
  name: 'help',
  commands: { help: createHelpCommand(helpEntries, false), start },
} satisfies Feature;

/** Every feature folder's manifest. */
export const FEATURES = [
  optIn,
  matching,
  scheduling,
  goals,
  experiments,
  content,
  feedback,
  reports,
  admin,
  calendars,
] as const satisfies readonly Feature[];

/** Every feature's wiring, composed once at start: an id two features claim throws here. */
const wiring = composeFeatures([help, ...FEATURES]);

/** A full command table: every COMMAND_NAMES entry, and no name outside it (those are `never`). */
export type CommandTable<T> = Record<CommandName, CommandSpec> &
  Record<Exclude<keyof T, CommandName>, never>;

/**
 * The command registry. A COMMAND_NAMES entry no feature handles won't compile (missing
 * property), nor will a feature's command missing from COMMAND_NAMES (its handler is not
 * `never`) — so every command has its `cmd.<name>` text, checked in helpEntries.
 */
export const commands: CommandTable<typeof wiring.commands> = wiring.commands;

/** Button handlers by namespaced id, and by the ids they had before (old buttons). */
export const actions = wiring.actions;

registerForms(wiring.forms);

/** Timer handlers by kind; jobs/timers.ts runs them. */
export const timers = wiring.timers;

/** Recurring jobs by name; jobs/index.ts schedules them beside the engine's own. */
export const jobs = wiring.jobs;

registerMessages(wiring.messages);

/** The keys of the texts the given features' manifests bring. */
type TextKeysOf<F> = F extends { messages: { en: infer E } } ? keyof E : never;
/**
 * Compile-time: every manifest's texts are in FeatureMessages (features/messages.ts), which
 * types `t()`; a manifest whose en.ts is missing there names its keys here.
 */
export const textsListed: [
  Exclude<TextKeysOf<(typeof FEATURES)[number]>, keyof FeatureMessages>,
] extends [never]
  ? true
  : Exclude<TextKeysOf<(typeof FEATURES)[number]>, keyof FeatureMessages> = true;

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
