import type { Config } from '../../config';
import type { ChatAdapter } from '../../core/adapter';
import { translator } from '../../core/i18n';
import { enqueue } from '../../core/outbox';
import type { Platform, Target } from '../../core/refs';
import type { Reply } from '../../core/replies';
import type { Db } from '../../db/client';
import { transact } from '../../db/transact';
import { renderPreview } from './commands';
import { publishRound } from './service';

/** `HR_CHANNEL=slack:C0123` → a conversation target (the workspace is the platform's own). */
export function channelTarget(setting: string | undefined): Target | undefined {
  if (!setting) return undefined;
  const [platform, id] = setting.split(':') as [Platform, string];
  return { kind: 'conversation', conversation: { platform, workspace: '', id, kind: 'group' } };
}

/**
 * MATCH_CRON: publish a round, or preview it to the HR channel, as configured. The HR
 * channel hears about it either way (in the organisation's default language). The round is
 * planned and written in one transaction; HR's message is queued after it, in its own.
 */
export async function runScheduledRound(
  deps: { db: Db; config: Config; adapters: Partial<Record<Platform, ChatAdapter>> },
  now: Date,
): Promise<void> {
  const t = translator(deps.config.DEFAULT_LOCALE);
  const hr = channelTarget(deps.config.HR_CHANNEL);
  const reply = await transact(deps.db, async (tx): Promise<Reply> => {
    if (deps.config.MATCH_CRON_MODE === 'publish') {
      const result = await publishRound(tx, deps, null, now);
      return {
        kind: 'text',
        text:
          result.proposals === 0
            ? t('match.nothingToPublish')
            : t('match.published', { ...result, hours: deps.config.PROPOSAL_TTL_HOURS }),
      };
    }
    return renderPreview(tx, deps, t, deps.config.DEFAULT_LOCALE, now);
  });
  if (!hr) return;
  await transact(
    deps.db,
    async (tx) =>
      await enqueue(
        tx,
        {
          dedupeKey: `match-cron:${now.toISOString().slice(0, 16)}`,
          target: hr,
          payload: { kind: 'reply', reply, locale: deps.config.DEFAULT_LOCALE },
        },
        now,
      ),
  );
}
