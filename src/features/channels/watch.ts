import type { ChannelProblem } from '../../core/adapter';
import type { EngineDeps } from '../../core/context';
import { codeOf } from '../../core/errors';
import { type SettledListener, type SettledMessage, takeReceipt } from '../../core/outbox';
import type { Platform } from '../../core/refs';
import { transact } from '../../db/transact';
import { noteChannel } from './alerts';
import { configuredChannelOf, configuredChannels } from './configured';
import { RECEIPTS } from './receipts';

/**
 * Once a platform is up: can Tandem post in each configured channel there? What is wrong goes
 * to the admins (once); what works forgets an old problem. A check the platform cannot answer
 * now is logged and left for the next failed post to settle.
 */
export async function checkChannels(deps: EngineDeps, platform: Platform): Promise<void> {
  const adapter = deps.adapters[platform];
  if (!adapter?.checkChannel) return;
  let queued = false;
  for (const channel of configuredChannels(deps.config)) {
    if (channel.platform !== platform) continue;
    try {
      const check = await adapter.checkChannel(channel.id);
      queued = (await noteChannel(deps, channel, check, deps.clock.now())) || queued;
    } catch (error) {
      deps.logger.warn(
        { platform, channelId: channel.id, code: codeOf(error) },
        'could not check a configured channel',
      );
    }
  }
  if (queued) deps.outbox.kick();
}

/**
 * What a post to a configured channel says about it: a success forgets an old problem; a
 * failure is looked into (the platform's own reason first) and told to the admins once.
 * Returns the problem, if one was found, and whether a message was queued.
 */
async function watchChannel(
  deps: EngineDeps,
  message: SettledMessage,
): Promise<{ problem?: ChannelProblem; queued: boolean }> {
  const channel = configuredChannelOf(deps.config, message.target);
  if (!channel || message.outcome === 'uncertain') return { queued: false };
  if (message.outcome === 'sent') {
    await noteChannel(deps, channel, { ok: true }, deps.clock.now());
    return { queued: false };
  }
  const adapter = deps.adapters[channel.platform];
  if (!adapter?.checkChannel) return { queued: false };
  try {
    const check = await adapter.checkChannel(channel.id, message.error);
    const queued = await noteChannel(deps, channel, check, deps.clock.now());
    return check.ok ? { queued } : { problem: check.problem, queued };
  } catch (error) {
    deps.logger.warn(
      { platform: channel.platform, channelId: channel.id, code: codeOf(error) },
      'could not check a channel after a failed post',
    );
    return { queued: false };
  }
}

/**
 * The outbox's settled-listener: channel posts are watched, and a message's receipt is
 * answered — "published" only once the platform took it, its problem when it didn't, "check
 * the channel" when nobody can know. The receipt is taken off its outbox row in the same
 * transaction that answers it, so a crash before (even during the channel check) leaves it
 * there for the next start to answer, and a second call answers nothing.
 */
export function channelListener(deps: EngineDeps): SettledListener {
  return async (message) => {
    const { problem, queued } = await watchChannel(deps, message);
    const receipt = message.receipt;
    const handler = receipt && RECEIPTS[receipt.kind];
    if (!receipt) return queued;
    const call = { args: receipt.args, now: deps.clock.now(), messageId: message.id };
    // In turn with the units of work, and all of it or nothing: the receipt taken, the answer queued.
    const answered = await transact(deps.db, async (tx) => {
      if (!(await takeReceipt(tx, message.id)) || !handler) return false;
      if (message.outcome === 'sent') return handler.sent(tx, deps, call);
      if (message.outcome === 'uncertain') return handler.uncertain(tx, deps, call);
      return handler.failed(tx, deps, { ...call, problem: problem ?? 'cannot_check' });
    });
    return answered || queued;
  };
}
