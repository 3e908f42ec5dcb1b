import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { encodeAction, noArgs } from '../../src/core/actions';
import { TandemError } from '../../src/core/errors';
import { LOCALES, registerMessages, t } from '../../src/core/i18n';
import { en as engineEn } from '../../src/core/i18n/en';
import { action, type CommandSpec } from '../../src/core/registry';
import { ACTION_DATA_MAX_BYTES } from '../../src/core/replies';
import { composeFeatures, type Feature } from '../../src/features/feature';
import { forms } from '../../src/features/forms';
import { profileForm } from '../../src/features/opt-in/profile-form';
import {
  actions,
  COMMAND_NAMES,
  type CommandTable,
  commands,
  FEATURES,
} from '../../src/features/registry';

/** Every manifest, seen as the port every feature implements. */
const MANIFESTS: readonly Feature[] = FEATURES;

import type { en as goalsEn } from '../../src/features/goals/en';
import { ru as goalsRu } from '../../src/features/goals/ru';
import { JOBS } from '../../src/jobs';
import { TIMER_HANDLERS } from '../../src/jobs/timers';
import { ENGINE_JOB_NAMES, type JobSpec, timer } from '../../src/jobs/types';

const noop = action(noArgs, () => {});
const command: CommandSpec = { scope: 'dm', run: () => {} };
const job: JobSpec = { schedule: () => '0 10 * * *', run: async () => {} };

/** The code composing these manifests throws with, or undefined when it composes. */
function failure(...extra: Feature[]): string | undefined {
  try {
    composeFeatures([...MANIFESTS, ...extra]);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(TandemError);
    return (error as TandemError).code;
  }
}

