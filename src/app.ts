import type { Config } from './config';
import type { ChatAdapter } from './core/adapter';
import type { Clock } from './core/clock';
import type { EngineDeps } from './core/context';
import { createEngine, type Engine, type InboxHandoff } from './core/engine';
import { OutboxWorker } from './core/outbox';
import type { Platform } from './core/refs';
import type { CommandSpec } from './core/registry';
import type { Db } from './db/client';
import { channelListener } from './features/channels/watch';
import { waitingEdits, waitingReviews } from './features/content/stories';
import { forms } from './features/forms';
import { showWhatWaits } from './features/matching/pair-command';
import { buildHome } from './features/opt-in/menu';
import { actions, commands } from './features/registry';
import { offerTypedTime } from './features/scheduling/typed-time';
import type { Logger } from './logger';

export interface App {
  deps: EngineDeps;
  engine: Engine;
  outbox: OutboxWorker;
  /** Adapters register here once created; the outbox delivers through them. */
  adapters: Partial<Record<Platform, ChatAdapter>>;
  /** Runs every accepted event that is due, then delivers what they queued (tests, shutdown). */
  settle(): Promise<void>;
}

/**
 * Builds the engine with every feature wired in. One function for the process, the
 * tests and the benchmarks, so all three run the same thing.
 */
export function createApp(options: {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** Extra commands (tests only: e.g. one that throws). */
  extraCommands?: Record<string, CommandSpec>;
  /** Who runs accepted events: this app's inbox worker unless the process is split. */
  handoff?: InboxHandoff;
}): App {
  const adapters: Partial<Record<Platform, ChatAdapter>> = {};
  const outbox = new OutboxWorker({
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    adapters,
  });
  const deps: EngineDeps = { ...options, outbox, adapters };
  // Channel posts are watched (the admins hear what blocks one) and receipts answered.
  outbox.onSettled(channelListener(deps));
  const engine = createEngine({
    deps,
    commands: { ...commands, ...options.extraCommands },
    actions,
    forms,
    home: buildHome,
    arrive: async (ctx) => {
      await showWhatWaits(ctx);
      for (const reply of await waitingReviews(ctx)) ctx.reply(reply);
      for (const reply of await waitingEdits(ctx)) ctx.reply(reply);
    },
    freeText: offerTypedTime,
    ...(options.handoff ? { handoff: options.handoff } : {}),
  });
  const settle = async () => {
    await engine.inbox.drain();
    await engine.idle();
    await outbox.drain();
  };
  return { deps, engine, outbox, adapters, settle };
}
