import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { type FormSessionRow, formSessions } from '../../db/schema';
import { encodeAction } from '../actions';
import type { Ctx } from '../context';
import type { FormSubmitResult } from '../events';
import { isLocale } from '../i18n';
import { FORM_ACTION, FORM_OPS, optionFingerprint, renderPrompt } from './prompt';
import {
  applies,
  appliesNow,
  type FieldDefinition,
  type FieldOption,
  type FormDefinition,
  type FormEnv,
  type FormValues,
  hintOf,
  optionsOf,
} from './types';
import { validateField } from './validate';
import type { FormFieldView, FormView } from './view';

/** Action name for whole-form (modal) submissions. */
export const FORM_SUBMIT_ACTION = 'fs';
/** Button that opens a native form when there was no trigger to open it at once. */
export const FORM_OPEN_ACTION = 'fo';

/**
 * Runs declared forms one question at a time (console, Telegram) or as a whole (Slack
 * modal). Progress lives in `form_sessions`, so a restart resumes at the same field.
 */
export class FormEngine<Id extends string> {
  readonly #forms: Record<Id, FormDefinition>;

  constructor(forms: Record<Id, FormDefinition>) {
    this.#forms = forms;
  }

  /** Every form this engine runs, by id. */
  ids(): Id[] {
    return Object.keys(this.#forms) as Id[];
  }

  /** The person's form in progress, if any. */
  active(ctx: Ctx): Promise<FormSessionRow | undefined> {
    return first(
      ctx.tx
        .select()
        .from(formSessions)
        .where(and(eq(formSessions.userId, ctx.user.id), eq(formSessions.status, 'active'))),
    );
  }

  /**
   * Starts a form. With a native form surface and a fresh trigger it opens as a whole;
   * otherwise it asks the first question. The same form already in progress (its command typed
   * again) is resumed where it was left, answers kept — Cancel is the way out; any other form
   * in progress is closed.
   */
  async start(ctx: Ctx, formId: Id, mode = 'create'): Promise<void> {
    const form = this.#forms[formId];
    const now = ctx.now;
    const replaced = await this.active(ctx);
    if (replaced?.formId === formId && replaced.mode === mode) {
      await this.resume(ctx, replaced, ctx.t('form.resumed'));
      return;
    }
    const values = (await form.initialValues?.(ctx, mode)) ?? {};
    // Say so when an unfinished form gives way, so nobody wonders where their answers went.
    const replacedForm = replaced ? this.#forms[replaced.formId as Id] : undefined;
    if (replaced && replacedForm) {
      ctx.reply({
        kind: 'text',
        text: ctx.t('form.replaced', {
          title: ctx.t(replacedForm.titleFor?.(replaced.mode) ?? replacedForm.title),
        }),
        series: seriesOf(replaced),
      });
    }
    // Inside the event's unit of work: the old form closes and the new one opens together.
    await closeActive(ctx.tx, ctx.user.id, now);
    const firstField = await nextField(form, { ctx, mode, values }, -1);
    if (!firstField) return;
    const session = await first(
      ctx.tx
        .insert(formSessions)
        .values({
          id: randomBytes(6).toString('base64url'),
          userId: ctx.user.id,
          formId,
          status: 'active',
          field: firstField.name,
          step: 1,
          history: [],
          values,
          mode,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    );
    if (!session) return;
    await this.#present(ctx, session);
  }

  /** Shows an open form: natively where the platform can, else its current question. */
  async #present(ctx: Ctx, session: FormSessionRow, notice?: string): Promise<void> {
    const adapter = ctx.deps.adapters[ctx.event.user.ref.platform];
    if (!adapter?.openForm) {
      await this.#ask(ctx, session, notice, 'info');
      return;
    }
    if (ctx.event.trigger) {
      // Opened once the event's unit of work has committed: a platform call never runs
      // inside a transaction (the worker takes modals first, well inside the trigger's 3 s).
      const trigger = ctx.event.trigger;
      const view = await this.view(ctx, session);
      ctx.afterCommit(() => adapter.openForm?.(trigger, view));
      return;
    }
    // No trigger (e.g. a typed message): a button opens the form with a fresh one.
    ctx.reply({
      kind: 'text',
      text: ctx.t('form.openPrompt', { title: ctx.t(this.#form(session).title) }),
      buttons: [
        {
          label: ctx.t('form.button.open'),
          data: encodeAction(FORM_OPEN_ACTION, ctx.user.id, session.id),
          style: 'primary',
        },
      ],
    });
  }

  /** The "open the form" button. */
  async open(ctx: Ctx, args: string[]): Promise<void> {
    const session = await this.active(ctx);
    if (!session || session.id !== args[0]) {
      ctx.reply({ kind: 'text', text: ctx.t('form.stale') });
      return;
    }
    await this.#present(ctx, session);
  }

  /** Shows an open form again (after /join while it is open), where it was left. */
  async resume(ctx: Ctx, session: FormSessionRow, notice?: string): Promise<void> {
    await this.#present(ctx, session, notice);
  }

  /** Cancels the person's open form. Returns false when there was none. */
  async cancel(ctx: Ctx): Promise<boolean> {
    const session = await this.active(ctx);
    if (!session) return false;
    await this.#cancel(ctx, session);
    return true;
  }

  /**
   * The whole form was closed unsubmitted (a modal's Cancel or ✕): the same end as Cancel.
   * A form that was already finished or replaced stays as it is, without a word — the person
   * only closed a window.
   */
  async close(ctx: Ctx, args: string[]): Promise<void> {
    const session = await this.active(ctx);
    if (session && session.id === args[0]) await this.#cancel(ctx, session);
  }

  /** A button from a form prompt. Stale or foreign buttons get a polite answer, no change. */
  async handleAction(ctx: Ctx, args: string[], chosen: string[] | undefined): Promise<void> {
    const [sessionId, stepText, op, indexText, fingerprint] = args;
    const session = await this.active(ctx);
    if (!session || session.id !== sessionId) {
      ctx.reply({ kind: 'text', text: ctx.t('form.stale') });
      return;
    }
    if (String(session.step) !== stepText) {
      await this.#ask(ctx, session, ctx.t('form.earlierStep'), 'info');
      return;
    }
    const field = await this.#currentField(ctx, session);
    if (!field) return;
    const env = this.#env(ctx, session);
    const index = Number(indexText);
    switch (op) {
      case FORM_OPS.cancel:
        await this.#cancel(ctx, session);
        return;
      case FORM_OPS.back:
        await this.#back(ctx, session);
        return;
      case FORM_OPS.keep: {
        const current = session.values[field.name];
        if (current === undefined || current === null || current === '') {
          if (!field.optional) {
            await this.#ask(ctx, session, ctx.t('form.error.required'));
            return;
          }
          await this.#accept(ctx, session, field, null);
          return;
        }
        // Kept values are validated again: the rules or the catalog may have changed.
        await this.#answer(ctx, session, field, current);
        return;
      }
      case FORM_OPS.clear:
        if (!field.optional) {
          await this.#ask(ctx, session, ctx.t('form.error.required'));
          return;
        }
        await this.#accept(ctx, session, field, null);
        return;
      case FORM_OPS.pick: {
        const option = await optionAt(field, env, index, fingerprint);
        if (field.kind !== 'single' || !option) {
          await this.#ask(ctx, session, ctx.t('form.error.pickOption'));
          return;
        }
        await this.#answer(ctx, session, field, option.value);
        return;
      }
      case FORM_OPS.toggle: {
        const option = await optionAt(field, env, index, fingerprint);
        if (field.kind !== 'multi' || !option) {
          await this.#ask(ctx, session, ctx.t('form.error.pickOption'));
          return;
        }
        const current = await stillOffered(field, env, session.values[field.name]);
        const next = current.includes(option.value)
          ? current.filter((v) => v !== option.value)
          : [...current, option.value];
        // A toggle keeps the same step: the keyboard is redrawn, not a new question.
        const updated = await this.#save(ctx, session, {
          values: { ...session.values, [field.name]: next },
        });
        await this.#ask(ctx, updated);
        return;
      }
      case FORM_OPS.set:
        if (field.kind !== 'multi') {
          await this.#ask(ctx, session, ctx.t('form.error.pickOption'));
          return;
        }
        await this.#answer(ctx, session, field, chosen ?? []);
        return;
      case FORM_OPS.done:
        if (field.kind !== 'multi') {
          await this.#ask(ctx, session, ctx.t('form.error.pickOption'));
          return;
        }
        await this.#answer(
          ctx,
          session,
          field,
          await stillOffered(field, env, session.values[field.name]),
        );
        return;
      default:
        await this.#ask(ctx, session, ctx.t('form.stale'));
    }
  }

  /** A typed answer to the current question. */
  async handleText(ctx: Ctx, session: FormSessionRow, text: string): Promise<void> {
    if (ctx.deps.adapters[ctx.event.user.ref.platform]?.openForm) {
      // This platform shows the whole form at once; typing doesn't answer it.
      await this.#present(ctx, session);
      return;
    }
    const field = await this.#currentField(ctx, session);
    if (!field) return;
    const env = this.#env(ctx, session);
    if (field.kind === 'single') {
      const option = matchOption(await field.options(env), text);
      await this.#answer(ctx, session, field, option?.value ?? text);
      return;
    }
    if (field.kind === 'multi') {
      const parts = text
        .split(/[,;\n]/)
        .map((p) => p.trim())
        .filter(Boolean);
      const options = await field.options(env);
      const matched = parts.map((p) => matchOption(options, p));
      if (matched.some((m) => !m)) {
        await this.#ask(ctx, session, ctx.t('form.error.pickOption'));
        return;
      }
      await this.#answer(
        ctx,
        session,
        field,
        matched.map((m) => m?.value ?? ''),
      );
      return;
    }
    await this.#answer(ctx, session, field, text);
  }

  /**
   * The whole form as one view, for adapters that render native forms. Built inside the
   * event's unit of work (its options may read storage); the adapter renders it as it is.
   */
  async view(ctx: Ctx, session: FormSessionRow): Promise<FormView> {
    const form = this.#form(session);
    const env = this.#env(ctx, session);
    const shown = await wholeFormFields(form, ctx, session.mode);
    const fields: FormFieldView[] = [];
    for (const { field, dependsOnAnswers } of shown) {
      const initial = session.values[field.name];
      const hint = field.hint ? await hintOf(field, env) : undefined;
      fields.push({
        name: field.name,
        kind: field.kind,
        label: ctx.t(field.label),
        ...(hint !== undefined ? { hint } : {}),
        // Whether it is needed is known only from the answers, so it is checked on submit.
        optional: Boolean(field.optional) || dependsOnAnswers,
        ...(field.kind === 'single' || field.kind === 'multi'
          ? { options: await field.options(env) }
          : {}),
        ...(field.kind === 'single' && field.picker ? { picker: field.picker } : {}),
        ...(field.kind === 'text' ? { maxLength: field.maxLength } : {}),
        ...(field.kind === 'number' ? { min: field.min, max: field.max } : {}),
        ...(typeof initial === 'string' || Array.isArray(initial) ? { initial } : {}),
      });
    }
    return {
      data: encodeAction(FORM_SUBMIT_ACTION, ctx.user.id, session.id),
      title: ctx.t(form.titleFor?.(session.mode) ?? form.title),
      submitLabel: ctx.t(form.submitLabel),
      cancelLabel: ctx.t('form.close'),
      fields,
    };
  }

  /**
   * A whole-form submission: every applicable field validated, all errors returned at once.
   * Only fields the view showed are asked for, so no answer can be demanded that the person
   * had no way to give.
   */
  async submitAll(
    ctx: Ctx,
    args: string[],
    raw: Record<string, string | string[] | undefined>,
  ): Promise<FormSubmitResult> {
    const session = await this.active(ctx);
    if (!session || session.id !== args[0]) {
      ctx.reply({ kind: 'text', text: ctx.t('form.stale') });
      return { ok: true };
    }
    const form = this.#form(session);
    const values: FormValues = {};
    const errors: Record<string, string> = {};
    const env: FormEnv = { ctx, mode: session.mode, values };
    for (const { field } of await wholeFormFields(form, ctx, session.mode)) {
      if (!(await applies(field, env))) continue;
      const result = await validateField(field, raw[field.name], env, ctx.t);
      if (result.ok) values[field.name] = result.value;
      else errors[field.name] = result.error;
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const problem = await form.validate?.(ctx, values, session.mode);
    if (problem) return { ok: false, errors: { [problem.field]: problem.error } };
    await this.#complete(ctx, session, values);
    return { ok: true };
  }

  #form(session: FormSessionRow): FormDefinition {
    const form = this.#forms[session.formId as Id];
    if (!form) throw new Error(`unknown form ${session.formId}`);
    return form;
  }

  /** The field being asked; a session pointing at a field the form no longer has is closed. */
  async #currentField(ctx: Ctx, session: FormSessionRow): Promise<FieldDefinition | undefined> {
    const field = fieldByName(this.#form(session), session.field);
    if (!field) await this.#cancel(ctx, session);
    return field;
  }

  #env(ctx: Ctx, session: FormSessionRow): FormEnv {
    return { ctx, mode: session.mode, values: session.values };
  }

