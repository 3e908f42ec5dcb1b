import { LOCALES, type Translate, translator } from '../../core/i18n';
import type { MeetingRow } from '../../db/schema';

/**
 * The task a session shows its reader. A session booked from a suggested slot has no task
 * typed: it is stored as the booker's word for its kind ("Sprint", "Спринт"), and each reader
 * sees that word in their own language instead.
 */
export function topicOf(t: Translate, meeting: Pick<MeetingRow, 'topic' | 'kind'>): string {
  return hasNoTask(meeting) ? t(`find.topic.${meeting.kind}`) : meeting.topic;
}

/** Whether the session was booked with no task typed (its topic is its kind's word). */
export function hasNoTask(meeting: Pick<MeetingRow, 'topic' | 'kind'>): boolean {
  const key = `find.topic.${meeting.kind}` as const;
  return LOCALES.some((locale) => translator(locale)(key) === meeting.topic);
}
