import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/sqlite';
import { PROFILE_FORM, profileForm } from '../../src/features/opt-in/profile-form';
import { createTestApp, type TestApp } from '../helpers/app';

let app: TestApp;
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => {
  app.close();
  app.dispose();
});

const meRef = { platform: 'console' as const, workspace: 'local', id: 'fuzz' };
const conversation = {
  platform: 'console' as const,
  workspace: 'local',
  id: 'dm:fuzz',
  kind: 'dm' as const,
};
let seq = 0;
const event = () => ({ id: `fuzz-${++seq}`, user: { ref: meRef, name: 'Fuzz' }, conversation });

const countRows = async () =>
  (
    await rawRows<Record<string, unknown>>(
      app.database.db,
      'select (select count(*) from profiles) as p, (select count(*) from profile_topics) as t',
    )
  )[0];

const junk = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 6000 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '9',
    '-1',
    '1e9',
    'null',
    '\u0000',
    '\u202E',
    'a\nb',
    '<script>',
    '*bold*',
    '@here',
  ),
);

const activeField = async () =>
  (
    (
      await rawRows<Record<string, unknown>>(
        app.database.db,
        "select field from form_sessions where status = 'active'",
      )
    )[0] as { field: string } | undefined
  )?.field;

/**
 * Random typed answers at every question of the profile form: the engine must never
 * crash, and nothing reaches the profile tables until a valid form is complete.
 */
describe('profile form under random input', () => {
  /** Valid typed answers that lead to each question in turn (consent is never given). */
  const VALID: Record<string, string> = {
    role: 'both',
    grade: '2',
    department: 'Sales',
    teach: 'AI and neural networks',
    learn: 'Presentations',
    interests: 'chess',
    formats: 'One-on-one',
    capacity: '2',
    timeZone: 'UTC',
    // "Other days or hours", so the days, start and end are asked too.
    workHours: 'Other days or hours',
    workDays: 'Monday',
    workStart: '09:00',
    workEnd: '18:00',
    language: 'English',
  };

  for (const [index, field] of profileForm.fields.entries()) {
    it(`survives junk typed at "${field.name}" without crashing or writing a profile`, async () => {
      const before = await countRows();
      await fc.assert(
        fc.asyncProperty(fc.array(junk, { minLength: 1, maxLength: 4 }), async (answers) => {
          await app.engine.handle({ ...event(), type: 'command', name: 'join', args: '' });
          for (const earlier of profileForm.fields.slice(0, index)) {
            await app.engine.handle({ ...event(), type: 'text', text: VALID[earlier.name] ?? '' });
          }
          expect(await activeField()).toBe(field.name);
          for (const text of answers) {
            expect(await app.engine.handle({ ...event(), type: 'text', text })).toEqual({});
          }
          await app.engine.handle({ ...event(), type: 'command', name: 'cancel', args: '' });
        }),
        { numRuns: 8 },
      );
      expect(await countRows()).toEqual(before);
    });
  }

  it('rejects junk in a whole-form submission field by field, writing nothing', async () => {
    await app.engine.handle({ ...event(), type: 'command', name: 'join', args: '' });
    const session = (
      await rawRows<Record<string, unknown>>(
        app.database.db,
        'select id, user_id as "userId" from form_sessions where status = \'active\' and form_id = ?',
        PROFILE_FORM,
      )
    )[0] as { id: string; userId: number };
    const before = await countRows();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...profileForm.fields.map((f) => f.name)), junk),
        async (values) => {
          const result = await app.engine.handle({
            ...event(),
            type: 'form_submit',
            data: `fs|${session.userId}|${session.id}`,
            values,
          });
          expect(result.form?.ok).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
    expect(await countRows()).toEqual(before);
  });

  it('random button data never crashes and never changes a profile', async () => {
    const before = await countRows();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 80 }),
        fc.option(fc.array(fc.string())),
        async (data, values) => {
          const result = await app.engine.handle({
            ...event(),
            type: 'action',
            data,
            ...(values ? { values } : {}),
          });
          expect(result).toEqual({});
        },
      ),
      { numRuns: 300 },
    );
    expect(await countRows()).toEqual(before);
  });
});