  async #ask(
    ctx: Ctx,
    session: FormSessionRow,
    notice?: string,
    tone?: 'error' | 'info',
  ): Promise<void> {
    const form = this.#form(session);
    const field = fieldByName(form, session.field);
    if (!field) return;
    const env = this.#env(ctx, session);
    const applicable = await applicableFields(form, env);
    const position = Math.max(1, applicable.findIndex((f) => f.name === field.name) + 1);
    const fewest = await fewestSteps(form, env, field, applicable.length);
    // A press on this form's own buttons redraws that message instead of adding one.
    const fromPrompt = ctx.event.type === 'action' && ctx.event.data.startsWith(`${FORM_ACTION}|`);
    // Past the language question, the questions speak the language just picked (the event's
    // other replies keep the person's current one).
    const speaking = ctx.locale;
    const picked = form.localeField ? session.values[form.localeField] : undefined;
    const pickedBefore =
      form.localeField !== undefined &&
      form.fields.findIndex((f) => f.name === form.localeField) < form.fields.indexOf(field);
    if (pickedBefore && isLocale(picked)) ctx.setLocale(picked);
    try {
      ctx.reply(
        {
          ...(await renderPrompt(
            ctx,
            form,
            {
              sessionId: session.id,
              step: session.step,
              field,
              position,
              total: applicable.length,
              fewest,
              canGoBack: session.history.length > 0,
              env,
            },
            notice,
            tone,
          )),
          series: seriesOf(session),
          awaitsAnswer: true,
        },
        { replace: fromPrompt },
      );
    } finally {
      ctx.setLocale(speaking);
    }
  }

  async #answer(
    ctx: Ctx,
    session: FormSessionRow,
    field: FieldDefinition,
    raw: unknown,
  ): Promise<void> {
    const result = await validateField(field, raw, this.#env(ctx, session), ctx.t);
    if (!result.ok) {
      await this.#ask(ctx, session, result.error);
      return;
    }
    await this.#accept(ctx, session, field, result.value);
  }

  async #accept(
    ctx: Ctx,
    session: FormSessionRow,
    field: FieldDefinition,
    value: FormValues[string],
  ): Promise<void> {
    const form = this.#form(session);
    if (field.kind === 'single' && field.backOption !== undefined && value === field.backOption) {
      await this.#back(ctx, session);
      return;
    }
    const values = { ...session.values, [field.name]: value };
    const env: FormEnv = { ctx, mode: session.mode, values };
    const next = await nextField(form, env, form.fields.indexOf(field));
    if (!next) {
      const applicable = Object.fromEntries(
        (await applicableFields(form, env)).map((f) => [f.name, values[f.name] ?? null]),
      );
      const problem = await form.validate?.(ctx, applicable, session.mode);
      if (problem) {
        // Back to the field the problem is about, keeping every answer given but those the
        // problem asks afresh.
        const at = session.history.indexOf(problem.field);
        for (const name of problem.clear ?? []) delete values[name];
        const updated = await this.#save(ctx, session, {
          values,
          field: problem.field,
          step: session.step + 1,
          history: at >= 0 ? session.history.slice(0, at) : [...session.history, field.name],
        });
        await this.#ask(ctx, updated, problem.error);
        return;
      }
      await this.#complete(ctx, session, applicable);
      return;
    }
    const updated = await this.#save(ctx, session, {
      values,
      field: next.name,
      step: session.step + 1,
      history: [...session.history, field.name],
    });
    await this.#ask(ctx, updated);
  }

  async #back(ctx: Ctx, session: FormSessionRow): Promise<void> {
    const previous = session.history.at(-1);
    if (!previous) {
      await this.#ask(ctx, session);
      return;
    }
    const updated = await this.#save(ctx, session, {
      field: previous,
      step: session.step + 1,
      history: session.history.slice(0, -1),
    });
    await this.#ask(ctx, updated);
  }

  async #cancel(ctx: Ctx, session: FormSessionRow): Promise<void> {
    // "Nothing was saved" must hold: the answers so far go too.
    await this.#save(ctx, session, { status: 'cancelled', values: {} });
    const form = this.#forms[session.formId as Id];
    ctx.reply({
      kind: 'text',
      text: form?.cancelledMessage?.(ctx, session.mode) ?? ctx.t('form.cancelled'),
      series: seriesOf(session),
    });
  }

  /** Inside the event's unit of work: the form ends with what it saved, or neither happens. */
  async #complete(ctx: Ctx, session: FormSessionRow, values: FormValues): Promise<void> {
    const form = this.#form(session);
    await ctx.tx
      .update(formSessions)
      .set({ status: 'done', values: {}, updatedAt: ctx.now })
      .where(eq(formSessions.id, session.id));
    await form.onSubmit(ctx, values, session.mode);
  }

  async #save(
    ctx: Ctx,
    session: FormSessionRow,
    patch: Partial<Pick<FormSessionRow, 'values' | 'field' | 'step' | 'history' | 'status'>>,
  ): Promise<FormSessionRow> {
    return (
      (await first(
        ctx.tx
          .update(formSessions)
          .set({ ...patch, updatedAt: ctx.now })
          .where(eq(formSessions.id, session.id))
          .returning(),
      )) ?? session
    );
  }
}

