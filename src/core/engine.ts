import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db, DbOrTx } from '../db/client';
import { onPostgres } from '../db/dialect';
import { inboxApart, inboxOf } from '../db/inbox-file';
import { markHandled } from '../db/queries/handled';
import { finishInbox, inboxKey, insertInbox } from '../db/queries/inbox';
import {
  findUser,
  isSaved,
  refreshUser,
  setHomeHash,
  storedRoles,
  unsavedUser,
  upsertUser,
  userRef,
} from '../db/queries/users';
import type { InboxRow, UserRow } from '../db/schema';
import { beforeCommit, transact, write } from '../db/transact';
import { reportWriteFailure } from '../db/write-health';
import { decodeAction } from './actions';
import type { Acceptance, ChatAdapter, EventSink, HandleResult, HomeView } from './adapter';
import { msSince } from './clock';
import { clipName } from './command-parser';
import type { Ctx, EngineDeps } from './context';
import { asTandemError, failureFields, TandemError } from './errors';
import type { InboundEvent } from './events';
import type { FormEngine } from './forms/engine';
import { FORM_OPEN_ACTION, FORM_SUBMIT_ACTION } from './forms/engine';
import { FORM_ACTION } from './forms/prompt';
import { type Locale, localeFromPlatform, type Translate, translator } from './i18n';
import { InboxWorker } from './inbox';
import { enqueue } from './outbox';
import { PLATFORMS, type Target } from './refs';
import type { ActionSpec, CommandSpec } from './registry';
import type { OutgoingPayload } from './replies';
import type { Role } from './roles';

export interface EngineOptions<C extends string, A extends string> {
  deps: EngineDeps;
  commands: Record<C, CommandSpec>;
  actions: Record<A, ActionSpec>;
  forms: FormEngine<string>;
  /** Builds a person's home surface; published after every event on platforms that have one. */
  home?: (ctx: Ctx) => Promise<HomeView>;
  /** When someone arrives on a step-by-step platform with no form open: show what waits for them. */
  arrive?: (ctx: Ctx) => void | Promise<void>;
  /**
   * A DM message that answers no form and names no command: a feature may take it (true)
   * before the engine says it didn't understand (a typed day and time offers a booking).
   */
  freeText?: (ctx: Ctx, text: string) => Promise<boolean>;
  /**
   * Who runs what `accept` stores: this engine's own inbox worker by default; the units
   * thread when the process is split (src/threads), so acks never wait behind a unit.
   */
  handoff?: InboxHandoff;
}

/** Where an accepted event goes to be run, and how its outcome comes back. */
export interface InboxHandoff {
  /** A new row is stored: look at the inbox soon. */
  kick(): void;
  /** Resolves once the row has run (or its first attempt failed). */
  waitFor(id: number): Promise<HandleResult>;
}

/** Words typed without a slash, in Russian, taken as the command they name. */
const WORD_COMMANDS: Readonly<Record<string, string>> = {
  помощь: 'help',
  справка: 'help',
  меню: 'menu',
};

/** Button data that runs a command, e.g. from a menu: `cmd|owner|join`. */
export const COMMAND_ACTION = 'cmd';

export interface Engine extends EventSink {
  /**
   * The adapters' entry: one durable insert into the inbox (which is also the dedupe) and
   * nothing else, so the platform can be acked at once. The event runs later, in the worker,
   * as one unit of work inside its own error boundary.
   */
  accept(event: InboundEvent): Promise<Acceptance>;
  /** `accept`, then wait until the event has run (the console, tests). Never throws. */
  handle(event: InboundEvent): Promise<HandleResult>;
  /** The worker that runs accepted events. */
  readonly inbox: InboxWorker;
  /** Resolves once what events do after their commit (modals, the home tab) is done (tests, shutdown). */
  idle(): Promise<void>;
}

/** The person's language: chosen explicitly, else the platform's, else the org default. */
export function resolveLocale(user: UserRow, fallback: Locale): Locale {
  return user.locale ?? localeFromPlatform(user.platformLocale) ?? fallback;
}

