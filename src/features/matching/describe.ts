import type { Locale, Translate } from '../../core/i18n';
import type { MatchReasons, TopicRow } from '../../db/schema';
import { topicName } from '../opt-in/profile-options';
import type { MenteeReason, MentorReason } from './round';

/**
 * Why a mentor is left out, as people are told: "nobody wants your topics" is only true when
 * nobody does — when those who want them are all paired or waiting on a proposal, it says so.
 */
export type MentorTold = MentorReason | 'demand_taken';

export function mentorTold(
  reason: MentorReason,
  teach: ReadonlySet<string>,
  takenTopics: ReadonlySet<string>,
): MentorTold {
  return reason === 'no_demand' && [...teach].some((t) => takenTopics.has(t))
    ? 'demand_taken'
    : reason;
}

/** Why one person is left out of a round, on each side they stood on (role "both": two). */
export interface LeftOut {
  mentor?: MentorTold;
  mentee?: MenteeReason;
}

/** "No match for you in this round: …", addressed to the person, one message for both sides. */
export function unmatchedText(t: Translate, why: LeftOut): string {
  if (why.mentor && why.mentee)
    return t('unmatched.youBoth', {
      asMentor: t(`unmatched.mentor.${why.mentor}`),
      asMentee: t(`unmatched.mentee.${why.mentee}`),
    });
  const reason = why.mentor
    ? t(`unmatched.mentor.${why.mentor}`)
    : why.mentee
      ? t(`unmatched.mentee.${why.mentee}`)
      : '';
  return t('unmatched.you', { reason });
}

/** "teaches AI, presentations; shared interests: chess; 2 h apart" in the reader's language. */
export function describeWhy(
  t: Translate,
  locale: Locale,
  topics: TopicRow[],
  reasons: MatchReasons,
): string {
  const names = new Map(topics.map((topic) => [topic.id, topicName(topic, locale)]));
  const parts = [
    t('match.why.topics', { list: reasons.topics.map((id) => names.get(id) ?? id).join(', ') }),
  ];
  if (reasons.interests.length > 0)
    parts.push(t('match.why.interests', { list: reasons.interests.join(', ') }));
  parts.push(t('match.why.apart', { hours: Math.round(reasons.hoursApart) }));
  return parts.join('; ');
}

/** Topic names for an intro. */
export function topicList(locale: Locale, topics: TopicRow[], ids: string[]): string {
  const names = new Map(topics.map((topic) => [topic.id, topicName(topic, locale)]));
  return ids.map((id) => names.get(id) ?? id).join(', ');
}

/** Three icebreakers, chosen by the pair's id so both people see the same ones. */
export function icebreakers(t: Translate, seed: number): string {
  const all = [1, 2, 3, 4, 5, 6] as const;
  const start = seed % all.length;
  return [0, 1, 2]
    .map((k) => `• ${t(`icebreaker.${all[(start + k * 2) % all.length] ?? 1}`)}`)
    .join('\n');
}