/**
 * The fields a whole form (a modal) shows. A field whose condition needs no answers is shown
 * exactly when it applies. One whose condition reads answers given in the same form (teach
 * topics for mentors, "show my name?" once there is a note) is always shown: whether it
 * applies is only known on submit, and a field left out could never be answered there.
 */
async function wholeFormFields(
  form: FormDefinition,
  ctx: Ctx,
  mode: string,
): Promise<{ field: FieldDefinition; dependsOnAnswers: boolean }[]> {
  const shown: { field: FieldDefinition; dependsOnAnswers: boolean }[] = [];
  for (const field of form.fields) {
    if (!field.when) {
      shown.push({ field, dependsOnAnswers: false });
      continue;
    }
    let read = false;
    // No answers yet, and a note of whether the condition looked at any.
    const values = new Proxy<FormValues>(
      {},
      {
        get: () => {
          read = true;
          return undefined;
        },
        has: () => {
          read = true;
          return false;
        },
        ownKeys: () => {
          read = true;
          return [];
        },
        getOwnPropertyDescriptor: () => {
          read = true;
          return undefined;
        },
      },
    );
    // `read` is settled once the condition is: every look at the answers happened by then.
    if ((await field.when({ ctx, mode, values })) || read) {
      shown.push({ field, dependsOnAnswers: read });
    }
  }
  return shown;
}