/**
 * A translator for someone other than the event's author (a partner, a proposal's other
 * side): their language, and commands as their platform writes them.
 */
export function translatorFor(
  deps: Pick<EngineDeps, 'config' | 'adapters'>,
  user: UserRow,
): Translate {
  return withCommandSyntax(
    translator(resolveLocale(user, deps.config.DEFAULT_LOCALE)),
    deps.adapters[user.platform],
  );
}

/** Admins from ADMIN_IDS plus stored grants; an admin can do everything HR can. */
export async function rolesOf(
  deps: EngineDeps,
  user: UserRow,
  tx: DbOrTx = deps.db,
): Promise<Set<Role>> {
  const roles = new Set<Role>(await storedRoles(tx, user.id));
  const bootstrap = deps.config.ADMIN_IDS.some(
    (a) => a.platform === user.platform && a.id === user.platformUserId,
  );
  if (bootstrap) roles.add('admin');
  if (roles.has('admin')) roles.add('hr');
  return roles;
}

/**
 * The platform-neutral router: dedupes, finds the person, picks the handler, and turns
 * every failure into a logged code plus a polite reply. Replies go through the outbox.
 */
export function createEngine<C extends string, A extends string>(
  options: EngineOptions<C, A>,
): Engine {
  const { deps, commands, actions, forms, home, arrive, freeText } = options;
  const logger = deps.logger.child({ component: 'engine' });

  /** What events do after their commit (platform calls, the home tab), still running. */
  const background = new Set<Promise<void>>();
  /** Latency from accept to done, per inbox row, kept only while debug logs are on. */
  const acceptedAt = new Map<number, number>();
  const inbox = new InboxWorker({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    runUnit,
    gaveUp: async (row) => {
      const event = storedEvent(row.payload);
      if (event) await sayError(event, undefined, logger.child({ inboxId: row.id }));
      // The error reply goes now, not at the next event or tick.
      deps.outbox.kick();
    },
  });

  async function accept(event: InboundEvent): Promise<Acceptance> {
    const row = {
      key: eventKey(event),
      lane: laneOf(event),
      conversation: inboxKey(event.conversation),
      person: inboxKey(event.user.ref),
      payload: JSON.stringify({ ...event, raw: undefined, receivedAt: undefined }, withoutNul),
    } as const;
    let id: number | undefined;
    try {
      // In turn with the units of work: never inside one that is open (a rollback would drop it).
      // On SQLite the inbox is a file of its own: this waits for no unit of work at all.
      id = await write(inboxOf(deps.db), (db) => insertInbox(db, row, deps.clock.now()));
    } catch (error) {
      // A full disk or an I/O error: shows on /healthz at once, and the person hears it.
      reportWriteFailure(deps.db, error);
      logger.error(
        { platform: event.user.ref.platform, type: event.type, ...failureFields(error) },
        'event not stored',
      );
      // In turn too: a unit open meanwhile must not take the apology down with it.
      await write(deps.db, () => sayError(event, undefined, logger)).catch(() => undefined);
      return { fresh: false, done: Promise.resolve({}) };
    }
    if (id === undefined) {
      if (logger.isLevelEnabled('debug'))
        logger.debug({ platform: event.user.ref.platform, type: event.type }, 'duplicate event');
      return { fresh: false, done: Promise.resolve({}) };
    }
    if (logger.isLevelEnabled('debug')) acceptedAt.set(id, event.receivedAt ?? performance.now());
    const handoff = options.handoff ?? inbox;
    const done = handoff.waitFor(id);
    handoff.kick();
    return { fresh: true, done };
  }

  /**
   * One event, one unit of work: the person's row, the handler's changes, the messages it
   * queues and the inbox row marked done commit together, or nothing does. Platform calls
   * that cannot sit in a transaction (opening a modal) wait in `afterCommit` and run after.
   */
  /** Whether the inbox has its own file (src/db/inbox-file.ts). */
  const apart = inboxApart(deps.db);

  /**
   * The inbox row of a unit that committed is marked done in its own file. If this fails the
   * event is not lost or run twice: its key in `handled_events` says it ran (see InboxWorker).
   */
  async function finishApart(id: number): Promise<void> {
    try {
      await write(inboxOf(deps.db), (db) => finishInbox(db, id, deps.clock.now()));
    } catch (error) {
      reportWriteFailure(deps.db, error);
      logger.warn({ inboxId: id, ...failureFields(error) }, 'inbox row not marked done');
    }
  }

  async function runUnit(row: InboxRow): Promise<HandleResult> {
    const stored = storedEvent(row.payload);
    if (!stored) throw new TandemError('inbox_payload_invalid', 'stored event unreadable');
    const adapter = deps.adapters[stored.user.ref.platform];
    // Who they are (Slack's users.info) is asked outside the transaction: it is a network call.
    const event = adapter?.describeUser ? await adapter.describeUser(stored) : stored;
    const log = logger.child({
      platform: event.user.ref.platform,
      inboxId: row.id,
      type: event.type,
    });
    const effects: (() => Promise<void> | void)[] = [];
    let ctx: Ctx | undefined;
    let result: HandleResult = {};
    let outcome: 'ok' | 'invalid' = 'ok';
    // A unit may await, but whatever waits on the network or a timer holds every other write
    // (acks included) until it commits: such a wait shows here. On SQLite only: there a unit's
    // queries never leave the thread, while on PostgreSQL every query is itself such a wait
    // (and holds no one else's writes).
    let yielded = false;
    let probe: ReturnType<typeof setImmediate> | undefined;
    const probing = !onPostgres(deps.db);
    try {
      ctx = await transact(deps.db, async (tx) => {
        if (probing)
          probe = setImmediate(() => {
            yielded = true;
          });
        const now = deps.clock.now();
        const user = await personOf(tx, event, now);
        const unitCtx = makeContext(deps, event, user, now, {
          tx,
          roles: await rolesOf(deps, user, tx),
          afterCommit: (step) => effects.push(step),
        });
        result = await dispatch(unitCtx, event);
        if (result.form && !result.form.ok) outcome = 'invalid';
        // Done with the unit's changes: the row itself when the inbox is in this database, else
        // the event's key here and the row in the inbox's file just after the commit.
        if (apart) await markHandled(tx, row.key, now);
        else await finishInbox(tx, row.id, now);
        if (yielded)
          log.error({ code: 'unit_yielded' }, 'a handler waited inside its unit of work');
        return unitCtx;
      });
    } catch (error) {
      reportWriteFailure(deps.db, error);
      throw error;
    } finally {
      if (probe) clearImmediate(probe);
      deps.outbox.kick();
    }
    if (apart) await finishApart(row.id);
    // Platform calls and the home tab run beside the worker, not in its way: the next event
    // (another person's modal, whose trigger expires in 3 s) must not wait on this one's.
    const late = afterTheCommit(ctx);
    const after = (async () => {
      for (const step of effects) {
        try {
          await step();
          await Promise.all(late?.late?.splice(0) ?? []);
        } catch (error) {
          // Committed already: the person hears that this part did not work (a modal not opened).
          log.error(failureFields(asTandemError(error, 'handler_failed')), 'event failed');
          // Queued in turn with the units like any reply after the commit (see `push`).
          await sayError(event, ctx, log);
          await Promise.all(late?.late?.splice(0) ?? []);
        }
      }
      // What the steps queued (a backup's answer, an error reply) goes now too.
      if (effects.length > 0) deps.outbox.kick();
      await publishHome(ctx);
    })();
    background.add(after);
    void after.finally(() => background.delete(after));
    if (log.isLevelEnabled('debug')) {
      // Accepted in this thread: from the request's arrival; in the main thread of a split
      // process: from the row's insert, by the clock.
      const started = acceptedAt.get(row.id);
      acceptedAt.delete(row.id);
      const latencyMs =
        started !== undefined
          ? msSince(started)
          : deps.clock.now().getTime() - row.receivedAt.getTime();
      const command =
        event.type === 'command' && Object.hasOwn(commands, event.name) ? event.name : undefined;
      log.debug({ ...(command ? { command } : {}), latencyMs, outcome }, 'event handled');
    }
    return result;
  }

  /**
   * Who the event is from. Saying something (a command, a message, a button, a form) is
   * talking to Tandem, so a first contact is saved. Merely opening a surface (Slack's App
   * Home) is not: someone Tandem doesn't know — never joined, or left — is shown it as an
   * unsaved person, so a look at the Home brings nobody's name, id or zone back.
   */
  async function personOf(tx: Db, event: InboundEvent, now: Date): Promise<UserRow> {
    if (event.type !== 'home_opened') return upsertUser(tx, event.user, now);
    return (await refreshUser(tx, event.user, now)) ?? unsavedUser(event.user, now);
  }

  /**
   * The generic error reply, which the person gets even when the database is what failed.
   * Normally it goes through the outbox like every reply. When the outbox cannot take it (a
   * full disk, an I/O error: often the event itself could not be recorded), it is sent
   * straight through the adapter, once and best effort: it cannot be persisted, retried or
   * deduplicated, but "that did not work, nothing changed" now is honest, while holding it
   * in memory for later would promise a delivery a restart would break.
   */
  async function sayError(
    event: InboundEvent,
    ctx: Ctx | undefined,
    log: typeof logger,
  ): Promise<void> {
    const platform = event.user.ref.platform;
    const adapter = deps.adapters[platform];
    let locale: Locale = deps.config.DEFAULT_LOCALE;
    let user: UserRow | undefined;
    try {
      user = ctx?.user ?? (await findUser(deps.db, event.user.ref));
      locale = user
        ? resolveLocale(user, deps.config.DEFAULT_LOCALE)
        : (localeFromPlatform(event.user.locale) ?? locale);
    } catch {
      locale = localeFromPlatform(event.user.locale) ?? locale;
    }
    const reply = {
      kind: 'text' as const,
      text: withCommandSyntax(translator(locale), adapter)('error.generic'),
    };
    const target = ctx?.replyTarget ?? replyTargetOf(event);
    try {
      if (ctx) ctx.reply(reply);
      else
        await enqueue(
          deps.db,
          {
            dedupeKey: `${eventKey(event)}:error`,
            target,
            payload: { kind: 'reply', reply, locale },
            // Addressed to them, so it goes with their other messages if they leave.
            userId: user?.id ?? null,
          },
          deps.clock.now(),
        );
      return;
    } catch (error) {
      log.warn({ code: asTandemError(error).code }, 'error reply not queued; sending it directly');
    }
    adapter?.send(target, reply, { locale }).catch((error: unknown) => {
      log.warn(failureFields(error), 'error reply not delivered');
    });
  }

  /**
   * Keeps the home surface current: after anything the person did it is drawn again, and
   * sent only when it changed (or when they are looking at it).
   */
  async function publishHome(ctx: Ctx): Promise<void> {
    const adapter = deps.adapters[ctx.event.user.ref.platform];
    if (!home || !adapter?.publishHome) return;
    try {
      const view = await home(ctx);
      const hash = createHash('sha256').update(JSON.stringify(view)).digest('base64url');
      const saved = isSaved(ctx.user);
      if (saved && ctx.event.type !== 'home_opened' && ctx.user.homeHash === hash) return;
      await adapter.publishHome(ctx.event.user.ref, view);
      if (saved) await write(deps.db, (db) => setHomeHash(db, ctx.user.id, hash));
    } catch (error) {
      const platform = ctx.event.user.ref.platform;
      logger.warn({ platform, ...failureFields(error) }, 'home not published');
    }
  }

  async function dispatch(ctx: Ctx, event: InboundEvent): Promise<HandleResult> {
    switch (event.type) {
      case 'home_opened': {
        // Someone unknown has no form or proposal to come back to; only the home is drawn.
        if (!isSaved(ctx.user)) return {};
        // Arriving back (console start, /as): an unfinished form picks up where it stopped.
        const session = await forms.active(ctx);
        const adapter = adapterFor(deps, event);
        if (adapter?.openForm) return {};
        if (session) await forms.resume(ctx, session, ctx.t('form.resumed'));
        else await arrive?.(ctx);
        return {};
      }
      case 'command':
        await runCommand(ctx, event.name, event.args);
        return {};
      case 'action':
        await runAction(ctx, event.data, event.values);
        return {};
      case 'text': {
        // Chatter in a shared channel is not for us; forms are answered in the DM.
        if (event.conversation.kind === 'group') return {};
        const session = await forms.active(ctx);
        if (session) {
          await forms.handleText(ctx, session, event.text);
          return {};
        }
        // "help" without the slash is still clearly a command, and so is "помощь".
        const typed = event.text.trim().toLowerCase();
        const word = WORD_COMMANDS[typed] ?? typed;
        if (Object.hasOwn(commands, word)) await runCommand(ctx, word, '');
        else if (await freeText?.(ctx, event.text)) return {};
        else ctx.reply({ kind: 'text', text: ctx.t('text.notUnderstood') });
        return {};
      }
      case 'form_submit': {
        const action = decodeAction(event.data);
        if (action?.name !== FORM_SUBMIT_ACTION || action.owner !== ctx.user.id) {
          ctx.reply({ kind: 'text', text: ctx.t('form.stale') });
          return { form: { ok: true } };
        }
        return { form: await forms.submitAll(ctx, action.args, event.values) };
      }
      case 'form_closed': {
        const action = decodeAction(event.data);
        if (action?.name === FORM_SUBMIT_ACTION && action.owner === ctx.user.id) {
          await forms.close(ctx, action.args);
        }
        return {};
      }
    }
  }

  async function runCommand(ctx: Ctx, name: string, args: string): Promise<void> {
    const spec = Object.hasOwn(commands, name) ? commands[name as C] : undefined;
    if (!spec) {
      const suggestion = closest(name, Object.keys(commands));
      ctx.reply({
        kind: 'text',
        text: suggestion
          ? ctx.t('command.unknownSuggest', { name: clipName(name), suggestion })
          : ctx.t('command.unknown', { name: clipName(name) }),
      });
      return;
    }
    if (spec.role && !ctx.roles.has(spec.role)) {
      ctx.reply({ kind: 'text', text: ctx.t('command.notAllowed') });
      return;
    }
    if (spec.takesArgs === false && args.trim() !== '') {
      ctx.reply({ kind: 'text', text: ctx.t('command.noArgs', { command: ctx.cmd(name) }) });
      return;
    }
    if (spec.scope === 'dm' && ctx.event.conversation.kind === 'group' && !spec.alsoIn?.(ctx)) {
      const adapter = adapterFor(deps, ctx.event);
      if (adapter?.dmLink) {
        // The bot may not write first here (Telegram): a link opens the DM and runs it there.
        ctx.reply({
          kind: 'text',
          text: ctx.t('command.continueInPrivate'),
          buttons: [{ label: ctx.t('command.openPrivate'), url: adapter.dmLink(name) }],
        });
        return;
      }
      ctx.reply({ kind: 'text', text: ctx.t('command.continueInDm') });
      const dmCtx = makeContext(ctx.deps, ctx.event, ctx.user, ctx.now, {
        tx: ctx.tx,
        replyTarget: { kind: 'user', user: userRef(ctx.user) },
        replies: ctx,
        roles: ctx.roles,
        afterCommit: ctx.afterCommit,
      });
      await spec.run(dmCtx, args);
      return;
    }
    await spec.run(ctx, args);
  }

  async function runAction(ctx: Ctx, data: string, values: string[] | undefined): Promise<void> {
    const action = decodeAction(data);
    if (!action) {
      ctx.reply({ kind: 'text', text: ctx.t('action.expired') });
      return;
    }
    if (action.owner !== undefined && action.owner !== ctx.user.id) {
      ctx.reply({ kind: 'text', text: ctx.t('action.notYours') });
      return;
    }
    if (action.name === FORM_ACTION) {
      await forms.handleAction(ctx, action.args, values);
      return;
    }
    if (action.name === FORM_OPEN_ACTION) {
      await forms.open(ctx, action.args);
      return;
    }
    if (action.name === COMMAND_ACTION) {
      const name = action.args[0] ?? '';
      await runCommand(ctx, name, '');
      return;
    }
    const spec = Object.hasOwn(actions, action.name) ? actions[action.name as A] : undefined;
    // Parsed here, at the boundary: a handler only ever sees arguments of the shape it declared.
    const args = spec?.args.safeParse(action.args);
    if (!spec || !args?.success) {
      ctx.reply({ kind: 'text', text: ctx.t('action.expired') });
      return;
    }
    await spec.run(ctx, args.data, values);
  }

  return {
    accept,
    async handle(event) {
      return (await accept(event)).done;
    },
    inbox,
    async idle() {
      while (background.size > 0) await Promise.all([...background]);
    },
  };
}

