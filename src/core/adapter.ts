import type { FormSubmitResult, InboundEvent } from './events';
import type { FormView } from './forms/view';
import type { Locale } from './i18n';
import type { Platform, Target, UserRef } from './refs';
import type { Button, FileMessage, Reply, SendOptions } from './replies';

/** One entry of a platform's command menu. */
export interface CommandInfo {
  name: string;
  description: Record<Locale, string>;
}

/** What the engine answers an adapter for one event. */
export interface HandleResult {
  /** Present for whole-form submits: errors keep the form open with inline messages. */
  form?: FormSubmitResult;
}

/** What the engine did with an event an adapter handed it. */
export interface Acceptance {
  /** False for an event seen before (a platform retry) or one that could not be stored. */
  fresh: boolean;
  /** Resolves when the event has run (or its first attempt failed); at once when not fresh. */
  done: Promise<HandleResult>;
}

/**
 * Where an adapter hands inbound events. `accept` stores the event durably (one insert, which
 * is also the dedupe, in turn with the units of work) and returns: the adapter acks the platform right after it, and
 * waits on `done` only where the platform needs the outcome inside the ack (a modal's
 * validation errors).
 */
export interface EventSink {
  accept(event: InboundEvent): Promise<Acceptance>;
}

/**
 * A platform connection as `/healthz` reports it: `connecting` until the first success
 * (and while reconnecting), `up` while events can arrive and messages can leave, `down`
 * after a failure the adapter is retrying with backoff.
 */
export type ConnectionState = 'connecting' | 'up' | 'down';

export interface ConnectionStatus {
  state: ConnectionState;
  /** A stable code for the last failure (`slack_connect_failed`, …); never a message text. */
  code?: string;
}

/**
 * Why Tandem cannot post in a channel, as a stable code: the bot is not a member (Slack
 * `not_in_channel`, Telegram "bot is not a member"), the channel is unknown to it (a wrong id,
 * or a private channel it was never added to), archived, or the bot is there without the right
 * to post (a Telegram channel where it is no admin, a Slack channel only admins post in), or
 * the bot may not even look (Slack without the `channels:read`/`groups:read` scopes).
 */
export type ChannelProblem = 'not_member' | 'not_found' | 'archived' | 'no_rights' | 'cannot_check';

/** What a channel check found; `name` is how people know the channel (`hr`, a chat title). */
export type ChannelCheck =
  | { ok: true; name?: string }
  | { ok: false; problem: ChannelProblem; name?: string; botName?: string };

/** Neutral summary for a platform "home" surface (Slack App Home). */
export interface HomeView {
  title: string;
  /** Each with its own buttons where it asks for something (a proposal's Accept / Decline). */
  sections: { title: string; text: string; buttons?: Button[] }[];
  buttons: Button[];
}

/**
 * The port every platform implements. Required members are what the engine cannot work
 * without; optional members are capabilities the engine checks for and falls back from.
 * Adapters translate only: no business logic and no database.
 */
export interface ChatAdapter {
  readonly platform: Platform;
  /** Starts receiving; every inbound event goes to `sink`, and the platform is acked after. */
  start(sink: EventSink): Promise<void>;
  stop(): Promise<void>;
  /** Delivers one message. Throws DeliveryError so the outbox can retry or give up. */
  send(target: Target, reply: Reply, options?: SendOptions): Promise<void>;

  /**
   * Completes what the event says about its author (Slack's users.info: name, zone, e-mail)
   * before it runs. Called by the worker, after the ack and outside any transaction; never
   * throws (without the answer the event runs with what it has).
   */
  describeUser?<E extends InboundEvent>(event: E): Promise<E>;
  /** How a command is typed here (Slack: `/mentor join`); default `/join`. */
  formatCommand?(name: string): string;
  /**
   * A link that opens the person's DM with the bot and runs `/start <payload>` there
   * (Telegram deep links). Platforms where the bot can simply write first leave it out.
   */
  dmLink?(payload: string): string;
  /** Publishes the command menu (Telegram's "/" list), per language. */
  setCommands?(commands: CommandInfo[]): Promise<void>;
  /**
   * Milliseconds before a message to this target could go without breaking the platform's
   * rate limits; the outbox sends to someone else meanwhile.
   */
  readyIn?(target: Target): number;
  /** Sends a file (JSON/CSV export, chart image). */
  sendFile?(target: Target, file: FileMessage, options?: SendOptions): Promise<void>;
  /** Opens a whole form natively (Slack modal) using the event's trigger. */
  openForm?(trigger: string, form: FormView): Promise<void>;
  /** Publishes a person's home surface (Slack App Home). */
  publishHome?(user: UserRef, view: HomeView): Promise<void>;
  /**
   * Deletes what the adapter itself keeps about a person who left (the console's saved files);
   * adapters that keep nothing leave it out.
   */
  forget?(user: UserRef): Promise<void>;
  /** The connection's state now; adapters that cannot lose one (console) leave it out. */
  connection?(): ConnectionStatus;
  /**
   * Whether the bot can post in a channel (Slack: membership; Telegram: its rights in the
   * chat). `failure` is what a post there just threw: where it already names the problem
   * (`not_in_channel`) no call is made. Throws when the platform cannot be asked now.
   * Platforms where every channel is reachable (the console) leave it out.
   */
  checkChannel?(channelId: string, failure?: unknown): Promise<ChannelCheck>;
}