/** A form's questions, and what ends it, are one series: each new one supersedes the last. */
function seriesOf(session: Pick<FormSessionRow, 'id'>): string {
  return `form:${session.id}`;
}

async function closeActive(db: DbOrTx, userId: number, now: Date): Promise<void> {
  await db
    .update(formSessions)
    .set({ status: 'cancelled', values: {}, updatedAt: now })
    .where(and(eq(formSessions.userId, userId), eq(formSessions.status, 'active')));
}

function fieldByName(form: FormDefinition, name: string): FieldDefinition | undefined {
  return form.fields.find((f) => f.name === name);
}

async function nextField(
  form: FormDefinition,
  env: FormEnv,
  afterIndex: number,
): Promise<FieldDefinition | undefined> {
  for (const field of form.fields.slice(afterIndex + 1)) {
    if (await applies(field, env)) return field;
  }
  return undefined;
}

/** The fields asked, given the answers so far, in order. */
async function applicableFields(form: FormDefinition, env: FormEnv): Promise<FieldDefinition[]> {
  const asked: FieldDefinition[] = [];
  for (const field of form.fields) if (await applies(field, env)) asked.push(field);
  return asked;
}

/**
 * The fewest questions the form may end up asking, when some are 'maybe' (see
 * `FieldBase.when`): when this question's answer decides them, the fewest over its options
 * (a mentor is asked one question fewer than someone in both roles); otherwise as if every
 * 'maybe' were dropped.
 */
