import { formatOffset } from '../../core/format';
import type { FieldOption } from '../../core/forms/types';
import type { Locale, Translate } from '../../core/i18n';
import {
  FORMATS,
  type Format,
  PROGRAM_ROLES,
  type ProgramRole,
  type TopicRow,
} from '../../db/schema';

export const GRADES = [1, 2, 3, 4, 5] as const;
export const CAPACITIES = [1, 2, 3] as const;
export const DEPARTMENT_MAX = 80;
export const INTERESTS_TEXT_MAX = 300;
export const INTEREST_MAX = 40;
export const INTERESTS_MAX_COUNT = 10;

/** Zones offered as buttons; anyone else types theirs. The org's own zone is put first. */
export const COMMON_TIME_ZONES = [
  'Europe/Moscow',
  'Europe/Kaliningrad',
  'Asia/Yekaterinburg',
  'Asia/Novosibirsk',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Dubai',
  'America/New_York',
  'UTC',
] as const;

export function roleOptions(t: Translate): FieldOption[] {
  return PROGRAM_ROLES.map((role) => ({ value: role, label: t(`profile.role.${role}`) }));
}

export function gradeOptions(t: Translate): FieldOption[] {
  return GRADES.map((g) => ({ value: String(g), label: t(`profile.grade.${g}`) }));
}

export function formatOptions(t: Translate): FieldOption[] {
  return FORMATS.map((f) => ({ value: f, label: t(`profile.format.${f}`) }));
}

export function topicName(topic: TopicRow, locale: Locale): string {
  return locale === 'ru' ? topic.nameRu : topic.nameEn;
}

export function topicOptions(topics: TopicRow[], locale: Locale): FieldOption[] {
  return topics.map((topic) => ({ value: topic.id, label: topicName(topic, locale) }));
}

export function timeZoneOptions(orgZone: string, now: Date): FieldOption[] {
  const zones = [orgZone, ...COMMON_TIME_ZONES.filter((z) => z !== orgZone)];
  return zones.map((zone) => {
    const offset = formatOffset(zone, now);
    return { value: zone, label: offset === zone ? zone : `${zone} (${offset})` };
  });
}

export function isMentor(role: unknown): boolean {
  return role === 'mentor' || role === 'both';
}

export function isMentee(role: unknown): boolean {
  return role === 'mentee' || role === 'both';
}

/**
 * "Chess, running; jazz" → ["chess", "running", "jazz"]: trimmed, lower-cased, deduplicated,
 * so shared interests can be matched later. Undefined when the list breaks a limit.
 */
export function parseInterests(text: string): string[] | undefined {
  const items = [
    ...new Set(
      text
        .split(/[,;]/)
        .map((s) => s.trim().toLowerCase().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ];
  // A bare number is no interest: on the console it is a button number typed at a question
  // that has none ("10" stored as a hobby).
  if (
    items.length > INTERESTS_MAX_COUNT ||
    items.some((i) => i.length > INTEREST_MAX || /^[\d\s.]+$/.test(i))
  )
    return undefined;
  return items;
}

export function isProgramRole(value: unknown): value is ProgramRole {
  return typeof value === 'string' && (PROGRAM_ROLES as readonly string[]).includes(value);
}

export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}
