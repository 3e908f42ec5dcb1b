import { DateTime } from 'luxon';
import { formatNumber, formatShortDay } from '../../core/format';
import type { Locale, Translate } from '../../core/i18n';
import type { TextReply } from '../../core/replies';
import type { TopicRow } from '../../db/schema';
import type { Guarded } from '../feedback/k-anon';
import type { SummaryData } from './summary';

/** ▲3, ▼1, ▲0.3 (▲0,3 in Russian), or nothing when unchanged. */
export function change(now: number, before: number, locale: Locale, decimals = 0): string {
  const diff = Math.round((now - before) * 10 ** decimals) / 10 ** decimals;
  if (diff === 0) return '';
  return ` ${diff > 0 ? '▲' : '▼'}${formatNumber(Math.abs(diff), locale, decimals)}`;
}

/** Days `from` up to (not including) `to` as people write them: "30 Nov – 6 Dec 2026". */
export function dayRange(from: Date, to: Date, zone: string, locale: Locale): string {
  const first = DateTime.fromJSDate(from, { zone });
  const last = DateTime.fromJSDate(to, { zone }).minus({ days: 1 });
  return `${formatShortDay(first, locale)} – ${formatShortDay(last, locale, { year: true })}`;
}

function guardedLine(
  t: Translate,
  g: Guarded<number>,
  shown: (value: number, people: number) => string,
  what: string,
  k: number,
): string {
  return g.shown
    ? shown(g.value, g.count)
    : t('feedbackHr.notEnough', { what, people: g.count, k });
}

/** The summary as one screen of text: funnel, the week, gaps, risks, ideas; the period in small print. */
export function renderSummary(
  t: Translate,
  data: SummaryData,
  options: { locale: Locale; zone: string; k: number; topics: TopicRow[] },
): TextReply {
  const { funnel: f, meetings: m, previous: p } = data;
  const topicName = (id: string) => {
    const row = options.topics.find((x) => x.id === id);
    return row ? (options.locale === 'ru' ? row.nameRu : row.nameEn) : id;
  };
  const usefulnessChange =
    data.usefulness.shown && p.usefulness.shown
      ? change(data.usefulness.value, p.usefulness.value, options.locale, 1)
      : '';
  const paragraphs = [
    [
      t('summary.volunteers', {
        n: f.volunteers,
        change: change(f.volunteers, p.volunteers, options.locale),
        mentors: f.mentors,
        mentees: f.mentees,
        both: f.both,
        fresh: f.newInPeriod,
      }),
      t('summary.pipeline', {
        prepared: f.prepared,
        proposed: f.proposed,
        pairs: f.activePairs,
        change: change(f.activePairs, p.activePairs, options.locale),
        met: f.metOnce,
      }),
      t('summary.goals', { set: f.goalsSet, done: f.goalsDone }),
    ].join('\n'),
    [
      t('summary.meetings', {
        held: m.held,
        scheduled: m.scheduled,
        missed: m.missed,
        cancelled: m.cancelled,
        unconfirmed: m.unconfirmed,
        change: change(m.held, p.held, options.locale),
      }),
      guardedLine(
        t,
        data.usefulness,
        (value, people) => t('summary.usefulness', { value, people, change: usefulnessChange }),
        t('feedbackHr.what.usefulness'),
        options.k,
      ),
      ...(data.nps.count > 0
        ? [
            guardedLine(
              t,
              data.nps,
              (value, people) => t('feedbackHr.nps', { value, people }),
              t('feedbackHr.what.nps'),
              options.k,
            ),
          ]
        : []),
    ].join('\n'),
    data.unmetTopics.length
      ? t('summary.unmet', {
          list: data.unmetTopics
            .slice(0, 5)
            .map((x) => `${topicName(x.id)} (${x.wanted})`)
            .join(', '),
        })
      : t('summary.unmetNone'),
    data.atRisk.length
      ? [
          t('summary.atRisk', { n: data.atRisk.length }),
          ...data.atRisk
            .slice(0, 5)
            .map(
              (r) =>
                `• ${r.mentor ?? t('user.formerLabel')} → ${r.mentee ?? t('user.formerLabel')} (${t(r.reason === 'nudges' ? 'summary.risk.nudges' : 'summary.risk.silent')})`,
            ),
          ...(data.atRisk.length > 5 ? [t('summary.andMore', { n: data.atRisk.length - 5 })] : []),
        ].join('\n')
      : t('summary.atRiskNone'),
    t('summary.ideas', data.experiments),
  ];
  return {
    kind: 'text',
    title: t('summary.title', {
      period: dayRange(data.period.from, data.period.to, options.zone, options.locale),
    }),
    text: paragraphs.join('\n\n'),
    context: t('summary.context', { zone: options.zone, k: options.k }),
  };
}
