import { DateTime } from 'luxon';

/**
 * A measure needs something countable or checkable: a number, a frequency, or a state you
 * can look at ("published", "set up", "без помощи"). "Get better at AI" has none.
 */
// `\b` only knows Latin letters; these boundaries work for Cyrillic words too.
const word = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');
const stem = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})`, 'iu');
const COUNTABLE = [
  /\d|%/u,
  word(
    'one|two|three|four|five|six|seven|eight|nine|ten|twice|once|every|each|weekly|daily|monthly|per|number of|how many',
  ),
  word(
    'один|одна|одно|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|дважды|раз|раза|в день|в неделю|в месяц',
  ),
  stem('кажд|еженедел|ежеднев|ежемесяч|количеств|число|сколько'),
];
const CHECKABLE = [
  word(
    'publish(?:ed)?|ship(?:ped)?|launch(?:ed)?|set up|running|live|sent|post(?:ed)?|buil[dt]|create[ds]?|finish(?:ed)?|pass(?:ed)?|automate[ds]?|replace[ds]?|without help|on my own|by myself|vs|versus',
  ),
  stem(
    'опубликова|запущ|запуст|настро|отправ|созда|собра|сдан|сдать|автоматизир|замен|без помощи|самостоятельно|против',
  ),
];

/** True when a "how we'll know it's done" answer names something one could count or check. */
export function isMeasurable(text: string): boolean {
  return [...COUNTABLE, ...CHECKABLE].some((pattern) => pattern.test(text));
}

/** How far ahead a goal may be set while the default program (no end date) runs. */
export const DEFAULT_PROGRAM_HORIZON_DAYS = 180;

export type DeadlineProblem = 'past' | 'beyond_program';

/**
 * Checks a YYYY-MM-DD deadline against today (in the owner's zone) and the program's last day.
 * Calendar days are compared as days, so a program's last day is a valid deadline in any zone.
 */
export function deadlineProblem(
  deadline: string,
  now: Date,
  zone: string,
  programLastDay: string,
): DeadlineProblem | undefined {
  const day = DateTime.fromISO(deadline, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  if (!day.isValid || day < today) return 'past';
  if (deadline > programLastDay) return 'beyond_program';
  return undefined;
}

/** Progress steps people can pick; anything else is refused. */
export const PROGRESS_STEPS = [0, 25, 50, 75, 100] as const;

/** A ten-cell bar: ▓▓▓▓▓░░░░░ 50 %. */
export function progressBar(percent: number): string {
  const cells = Math.round(Math.max(0, Math.min(100, percent)) / 10);
  return `${'▓'.repeat(cells)}${'░'.repeat(10 - cells)} ${percent} %`;
}
