import type { Config } from '../config';
import type { Db } from '../db/client';
import type { UserRow } from '../db/schema';
import type { Logger } from '../logger';
import type { ChatAdapter } from './adapter';
import type { Clock } from './clock';
import type { InboundEvent } from './events';
import type { Locale, Translate } from './i18n';
import type { OutboxWorker } from './outbox';
import type { Platform, Target } from './refs';
import type { FileMessage, Reply } from './replies';
import type { Role } from './roles';

/** What the engine is built from; features receive it through the context. */
export interface EngineDeps {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  outbox: OutboxWorker;
  adapters: Partial<Record<Platform, ChatAdapter>>;
}

/** Everything a command, action or form handler needs for one inbound event. */
export interface Ctx {
  readonly deps: EngineDeps;
  /**
   * The event's unit of work: every read and write of the handler goes through it, and
   * commits with the inbox row marked done, or rolls back with it. Awaited queries only.
   */
  readonly tx: Db;
  readonly event: InboundEvent;
  readonly now: Date;
  readonly user: UserRow;
  readonly locale: Locale;
  readonly t: Translate;
  readonly roles: ReadonlySet<Role>;
  /** The event's conversation, or the person's DM when a personal command came from a group. */
  readonly replyTarget: Target;
  /**
   * Queues a reply through the outbox (a synchronous DB write, safe inside a transaction).
   * `detached` replies survive the person's deletion (the goodbye after `leave`);
   * `replace` edits the message whose button was pressed, where the platform can.
   */
  reply(reply: Reply, options?: { detached?: boolean; replace?: boolean }): void;
  replyFile(file: FileMessage): void;
  /** How a command is typed on this person's platform: `/join`, or `/mentor join` in Slack. */
  cmd(name: string): string;
  /** Switches the language of this event's later replies (after /lang or the profile form). */
  setLocale(locale: Locale): void;
  /**
   * Runs a platform call (opening a modal, deleting the console's files) once the event's
   * unit of work has committed. Handlers never wait on the network inside the unit: every
   * other write (acks included) waits its turn until the unit commits (src/db/transact.ts).
   */
  afterCommit(step: () => Promise<void> | void): void;
}
