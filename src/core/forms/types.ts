import type { FormValue } from '../../db/schema';
import type { Ctx } from '../context';
import type { MessageKey } from '../i18n';

export type { FormValue };
export type FormValues = Record<string, FormValue>;

/**
 * What field callbacks see: the context, the form's mode and the answers so far. Callbacks
 * that read storage (`options`, `when`, `check`, a hint) are async and await it through
 * `ctx.tx`; the engine awaits them before a step is rendered, validated or submitted.
 */
export interface FormEnv {
  ctx: Ctx;
  mode: string;
  values: FormValues;
}

/** A value, or its promise for callbacks that read storage through `ctx.tx`. */
export type MaybePromise<T> = T | Promise<T>;

export interface FieldOption {
  value: string;
  label: string;
}

interface FieldBase {
  name: string;
  label: MessageKey;
  /** A line under the question; a function when it depends on today (an example date). */
  hint?: MessageKey | ((env: FormEnv) => MaybePromise<string>);
  optional?: boolean;
  /**
   * Conditional fields: asked only when this returns true. 'maybe' while the answers that
   * decide it are not given yet: asked if it stays so, and the step count says "10–12".
   */
  when?: (env: FormEnv) => MaybePromise<boolean | 'maybe'>;
}

export interface SingleField extends FieldBase {
  kind: 'single';
  options: (env: FormEnv) => MaybePromise<FieldOption[]>;
  /** Accepts a typed value that is not among the options (e.g. any IANA time zone). */
  parseText?: (text: string, env: FormEnv) => string | undefined;
  /** What to say when a typed value is neither an option nor readable by `parseText`. */
  textError?: MessageKey | ((env: FormEnv) => string);
  /** How a typed value (not an option) reads back to the person: a day, not "2026-12-18T15:00". */
  display?: (value: string, env: FormEnv) => string;
  /** A native picker a whole-form surface may show instead of the options (Slack). */
  picker?: 'date' | 'time';
  /** Extra rule on the chosen or typed value, asked right away; returns the translated reason. */
  check?: (value: string, env: FormEnv) => MaybePromise<string | undefined>;
  /**
   * Step by step, the option that goes back to the question before instead of being kept
   * (a warning's "Pick another time"). A whole form has no "before": `validate` reads it.
   * Step by step such a question offers no Skip, even when optional (a whole form needs it
   * optional: whether it applies is known only on submit).
   */
  backOption?: string;
}

export interface MultiField extends FieldBase {
  kind: 'multi';
  options: (env: FormEnv) => MaybePromise<FieldOption[]>;
  min: number;
  max: number;
}

export interface TextField extends FieldBase {
  kind: 'text';
  maxLength: number;
  minLength?: number;
  /** Extra rule on the trimmed text; returns the error message key when it fails. */
  check?: (text: string) => MessageKey | undefined;
}

export interface NumberField extends FieldBase {
  kind: 'number';
  min: number;
  max: number;
}

export interface DateField extends FieldBase {
  kind: 'date';
  /**
   * Reads a typed date other than YYYY-MM-DD ("31 января", "next friday") as YYYY-MM-DD;
   * without it only YYYY-MM-DD is taken.
   */
  parseText?: (text: string, env: FormEnv) => string | undefined;
  /** Extra rule on the day (YYYY-MM-DD), asked right away; returns the translated reason. */
  check?: (day: string, env: FormEnv) => MaybePromise<string | undefined>;
}

export type FieldDefinition = SingleField | MultiField | TextField | NumberField | DateField;

/** A field's hint in the person's language, if it has one. */
export async function hintOf(field: FieldDefinition, env: FormEnv): Promise<string | undefined> {
  if (field.hint === undefined) return undefined;
  return typeof field.hint === 'function' ? field.hint(env) : env.ctx.t(field.hint);
}

/** The field's options (none for fields without a list). */
export async function optionsOf(field: FieldDefinition, env: FormEnv): Promise<FieldOption[]> {
  return field.kind === 'single' || field.kind === 'multi' ? field.options(env) : [];
}

/** Whether the field is asked, given the answers so far. */
export async function applies(field: FieldDefinition, env: FormEnv): Promise<boolean> {
  return (await appliesNow(field, env)) !== false;
}

/** Whether a field is asked, given the answers so far ('maybe': decided by a later answer). */
export async function appliesNow(field: FieldDefinition, env: FormEnv): Promise<boolean | 'maybe'> {
  return field.when ? field.when(env) : true;
}

/** A rule across fields that failed: the field to go back to and the translated reason. */
export interface FormProblem {
  field: string;
  error: string;
  /**
   * Answers dropped, step by step, so they are asked afresh: a "Not sure" that sent the person
   * back must not be offered as "Keep “Not sure”", which would only send them back again.
   */
  clear?: string[];
}

/** A form declared once; adapters render it as a modal, a wizard or console prompts. */
export interface FormDefinition {
  id: string;
  title: MessageKey;
  /** A title that depends on the mode (booking a sprint vs a meeting). */
  titleFor?: (mode: string) => MessageKey;
  submitLabel: MessageKey;
  fields: FieldDefinition[];
  /** Values to start from (editing an existing profile). */
  initialValues?: (ctx: Ctx, mode: string) => FormValues | Promise<FormValues>;
  /**
   * Rules across fields (a date in the past, an overlap), checked before saving. An error
   * sends the person back to that field with the (already translated) reason.
   */
  validate?: (
    ctx: Ctx,
    values: FormValues,
    mode: string,
  ) => FormProblem | undefined | Promise<FormProblem | undefined>;
  /** Runs inside the event's unit of work, which closes the form; writes through `ctx.tx`. */
  onSubmit: (ctx: Ctx, values: FormValues, mode: string) => void | Promise<void>;
  /** Reply after Cancel; defaults to a generic "nothing saved". */
  cancelledMessage?: (ctx: Ctx, mode: string) => string;
  /** A field that picks the person's language: the questions after it speak the one picked. */
  localeField?: string;
}