/**
 * 0 for events whose answer is due inside Slack's 3 s: a trigger to open a modal with, or a
 * modal's submit whose errors ride in the ack. They go ahead of everything else.
 */
function laneOf(event: InboundEvent): 0 | 1 {
  return event.trigger !== undefined || event.type === 'form_submit' ? 0 : 1;
}

/** The event stored in an inbox row, or undefined when the row cannot be read as one. */
function storedEvent(payload: string | null): InboundEvent | undefined {
  if (payload === null) return undefined;
  try {
    const parsed = STORED_EVENT.safeParse(JSON.parse(payload));
    return parsed.success ? (parsed.data as InboundEvent) : undefined;
  } catch {
    return undefined;
  }
}

/** The fields every stored event has; the rest is checked by the handler that reads it. */
/**
 * Every text an event carries, without NUL characters: PostgreSQL's text and jsonb refuse
 * them (the insert would fail and the event be lost), and no platform needs one. Dropped as
 * the event is stored, so it runs, and is stored, the same on either database.
 */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000')
    ? value.replaceAll('\u0000', '')
    : value;
}

const STORED_EVENT = z.looseObject({
  type: z.enum(['command', 'action', 'text', 'form_submit', 'form_closed', 'home_opened']),
  id: z.string(),
  user: z.looseObject({
    ref: z.object({
      platform: z.enum(PLATFORMS),
      workspace: z.string(),
      id: z.string(),
    }),
  }),
  conversation: z.looseObject({
    platform: z.enum(PLATFORMS),
    workspace: z.string(),
    id: z.string(),
    kind: z.enum(['dm', 'group']),
  }),
});

