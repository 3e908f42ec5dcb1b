import { and, gte, isNull, lt, or } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import type { CommandSpec } from '../../core/registry';
import type { DbOrTx } from '../../db/client';
import {
  feedbackIn,
  type Population,
  pairIn,
  populationOf,
  userIn,
} from '../../db/queries/population';
import { getUser } from '../../db/queries/users';
import { finalSurveys, meetingFeedback, pairFit } from '../../db/schema';
import { type Period, reportPeriod, weekEdges } from '../reports/period';
import { type Guarded, guardedWeeklyMean, nps, publishableWeeks, respondent } from './k-anon';

/** What HR may see of the polls in a period: aggregates behind the k rule, notes without names. */
export interface FeedbackAggregate {
  usefulness: Guarded<number>;
  /** From final surveys answered in the period. */
  overall: Guarded<number>;
  nps: Guarded<number>;
  changed: string[];
  fit: Guarded<{ good: number; unsure: number; bad: number }>;
  /** Free text for HR; `author` only when its author agreed to be named. */
  notes: { text: string; author: string | null }[];
  learned: string[];
}

/**
 * Builds HR's view of the feedback given in a period of whole weeks. No field holds one
 * person's answer: ratings appear only as means over weeks in which at least `k` distinct
 * people answered (see `publishableWeeks` for why week by week), and the free text of a
 * week under `k` is withheld with its ratings — a note from a week with two answers would
 * point at one of two people as surely as a mean would.
 */
export async function feedbackAggregate(
  db: DbOrTx,
  period: Period,
  zone: string,
  k: number,
  population: Population,
): Promise<FeedbackAggregate> {
  const { from, to } = period;
  // Only the people this start serves (never the console demo's in a platform start).
  const fitPair = pairIn(population, pairFit.pairId);
  const served = {
    ratings: feedbackIn(population),
    fits: and(userIn(population, pairFit.userId), fitPair && or(isNull(pairFit.pairId), fitPair)),
    surveys: userIn(population, finalSurveys.userId),
  };
  const edges = weekEdges(period, zone, period.weeks).map((d) => d.getTime());
  const answers = <R extends { createdAt: Date; userId: number | null; leftAs: number | null }>(
    rows: R[],
  ) => rows.map((r) => ({ ...r, at: r.createdAt.getTime(), who: respondent(r) }));
  const ratings = answers(
    await db
      .select()
      .from(meetingFeedback)
      .where(
        and(
          gte(meetingFeedback.createdAt, from),
          lt(meetingFeedback.createdAt, to),
          served.ratings,
        ),
      ),
  );
  const fits = answers(
    await db
      .select()
      .from(pairFit)
      .where(and(gte(pairFit.createdAt, from), lt(pairFit.createdAt, to), served.fits)),
  );
  const surveys = answers(
    await db
      .select()
      .from(finalSurveys)
      .where(
        and(gte(finalSurveys.createdAt, from), lt(finalSurveys.createdAt, to), served.surveys),
      ),
  );
  const ratingWeeks = publishableWeeks(ratings, edges, k);
  const surveyWeeks = publishableWeeks(surveys, edges, k);
  const fitWeeks = publishableWeeks(fits, edges, k);
  const names = new Map<number, string | null>();
  for (const r of ratingWeeks.rows) {
    if (r.named && r.userId !== null && !names.has(r.userId))
      names.set(r.userId, (await getUser(db, r.userId))?.name ?? null);
  }
  const texts = (list: (string | null)[]) =>
    list.filter((c): c is string => Boolean(c)).sort((a, b) => a.localeCompare(b));
  return {
    usefulness: guardedWeeklyMean(ratings, edges, k, (r) => r.usefulness),
    overall: guardedWeeklyMean(surveys, edges, k, (s) => s.overall),
    nps: guardedWeeklyMean(surveys, edges, k, (s) => s.nps, nps),
    changed: texts(surveyWeeks.rows.map((s) => s.changed)),
    fit: fitWeeks.rows.length
      ? {
          shown: true,
          count: fitWeeks.people,
          value: {
            good: fitWeeks.rows.filter((f) => f.fit === 'good').length,
            unsure: fitWeeks.rows.filter((f) => f.fit === 'unsure').length,
            bad: fitWeeks.rows.filter((f) => f.fit === 'bad').length,
          },
        }
      : { shown: false, count: fitWeeks.mostInAWeek },
    // Sorted out of answer order, so a note can't be lined up with a meeting's timing.
    notes: ratingWeeks.rows
      .filter((r) => r.noteForHr)
      .map((r) => ({
        text: r.noteForHr ?? '',
        author: r.named && r.userId !== null ? (names.get(r.userId) ?? null) : null,
      }))
      .sort((a, b) => a.text.localeCompare(b.text)),
    learned: texts(ratingWeeks.rows.map((r) => r.learned)),
  };
}

