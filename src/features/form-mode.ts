import type { z } from 'zod';
import { arg } from '../core/actions';
import type { Ctx } from '../core/context';
import type { FormDefinition, FormProblem, FormValues } from '../core/forms/types';
import type { MessageKey } from '../core/i18n';

/**
 * What a form is about (the meeting a note is for, the story HR edits), as its session
 * stores it: a short string written by `encode` and read back by `schema`. Stored modes
 * outlive a deploy, so they are parsed, never split by hand.
 */
export interface FormMode<M> {
  schema: z.ZodType<M>;
  encode(mode: M): string;
}

export function formMode<M>(schema: z.ZodType<M>, encode: (mode: M) => string): FormMode<M> {
  return { schema, encode };
}

/** The commonest mode: the id of the row the form is about. */
export const idMode: FormMode<number> = formMode(arg.id, String);

/** The mode, parsed; undefined when the stored string does not parse. */
export function parseMode<M>(mode: FormMode<M>, raw: string): M | undefined {
  const parsed = mode.schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

type Typed = 'titleFor' | 'initialValues' | 'validate' | 'onSubmit' | 'cancelledMessage';

/** A form definition whose callbacks see the mode already parsed. */
export interface TypedFormDefinition<M> extends Omit<FormDefinition, Typed> {
  mode: FormMode<M>;
  titleFor?: (mode: M) => MessageKey;
  initialValues?: (ctx: Ctx, mode: M) => FormValues | Promise<FormValues>;
  validate?: (
    ctx: Ctx,
    values: FormValues,
    mode: M,
  ) => FormProblem | undefined | Promise<FormProblem | undefined>;
  onSubmit: (ctx: Ctx, values: FormValues, mode: M) => void | Promise<void>;
  cancelledMessage?: (ctx: Ctx, mode: M) => string;
}

/**
 * Parses the mode at the form's boundary, so no callback splits or `Number()`s it. A session
 * whose mode does not parse (forged, or stored by an older version) starts empty, is titled
 * plainly, and on submit gets the "form is closed" reply and saves nothing.
 */
export function typedForm<M>(definition: TypedFormDefinition<M>): FormDefinition {
  const { mode, titleFor, initialValues, validate, onSubmit, cancelledMessage, ...rest } =
    definition;
  const read = (raw: string) => parseMode(mode, raw);
  return {
    ...rest,
    ...(titleFor && {
      titleFor: (raw: string) => {
        const m = read(raw);
        return m === undefined ? rest.title : titleFor(m);
      },
    }),
    ...(initialValues && {
      initialValues: (ctx: Ctx, raw: string) => {
        const m = read(raw);
        return m === undefined ? {} : initialValues(ctx, m);
      },
    }),
    ...(validate && {
      validate: (ctx: Ctx, values: FormValues, raw: string) => {
        const m = read(raw);
        return m === undefined ? undefined : validate(ctx, values, m);
      },
    }),
    onSubmit: (ctx, values, raw) => {
      const m = read(raw);
      if (m === undefined) {
        ctx.reply({ kind: 'text', text: ctx.t('form.stale') });
        return;
      }
      return onSubmit(ctx, values, m);
    },
    ...(cancelledMessage && {
      cancelledMessage: (ctx: Ctx, raw: string) => {
        const m = read(raw);
        return m === undefined ? ctx.t('form.cancelled') : cancelledMessage(ctx, m);
      },
    }),
  };
}
