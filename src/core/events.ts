import type { ConversationRef, UserRef } from './refs';

/** What the platform told us about the person, used to keep our user row fresh. */
export interface UserInfo {
  ref: UserRef;
  name?: string;
  /** Platform locale such as `ru-RU` or Telegram's `language_code`. */
  locale?: string;
  /** IANA zone, when the platform knows it (Slack profiles do). */
  timeZone?: string;
  /**
   * The person's e-mail, for calendar invites: a string where the platform gives one, `null`
   * where it answered without one (Slack without `users:read.email`), left out where it
   * could not be asked (stored value kept). Personal data: never logged.
   */
  email?: string | null;
}

interface EventBase {
  /** Platform-unique id for deduplication (Slack event_id, Telegram update_id, …). */
  id: string;
  user: UserInfo;
  conversation: ConversationRef;
  /** Opaque handle that lets an adapter open a form right now (Slack trigger_id). */
  trigger?: string;
  /** The platform payload, kept so mapping loses nothing. Never logged. */
  raw?: unknown;
  /**
   * When the adapter received it (`performance.now()`), set only when debug logs are on: the
   * engine's debug line then counts the latency from there, not from its own start.
   */
  receivedAt?: number;
}

export interface CommandEvent extends EventBase {
  type: 'command';
  /** Lower-case command name without the slash, e.g. `join`. */
  name: string;
  args: string;
}

export interface ActionEvent extends EventBase {
  type: 'action';
  data: string;
  /** The platform message the button was on, so an answer can replace it in place. */
  messageRef?: string;
  /** Values chosen at once in a multi-select. */
  values?: string[];
}

export interface TextEvent extends EventBase {
  type: 'text';
  text: string;
}

export interface FormSubmitEvent extends EventBase {
  type: 'form_submit';
  /** The form token the adapter received with the form view. */
  data: string;
  values: Record<string, string | string[] | undefined>;
}

/**
 * The person closed a whole form without submitting it (Slack: Cancel or ✕ on a modal).
 * Ends that form as its Cancel button would; a form already gone is left alone, silently.
 */
export interface FormClosedEvent extends EventBase {
  type: 'form_closed';
  /** The form token the adapter received with the form view, as a submit carries it. */
  data: string;
}

/** The person arrived: opened the Slack App Home, started the console, switched persona. */
export interface HomeOpenedEvent extends EventBase {
  type: 'home_opened';
}

export type InboundEvent =
  | CommandEvent
  | ActionEvent
  | TextEvent
  | FormSubmitEvent
  | FormClosedEvent
  | HomeOpenedEvent;

/** What a whole-form submit returns to the adapter: inline errors keep the form open. */
export type FormSubmitResult = { ok: true } | { ok: false; errors: Record<string, string> };
