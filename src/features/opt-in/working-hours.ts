import type { Ctx } from '../../core/context';
import type { FieldDefinition, FieldOption, FormEnv, FormValues } from '../../core/forms/types';
import type { Translate } from '../../core/i18n';
import type { ProfileRow } from '../../db/schema';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../scheduling/slots';
import { parseTime } from '../scheduling/when';

/**
 * Working days and hours on the profile (local, in the person's own zone): what "Find a time"
 * suggests within. Step by step it is one question with the default preselected — one tap
 * keeps Mon–Fri 09:00–18:00 — and "Other days or hours" asks days, start and end; a whole
 * form (Slack's modal) shows days, start and end at once, preselected.
 */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type Weekday = (typeof ISO_WEEKDAYS)[number];

/** Offered as buttons; any other HH:MM is typed. */
const START_CHOICES = ['07:00', '08:00', '09:00', '10:00', '11:00'];
const END_CHOICES = ['16:00', '17:00', '18:00', '19:00', '20:00'];

export const HOURS_DEFAULT = 'default';
export const HOURS_CUSTOM = 'custom';

/**
 * "9", "9:30", "09.30", "930" → "09:30"; "24:00" only as the end of a day. Also what a booking
 * takes ("8am", "5 pm", "в 18"): the same person types both.
 */
export function parseClock(text: string, allowMidnightEnd = false): string | undefined {
  const match = /^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*$/i.exec(text);
  if (!match) return parseTime(text);
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (minutes > 59) return undefined;
  if (hours > 23 && !(allowMidnightEnd && hours === 24 && minutes === 0)) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export function clockMinutes(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

export function minutesClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const isWeekday = (n: number): n is Weekday => (ISO_WEEKDAYS as readonly number[]).includes(n);

/** "Mon–Fri, 09:00–18:00"; runs of days joined with a dash, the rest listed. */
export function describeHours(t: Translate, hours: WorkingHours): string {
  const days = [...new Set(hours.days)].filter(isWeekday).sort((a, b) => a - b);
  const runs: Weekday[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (d: Weekday) => t(`hours.day.${d}`);
  const text = runs
    .map((run) => {
      const [head, tail] = [run[0], run.at(-1)];
      if (head === undefined || tail === undefined) return '';
      if (run.length >= 3) return `${name(head)}–${name(tail)}`;
      return run.map(name).join(', ');
    })
    .join(', ');
  return `${text}, ${minutesClock(hours.start)}–${minutesClock(hours.end)}`;
}

export function hoursOf(profile: Pick<ProfileRow, 'workDays' | 'workStart' | 'workEnd'>) {
  return { days: profile.workDays, start: profile.workStart, end: profile.workEnd };
}

const sameHours = (a: WorkingHours, b: WorkingHours) =>
  a.start === b.start && a.end === b.end && [...a.days].sort().join() === [...b.days].sort().join();

/** A whole form (a modal) asks days, start and end directly; step by step they follow "Other". */
const wholeForm = (ctx: Ctx) => Boolean(ctx.deps.adapters[ctx.event.user.ref.platform]?.openForm);
const custom = ({ ctx, values }: FormEnv) => wholeForm(ctx) || values.workHours === HOURS_CUSTOM;

const clockOptions = (choices: string[]): FieldOption[] =>
  choices.map((c) => ({ value: c, label: c }));

/** The profile form's working-hours questions, in order. */
export const workingHoursFields: FieldDefinition[] = [
  {
    kind: 'single',
    name: 'workHours',
    label: 'hours.field.hours',
    hint: 'hours.hint.hours',
    when: ({ ctx }) => !wholeForm(ctx),
    options: ({ ctx }) => [
      { value: HOURS_DEFAULT, label: describeHours(ctx.t, DEFAULT_WORKING_HOURS) },
      { value: HOURS_CUSTOM, label: ctx.t('hours.option.custom') },
    ],
  },
  {
    kind: 'multi',
    name: 'workDays',
    label: 'hours.field.days',
    hint: 'profile.hint.pickSeveral',
    min: 1,
    max: 7,
    when: custom,
    options: ({ ctx }) =>
      ISO_WEEKDAYS.map((d) => ({ value: String(d), label: ctx.t(`hours.dayLong.${d}`) })),
  },
  {
    kind: 'single',
    name: 'workStart',
    label: 'hours.field.start',
    hint: 'hours.hint.clock',
    picker: 'time',
    when: custom,
    options: () => clockOptions(START_CHOICES),
    parseText: (text) => parseClock(text),
    textError: 'hours.error.clock',
  },
  {
    kind: 'single',
    name: 'workEnd',
    label: 'hours.field.end',
    hint: 'hours.hint.clockEnd',
    picker: 'time',
    when: custom,
    options: () => clockOptions(END_CHOICES),
    parseText: (text) => parseClock(text, true),
    textError: 'hours.error.clockEnd',
    // Asked right away, against the start given just before (a modal sends both at once).
    check: (value, { ctx, values }) => {
      const start = typeof values.workStart === 'string' ? parseClock(values.workStart) : undefined;
      const end = parseClock(value, true);
      if (!start || !end || clockMinutes(end) > clockMinutes(start)) return undefined;
      return ctx.t('hours.error.endBeforeStart', { start });
    },
  },
];

/** The form's starting answers: the stored hours (or the default), preselected. */
export function workingHoursInitial(stored: WorkingHours | undefined): FormValues {
  const hours = stored ?? DEFAULT_WORKING_HOURS;
  return {
    workHours: sameHours(hours, DEFAULT_WORKING_HOURS) ? HOURS_DEFAULT : HOURS_CUSTOM,
    workDays: hours.days.map(String),
    workStart: minutesClock(hours.start),
    workEnd: minutesClock(hours.end),
  };
}

/**
 * The hours the answers name. A step-by-step form sends `workHours`, and days, start and end
 * only after "Other"; a whole form sends days, start and end. Undefined: not asked.
 */
export function workingHoursFrom(values: FormValues): WorkingHours | undefined {
  if (values.workHours === HOURS_DEFAULT) return DEFAULT_WORKING_HOURS;
  const days = (Array.isArray(values.workDays) ? values.workDays : [])
    .map(Number)
    .filter(isWeekday)
    .sort((a, b) => a - b);
  const start = typeof values.workStart === 'string' ? parseClock(values.workStart) : undefined;
  const end = typeof values.workEnd === 'string' ? parseClock(values.workEnd, true) : undefined;
  if (days.length === 0 || !start || !end) return undefined;
  return { days: [...new Set(days)], start: clockMinutes(start), end: clockMinutes(end) };
}
