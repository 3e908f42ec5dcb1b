import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { styleText } from 'node:util';
import type { ChatAdapter, EventSink } from '../../core/adapter';
import { parseCommand } from '../../core/command-parser';
import type { InboundEvent } from '../../core/events';
import { type Locale, localeFromPlatform, t } from '../../core/i18n';
import type { ConversationRef, Target, UserRef } from '../../core/refs';
import type { FileMessage, Reply, SendOptions } from '../../core/replies';
import {
  answerFromMenu,
  firstFreeNumber,
  type OpenMenu,
  plainStyle,
  type RenderStyle,
  renderReply,
  renderStillOpen,
  renumberPage,
} from './render';

export const CONSOLE_WORKSPACE = 'local';

/** A colleague the console can act as. */
export interface ConsolePerson {
  id: string;
  name: string;
  /** Platform-style language hint, like Telegram's language_code. */
  locale?: string;
  department?: string;
}

export interface ConsoleAdapterConfig {
  input: Readable;
  output: Writable;
  /** The demo company, for /as. */
  people: ConsolePerson[];
  /** Who types at first. */
  me: ConsolePerson;
  /** Language of the console's own lines (banner, /as). */
  locale: Locale;
  /** Where files (invites, charts, exports) are written. */
  filesDir: string;
  /** The database file the demo lives in, named when the person quits. */
  databasePath: string;
  color?: boolean;
  /** Awaited after each line, so the bot's answers print before the next prompt. */
  settle?: () => Promise<void>;
  /** Called when input ends or the person types /quit. */
  onClose?: () => void;
  /** `/time +1d`: moves the demo clock and runs what fell due; returns the new time. */
  timeTravel?: (ms: number) => Promise<Date>;
  /**
   * The language a person chose, as stored (they may have typed /lang before a restart): the
   * console's own lines — the banner first — are written in it.
   */
  localeOf?: (personId: string) => Locale | undefined;
}

