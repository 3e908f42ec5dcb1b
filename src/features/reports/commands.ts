import { DateTime } from 'luxon';
import type { Config } from '../../config';
import { enqueue } from '../../core/outbox';
import type { CommandSpec } from '../../core/registry';
import type { Db } from '../../db/client';
import { transact } from '../../db/transact';
import type { Logger } from '../../logger';
import { channelTarget } from '../matching/scheduled';
import { buildSummary } from './build';
import { inHrPlace } from './place';

export const REPORT_WEEKS_MAX = 12;

/**
 * `/report [weeks]` (HR): the summary now, in a DM or the HR channel — typed in another group,
 * it goes to the DM: even an "only you" reply there sits in a shared channel.
 */
export const reportCommand: CommandSpec = {
  scope: 'dm',
  alsoIn: inHrPlace,
  role: 'hr',
  async run(ctx, args) {
    const raw = args.trim();
    const weeks = raw === '' ? 1 : Number(raw);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > REPORT_WEEKS_MAX) {
      ctx.reply({
        kind: 'text',
        text: ctx.t('report.usage', { command: ctx.cmd('report'), max: REPORT_WEEKS_MAX }),
      });
      return;
    }
    const built = await buildSummary(
      ctx.tx,
      ctx.deps.config,
      ctx.now,
      weeks,
      ctx.locale,
      ctx.deps.logger,
    );
    ctx.reply(built.reply);
    ctx.replyFile(built.chart);
  },
};

/**
 * SUMMARY_CRON: last week's summary and chart to HR_CHANNEL, in the organisation's language.
 * Keyed by week, so a catch-up after downtime and a regular run never post it twice.
 */
export async function runWeeklySummary(
  deps: { db: Db; config: Config; logger?: Pick<Logger, 'warn'> },
  now: Date,
): Promise<boolean> {
  const target = channelTarget(deps.config.HR_CHANNEL);
  if (!target) return false;
  const locale = deps.config.DEFAULT_LOCALE;
  const week = DateTime.fromJSDate(now, { zone: deps.config.ORG_TIMEZONE }).toFormat("kkkk-'W'WW");
  // Read and queued in one transaction, in turn with the units of work.
  return transact(deps.db, async (tx) => {
    const built = await buildSummary(tx, deps.config, now, 1, locale, deps.logger);
    const posted = await enqueue(
      tx,
      {
        dedupeKey: `summary:${week}`,
        target,
        payload: { kind: 'reply', reply: built.reply, locale },
      },
      now,
    );
    await enqueue(
      tx,
      {
        dedupeKey: `summary:${week}:chart`,
        target,
        payload: { kind: 'file', file: built.chart, locale },
      },
      now,
    );
    return posted;
  });
}