/** Builds the per-event context. Replies are numbered so a re-run can never duplicate them. */
export function makeContext(
  deps: EngineDeps,
  event: InboundEvent,
  user: UserRow,
  now: Date,
  options: {
    /** The unit of work's transaction; outside one (tests, jobs), the root connection. */
    tx?: Db;
    /** What the person may do (`rolesOf`, read before: a context is built synchronously). */
    roles: ReadonlySet<Role>;
    replyTarget?: Target;
    replies?: Ctx;
    /** Where platform calls go until the unit of work commits (see `Ctx.afterCommit`). */
    afterCommit?: (step: () => Promise<void> | void) => void;
  },
): Ctx {
  let locale = resolveLocale(user, deps.config.DEFAULT_LOCALE);
  // One numbering per event, shared with derived contexts, so reply keys never collide.
  const counter: ReplyState | undefined = options.replies
    ? replyCounters.get(options.replies)
    : { n: 0 };
  if (!counter) throw new Error('derived context from an unknown context');
  const target: Target = options.replyTarget ?? replyTargetOf(event);
  const key = eventKey(event);
  const tx = options.tx ?? options.replies?.tx ?? deps.db;
  const push = (payload: OutgoingPayload, detached = false) => {
    // A person who was never saved is only shown things (their home), never written to.
    if (!isSaved(user)) throw new Error('no message may be queued for an unsaved person');
    counter.n += 1;
    const message = {
      dedupeKey: `${key}:${counter.n}`,
      target,
      payload,
      userId: detached ? null : user.id,
    };
    // After the unit committed (a step it left for after the commit), the handle is no longer
    // a transaction of its own: the write waits its turn, never landing in another unit's.
    if (counter.late) counter.late.push(write(deps.db, (db) => enqueue(db, message, now)));
    // A reply is said synchronously; its insert is awaited before the unit commits.
    else beforeCommit(tx, enqueue(tx, message, now));
  };
  const ctx: Ctx = {
    deps,
    tx,
    event,
    now,
    user,
    get locale() {
      return locale;
    },
    get t() {
      return withCommandSyntax(translator(locale), adapterFor(deps, event));
    },
    roles: options.roles,
    replyTarget: target,
    reply: (reply, options) => {
      const replaces =
        options?.replace && event.type === 'action' && event.messageRef
          ? event.messageRef
          : undefined;
      push({ kind: 'reply', reply, locale, ...(replaces ? { replaces } : {}) }, options?.detached);
    },
    replyFile: (file) => push({ kind: 'file', file, locale }),
    cmd: (name) => deps.adapters[event.user.ref.platform]?.formatCommand?.(name) ?? `/${name}`,
    setLocale: (next) => {
      locale = next;
    },
    afterCommit: options.afterCommit ?? options.replies?.afterCommit ?? runNow(deps),
  };
  replyCounters.set(ctx, counter);
  return ctx;
}