async function fewestSteps(
  form: FormDefinition,
  env: FormEnv,
  field: FieldDefinition,
  most: number,
): Promise<number> {
  let undecided = 0;
  for (const f of form.fields) if ((await appliesNow(f, env)) === 'maybe') undecided += 1;
  if (undecided === 0) return most;
  if (field.kind !== 'single') return most - undecided;
  let fewest = most;
  for (const option of await optionsOf(field, env)) {
    const values = { ...env.values, [field.name]: option.value };
    fewest = Math.min(fewest, (await applicableFields(form, { ...env, values })).length);
  }
  return fewest;
}

/** The option a button points at, if the options are still the ones that were shown. */
async function optionAt(
  field: FieldDefinition,
  env: FormEnv,
  index: number,
  fingerprint: string | undefined,
): Promise<FieldOption | undefined> {
  if (field.kind !== 'single' && field.kind !== 'multi') return undefined;
  if (!Number.isInteger(index)) return undefined;
  const option = (await optionsOf(field, env))[index];
  return option && optionFingerprint(option.value) === fingerprint ? option : undefined;
}

/** A stored multi-choice, less anything no longer offered (a topic retired meanwhile). */
async function stillOffered(
  field: FieldDefinition,
  env: FormEnv,
  value: FormValues[string] | undefined,
): Promise<string[]> {
  if (field.kind !== 'multi' || !Array.isArray(value)) return [];
  const offered = new Set((await field.options(env)).map((o) => o.value));
  return value.filter((v) => offered.has(v));
}

/** Typed answers match an option by value or label, ignoring case. */
function matchOption(options: FieldOption[], text: string): FieldOption | undefined {
  const needle = text.trim().toLowerCase();
  return options.find((o) => o.value.toLowerCase() === needle || o.label.toLowerCase() === needle);
}
