import { DateTime } from 'luxon';

/**
 * A measure needs something countable or checkable: a number, a share, a frequency, a unit,
 * or a state you can look at ("published", "set up", "закрыто ботом", "без помощи").
 * "Get better at AI" has none — and neither has "get better at AI in a month": a time window
 * or an average says over what, not what is counted, so it counts only beside a counted thing
 * ("заявки за месяц", "average reply time").
 */
// `\b` only knows Latin letters; these boundaries work for Cyrillic words too.
const word = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');
const stem = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})`, 'iu');
const COUNTABLE = [
  /\d|[%₽$€]/u,
  word(
    'one|two|three|four|five|six|seven|eight|nine|ten|twice|once|every|each|weekly|daily|monthly|per|number of|how many|half',
  ),
  // Shares and units: "share of questions the bot closes in a week".
  word('percent|percentage|per cent|share of|proportion of|ratio|conversion|minutes?|hours?'),
  word(
    'один|одна|одно|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|дважды|раз|раза|вдвое|втрое|половин[аыуе]',
  ),
  // Metrics that are numbers by name: "reach and sign-ups", «охват и заявки».
  word('reach|impressions|engagement|retention|churn|CTR|ROI|KPIs?|NPS'),
  stem('охват|вовлеч[её]нност|удержани|отток'),
  // «Доля вопросов, закрытых ботом», «Процент …», «минут», «шт.».
  word('дол(?:я|и|ю|ей|е)|минут[аыу]?|час(?:а|ов)?|дн(?:я|ей)|шт|штук[аи]?'),
  stem(
    'кажд|еженедел|ежеднев|ежемесяч|количеств|число|сколько|процент|показател|коэффициент|конверси|рубл',
  ),
];
/** Over what, or how summed up: measures only beside something counted. */
const WINDOW_OR_AVERAGE = [
  word('a day|a week|a month|a year|in a (?:day|week|month|quarter|year)|rate|average|median|mean'),
  word(
    'за (?:день|сутки|неделю|месяц|квартал|год)|в (?:день|неделю|месяц|час|сутки|квартал|год|среднем)',
  ),
  stem('средн|медиан'),
];
/** Things people count at work: requests, replies, time, money, posts, customers. */
const COUNTED_THING = [
  word(
    'time|times|costs?|price|speed|revenue|sales|tickets?|requests?|leads?|calls?|e-?mails?|messages?|repl(?:y|ies)|responses?|answers?|questions?|posts?|views?|clicks?|followers?|subscribers?|sign-?ups?|customers?|clients?|users?|orders?|deals?|reports?|meetings?|errors?|complaints?|scores?|NPS',
  ),
  // Short words as whole words: «пост», not «постоянно»; «лиды», not «лидер».
  word(
    'врем(?:я|ени)|цен(?:а|ы|у|е)|лид(?:ы|ов|а|ам)?|пост(?:ы|ов|а|ам)?|ответ(?:ы|ов|а|ам)?|вопрос(?:ы|ов|а|ам)?|клик(?:и|ов|а)?',
  ),
  stem(
    'стоимост|скорост|выручк|продаж|заявк|обращени|звон(?:ок|к)|письм|сообщени|публикаци|просмотр|подписчик|регистрац|клиент|пользовател|заказ|сделк|отч[её]т|встреч|ошибк|жалоб|оценк',
  ),
];
const CHECKABLE = [
  word(
    'publish(?:ed)?|ship(?:ped)?|launch(?:ed)?|set up|running|live|sent|post(?:ed)?|buil[dt]|create[ds]?|finish(?:ed)?|pass(?:ed)?|automate[ds]?|replace[ds]?|without help|on my own|by myself|vs|versus|closed|resolved|answered|implemented|deployed|recorded|presented|completed|certified|connected|integrated',
  ),
  stem(
    'опубликова|запущ|запуст|настро|отправ|созда|собра|сдан|сдать|автоматизир|замен|без помощи|самостоятельно|против|закры|закро|внедр|провед|провест|подключ|выступ|записа|выпущ|выпуст|сертифик',
  ),
];

const any = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text));

/** True when a "how we'll know it's done" answer names something one could count or check. */
export function isMeasurable(text: string): boolean {
  return (
    any(COUNTABLE, text) ||
    any(CHECKABLE, text) ||
    (any(WINDOW_OR_AVERAGE, text) && any(COUNTED_THING, text))
  );
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
