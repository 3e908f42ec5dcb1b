import { and, eq, gt, lte } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Config } from '../../config';
import { translator } from '../../core/i18n';
import { enqueue } from '../../core/outbox';
import type { DbOrTx } from '../../db/client';
import { type Population, populationOf, userIn } from '../../db/queries/population';
import { getUser } from '../../db/queries/users';
import { contentPosts, experiments, stories } from '../../db/schema';
import { outcomesBetween } from '../experiments/service';
import { channelTarget } from '../matching/scheduled';

export const DIGEST_DAYS = 7;

/**
 * What happened in the content channel's world after `from`, up to and including `to` — by the
 * people this start serves (a platform's digest never reposts the console demo's).
 */
export async function digestBetween(db: DbOrTx, population: Population, from: Date, to: Date) {
  return {
    posts: await db
      .select()
      .from(contentPosts)
      .where(
        and(
          gt(contentPosts.createdAt, from),
          lte(contentPosts.createdAt, to),
          userIn(population, contentPosts.byUserId),
        ),
      ),
    stories: await db
      .select()
      .from(stories)
      .where(
        and(
          eq(stories.status, 'published'),
          gt(stories.publishedAt, from),
          lte(stories.publishedAt, to),
          userIn(population, stories.authorUserId),
        ),
      ),
    outcomes: await outcomesBetween(db, from, to, userIn(population, experiments.authorUserId)),
  };
}

/**
 * The weekly digest to CONTENT_CHANNEL: new links, published stories and pilot outcomes since
 * the last digest (or of the last seven days). A quiet week posts nothing; the same week
 * never posts twice.
 */
export async function runDigest(
  deps: { db: DbOrTx; config: Config },
  now: Date,
  since?: Date,
): Promise<boolean> {
  const channel = channelTarget(deps.config.CONTENT_CHANNEL);
  if (!channel) return false;
  const from = since ?? DateTime.fromJSDate(now).minus({ days: DIGEST_DAYS }).toJSDate();
  const data = await digestBetween(deps.db, populationOf(deps.config), from, now);
  if (!data.posts.length && !data.stories.length && !data.outcomes.length) return false;
  const locale = deps.config.DEFAULT_LOCALE;
  const t = translator(locale);
  const lines: string[] = [];
  if (data.posts.length) {
    lines.push(t('digest.posts'), ...data.posts.map((p) => `• ${p.comment} — ${p.url}`));
  }
  if (data.stories.length) {
    lines.push(t('digest.stories'));
    for (const s of data.stories) {
      lines.push(`• ${(await getUser(deps.db, s.authorUserId))?.name ?? ''}: ${s.text}`);
    }
  }
  if (data.outcomes.length) {
    lines.push(
      t('digest.outcomes'),
      ...data.outcomes.map((o) => `• ${o.title} — ${t(`idea.outcome.${o.outcome}`)}: ${o.note}`),
    );
  }
  // One digest per day at most: a schedule that posts twice a week gets both.
  const day = DateTime.fromJSDate(now, { zone: deps.config.ORG_TIMEZONE }).toISODate();
  return enqueue(
    deps.db,
    {
      dedupeKey: `digest:${day}`,
      target: channel,
      payload: {
        kind: 'reply',
        reply: { kind: 'text', title: t('digest.title'), text: lines.join('\n') },
        locale,
      },
    },
    now,
  );
}
