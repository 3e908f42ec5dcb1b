import { COMMAND_ACTION } from '../core/engine';
import { TandemError } from '../core/errors';
import { FORM_OPEN_ACTION, FORM_SUBMIT_ACTION } from '../core/forms/engine';
import { FORM_ACTION } from '../core/forms/prompt';
import type { FormDefinition } from '../core/forms/types';
import { ENGINE_MESSAGE_KEYS, type Locale, type Texts } from '../core/i18n';
import type { ActionSpec, CommandSpec } from '../core/registry';
import { ENGINE_JOB_NAMES, type JobSpec, type TimerSpec } from '../jobs/types';

/**
 * What one feature folder brings to the bot, in one place: its commands, button actions,
 * forms, timers, cron jobs and texts. The registry (registry.ts) composes every feature's manifest; anything
 * two features both claim fails at start.
 */
export interface Feature {
  /**
   * The feature's action namespace: each of its action ids is `<name>.<action>`. Short, as
   * ids ride in button data (64 bytes on Telegram).
   */
  name: string;
  commands?: Record<string, CommandSpec>;
  /** Button handlers by id, in one or more tables (one per file that defines some). */
  actions?: readonly Record<string, ActionSpec>[];
  /**
   * Ids this feature's actions had before they were namespaced (`pr.yes` → `match.ok`): the
   * argument layout is unchanged, so buttons already sent keep working. Old ids are claimed
   * like current ones, so no feature can reuse one for something else.
   */
  formerActionIds?: Record<string, string>;
  /** Forms by id; each key is its definition's `id`. */
  forms?: Record<string, FormDefinition>;
  /** Timer handlers by the `kind` their rows are stored with. */
  timers?: Record<string, TimerSpec>;
  /** Recurring jobs by name (the name keys their cron slots); jobs/index.ts schedules them. */
  jobs?: Record<string, JobSpec>;
  /**
   * The feature's texts by key, in every language (its en.ts and ru.ts; ru.ts is typed as
   * en.ts, so a missing key or parameter won't compile). Their keys type every `t()` call.
   */
  messages?: Record<Locale, Texts>;
}

type Union<F extends Feature, K extends keyof Feature> = F extends { [P in K]: infer T }
  ? keyof T
  : never;
/** The command names the given features handle. */
export type CommandsOf<F extends Feature> = Union<F, 'commands'>;
/** The form ids the given features run. */
export type FormsOf<F extends Feature> = Union<F, 'forms'>;
/** The timer kinds the given features handle. */
export type TimersOf<F extends Feature> = Union<F, 'timers'>;
/** The job names the given features run. */
export type JobsOf<F extends Feature> = Union<F, 'jobs'>;

/** Every feature's wiring in one table per kind, each id claimed once. */
export interface Composed<F extends Feature> {
  commands: Record<CommandsOf<F>, CommandSpec>;
  /** By current and former id. */
  actions: Record<string, ActionSpec>;
  forms: Record<FormsOf<F>, FormDefinition>;
  timers: Record<TimersOf<F>, TimerSpec>;
  jobs: Record<JobsOf<F>, JobSpec>;
  /** Every feature's texts, by language; the engine's own (core/i18n) are not among them. */
  messages: Record<Locale, Texts>;
}

/**
 * Composes manifests. Throws a TandemError (`wiring_duplicate`) when two features — or two
 * tables of one — claim the same command, action id (current or former), form, timer kind,
 * job name or message key (the engine's own jobs and texts included), where a spread would
 * let the later silently replace the earlier; and `wiring_invalid` for
 * an action outside its feature's namespace or a form filed under another id.
 */
export function composeFeatures<const F extends readonly Feature[]>(
  features: F,
): Composed<F[number]> {
  const commands: Record<string, CommandSpec> = {};
  const actions: Record<string, ActionSpec> = {};
  const forms: Record<string, FormDefinition> = {};
  const timers: Record<string, TimerSpec> = {};
  const jobs: Record<string, JobSpec> = {};
  const messages: Record<Locale, Texts> = { en: {}, ru: {} };
  // The engine's own buttons (form steps, opening and submitting a form, a command): ids
  // without a namespace, which no feature's id — current or former — may shadow.
  const claimed = new Map<string, string>(
    [FORM_ACTION, FORM_OPEN_ACTION, FORM_SUBMIT_ACTION, COMMAND_ACTION].map((id) => [
      `action ${id}`,
      'engine',
    ]),
  );
  // Likewise the engine's own jobs (the minute tick, pruning) and its shared texts.
  for (const name of ENGINE_JOB_NAMES) claimed.set(`job ${name}`, 'engine');
  for (const key of ENGINE_MESSAGE_KEYS) claimed.set(`message ${key}`, 'engine');
  const claim = <T>(table: Record<string, T>, kind: string, id: string, value: T, by: string) => {
    const key = `${kind} ${id}`;
    const earlier = claimed.get(key);
    if (earlier !== undefined) {
      throw new TandemError(
        'wiring_duplicate',
        `${kind} "${id}" is claimed by both "${earlier}" and "${by}"`,
      );
    }
    claimed.set(key, by);
    table[id] = value;
  };
  for (const feature of features) {
    const by = feature.name;
    for (const [name, spec] of Object.entries(feature.commands ?? {})) {
      claim(commands, 'command', name, spec, by);
    }
    for (const table of feature.actions ?? []) {
      for (const [id, spec] of Object.entries(table)) {
        if (!id.startsWith(`${by}.`)) {
          throw new TandemError('wiring_invalid', `action "${id}" is outside namespace "${by}."`);
        }
        claim(actions, 'action', id, spec, by);
      }
    }
    for (const [former, id] of Object.entries(feature.formerActionIds ?? {})) {
      const spec = actions[id];
      if (!spec || claimed.get(`action ${id}`) !== by) {
        throw new TandemError(
          'wiring_invalid',
          `former action "${former}" names no action of "${by}"`,
        );
      }
      claim(actions, 'action', former, spec, by);
    }
    for (const [id, form] of Object.entries(feature.forms ?? {})) {
      if (form.id !== id) {
        throw new TandemError('wiring_invalid', `form "${form.id}" is filed as "${id}"`);
      }
      claim(forms, 'form', id, form, by);
    }
    for (const [kind, spec] of Object.entries(feature.timers ?? {})) {
      claim(timers, 'timer', kind, spec, by);
    }
    for (const [name, job] of Object.entries(feature.jobs ?? {})) {
      claim(jobs, 'job', name, job, by);
    }
    // Russian has the same keys as English (ru.ts is typed as en.ts), so English claims both.
    for (const [key, text] of Object.entries(feature.messages?.en ?? {})) {
      claim(messages.en, 'message', key, text, by);
      const ru = feature.messages?.ru[key];
      if (ru !== undefined) messages.ru[key] = ru;
    }
  }
  return { commands, actions, forms, timers, jobs, messages } as Composed<F[number]>;
}