/**
 * The embedded local chat: readline in, text out. It is a real adapter — the same engine,
 * forms and outbox as Slack and Telegram — with buttons as numbers and forms as prompts.
 *
 * Numbers — the rule: a typed number presses what the newest print of that number shows, and
 * nothing still open is ever out of reach.
 * - Every open button in a conversation has its own number (a second proposal's Accept is 3,
 *   not another 1). New buttons count on above the open ones, except that the first ones after
 *   the person typed start again from 1, and a scale keeps its own numbers (NPS 10 is 10).
 * - When new buttons take a number an older, still open message uses, that message is shown
 *   again right after them under "Still open:", compactly, with fresh numbers — so the old
 *   print of the number is no longer what it means, and the new print says so.
 * - A message answered in place (`replaces`), or followed by a newer message of its series (a
 *   form's next question), is closed: its numbers are free, and until new buttons take them a
 *   repeated press still reaches it, like a double tap.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  readonly #config: ConsoleAdapterConfig;
  readonly #style: RenderStyle;
  /** Per conversation: the messages whose buttons are open, oldest first. */
  readonly #pages = new Map<string, OpenMenu[]>();
  /** Conversations where the person has moved on; their next buttons start a new page. */
  readonly #turned = new Set<string>();
  /** The series the line being handled answers, until its replies say whether it goes on. */
  #answering: string | undefined;
  #answerFollowed = false;
  /** The button the line being handled pressed, and on which message. */
  #pressing: { ref: string; data: string } | undefined;
  #sent = 0;
  #me: ConsolePerson;
  #where: 'dm' | 'group' = 'dm';
  #rl: Interface | undefined;
  #sink: EventSink | undefined;
  /** The language each person was last written to in, for the console's own lines. */
  readonly #locales = new Map<string, Locale>();
  #queue: Promise<void> = Promise.resolve();
  #linesRead = 0;
  #closed = false;
  #closing = false;

  constructor(config: ConsoleAdapterConfig) {
    this.#config = config;
    this.#me = config.me;
    this.#style = config.color
      ? { title: (s) => styleText('bold', s), dim: (s) => styleText('dim', s) }
      : plainStyle;
  }

  async start(sink: EventSink): Promise<void> {
    const rl = createInterface({
      input: this.#config.input,
      output: this.#config.output,
      // A real terminal gets line editing and history; piped input is read as is.
      terminal: this.#interactive(),
    });
    this.#rl = rl;
    this.#sink = sink;
    this.#print(this.#style.dim(t(this.#locale(), 'console.banner', { name: this.#me.name })));
    this.#print(this.#style.dim(t(this.#locale(), 'console.connect')));
    // Arriving: an unfinished form is shown again, so its numbered options answer.
    this.#queue = this.#queue.then(() => this.#arrive());
    void this.#queue.then(() => this.#prompt());
    rl.on('line', (line) => {
      this.#linesRead += 1;
      // Lines are handled strictly one after another, like messages in a chat.
      this.#queue = this.#queue.then(() => this.#handleLine(line, sink));
    });
    rl.on('close', () => {
      void this.#queue.then(() => this.#close());
    });
  }

  /** Resolves once every line typed so far has been handled (and its replies settled). */
  whenIdle(): Promise<void> {
    return this.#queue;
  }

  /** How many lines the input has given so far (a line written may not have arrived yet). */
  get linesRead(): number {
    return this.#linesRead;
  }

  async stop(): Promise<void> {
    this.#closed = true;
    this.#rl?.close();
  }

  async send(target: Target, reply: Reply, options?: SendOptions): Promise<void> {
    if (options?.locale) this.#locales.set(recipientId(target), options.locale);
    const locale = options?.locale ?? this.#config.locale;
    const key = conversationKey(target);
    if (key === this.#pageKey() && this.#answering !== undefined) {
      // The first reply to an answer says whether the series goes on.
      if (reply.series === this.#answering) this.#answerFollowed = true;
      else if (replyHasEntries(reply)) this.#settleAnswer();
    }
    // An answer in place closes the message it answers (on a chat platform it is edited); a
    // newer message of a series (a form's next question) closes the series' older ones; and a
    // message shown again (the same buttons: a proposal on /pair) takes over from its old print.
    // A person has one form open at a time: a form's question closes any other form's.
    const pressable = new Set(entryData(reply));
    const pressing = this.#pressing;
    let page = (this.#pages.get(key) ?? []).map((m) =>
      m.ref === options?.replaces && pressing?.ref === m.ref
        ? { ...m, closed: true, pressed: pressing.data }
        : m.ref === options?.replaces ||
            (reply.series !== undefined && m.series === reply.series) ||
            (reply.awaitsAnswer && m.awaitsAnswer) ||
            m.entries.every((e) => pressable.has(e.data))
          ? { ...m, closed: true }
          : m,
    );
    // The first buttons after the person typed start from 1; others count on above the open ones.
    const fresh = this.#turned.has(key) && replyHasEntries(reply);
    if (fresh) {
      this.#turned.delete(key);
      // Shortcuts (help's, the profile's) are let go once the person has moved on: the
      // command shows them again; "Still open" is for what waits for an answer.
      page = page.map((m) => (m.shortcuts ? { ...m, closed: true } : m));
    }
    const open = page.filter((m) => !m.closed);
    const rendered = renderReply(
      reply,
      this.#style,
      {
        pick: t(
          locale,
          reply.kind === 'choice' && reply.allowText
            ? 'console.pickOrTypeHint'
            : 'console.pickHint',
        ),
        multi: t(locale, 'console.multiHint'),
      },
      fresh ? 1 : firstFreeNumber(open),
    );
    const lines = [...rendered.lines];
    if (rendered.menu) {
      this.#sent += 1;
      const added: OpenMenu = { ...rendered.menu, ref: `m${this.#sent}` };
      const turn = renumberPage(page, added);
      page = turn.page;
      lines.push(...renderStillOpen(turn.reshown, this.#style, t(locale, 'console.stillOpen')));
    }
    this.#pages.set(key, page);
    this.#print(this.#header(target), ...lines, '');
  }

  async sendFile(target: Target, file: FileMessage, options?: SendOptions): Promise<void> {
    const dir = resolve(this.#config.filesDir);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, savedName(recipientId(target), file.filename));
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    this.#print(
      this.#header(target),
      file.caption ?? file.filename,
      t(options?.locale ?? this.#config.locale, 'console.fileSaved', { path }),
      '',
    );
  }

  /** Someone left: the files saved for them (their data export, invites) go too. */
  async forget(user: UserRef): Promise<void> {
    const dir = resolve(this.#config.filesDir);
    const mine = savedName(user.id, BOT_FILE_PREFIX);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // Nothing was ever saved.
    }
    for (const name of names) {
      if (name.startsWith(mine)) rmSync(join(dir, name), { force: true });
    }
  }

  /** Who is typing, where: the parts every event shares. */
  #base() {
    const user: UserRef = { platform: 'console', workspace: CONSOLE_WORKSPACE, id: this.#me.id };
    const conversation: ConversationRef =
      this.#where === 'dm'
        ? { platform: 'console', workspace: CONSOLE_WORKSPACE, id: this.#me.id, kind: 'dm' }
        : { platform: 'console', workspace: CONSOLE_WORKSPACE, id: GROUP_ID, kind: 'group' };
    return {
      id: randomUUID(),
      user: {
        ref: user,
        name: this.#me.name,
        ...(this.#me.locale ? { locale: this.#me.locale } : {}),
      },
      conversation,
    };
  }

  /** The neutral event a typed line stands for. */
  toEvent(line: string): InboundEvent {
    const base = this.#base();
    const answer = answerFromMenu(line, this.#pages.get(menuKey(base.conversation)) ?? []);
    if (answer)
      return {
        ...base,
        type: 'action',
        data: answer.data,
        messageRef: answer.ref,
        ...(answer.values ? { values: answer.values } : {}),
      };
    const command = parseCommand(line);
    if (command) return { ...base, type: 'command', name: command.name, args: command.args };
    return { ...base, type: 'text', text: line };
  }

  async #handleLine(line: string, sink: EventSink): Promise<void> {
    if (this.#closed) return;
    const text = line.trim();
    if (text === '') return this.#prompt();
    // When input is piped (not a terminal), echo it so the transcript reads like a chat — the
    // console's own commands (/as, /time) too.
    if (!this.#interactive()) this.#print(`${this.#promptText()}${text}`);
    // Whatever is typed (/time too) turns the page: the buttons shown so far stay until new ones come.
    this.#turned.add(this.#pageKey());
    const command = parseCommand(text);
    if (command?.name === 'time') {
      await this.#timeTravel(command.args);
      this.#prompt();
      return;
    }
    const local = this.#local(text);
    if (local === 'switched') await this.#arrive();
    if (!local) {
      const event = this.toEvent(text);
      if (event.type === 'text' && this.#noSuchNumber(text)) {
        this.#print(t(this.#locale(), 'console.noSuchNumber', { n: text }), '');
        this.#prompt();
        return;
      }
      if (event) {
        this.#answering = this.#seriesAnswered(event);
        this.#answerFollowed = false;
        this.#pressing =
          event.type === 'action' && event.messageRef
            ? { ref: event.messageRef, data: event.data }
            : undefined;
        await this.#deliver(sink, event);
        this.#pressing = undefined;
        this.#settleAnswer();
      }
    }
    this.#prompt();
  }

  /** A line is answered before the next prompt: the console waits for its event to run. */
  async #deliver(sink: EventSink, event: InboundEvent): Promise<void> {
    try {
      await (await sink.accept(event)).done;
      await this.#config.settle?.();
    } catch {
      // The engine has its own error boundary; a failure here must not stop the chat.
    }
  }

  /**
   * A bare number no button answers to, while no question waits for typed text: the console's
   * own buttons are numbers, so the person meant one — say there is none, rather than pass it
   * on as a message the bot can only not understand.
   */
  #noSuchNumber(text: string): boolean {
    // In the group a number is chatter among people, not for the bot.
    if (this.#where !== 'dm' || !/^\d{1,4}$/.test(text)) return false;
    const page = this.#pages.get(this.#pageKey()) ?? [];
    return !page.some((m) => m.awaitsAnswer && !m.closed);
  }

  /**
   * The series (a form) a line answers: a press of a question's buttons, or plain text while
   * the question is open (the engine hands such text to the form).
   */
  #seriesAnswered(event: InboundEvent): string | undefined {
    const page = (this.#pages.get(this.#pageKey()) ?? []).filter((m) => m.awaitsAnswer);
    if (event.type === 'action') return page.find((m) => m.ref === event.messageRef)?.series;
    if (event.type !== 'text') return undefined;
    return page.findLast((m) => !m.closed)?.series;
  }

  /**
   * An answer to a series (a form) that brought no next message of it — before other buttons
   * came, or at all — ended it (the form was saved): its last question's buttons no longer do
   * anything, so they are closed rather than shown again as "still open".
   */
  #settleAnswer(): void {
    const series = this.#answering;
    this.#answering = undefined;
    if (series === undefined || this.#answerFollowed) return;
    const key = this.#pageKey();
    const page = this.#pages.get(key);
    if (page)
      this.#pages.set(
        key,
        page.map((m) => (m.series === series ? { ...m, closed: true } : m)),
      );
  }

  /** Tells the engine the current person is here (start, /as), so open forms are shown again. */
  async #arrive(): Promise<void> {
    if (!this.#sink) return;
    const { id, user, conversation } = this.#base();
    // What arrival shows again (a form, proposals) starts a fresh page; if nothing, the old stays.
    this.#turned.add(this.#pageKey());
    await this.#deliver(this.#sink, { type: 'home_opened', id, user, conversation });
  }

  /** The conversation the person types in now, as pages are keyed. */
  #pageKey(): string {
    return this.#where === 'dm' ? `dm:${this.#me.id}` : `group:${GROUP_ID}`;
  }

  #locale(): Locale {
    return (
      this.#locales.get(this.#me.id) ??
      this.#config.localeOf?.(this.#me.id) ??
      localeFromPlatform(this.#me.locale) ??
      this.#config.locale
    );
  }

  /** `/time +1d` / `+3h` / `+30m`: the demo clock jumps, and whatever fell due happens. */
  async #timeTravel(args: string): Promise<void> {
    const locale = this.#locale();
    const m = /^\+(\d{1,3})([dhm])$/.exec(args.trim());
    if (!this.#config.timeTravel || (!m && args.trim() !== '')) {
      this.#print(t(locale, 'console.timeUsage'), '');
      return;
    }
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[(m?.[2] ?? 'm') as 'd' | 'h' | 'm'];
    // Bare /time: where the demo clock stands now (moving it by nothing), and how to move it.
    const now = await this.#config.timeTravel(Number(m?.[1] ?? 0) * unit);
    this.#print(
      this.#style.dim(
        t(locale, 'console.timeNow', { time: now.toISOString().slice(0, 16).replace('T', ' ') }),
      ),
      ...(m ? [] : [t(locale, 'console.timeUsage')]),
      '',
    );
  }

  /** Console-only meta commands: false when the line is for the bot, 'switched' after /as. */
  #local(text: string): boolean | 'switched' {
    const command = parseCommand(text);
    if (!command) return false;
    const locale = this.#locale();
    const names = this.#config.people.map((p) => p.name.split(' ')[0]).join(', ');
    switch (command.name) {
      case 'quit':
      case 'exit':
        this.#closing = true;
        this.#rl?.close();
        return true;
      case 'as': {
        if (!command.args) {
          this.#print(t(locale, 'console.asUsage', { names }), '');
          return true;
        }
        const person = findPerson(this.#config.people, command.args);
        if (!person) {
          this.#print(t(locale, 'console.asUnknown', { names }), '');
          return true;
        }
        this.#me = person;
        this.#print(this.#style.title(t(this.#locale(), 'console.as', { name: person.name })), '');
        return 'switched';
      }
      case 'whoami':
        this.#print(
          t(locale, 'console.whoami', {
            name: this.#me.name,
            id: this.#me.id,
            place: t(locale, this.#where === 'dm' ? 'console.inDm' : 'console.inGroup'),
          }),
          t(locale, 'console.where'),
          '',
        );
        return true;
      case 'in':
        if (command.args === 'group' || command.args === 'dm') {
          this.#where = command.args;
          this.#print(
            t(locale, this.#where === 'dm' ? 'console.nowInDm' : 'console.nowInGroup'),
            '',
          );
        } else {
          this.#print(t(locale, 'console.where'), '');
        }
        return true;
      default:
        return false;
    }
  }

  #header(target: Target): string {
    const id = recipientId(target);
    const onlyFor = target.kind === 'conversation' ? target.onlyFor?.id : undefined;
    if (target.kind === 'conversation' && target.conversation.kind === 'group') {
      const suffix = onlyFor
        ? ` (${onlyFor === this.#me.id ? 'only you' : `only ${this.#nameOf(onlyFor)}`})`
        : '';
      return this.#style.dim(`#${target.conversation.id}${suffix} · Tandem:`);
    }
    if (id === this.#me.id)
      return this.#style.dim(this.#where === 'dm' ? 'Tandem:' : 'Tandem · DM:');
    return this.#style.dim(
      `${t(this.#config.locale, 'console.to', { name: this.#nameOf(id) })} · Tandem:`,
    );
  }

  #nameOf(id: string): string {
    return this.#config.people.find((p) => p.id === id)?.name ?? id;
  }

  #promptText(): string {
    return `${this.#me.name}${this.#where === 'group' ? ' @#general' : ''} › `;
  }

  #prompt(): void {
    // Piped input gets its prompt with the echoed line instead.
    if (this.#closed || this.#closing || !this.#interactive()) return;
    this.#config.output.write(this.#promptText());
  }

  #interactive(): boolean {
    return Boolean((this.#config.input as { isTTY?: boolean }).isTTY);
  }

  #print(...lines: string[]): void {
    this.#config.output.write(`\n${lines.join('\n')}\n`.replace(/^\n/, ''));
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#print('', t(this.#locale(), 'console.bye', { path: this.#config.databasePath }));
    this.#config.onClose?.();
  }
}