describe('features carry their wiring; the registry composes it', () => {
  it('composes every feature with each id claimed once, namespaced, and within 64 bytes', () => {
    expect(failure()).toBeUndefined();
    expect(Object.keys(commands).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const feature of MANIFESTS) {
      for (const table of feature.actions ?? []) {
        for (const id of Object.keys(table)) {
          expect(id.startsWith(`${feature.name}.`)).toBe(true);
          expect(actions[id]).toBe(table[id]);
          // Room for the owner and a few ids after the name.
          expect(
            Buffer.byteLength(encodeAction(id, 999_999_999, '9999999', '9999999', 'learned')),
          ).toBeLessThanOrEqual(ACTION_DATA_MAX_BYTES);
        }
      }
      // A former id runs the very handler its current id does.
      for (const [former, id] of Object.entries(feature.formerActionIds ?? {})) {
        expect(actions[former]).toBe(actions[id]);
      }
    }
    expect(forms.ids().sort()).toEqual(MANIFESTS.flatMap((f) => Object.keys(f.forms ?? {})).sort());
    expect(Object.keys(TIMER_HANDLERS).sort()).toEqual(
      MANIFESTS.flatMap((f) => Object.keys(f.timers ?? {})).sort(),
    );
  });

  it("schedules every manifest's jobs beside the engine's, and speaks every manifest's texts", () => {
    expect(Object.keys(JOBS).sort()).toEqual(
      [...ENGINE_JOB_NAMES, ...MANIFESTS.flatMap((f) => Object.keys(f.jobs ?? {}))].sort(),
    );
    for (const feature of MANIFESTS) {
      for (const [name, spec] of Object.entries(feature.jobs ?? {})) {
        expect(JOBS[name as keyof typeof JOBS]).toBe(spec);
      }
    }
    expect(MANIFESTS.filter((f) => !f.messages).map((f) => f.name)).toEqual([]);
    for (const locale of LOCALES) {
      for (const feature of MANIFESTS) {
        const texts = feature.messages?.[locale] ?? {};
        // Russian has every English key (compile-checked), so both languages are complete.
        expect(Object.keys(texts).sort()).toEqual(Object.keys(feature.messages?.en ?? {}).sort());
        for (const [key, text] of Object.entries(texts)) {
          if (typeof text === 'string') expect(t(locale, key as 'error.generic')).toBe(text);
        }
      }
    }
    // The catalog is the engine's texts and every feature's, none of them in two places.
    const keys = [
      ...Object.keys(engineEn),
      ...MANIFESTS.flatMap((f) => Object.keys(f.messages?.en ?? {})),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(600);
  });

  it('fails at start, with a stable code, when two features claim the same id', () => {
    // Before, `{ ...a, ...b }` let the later table replace the earlier's handler silently.
    expect(failure({ name: 'match', actions: [{ 'match.ok': noop }] })).toBe('wiring_duplicate');
    expect(failure({ name: 'x', commands: { join: command } })).toBe('wiring_duplicate');
    expect(failure({ name: 'x', forms: { profile: profileForm } })).toBe('wiring_duplicate');
    expect(failure({ name: 'x', timers: { 'pause.resume': timer(z.object({}), () => {}) } })).toBe(
      'wiring_duplicate',
    );
    // Old ids are claimed too: a new action can't take over buttons still in chats.
    expect(failure({ name: 'pr', actions: [{ 'pr.yes': noop }] })).toBe('wiring_duplicate');
    expect(
      failure({ name: 'x', actions: [{ 'x.a': noop }], formerActionIds: { 'pr.no': 'x.a' } }),
    ).toBe('wiring_duplicate');
    // The engine's own buttons (a form's step `f`, a command `cmd`) can't be shadowed.
    expect(failure({ name: 'x', actions: [{ 'x.a': noop }], formerActionIds: { f: 'x.a' } })).toBe(
      'wiring_duplicate',
    );
    // A job name: another feature's, or the engine's own minute tick.
    expect(failure({ name: 'x', jobs: { digest: job } })).toBe('wiring_duplicate');
    expect(failure({ name: 'x', jobs: { tick: job } })).toBe('wiring_duplicate');
    // A text's key: another feature's (whose text would replace the other's in every
    // language), or one the engine shares.
    expect(failure({ name: 'x', messages: { en: { 'goal.form.title': 'A' }, ru: {} } })).toBe(
      'wiring_duplicate',
    );
    expect(failure({ name: 'x', messages: { en: { 'error.generic': 'A' }, ru: {} } })).toBe(
      'wiring_duplicate',
    );
    // And at registration, should composed texts ever reach the catalog twice.
    expect(() => registerMessages({ en: { 'goal.form.title': 'A' }, ru: {} })).toThrow(
      expect.objectContaining({ code: 'wiring_duplicate' }),
    );
    // Within one feature as well, across its tables.
    expect(
      composeFeatures.bind(null, [{ name: 'x', actions: [{ 'x.a': noop }, { 'x.a': noop }] }]),
    ).toThrow(/claimed by both "x" and "x"/);
  });

  it('refuses an action outside its namespace and a form filed under another id', () => {
    expect(failure({ name: 'x', actions: [{ 'y.a': noop }] })).toBe('wiring_invalid');
    expect(failure({ name: 'x', actions: [{ xa: noop }] })).toBe('wiring_invalid');
    expect(failure({ name: 'x', formerActionIds: { old: 'x.none' } })).toBe('wiring_invalid');
    expect(failure({ name: 'x', forms: { other: profileForm } })).toBe('wiring_invalid');
  });

  it('keeps the compile-time checks: a command table must match COMMAND_NAMES both ways', () => {
    const { join: _join, ...withoutJoin } = commands;
    // @ts-expect-error -- a COMMAND_NAMES entry without a handler
    const missing: CommandTable<typeof withoutJoin> = withoutJoin;
    const withExtra = { ...commands, nosuch: command };
    // @ts-expect-error -- a handler whose name is not in COMMAND_NAMES (so it has no `cmd.<name>` text)
    const unlisted: CommandTable<typeof withExtra> = withExtra;
    expect([missing, unlisted]).toHaveLength(2);
  });

  it("keeps the compile-time checks on texts: Russian matches each feature's English", () => {
    const { 'goal.form.title': _title, ...withoutTitle } = goalsRu;
    // @ts-expect-error -- Russian missing one of the feature's keys
    const missingKey: typeof goalsEn = withoutTitle;
    const saved = (p: { nosuch: number }) => `${p.nosuch}`;
    // @ts-expect-error -- Russian that won't take a text's parameters
    const wrongParams: typeof goalsEn = { ...goalsRu, 'goal.saved': saved };
    // @ts-expect-error -- a key no catalog has (so `cmd.<name>` of a command without its text)
    const unknownKey = () => t('en', 'cmd.nosuch');
    expect([missingKey, wrongParams, unknownKey]).toHaveLength(3);
  });
});