/** Per event (shared with derived contexts): reply numbering, and writes made after the commit. */
interface ReplyState {
  n: number;
  /** Set once the unit of work has committed: replies queued since, still being written. */
  late?: Promise<unknown>[];
}
const replyCounters = new WeakMap<Ctx, ReplyState>();

/** From now on this event's replies are written in turn with other units (see `push`). */
function afterTheCommit(ctx: Ctx): ReplyState | undefined {
  const state = replyCounters.get(ctx);
  if (state) state.late ??= [];
  return state;
}

/** Outside a unit of work there is nothing to wait for: a step runs at once, its failure logged. */
function runNow(deps: EngineDeps): (step: () => Promise<void> | void) => void {
  return (step) => {
    void Promise.resolve()
      .then(step)
      .catch((error: unknown) => {
        deps.logger.error(failureFields(asTandemError(error, 'handler_failed')), 'step failed');
      });
  };
}

/**
 * Catalog strings write commands as `/join`; platforms with another syntax (Slack's
 * `/mentor join`) get them rewritten. Only catalog text passes through here, never input.
 */
function withCommandSyntax(t: Translate, adapter: ChatAdapter | undefined): Translate {
  if (!adapter?.formatCommand) return t;
  const format = (name: string) => adapter.formatCommand?.(name) ?? `/${name}`;
  return ((key, ...params) =>
    t(key, ...params).replace(
      /(^|[\s(«“"])\/([a-z]+)\b/g,
      (_m, pre: string, name: string) => `${pre}${format(name)}`,
    )) as Translate;
}

/** Where a reply to an event goes: its conversation, privately to its author in a group. */
function replyTargetOf(event: InboundEvent): Target {
  return {
    kind: 'conversation',
    conversation: event.conversation,
    ...(event.conversation.kind === 'group' ? { onlyFor: event.user.ref } : {}),
  };
}

function adapterFor(deps: EngineDeps, event: InboundEvent): ChatAdapter | undefined {
  return deps.adapters[event.user.ref.platform];
}

/**
 * The event's key as stored (inbound dedupe, reply dedupe keys): a one-way hash of
 * platform, workspace and event id — unique per workspace (Telegram counts per bot), so all
 * three name it. Hashed because adapters build ids from whatever the platform gives (a Slack
 * button press's carries the user id), and a stored key must not keep someone's platform id
 * after they leave.
 */
function eventKey(event: InboundEvent): string {
  return createHash('sha256')
    .update(`${event.user.ref.platform}:${event.user.ref.workspace}:${event.id}`)
    .digest('base64url');
}

/** Suggests a command for a typo: the nearest name within two edits. */
function closest(input: string, names: string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = editDistance(input, name);
    if (d <= 2 && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
