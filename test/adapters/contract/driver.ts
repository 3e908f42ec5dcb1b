import type { ChatAdapter } from '../../../src/core/adapter';
import type { Target } from '../../../src/core/refs';
import type { RecordingSink } from './sink';

/** One message as the person's chat shows it, read back from what the platform received. */
export interface ShownMessage {
  /** Its readable text (title, body, context), unescaped. */
  text: string;
  buttons: { label: string; data?: string; url?: string }[];
  /** Where the platform keeps it (`channel:ts`, `chat:message_id`); absent on the console. */
  ref?: string;
  /** An edit of an earlier message (the same `ref`) rather than a new one. */
  edit: boolean;
}

export interface ReceivedFile {
  name: string;
  content: Buffer;
  caption?: string;
}

/** How a platform refuses a delivery, in the outbox's terms. */
export type PlatformFailure =
  | 'rate_limited'
  | 'transient'
  | 'unreachable'
  | 'permanent'
  | 'recipient_gone';

/**
 * What the contract suite needs from one platform: its adapter started against a local fake,
 * a way to read back what the platform received, and a way to play the person. A new
 * platform writes one of these (a file in this folder) and adds it to DRIVERS.
 */
export interface ContractDriver {
  readonly adapter: ChatAdapter;
  readonly sink: RecordingSink;
  /** The person the suite talks to, as a DM target. */
  readonly dm: Target;
  /** Whether a reply sent with `replaces` edits that message in place (else it posts anew). */
  readonly editsInPlace: boolean;
  /** The platform's limits the suite pushes past; absent where there is none. */
  readonly limits: { text?: number; actionDataBytes?: number };
  /** Everything shown in the person's DM so far, oldest first. */
  shown(): ShownMessage[];
  /** The files the person received. */
  files(): Promise<ReceivedFile[]>;
  /** Where the platform's documented limits were broken by what it received (none: []). */
  overLimits(): string[];
  /** The person runs a command (`/join now`, `/mentor join now`). */
  command(name: string, args: string): Promise<void>;
  /** The person types a line in the DM. */
  say(text: string): Promise<void>;
  /** The person presses the newest button or option with this label. */
  press(label: string): Promise<void>;
  /** The platform delivers one message twice (a retry); absent where it never redelivers. */
  redeliver?(text: string): Promise<void>;
  /** Submits the newest native form with these values; what the ack said (inline errors). */
  submitForm?(values: Record<string, string | string[]>): Promise<{
    errors?: Record<string, string>;
  }>;
  /** Closes the newest native form without submitting it. */
  closeForm?(): Promise<void>;
  /** The platform refuses the next message this way; absent where nothing can refuse. */
  failNextSend?(failure: PlatformFailure, retryAfterS: number): void;
  /** The platform refuses the next file this way. */
  failNextFile?(failure: Exclude<PlatformFailure, 'recipient_gone'>, retryAfterS: number): void;
  /** The platform refuses the next edit (the message is too old or gone). */
  refuseNextEdit?(): void;
  stop(): Promise<void>;
}
