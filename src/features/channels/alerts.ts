import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { ChannelCheck, ChannelProblem } from '../../core/adapter';
import type { EngineDeps } from '../../core/context';
import { resolveLocale } from '../../core/engine';
import { type MessageKey, translator } from '../../core/i18n';
import { enqueue } from '../../core/outbox';
import type { DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { putAppState } from '../../db/queries/app-state';
import { userRef } from '../../db/queries/users';
import { appState, users } from '../../db/schema';
import { transact } from '../../db/transact';
import type { ConfiguredChannel } from './configured';

/**
 * What app_state remembers of a channel: the problem the admins were last told (none once the
 * channel works again), and how many times they were told, which keys each telling.
 */
const channelState = z.object({ problem: z.string().nullable(), told: z.number().int() });

const INSTRUCTIONS = {
  slack: {
    not_member: 'channel.slack.not_member',
    not_found: 'channel.slack.not_found',
    archived: 'channel.slack.archived',
    no_rights: 'channel.slack.no_rights',
    cannot_check: 'channel.slack.cannot_check',
  },
  telegram: {
    not_member: 'channel.telegram.not_member',
    not_found: 'channel.telegram.not_found',
    archived: 'channel.telegram.archived',
    no_rights: 'channel.telegram.no_rights',
    cannot_check: 'channel.telegram.cannot_check',
  },
} as const satisfies Record<'slack' | 'telegram', Record<ChannelProblem, MessageKey>>;

/** The bot's name where the platform gave none (the manifest's display name). */
const DEFAULT_BOT_NAME = '@Tandem';

function stateKey(channel: ConfiguredChannel): string {
  return `channel-problem:${channel.platform}:${channel.id}`;
}

/**
 * Records what a check found. A problem not told yet (or changed since) goes to every admin of
 * the channel's platform in a DM, in their language, with what to do; the same problem again
 * stays quiet until the channel works (which forgets it) or the problem changes. Returns true
 * when it queued a message.
 */
export function noteChannel(
  deps: Pick<EngineDeps, 'db' | 'config' | 'logger'>,
  channel: ConfiguredChannel,
  check: ChannelCheck,
  now: Date,
): Promise<boolean> {
  // Read and written in one transaction: two failures at once tell the admins once.
  return transact(deps.db, (tx) => noteIn(tx, deps, channel, check, now));
}

async function noteIn(
  db: DbOrTx,
  deps: Pick<EngineDeps, 'config' | 'logger'>,
  channel: ConfiguredChannel,
  check: ChannelCheck,
  now: Date,
): Promise<boolean> {
  const key = stateKey(channel);
  const row = await first(db.select().from(appState).where(eq(appState.key, key)));
  const parsed = channelState.safeParse(row?.value);
  const state = parsed.success ? parsed.data : { problem: null, told: 0 };
  const save = (value: z.infer<typeof channelState>) => putAppState(db, key, value, now);
  if (check.ok) {
    // Works (again): a later problem is news.
    if (state.problem !== null) await save({ ...state, problem: null });
    return false;
  }
  if (channel.platform === 'console' || state.problem === check.problem) return false;
  const instruction = INSTRUCTIONS[channel.platform][check.problem];
  const told = state.told + 1;
  await save({ problem: check.problem, told });
  const admins = deps.config.ADMIN_IDS.filter((a) => a.platform === channel.platform);
  deps.logger.warn(
    {
      platform: channel.platform,
      channelId: channel.id,
      code: check.problem,
      admins: admins.length,
    },
    // Only queued here: whether each DM arrives is the outbox's to log.
    'Tandem cannot post in a configured channel; admins to be told',
  );
  const params = {
    channel: check.name ?? channel.id,
    setting: channel.setting,
    bot: check.botName ?? DEFAULT_BOT_NAME,
  };
  for (const admin of admins) {
    const user = await first(
      db
        .select()
        .from(users)
        .where(
          and(
            eq(users.platform, admin.platform),
            eq(users.platformUserId, admin.id),
            isNull(users.leftAt),
          ),
        ),
    );
    const locale = user
      ? resolveLocale(user, deps.config.DEFAULT_LOCALE)
      : deps.config.DEFAULT_LOCALE;
    const t = translator(locale);
    await enqueue(
      db,
      {
        dedupeKey: `${key}:${told}:${admin.id}`,
        target: {
          kind: 'user',
          user: user ? userRef(user) : { platform: admin.platform, workspace: '', id: admin.id },
        },
        payload: {
          kind: 'reply',
          reply: {
            kind: 'text',
            title: t('channel.title'),
            text: `${t(instruction, params)}\n\n${t('channel.footer')}`,
          },
          locale,
        },
        userId: user?.id ?? null,
      },
      now,
    );
  }
  return admins.length > 0;
}
