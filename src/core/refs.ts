/** Every platform Tandem speaks on. Adding one fails to compile until it is wired everywhere. */
export const PLATFORMS = ['console', 'slack', 'telegram'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A person as the platform knows them. `workspace` is the Slack team, the Telegram bot, or 'local'. */
export interface UserRef {
  platform: Platform;
  workspace: string;
  id: string;
}

/** Where a message was said: a direct chat with the bot, or a shared channel/group. */
export interface ConversationRef {
  platform: Platform;
  workspace: string;
  id: string;
  kind: 'dm' | 'group';
}

/** Where an outgoing message goes: a known conversation, or a person's DM (opened by the adapter). */
export type Target =
  | { kind: 'conversation'; conversation: ConversationRef; onlyFor?: UserRef }
  | { kind: 'user'; user: UserRef };

/** The platform's id of what a target addresses (a channel, a chat, a person), for logs. */
export function targetId(target: Target): string {
  return target.kind === 'user' ? target.user.id : target.conversation.id;
}

export function sameUser(a: UserRef, b: UserRef): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.id === b.id;
}
