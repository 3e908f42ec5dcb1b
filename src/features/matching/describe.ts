import type { Locale, Translate } from '../../core/i18n';
import type { MatchReasons, TopicRow } from '../../db/schema';
import { topicName } from '../opt-in/profile-options';

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
