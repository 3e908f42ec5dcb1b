import { DateTime } from 'luxon';
import type { Config } from '../../config';
import { type Locale, translator } from '../../core/i18n';
import type { FileMessage, TextReply } from '../../core/replies';
import type { Db } from '../../db/client';
import { listTopics } from '../../db/queries/profiles';
import type { Logger } from '../../logger';
import { chartPng, chartSvg } from './chart';
import { reportPeriod } from './period';
import { renderSummary } from './render';
import { computeSummary } from './summary';

export interface BuiltSummary {
  reply: TextReply;
  chart: FileMessage;
  svg: string;
}

/**
 * The summary and its chart for the last `weeks` complete weeks, in one language. `logger`
 * hears once if the chart's font is missing.
 */
export async function buildSummary(
  db: Db,
  config: Pick<Config, 'K_ANON_MIN' | 'ORG_TIMEZONE' | 'platforms'>,
  now: Date,
  weeks: number,
  locale: Locale,
  logger?: Pick<Logger, 'warn'>,
): Promise<BuiltSummary> {
  const zone = config.ORG_TIMEZONE;
  const t = translator(locale);
  const data = await computeSummary(db, config, reportPeriod(now, zone, weeks));
  const svg = chartSvg(t, data, locale, zone, config.K_ANON_MIN);
  // The period in the name: /report and /report 4 on one day are two different charts.
  const first = DateTime.fromJSDate(data.period.from, { zone }).toISODate();
  const last = DateTime.fromJSDate(data.period.to, { zone }).minus({ days: 1 }).toISODate();
  return {
    reply: renderSummary(t, data, {
      locale,
      zone,
      k: config.K_ANON_MIN,
      topics: await listTopics(db),
    }),
    chart: {
      filename: `tandem-summary-${first}-to-${last}.png`,
      mimeType: 'image/png',
      contentBase64: chartPng(svg, logger).toString('base64'),
      caption: t('summary.chartCaption'),
    },
    svg,
  };
}
