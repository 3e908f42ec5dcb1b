import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import type { ChatAdapter, EventSink } from '../../src/core/adapter';
import { ManualClock } from '../../src/core/clock';
import type { EngineDeps } from '../../src/core/context';
import type { Engine } from '../../src/core/engine';
import type { OutboxWorker } from '../../src/core/outbox';
import type { Platform } from '../../src/core/refs';
import type { CommandSpec } from '../../src/core/registry';
import { openDatabase, type TandemDatabase } from '../../src/db/client';
import type { JobDeps } from '../../src/jobs';
import { type Logger, silentLogger } from '../../src/logger';
import { openTestPostgres, TEST_PG } from '../pg/template';

export interface TestApp {
  dir: string;
  dbPath: string;
  database: TandemDatabase;
  config: Config;
  clock: ManualClock;
  adapters: Partial<Record<Platform, ChatAdapter>>;
  outbox: OutboxWorker;
  engine: Engine;
  /** What the engine's handlers get (a test re-wires the outbox's listener with them). */
  deps: EngineDeps;
  /** The logger the app was built with (silent unless given); the platform harnesses use it too. */
  logger: Logger;
  /** Runs every accepted event that is due, then empties the outbox. */
  settle(): Promise<void>;
  /** Closes the database, as a crash or a stop would. */
  close(): void;
  /** Opens the same database file again with a fresh engine: a restart. */
  restart(): TestApp;
  /** Removes the temp folder. */
  dispose(): void;
}

/**
 * What a platform harness needs from its app: where events go, how to wait for them, the
 * logger. A TestApp is one; the adapter contract suite passes a recording sink instead.
 */
export type PlatformHost = Pick<TestApp, 'settle' | 'logger' | 'adapters'> & { engine: EventSink };

/** The real engine on a real SQLite file with the real migrations, in a temp folder. */
export function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: ManualClock;
    dir?: string;
    logger?: Logger;
    extraCommands?: Record<string, CommandSpec>;
    /** On PostgreSQL: the database to open (a restart's); else the test's own. */
    pgUrl?: string;
  } = {},
): TestApp {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tandem-test-'));
  const dbPath = join(dir, 'tandem.db');
  const config = loadConfig({
    DATABASE_PATH: dbPath,
    FILES_DIR: join(dir, 'files'),
    ...options.env,
  });
  const clock = options.clock ?? new ManualClock('2026-12-01T09:00:00Z');
  const pgUrl = options.pgUrl ?? process.env.TANDEM_TEST_PG_DB;
  const database = TEST_PG
    ? openTestPostgres(pgUrl)
    : openDatabase(dbPath, options.logger ? { logger: options.logger } : {});
  const { deps, engine, outbox, adapters, settle } = createApp({
    db: database.db,
    clock,
    config,
    logger: options.logger ?? silentLogger,
    ...(options.extraCommands ? { extraCommands: options.extraCommands } : {}),
  });
  const app: TestApp = {
    dir,
    dbPath,
    database,
    config,
    clock,
    adapters,
    outbox,
    engine,
    deps,
    settle,
    logger: options.logger ?? silentLogger,
    close: () => {
      // As a stop would: the worker takes no further event from a closed database.
      void engine.inbox.stop();
      database.close();
    },
    restart: () => createTestApp({ ...options, clock, dir, ...(pgUrl ? { pgUrl } : {}) }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
  return app;
}

/** What the cron jobs are given, for a test app (as main.ts wires them). */
export function jobDepsOf(app: TestApp): JobDeps {
  return {
    db: app.database.db,
    config: app.config,
    logger: silentLogger,
    clock: app.clock,
    outbox: app.outbox,
    adapters: app.adapters,
  };
}
