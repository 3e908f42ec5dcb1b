import type { Ctx } from '../../core/context';
import { parseTimeZone } from '../../core/format';
import type { FormDefinition, FormValues } from '../../core/forms/types';
import { isLocale, LOCALES } from '../../core/i18n';
import { audit } from '../../db/queries/audit';
import { getProfile, listTopics, saveProfile } from '../../db/queries/profiles';
import { updateUser } from '../../db/queries/users';
import type { ProgramRole } from '../../db/schema';
import { currentProgram } from '../programs/service';
import { activePairs } from '../scheduling/meeting-form';
import { guideReply } from './guide';
import {
  DEPARTMENT_MAX,
  formatOptions,
  GRADES,
  gradeOptions,
  INTERESTS_TEXT_MAX,
  isFormat,
  isMentee,
  isMentor,
  isProgramRole,
  parseInterests,
  roleOptions,
  timeZoneOptions,
  topicOptions,
} from './profile-options';
import { profileSummary } from './profile-summary';
import {
  hoursOf,
  workingHoursFields,
  workingHoursFrom,
  workingHoursInitial,
} from './working-hours';

export const PROFILE_FORM = 'profile';
/** Mode of a profile form that edits an existing profile (no consent step). */
export const EDIT_MODE = 'edit';

/**
 * Role-dependent questions are "maybe" until the role is known: the first step says "of
 * 10–12", and the count never grows under the person's feet.
 */
const roleUnknownOr = (test: (role: unknown) => boolean, values: FormValues): boolean | 'maybe' =>
  values.role === undefined || values.role === null ? 'maybe' : test(values.role);

/** Slack tells us the zone; elsewhere we ask. */
const platformKnowsZone = (ctx: Ctx) => Boolean(ctx.event.user.timeZone);

/** The opt-in profile (PRODUCT.md "The opt-in profile"), declared once for every platform. */
export const profileForm: FormDefinition = {
  id: PROFILE_FORM,
  title: 'join.form.title',
  submitLabel: 'join.form.submit',
  fields: [
    {
      kind: 'single',
      name: 'role',
      label: 'profile.field.role',
      options: ({ ctx }) => roleOptions(ctx.t),
    },
    {
      kind: 'single',
      name: 'grade',
      label: 'profile.field.grade',
      // Said from the person's side: a mentee is taught by someone junior.
      hint: ({ ctx, values }) =>
        ctx.t(
          values.role === 'mentor'
            ? 'profile.hint.gradeMentor'
            : values.role === 'mentee'
              ? 'profile.hint.gradeMentee'
              : values.role === 'both'
                ? 'profile.hint.gradeBoth'
                : 'profile.hint.grade',
        ),
      options: ({ ctx }) => gradeOptions(ctx.t),
    },
    {
      kind: 'text',
      name: 'department',
      label: 'profile.field.department',
      hint: 'profile.hint.department',
      maxLength: DEPARTMENT_MAX,
      minLength: 2,
    },
    {
      kind: 'multi',
      name: 'teach',
      label: 'profile.field.teach',
      hint: 'profile.hint.pickSeveral',
      min: 1,
      max: 9,
      when: ({ values }) => roleUnknownOr(isMentor, values),
      options: async ({ ctx }) => topicOptions(await listTopics(ctx.tx), ctx.locale),
    },
    {
      kind: 'multi',
      name: 'learn',
      label: 'profile.field.learn',
      hint: 'profile.hint.pickSeveral',
      min: 1,
      max: 9,
      when: ({ values }) => roleUnknownOr(isMentee, values),
      options: async ({ ctx }) => topicOptions(await listTopics(ctx.tx), ctx.locale),
    },
    {
      kind: 'text',
      name: 'interests',
      label: 'profile.field.interests',
      hint: 'profile.hint.interests',
      optional: true,
      maxLength: INTERESTS_TEXT_MAX,
      check: (text) => (parseInterests(text) ? undefined : 'profile.error.interests'),
    },
    {
      kind: 'multi',
      name: 'formats',
      label: 'profile.field.formats',
      hint: 'profile.hint.pickSeveral',
      min: 1,
      max: 4,
      options: ({ ctx }) => formatOptions(ctx.t),
    },
    {
      kind: 'single',
      name: 'capacity',
      label: 'profile.field.capacity',
      when: ({ values }) => roleUnknownOr(isMentor, values),
      options: () => ['1', '2', '3'].map((n) => ({ value: n, label: n })),
    },
    {
      kind: 'single',
      name: 'timeZone',
      label: 'profile.field.timeZone',
      hint: 'profile.hint.timeZone',
      when: ({ ctx }) => !platformKnowsZone(ctx),
      options: ({ ctx }) => timeZoneOptions(ctx.deps.config.ORG_TIMEZONE, ctx.now),
      parseText: parseTimeZone,
      textError: 'profile.error.timeZone',
    },
    ...workingHoursFields,
    {
      kind: 'single',
      name: 'language',
      label: 'profile.field.language',
      options: ({ ctx }) => LOCALES.map((l) => ({ value: l, label: ctx.t(`lang.name.${l}`) })),
    },
    {
      kind: 'single',
      name: 'consent',
      label: 'profile.field.consent',
      hint: 'profile.hint.consent',
      when: ({ mode }) => mode !== EDIT_MODE,
      options: ({ ctx }) => [{ value: 'yes', label: ctx.t('profile.consent.yes') }],
    },
  ],
  initialValues: async (ctx, mode): Promise<FormValues> => {
    const fresh = { language: ctx.locale, ...workingHoursInitial(undefined) };
    if (mode !== EDIT_MODE) return fresh;
    const existing = await getProfile(ctx.tx, ctx.user.id);
    if (!existing) return fresh;
    const p = existing.profile;
    return {
      role: p.role,
      grade: String(p.grade),
      department: p.department,
      teach: existing.teach,
      learn: existing.learn,
      interests: p.interests.join(', '),
      formats: p.formats,
      capacity: p.capacity ? String(p.capacity) : null,
      timeZone: ctx.user.timeZone,
      language: ctx.locale,
      ...workingHoursInitial(hoursOf(p)),
    };
  },
  onSubmit: (ctx, values, mode) => saveFromForm(ctx, values, mode),
  localeField: 'language',
  cancelledMessage: (ctx, mode) =>
    ctx.t(mode === EDIT_MODE ? 'profile.editCancelled' : 'join.cancelled'),
};

