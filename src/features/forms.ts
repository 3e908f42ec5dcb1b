import { TandemError } from '../core/errors';
import { FormEngine } from '../core/forms/engine';
import type { FormDefinition } from '../core/forms/types';
import type { contentForms } from './content/manifest';
import type { experimentForms } from './experiments/manifest';
import type { feedbackForms } from './feedback/manifest';
import type { goalForms } from './goals/manifest';
import type { optInForms } from './opt-in/manifest';
import type { schedulingForms } from './scheduling/manifest';

/**
 * Every form id, from the features' form tables (type-only imports: no cycle). A new
 * feature's table joins here, or its forms can't be started: `forms.start` won't compile.
 */
export type FormId =
  | keyof typeof optInForms
  | keyof typeof schedulingForms
  | keyof typeof goalForms
  | keyof typeof experimentForms
  | keyof typeof contentForms
  | keyof typeof feedbackForms;

const table = {} as Record<FormId, FormDefinition>;

/**
 * Every form the bot can ask, by id. State lives in the database, so one engine serves all.
 * Features start forms through it, and the registry that composes their manifests imports
 * the features — so the engine is created empty here, with no import of a feature, and the
 * registry fills its table once at start (registerForms); the engine looks forms up in that
 * table at each call. test/core/wiring.test.ts checks it holds every manifest's forms.
 */
export const forms = new FormEngine<FormId>(table);

/** Called once by the registry with every feature's forms; a form registered twice throws. */
export function registerForms(composed: Record<FormId, FormDefinition>): void {
  for (const [id, form] of Object.entries(composed) as [FormId, FormDefinition][]) {
    if (Object.hasOwn(table, id)) {
      throw new TandemError('wiring_duplicate', `form "${id}" is registered twice`);
    }
    table[id] = form;
  }
}
