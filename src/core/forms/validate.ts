import { DateTime } from 'luxon';
import { z } from 'zod';
import { dayExample } from '../format';
import type { Translate } from '../i18n';
import {
  type FieldDefinition,
  type FieldOption,
  type FormEnv,
  type FormValue,
  optionsOf,
} from './types';

export type FieldResult = { ok: true; value: FormValue } | { ok: false; error: string };

/**
 * C0/C1 controls and bidirectional overrides: invisible, able to spoof text direction in
 * other people's clients, never part of a real answer. Newlines are judged separately.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Validates one raw answer for one field. Never throws on any input. The field's options are
 * awaited before the (synchronous) parse, its `check` after it: both may read storage.
 */
export async function validateField(
  field: FieldDefinition,
  raw: unknown,
  env: FormEnv,
  t: Translate,
): Promise<FieldResult> {
  const empty =
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && raw.trim() === '') ||
    (Array.isArray(raw) && raw.length === 0 && field.kind !== 'multi');
  if (empty) {
    return field.optional
      ? { ok: true, value: null }
      : { ok: false, error: t('form.error.required') };
  }
  const schema = schemaFor(field, env, t, optionValues(await optionsOf(field, env)));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? t('form.error.invalid') };
  }
  // The extra rule last, on the value as read (it may await storage).
  if ((field.kind === 'single' || field.kind === 'date') && typeof parsed.data === 'string') {
    const error = await field.check?.(parsed.data, env);
    if (error) return { ok: false, error };
  }
  return { ok: true, value: parsed.data };
}

function schemaFor(
  field: FieldDefinition,
  env: FormEnv,
  t: Translate,
  values: Set<string>,
): z.ZodType<FormValue> {
  switch (field.kind) {
    case 'single': {
      return z
        .string({ error: t('form.error.pickOption') })
        .transform((v) => v.trim())
        .transform((v, ctx) => {
          if (values.has(v)) return v;
          const custom = field.parseText?.(v, env);
          if (custom !== undefined) return custom;
          const message =
            typeof field.textError === 'function'
              ? field.textError(env)
              : t(field.textError ?? 'form.error.pickOption');
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        });
    }
    case 'multi': {
      return z
        .array(z.string(), { error: t('form.error.pickOption') })
        .transform((list) => [...new Set(list.map((v) => v.trim()))])
        .refine((list) => list.every((v) => values.has(v)), { error: t('form.error.pickOption') })
        .refine((list) => list.length >= field.min, {
          error: t('form.error.pickAtLeast', { min: field.min }),
        })
        .refine((list) => list.length <= field.max, {
          error: t('form.error.pickAtMost', { max: field.max }),
        });
    }
    case 'text':
      return z
        .string({ error: t('form.error.invalid') })
        .transform((v) => v.trim())
        .refine((v) => !CONTROL_CHARS.test(v), { error: t('form.error.controlChars') })
        .refine((v) => !v.includes('\n'), { error: t('form.error.oneLine') })
        .refine((v) => v.length <= field.maxLength, {
          error: t('form.error.tooLong', { max: field.maxLength }),
        })
        .refine((v) => v.length >= (field.minLength ?? 1), {
          error: t('form.error.tooShort', { min: field.minLength ?? 1 }),
        })
        .transform((v, ctx) => {
          const error = field.check?.(v);
          if (error) {
            ctx.addIssue({ code: 'custom', message: t(error) });
            return z.NEVER;
          }
          return v;
        });
    case 'number':
      return z
        .union([
          z.number(),
          z
            .string()
            .trim()
            .regex(/^-?\d+$/, { error: t('form.error.notNumber') }),
        ])
        .transform(Number)
        .refine((n) => Number.isSafeInteger(n), { error: t('form.error.notNumber') })
        .refine((n) => n >= field.min && n <= field.max, {
          error: t('form.error.outOfRange', { min: field.min, max: field.max }),
        });
    case 'date': {
      // The example is always ahead of today, in a form this field reads.
      const notDate = () => {
        const example = dayExample(env.ctx.now, zoneOf(env), env.ctx.locale ?? 'en');
        return t('form.error.notDate', {
          example: field.parseText ? example.natural : example.iso,
        });
      };
      return z
        .string({ error: notDate })
        .trim()
        .transform((v, ctx) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid) return v;
          const read = /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : field.parseText?.(v, env);
          if (read !== undefined) return read;
          ctx.addIssue({ code: 'custom', message: notDate() });
          return z.NEVER;
        });
    }
  }
}

/** The person's zone; validation never throws, so a context without one (a preview) gets UTC. */
function zoneOf(env: FormEnv): string {
  return env.ctx.user?.timeZone ?? env.ctx.deps?.config.ORG_TIMEZONE ?? 'UTC';
}

function optionValues(options: FieldOption[]): Set<string> {
  return new Set(options.map((o) => o.value));
}