/** Every file the bot sends is named `tandem-…`; saved ones are prefixed with their recipient. */
const BOT_FILE_PREFIX = 'tandem-';

/**
 * `anna-tandem-mydata-….json`: safe on every system. `forget` finds a person's files by the
 * whole `<id>-tandem-` prefix, so `anna` never matches `anna-b`'s.
 */
function savedName(recipient: string, filename: string): string {
  return `${recipient}-${filename}`.replace(/[^\w.@-]/g, '_');
}

/** The shared demo chat. */
const GROUP_ID = 'general';

/** Menus are remembered per conversation: a DM is named by its person (as on every platform). */
function menuKey(conversation: ConversationRef): string {
  return conversation.kind === 'dm' ? `dm:${conversation.id}` : `group:${conversation.id}`;
}

/** The conversation a target's replies belong to (where numbers typed next will answer). */
function conversationKey(target: Target): string {
  return target.kind === 'user' ? `dm:${target.user.id}` : menuKey(target.conversation);
}

/** What a reply's options and buttons (not its links) press. */
function entryData(reply: Reply): string[] {
  return [
    ...(reply.kind === 'choice' ? reply.options.map((o) => o.data) : []),
    ...(reply.buttons ?? []).flatMap((b) => (b.data === undefined ? [] : [b.data])),
  ];
}

function replyHasEntries(reply: Reply): boolean {
  return entryData(reply).length > 0;
}

function recipientId(target: Target): string {
  if (target.kind === 'user') return target.user.id;
  if (target.conversation.kind === 'dm') return target.conversation.id;
  return target.onlyFor?.id ?? target.conversation.id;
}

/** Finds a colleague by id, full name or first-name prefix, ignoring case. */
export function findPerson(people: ConsolePerson[], query: string): ConsolePerson | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  return (
    people.find((p) => p.id.toLowerCase() === q || p.name.toLowerCase() === q) ??
    people.find((p) => p.name.toLowerCase().startsWith(q)) ??
    people.find((p) =>
      p.name
        .toLowerCase()
        .split(' ')
        .some((part) => part.startsWith(q)),
    )
  );
}

export function createConsoleAdapter(config: ConsoleAdapterConfig): ConsoleAdapter {
  return new ConsoleAdapter(config);
}
