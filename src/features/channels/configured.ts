import type { Config } from '../../config';
import type { EngineDeps } from '../../core/context';
import { targetPlatform } from '../../core/outbox';
import type { Platform, Target } from '../../core/refs';

/** A channel Tandem posts in on its own: HR_CHANNEL, CONTENT_CHANNEL (or both, when they agree). */
export interface ConfiguredChannel {
  platform: Platform;
  id: string;
  /** The setting(s) naming it, as the admin wrote them: `HR_CHANNEL`, `HR_CHANNEL, CONTENT_CHANNEL`. */
  setting: string;
}

const SETTINGS = ['HR_CHANNEL', 'CONTENT_CHANNEL'] as const;

/** Every configured channel once, with the settings that name it. */
export function configuredChannels(
  config: Pick<Config, (typeof SETTINGS)[number]>,
): ConfiguredChannel[] {
  const found = new Map<string, ConfiguredChannel>();
  for (const setting of SETTINGS) {
    const value = config[setting];
    if (!value) continue;
    const at = value.indexOf(':');
    const platform = value.slice(0, at) as Platform;
    const id = value.slice(at + 1);
    const known = found.get(value);
    if (known) known.setting = `${known.setting}, ${setting}`;
    else found.set(value, { platform, id, setting });
  }
  return [...found.values()];
}

/** The configured channel a message went to, if it went to one (matched by platform and id). */
export function configuredChannelOf(
  config: Pick<Config, (typeof SETTINGS)[number]>,
  target: Target,
): ConfiguredChannel | undefined {
  if (target.kind !== 'conversation' || target.conversation.kind !== 'group') return undefined;
  // A reply shown to one person there (Slack's ephemeral) falls back to their DM when the bot
  // is not in the channel: its fate says nothing about posting there.
  if (target.onlyFor) return undefined;
  const { platform, id } = target.conversation;
  return configuredChannels(config).find((c) => c.platform === platform && c.id === id);
}

/**
 * A channel on a running platform where every channel takes every post (the console, whose
 * adapter has nothing to check): a post there needs no "on its way" first.
 */
export function alwaysReachable(deps: Pick<EngineDeps, 'adapters'>, target: Target): boolean {
  const adapter = deps.adapters[targetPlatform(target)];
  return adapter !== undefined && adapter.checkChannel === undefined;
}
