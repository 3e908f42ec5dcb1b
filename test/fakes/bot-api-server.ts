import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How the fake Bot API behaves: answering, failing every call with 502 (a proxy in front of a
 * Bot API that is down), or accepting requests and never answering them.
 */
export type BotApiMode = 'up' | 'failing' | 'hanging';

export interface BotApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** When it arrived (performance.now(), a monotonic reading): for pace checks. */
  at: number;
}

export interface FakePerson {
  id: number;
  first_name: string;
  language_code?: string;
}

export const FAKE_BOT = {
  id: 4242,
  is_bot: true,
  first_name: 'Tandem',
  username: 'tandem_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

/**
 * A Bot API over HTTP for tests that run Tandem as a real process (`TELEGRAM_API_ROOT`):
 * long polling with offsets and timeouts, sendMessage recorded, and switches for the ways a
 * real one goes wrong (down, 502, hanging, one method hanging). Stop it to close the port.
 */
export class FakeBotApiServer {
  mode: BotApiMode = 'up';
  /** Methods that never answer even while up (e.g. a sendMessage cut short by a crash). */
  readonly hang = new Set<string>();
  /**
   * How long a send (sendMessage, editMessageText, sendDocument, sendPhoto) takes to answer,
   * recorded on arrival: a process killed meanwhile leaves a message that did arrive.
   */
  sendDelayMs = 0;
  readonly calls: BotApiCall[] = [];
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  #updates: { update_id: number }[] = [];
  #nextUpdateId = 1;
  #messageId = 100;
  #waiters = new Set<() => void>();
  #port = 0;
  /** The getUpdates waiting now: a new one ends it, as Telegram does. */
  #polling: { end(): void; gone(): boolean } | undefined;
  /**
   * getUpdates that ended another one still waiting for a live client: two pollers at once,
   * which Telegram answers with 409 (a client that died mid-poll does not count).
   */
  conflicts = 0;

  get apiRoot(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Listens on `port` (0 picks one); call again after stop() to come back on the same one. */
  async start(port = this.#port): Promise<this> {
    const server = createServer((req, res) => void this.#serve(req, res));
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    this.#port = (server.address() as { port: number }).port;
    this.#server = server;
    return this;
  }

  /** Closes the port and every open connection (requests in flight fail). */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const wake of this.#waiters) wake();
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** A person writes to the bot in their private chat. */
  say(from: FakePerson, text: string): void {
    const id = this.#nextUpdateId++;
    this.#updates.push({
      update_id: id,
      message: {
        message_id: id * 10,
        date: 0,
        from: { is_bot: false, ...from },
        chat: { id: from.id, type: 'private', first_name: from.first_name },
        text,
        ...(text.startsWith('/')
          ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length }] }
          : {}),
      },
    } as { update_id: number });
    for (const wake of this.#waiters) wake();
  }

  /** Texts the bot sent (answered sendMessage calls), in one chat if given. */
  sent(chatId?: number): string[] {
    return this.calls
      .filter((c) => c.method === 'sendMessage')
      .filter((c) => chatId === undefined || Number(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));
  }

  callsTo(method: string): BotApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.url ?? '').split('/').at(-1)?.split('?')[0] ?? '';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const at = performance.now();
    let payload: Record<string, unknown> = {};
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      payload = chunks.length ? JSON.parse(body) : {};
    } catch {
      // multipart (files): its plain fields and the file's name
      payload = multipartFields(body);
    }
    if (this.mode === 'hanging' || this.hang.has(method)) {
      // Accepted, never answered.
      this.calls.push({ method: `${method}:hanging`, payload, at });
      return;
    }
    if (this.mode === 'failing') {
      this.calls.push({ method: `${method}:failed`, payload, at });
      return json(res, 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    }
    this.calls.push({ method, payload, at });
    if (this.sendDelayMs > 0 && SENDS.has(method))
      await new Promise((resolve) => setTimeout(resolve, this.sendDelayMs));
    switch (method) {
      case 'getMe':
        return json(res, 200, { ok: true, result: FAKE_BOT });
      case 'getUpdates': {
        const updates = await this.#getUpdates(payload, req);
        if (updates === 'conflict')
          return json(res, 409, {
            ok: false,
            error_code: 409,
            description:
              'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
          });
        return json(res, 200, { ok: true, result: updates });
      }
      case 'sendMessage':
        this.#messageId += 1;
        return json(res, 200, {
          ok: true,
          result: {
            message_id: this.#messageId,
            date: 0,
            chat: { id: Number(payload.chat_id), type: 'private' },
            text: payload.text,
          },
        });
      default:
        return json(res, 200, { ok: true, result: true });
    }
  }

  /** Long polling: confirms everything below `offset`, waits up to `timeout` seconds for more. */
  async #getUpdates(
    payload: Record<string, unknown>,
    req: IncomingMessage,
  ): Promise<unknown[] | 'conflict'> {
    const earlier = this.#polling;
    if (earlier) {
      if (!earlier.gone()) this.conflicts += 1;
      earlier.end();
    }
    let ended = false;
    const offset = Number(payload.offset ?? 0);
    this.#updates = this.#updates.filter((u) => u.update_id >= offset);
    const timeout = Number(payload.timeout ?? 0);
    if (!this.#updates.length && timeout > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#waiters.delete(wake);
          if (this.#polling === mine) this.#polling = undefined;
          resolve();
        };
        const timer = setTimeout(wake, timeout * 1000);
        const mine = {
          end: () => {
            ended = true;
            wake();
          },
          gone: () => req.socket.destroyed,
        };
        this.#waiters.add(wake);
        this.#polling = mine;
      });
    }
    if (ended) return 'conflict';
    if (this.mode !== 'up' || !this.#server) return [];
    return this.#updates.slice(0, Number(payload.limit ?? 100));
  }
}

/** The methods that put a message in a chat. */
const SENDS = new Set(['sendMessage', 'editMessageText', 'sendDocument', 'sendPhoto']);

/** A multipart/form-data body's plain fields, and `filename` for its file part. */
function multipartFields(body: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const part of body.split(/\r\n--/)) {
    const name = /name="([^"]+)"/.exec(part)?.[1];
    if (!name) continue;
    // grammY writes the name bare (filename=x.ics), browsers quote it.
    const file = /filename="?([^"\r\n;]*)/.exec(part)?.[1];
    if (file !== undefined) {
      fields.filename = file;
      continue;
    }
    const start = part.indexOf('\r\n\r\n');
    if (start >= 0) fields[name] = part.slice(start + 4).replace(/\r\n$/, '');
  }
  return fields;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