async function saveFromForm(ctx: Ctx, values: FormValues, mode: string): Promise<void> {
  const role = values.role;
  if (!isProgramRole(role)) throw new Error('profile form finished without a role');
  const str = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : '');
  const list = (v: FormValues[string] | undefined) => (Array.isArray(v) ? v : []);
  const db = ctx.tx;
  const locale = isLocale(values.language) ? values.language : ctx.locale;
  const timeZone =
    str(values.timeZone) ||
    ctx.event.user.timeZone ||
    ctx.user.timeZone ||
    ctx.deps.config.ORG_TIMEZONE;
  const before = await getProfile(db, ctx.user.id);
  const existed = Boolean(before);
  // Not asked (an older form session): what was stored, else the default (the column's).
  const hours = workingHoursFrom(values) ?? (before ? hoursOf(before.profile) : undefined);
  await saveProfile(
    db,
    ctx.user.id,
    {
      role,
      grade: Number(values.grade),
      department: str(values.department),
      interests: parseInterests(str(values.interests)) ?? [],
      formats: list(values.formats).filter(isFormat),
      capacity: isMentor(role) ? Number(values.capacity) || 1 : null,
      teach: isMentor(role) ? list(values.teach) : [],
      learn: isMentee(role) ? list(values.learn) : [],
      programId: (await currentProgram(db, ctx.now, ctx.deps.config.ORG_TIMEZONE))?.id ?? null,
      ...(hours && { workDays: [...hours.days], workStart: hours.start, workEnd: hours.end }),
    },
    ctx.now,
  );
  await updateUser(db, ctx.user.id, { locale, timeZone });
  await audit(
    db,
    { actorUserId: ctx.user.id, action: existed ? 'profile.updated' : 'profile.created' },
    ctx.now,
  );
  ctx.setLocale(locale);
  const saved = await getProfile(db, ctx.user.id);
  // A mentor is junior to the mentee: at the lowest level nobody can teach you. Said now,
  // rather than found out from a round that never pairs them.
  const lowest = isMentee(role) && Number(values.grade) === GRADES[0];
  const unteachable = lowest
    ? {
        kind: 'text' as const,
        text: ctx.t(role === 'both' ? 'profile.lowestBoth' : 'profile.lowestMentee'),
      }
    : undefined;
  if (mode === EDIT_MODE || existed) {
    ctx.reply({ kind: 'text', text: ctx.t('profile.updated') });
    if (saved) ctx.reply(await profileSummary(ctx, saved, { ...ctx.user, locale, timeZone }));
    await sayPairsOutsideRole(ctx, role);
    if (unteachable) ctx.reply(unteachable);
    return;
  }
  if (unteachable) ctx.reply(unteachable);
  ctx.reply({ kind: 'text', text: ctx.t('join.welcome', { name: firstName(ctx.user.name) }) });
  ctx.reply(guideReply(ctx, { withButton: true }));
}

/**
 * A new role does not end a pair running in the old one (the partner would lose it without a
 * word): said, so "Role: Learn" beside "/pair: you mentor Sergey" is not a contradiction.
 */
async function sayPairsOutsideRole(ctx: Ctx, role: ProgramRole): Promise<void> {
  const me = ctx.user.id;
  const outside = (await activePairs(ctx)).filter(({ pair }) =>
    pair.mentorUserId === me ? !isMentor(role) : !isMentee(role),
  );
  if (outside.length === 0) return;
  ctx.reply({
    kind: 'text',
    text: ctx.t('profile.roleKeepsPair', {
      names: outside.map((p) => p.partnerName).join(', '),
    }),
  });
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}
