import type { Locale } from './i18n';

/**
 * The neutral reply model. Text is plain: adapters escape it for their markup, so user
 * input can never inject formatting or mentions. Structure (titles, buttons, choices) is
 * data, and each adapter renders it in its own idiom.
 */

/**
 * A pressable button: an action (`data`, opaque to adapters, at most ACTION_DATA_MAX_BYTES)
 * or a link (`url`) that opens somewhere else, such as a deep link into the bot's DM.
 */
export type Button = {
  label: string;
  style?: 'primary' | 'danger';
} & ({ data: string; url?: never } | { url: string; data?: never });

export interface ChoiceOption {
  label: string;
  value: string;
  /** Pressing this option alone: selects it (single) or toggles it (multi). */
  data: string;
  selected?: boolean;
}

/**
 * Where a message stands in an exchange. Platforms that edit messages in place may ignore it;
 * the console, which keeps older buttons reachable by number, uses it to let stale ones go.
 */
interface InSeries {
  /**
   * The exchange it belongs to (a form's questions; a meeting's invite and its "did it
   * happen?"): a newer message of the same series takes over, and the older ones' buttons no
   * longer do anything.
   */
  series?: string;
  /**
   * It asks something whose answer — typed, or a press of its buttons — brings the series'
   * next message (a form's question). An answer that brings none has ended the series.
   */
  awaitsAnswer?: boolean;
  /**
   * Its buttons are shortcuts to what a command shows again at any time (help's Join and
   * Guide, the profile's Edit): once the person moves on they are let go, not shown again.
   */
  shortcuts?: boolean;
}

export interface TextReply extends InSeries {
  kind: 'text';
  title?: string;
  /** Paragraphs (separated by a blank line) may become separate blocks where a platform has them. */
  text: string;
  /** A small print line under the text (a report's period, where the numbers come from). */
  context?: string;
  buttons?: Button[];
}

export interface ChoiceReply extends InSeries {
  kind: 'choice';
  title?: string;
  text: string;
  mode: 'single' | 'multi';
  options: ChoiceOption[];
  /**
   * Multi-select only: adapters that pick several options at once (a Slack multi-select,
   * console "1,3,5") send an action with this data and the chosen values.
   */
  submit?: string;
  buttons?: Button[];
  /** Single choice that also takes a typed answer (a time zone not in the list). */
  allowText?: boolean;
}

export type Reply = TextReply | ChoiceReply;

/** A file sent to a person or conversation (JSON export, CSV, chart). */
export interface FileMessage {
  filename: string;
  mimeType: string;
  /** Base64, so the outbox can persist binary files as JSON. */
  contentBase64: string;
  caption?: string;
}

/**
 * Who hears how a message ended: a feature's name for the follow-up (`kind`) and what it needs
 * (`args`), so "published" is said only once the platform took the post, and its problem when
 * it didn't.
 */
export interface Receipt {
  kind: string;
  args: string[];
}

/** What the outbox persists and hands to an adapter. */
export type OutgoingPayload =
  | {
      kind: 'reply';
      reply: Reply;
      /** Platform message to edit instead of posting anew. */
      replaces?: string;
      /** The addressee's language, for the adapter's own words around the reply. */
      locale?: Locale;
      receipt?: Receipt;
    }
  | { kind: 'file'; file: FileMessage; locale?: Locale; receipt?: Receipt };

/** How a reply is delivered. */
export interface SendOptions {
  /** Edit this platform message in place (adapters without editing post anew). */
  replaces?: string;
  /** The addressee's language, for the adapter's own hints ("reply with a number"). */
  locale?: Locale;
}

/**
 * Telegram allows 64 bytes of callback data, the tightest of our platforms; the engine
 * keeps every action under it so adapters never have to shorten anything.
 */
export const ACTION_DATA_MAX_BYTES = 64;