/** Renders the aggregate for HR in their language. */
export function renderFeedback(ctx: Ctx, data: FeedbackAggregate, weeks: number): string {
  const { t } = ctx;
  const k = ctx.deps.config.K_ANON_MIN;
  const lines = [t('feedbackHr.title', { weeks })];
  lines.push(
    data.usefulness.shown
      ? t('feedbackHr.usefulness', { value: data.usefulness.value, people: data.usefulness.count })
      : t('feedbackHr.notEnough', {
          what: t('feedbackHr.what.usefulness'),
          people: data.usefulness.count,
          k,
        }),
  );
  lines.push(
    data.fit.shown
      ? t('feedbackHr.fit', { ...data.fit.value, people: data.fit.count })
      : t('feedbackHr.notEnough', { what: t('feedbackHr.what.fit'), people: data.fit.count, k }),
  );
  for (const [key, what] of [
    ['overall', 'feedbackHr.what.overall'],
    ['nps', 'feedbackHr.what.nps'],
  ] as const) {
    const figure = data[key];
    // No final survey yet: nothing to say about it.
    if (figure.count === 0) continue;
    lines.push(
      figure.shown
        ? t(key === 'overall' ? 'feedbackHr.overall' : 'feedbackHr.nps', {
            value: figure.value,
            people: figure.count,
          })
        : t('feedbackHr.notEnough', { what: t(what), people: figure.count, k }),
    );
  }
  if (data.changed.length)
    lines.push(t('feedbackHr.changed'), ...data.changed.map((c) => `• ${c}`));
  if (data.learned.length) {
    lines.push(t('feedbackHr.learned'), ...data.learned.map((l) => `• ${l}`));
  }
  if (data.notes.length) {
    lines.push(
      t('feedbackHr.notes'),
      ...data.notes.map((n) => `• ${n.text}${n.author ? ` — ${n.author}` : ''}`),
    );
  }
  return lines.join('\n');
}

/** `/feedback [weeks]` (HR): the polls of the last weeks, aggregated and anonymous. */
export const feedbackCommand: CommandSpec = {
  scope: 'dm',
  role: 'hr',
  async run(ctx, args) {
    const raw = args.trim();
    const weeks = raw === '' ? 4 : Number(raw);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
      ctx.reply({
        kind: 'text',
        text: ctx.t('feedbackHr.usage', { command: ctx.cmd('feedback') }),
      });
      return;
    }
    // Whole weeks, like the summary: the same cells everywhere HR looks.
    const zone = ctx.deps.config.ORG_TIMEZONE;
    const period = reportPeriod(ctx.now, zone, weeks);
    const data = await feedbackAggregate(
      ctx.tx,
      period,
      zone,
      ctx.deps.config.K_ANON_MIN,
      populationOf(ctx.deps.config),
    );
    ctx.reply({ kind: 'text', text: renderFeedback(ctx, data, weeks) });
  },
};
