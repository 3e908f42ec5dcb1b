import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * When the fake got a call, as epoch milliseconds from a monotonic clock: tests measure gaps
 * between calls with it (pacing), never the time of day.
 */
const receivedAt = () => performance.timeOrigin + performance.now();

export interface SlackCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
  /** When the call arrived (ms since the epoch). */
  at: number;
  /** The `ts` Slack gave a posted message. */
  ts?: string;
}

export interface SlackFailure {
  status?: number;
  retryAfter?: number;
  error?: string;
  /** The connection drops without an answer, as when Slack is unreachable. */
  drop?: boolean;
}

export interface FakeUser {
  name: string;
  tz?: string;
  locale?: string;
  /** Given as `profile.email`, as Slack does only with the `users:read.email` scope. */
  email?: string;
}

/** A channel as Slack knows it; the bot is a member of an unlisted channel. */
export interface FakeChannel {
  name: string;
  isMember?: boolean;
  isArchived?: boolean;
  /** A private channel the bot is not in is invisible to it: `channel_not_found`. */
  isPrivate?: boolean;
}

/** Methods that post into a channel, refused as Slack refuses them where the bot can't post. */
const POSTING = new Set(['chat.postMessage', 'chat.postEphemeral']);

const JSON_ARGS = new Set(['blocks', 'view', 'attachments', 'files']);

/**
 * A local stand-in for the Slack Web API (slack-mock does not work with WebClient's fetch):
 * records every call, answers like Slack, and fails on request.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Channels by id, for conversations.info and for refusing posts the bot can't make. */
  readonly channels = new Map<string, FakeChannel>();
  /** The file content sent to each upload URL, by file id (as text). */
  readonly uploads = new Map<string, string>();
  readonly #failures = new Map<string, SlackFailure[]>();
  readonly #metadata = new Map<string, Record<string, unknown>>();
  #server: Server | undefined;
  #ts = 1_700_000_000;
  #files = 0;
  base = '';
  /** What apps.connections.open hands out (Socket Mode). */
  socketUrl = '';
  /** How long each successful call takes to answer, as a slow network would. */
  latencyMs = 0;

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** Listens on `port` (0 picks a free one). */
  async start(port = 0): Promise<this> {
    const server = createServer((req, res) => {
      void this.#handle(req).then(({ status, body, headers }) => {
        if (status === 0) return res.socket?.destroy();
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  /** The next `times` calls of `method` fail this way. */
  fail(method: string, failure: SlackFailure, times = 1): void {
    const list = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.#failures.set(method, list);
  }

  /** The next successful answer of `method` carries this `response_metadata` (warnings). */
  metadata(method: string, responseMetadata: Record<string, unknown>): void {
    this.#metadata.set(method, responseMetadata);
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `method` has been called at least `count` times. */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<SlackCall[]> {
    const deadline = receivedAt() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (receivedAt() > deadline) {
        throw new Error(
          `timed out waiting for ${count}× ${method}; saw ${this.calls.map((c) => c.method).join(', ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.callsTo(method);
  }

  /** All text a person would read in the messages posted so far (section and header text). */
  postedTexts(method = 'chat.postMessage'): string[] {
    return this.callsTo(method).map((c) => blockText(c.args.blocks));
  }

  async #handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const raw = await readBody(req);
    const url = req.url ?? '';
    if (url.startsWith('/upload/')) {
      this.uploads.set(
        url.slice('/upload/'.length),
        uploadedContent(raw, req.headers['content-type'] ?? ''),
      );
      return { status: 200, body: { ok: true } };
    }
    const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || undefined;
    const failure = this.#failures.get(method)?.shift();
    if (failure) {
      this.calls.push({ method: `${method}:failed`, token, args, at: receivedAt() });
      if (failure.drop) return { status: 0, body: null };
      if (failure.status === 429) {
        return {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(failure.retryAfter ?? 1) },
        };
      }
      if (failure.status) return { status: failure.status, body: { ok: false } };
      return { status: 200, body: { ok: false, error: failure.error ?? 'internal_error' } };
    }
    const refusal = this.#refusal(method, args);
    if (refusal) {
      this.calls.push({ method: `${method}:failed`, token, args, at: receivedAt() });
      return { status: 200, body: { ok: false, error: refusal } };
    }
    const call: SlackCall = { method, token, args, at: receivedAt() };
    this.calls.push(call);
    if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const metadata = this.#metadata.get(method);
    this.#metadata.delete(method);
    const answer = this.#answer(method, args) as Record<string, unknown>;
    if (method === 'chat.postMessage') call.ts = String(answer.ts);
    return {
      status: 200,
      body: metadata ? { ...answer, response_metadata: metadata } : answer,
    };
  }

  /** Slack's error for a post or a look the bot may not make in a listed channel. */
  #refusal(method: string, args: Record<string, unknown>): string | undefined {
    const channel = this.channels.get(String(args.channel));
    if (!channel) return undefined;
    const hidden = channel.isPrivate && channel.isMember === false;
    if (method === 'conversations.info') return hidden ? 'channel_not_found' : undefined;
    if (!POSTING.has(method)) return undefined;
    if (hidden) return 'channel_not_found';
    if (channel.isArchived) return 'is_archived';
    return channel.isMember === false ? 'not_in_channel' : undefined;
  }

  #answer(method: string, args: Record<string, unknown>): unknown {
    switch (method) {
      case 'conversations.info': {
        const id = String(args.channel);
        const c = this.channels.get(id) ?? { name: id.toLowerCase() };
        return {
          ok: true,
          channel: {
            id,
            name: c.name,
            is_channel: !c.isPrivate,
            is_private: Boolean(c.isPrivate),
            is_member: c.isMember !== false,
            is_archived: Boolean(c.isArchived),
          },
        };
      }
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'tandem' };
      case 'users.info': {
        const id = String(args.user);
        const u = this.users.get(id) ?? { name: `User ${id}` };
        return {
          ok: true,
          user: {
            id,
            name: u.name.toLowerCase(),
            real_name: u.name,
            tz: u.tz,
            locale: u.locale,
            profile: { real_name: u.name, ...(u.email ? { email: u.email } : {}) },
          },
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `${++this.#ts}.000100` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.#ts}.000200` };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: 'V1' } };
      case 'files.getUploadURLExternal':
        this.#files += 1;
        return {
          ok: true,
          upload_url: `${this.base}/upload/F${this.#files}`,
          file_id: `F${this.#files}`,
        };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: `F${this.#files}` }] };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_ARGS.has(key) ? safeJson(value) : value;
  }
  return args;
}

/** The file part of a multipart upload (how WebClient sends it), or the body as it came. */
function uploadedContent(raw: string, contentType: string): string {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return raw;
  const parts = raw.split(`--${boundary[1] ?? boundary[2]}`);
  const file = parts.find((p) => /filename=/.test(p.slice(0, p.indexOf('\r\n\r\n')))) ?? '';
  return file.slice(file.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Joins the readable text of Block Kit blocks (headers, sections, buttons). */
export function blockText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const out: string[] = [];
  for (const block of blocks as {
    text?: { text?: string };
    elements?: { text?: { text?: string } }[];
  }[]) {
    if (block.text?.text) out.push(block.text.text);
    for (const el of block.elements ?? []) if (el.text?.text) out.push(`[${el.text.text}]`);
  }
  return out.join('\n');
}
