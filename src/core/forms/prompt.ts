import { createHash } from 'node:crypto';
import { encodeAction } from '../actions';
import type { Ctx } from '../context';
import { formatLongDay } from '../format';
import type { Button, Reply } from '../replies';
import {
  type FieldDefinition,
  type FormDefinition,
  type FormEnv,
  type FormValue,
  hintOf,
  optionsOf,
} from './types';

export const FORM_ACTION = 'f';

/** Form button operations, one letter each to stay far under Telegram's 64 bytes. */
export const FORM_OPS = {
  pick: 'o',
  toggle: 't',
  set: 's',
  done: 'd',
  back: 'b',
  keep: 'k',
  clear: 'z',
  cancel: 'x',
} as const;

/**
 * A short fingerprint of an option's value, sent with its index: if the options changed
 * between showing and pressing (a topic added), the press is recognised as stale.
 */
export function optionFingerprint(value: string): string {
  return createHash('sha1').update(value).digest('base64url').slice(0, 4);
}
export type FormOp = (typeof FORM_OPS)[keyof typeof FORM_OPS];

export interface PromptState {
  sessionId: string;
  step: number;
  field: FieldDefinition;
  position: number;
  total: number;
  /** The total if every question a later answer may drop is dropped ("step 1 of 10–12"). */
  fewest: number;
  canGoBack: boolean;
  env: FormEnv;
}

/** One question of a form as a neutral reply: choices as buttons, text as a prompt. */
export async function renderPrompt(
  ctx: Ctx,
  form: FormDefinition,
  state: PromptState,
  notice?: string,
  tone: 'error' | 'info' = 'error',
): Promise<Reply> {
  const { t } = ctx;
  const { field, env } = state;
  const op = (kind: FormOp, ...rest: string[]) =>
    encodeAction(FORM_ACTION, ctx.user.id, state.sessionId, String(state.step), kind, ...rest);
  const current = env.values[field.name];
  const title = `${t(form.titleFor?.(env.mode) ?? form.title)} · ${t('form.step', { n: state.position, total: state.fewest < state.total ? `${state.fewest}–${state.total}` : String(state.total) })}`;
  const lines = [
    notice ? `${tone === 'error' ? '⚠️' : '↪'} ${notice}` : undefined,
    t(field.label),
    await hintOf(field, env),
  ];

  const options = await optionsOf(field, env);
  const buttons: Button[] = [];
  if (field.kind === 'multi') {
    buttons.push({ label: t('form.button.done'), data: op(FORM_OPS.done), style: 'primary' });
  } else if (hasValue(current) && !(field.kind === 'single' && field.backOption)) {
    // (A warning's question shows its answer among its options: "Keep “Keep this time”" says nothing.)
    const shown = options.find((o) => o.value === current)?.label ?? readBack(ctx, field, env);
    buttons.push({
      label: t('form.button.keep', { value: shorten(shown) }),
      data: op(FORM_OPS.keep),
    });
    if (field.optional) buttons.push({ label: t('form.button.clear'), data: op(FORM_OPS.clear) });
  } else if (field.optional && !(field.kind === 'single' && field.backOption)) {
    // A warning's question (it has a way back) is answered, never skipped.
    buttons.push({ label: t('form.button.skip'), data: op(FORM_OPS.keep) });
  }
  if (state.canGoBack) buttons.push({ label: t('form.button.back'), data: op(FORM_OPS.back) });
  buttons.push({ label: t('form.button.cancel'), data: op(FORM_OPS.cancel), style: 'danger' });

  if (field.kind === 'single' || field.kind === 'multi') {
    const chosen = Array.isArray(current) ? current : [current];
    const choices = options.map((option, i) => ({
      label: option.label,
      value: option.value,
      data: op(
        field.kind === 'single' ? FORM_OPS.pick : FORM_OPS.toggle,
        String(i),
        optionFingerprint(option.value),
      ),
      selected: chosen.includes(option.value),
    }));
    if (
      field.kind === 'single' &&
      typeof current === 'string' &&
      !choices.some((o) => o.selected)
    ) {
      // A typed custom value (e.g. a time zone) is shown so the person sees what is stored.
      lines.push(t('form.currentValue', { value: shorten(readBack(ctx, field, env)) }));
    }
    return {
      kind: 'choice',
      title,
      text: lines.filter(Boolean).join('\n'),
      mode: field.kind,
      options: choices,
      ...(field.kind === 'multi' ? { submit: op(FORM_OPS.set) } : {}),
      ...(field.kind === 'single' && field.parseText ? { allowText: true } : {}),
      buttons,
    };
  }
  return { kind: 'text', title, text: lines.filter(Boolean).join('\n'), buttons };
}

/** The field's stored answer as the person reads it: a date in their language, not ISO. */
function readBack(ctx: Ctx, field: FieldDefinition, env: FormEnv): string {
  const value = env.values[field.name];
  if (typeof value !== 'string') return String(value);
  if (field.kind === 'date') return formatLongDay(value, ctx.locale);
  if (field.kind === 'single' && field.display) return field.display(value, env);
  return value;
}

function hasValue(value: FormValue | undefined): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== '' &&
    !(Array.isArray(value) && value.length === 0)
  );
}

function shorten(value: string): string {
  return value.length > 24 ? `${value.slice(0, 23)}…` : value;
}
