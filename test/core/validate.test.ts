import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/core/context';
import type { FieldDefinition, FormEnv } from '../../src/core/forms/types';
import { validateField } from '../../src/core/forms/validate';
import { translator } from '../../src/core/i18n';

const t = translator('en');
const env = { ctx: {} as Ctx, mode: 'create', values: {} } satisfies FormEnv;
const check = (field: FieldDefinition, raw: unknown) => validateField(field, raw, env, t);

describe('field validation', () => {
  it('numbers: whole, in range, typed or given', async () => {
    const field: FieldDefinition = {
      kind: 'number',
      name: 'n',
      label: 'profile.field.department',
      min: 1,
      max: 3,
    };
    expect(await check(field, ' 2 ')).toEqual({ ok: true, value: 2 });
    expect(await check(field, 3)).toEqual({ ok: true, value: 3 });
    expect(await check(field, '0')).toEqual({
      ok: false,
      error: 'Please type a number from 1 to 3.',
    });
    expect(await check(field, '2.5')).toEqual({ ok: false, error: 'Please type a whole number.' });
    expect(await check(field, '')).toEqual({ ok: false, error: 'This one is required.' });
  });

  it('dates: ISO calendar dates only', async () => {
    const field: FieldDefinition = {
      kind: 'date',
      name: 'd',
      label: 'profile.field.department',
      optional: true,
    };
    expect(await check(field, '2026-12-03')).toEqual({ ok: true, value: '2026-12-03' });
    expect(await check(field, '2026-02-30')).toMatchObject({ ok: false });
    expect(await check(field, 'tomorrow')).toMatchObject({ ok: false });
    expect(await check(field, '')).toEqual({ ok: true, value: null });
  });

  it('text: trimmed, one line, no control characters, within limits', async () => {
    const field: FieldDefinition = {
      kind: 'text',
      name: 's',
      label: 'profile.field.department',
      maxLength: 5,
      minLength: 2,
    };
    expect(await check(field, '  abc ')).toEqual({ ok: true, value: 'abc' });
    expect(await check(field, 'a')).toMatchObject({
      ok: false,
      error: 'Please type at least 2 characters.',
    });
    expect(await check(field, 'abcdef')).toMatchObject({ ok: false });
    expect(await check(field, 'a\nb')).toMatchObject({
      ok: false,
      error: 'Please keep this answer on one line.',
    });
    expect(await check(field, 'ab\u202Ec')).toMatchObject({ ok: false });
    expect(await check(field, ['ab'])).toMatchObject({ ok: false });
  });

  it('choices read from storage: options and the extra rule are awaited', async () => {
    // As a form whose options come from the database gives them: a promise, settled later.
    const later = <T>(value: T) => new Promise<T>((resolve) => setImmediate(() => resolve(value)));
    const field: FieldDefinition = {
      kind: 'single',
      name: 'pair',
      label: 'meeting.field.partner',
      options: () => later([{ value: '7', label: 'Sam' }]),
      check: (value) => later(value === '7' ? undefined : 'not yours'),
    };
    expect(await check(field, '7')).toEqual({ ok: true, value: '7' });
    expect(await check(field, '8')).toEqual({
      ok: false,
      error: 'Please choose one of the options.',
    });
    const open: FieldDefinition = { ...field, parseText: (text) => text };
    expect(await check(open, '8')).toEqual({ ok: false, error: 'not yours' });
  });
});
