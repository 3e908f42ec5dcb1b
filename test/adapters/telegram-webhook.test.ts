import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram';
import { TELEGRAM_WEBHOOK_BODY_MAX_BYTES } from '../../src/adapters/telegram/limits';
import { inboxOf } from '../../src/db/inbox-file';
import { inbox } from '../../src/db/schema';
import { startHttpServer } from '../../src/http/server';
import { silentLogger } from '../../src/logger';
import { FakeBotApi } from '../fakes/telegram-api';
import { createTestApp, type TestApp } from '../helpers/app';
import { ANNA, BOT } from '../helpers/telegram';

const SECRET = 'secret-token-0123456789';

let app: TestApp;
let adapter: TelegramAdapter;
let server: Server;
let api: FakeBotApi;

afterEach(async () => {
  server?.close();
  await adapter?.stop();
  app?.close();
  app?.dispose();
});

async function webhook(): Promise<string> {
  app = createTestApp();
  api = new FakeBotApi();
  adapter = createTelegramAdapter({
    token: '123456:TEST-TOKEN-abcdefghijklmnop',
    botInfo: BOT,
    webhook: { url: 'https://bot.example.com/telegram/webhook', secret: SECRET },
    transformer: api.transformer,
    logger: silentLogger,
    intervals: { global: 0, private: 0, group: 0 },
  });
  app.adapters.telegram = adapter;
  const route = adapter.webhookRoute();
  if (!route) throw new Error('no webhook route');
  await adapter.start(app.engine);
  server = await startHttpServer(0, [route]);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
}

const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };

const update = (id: number, text: string) =>
  JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: 0,
      from: { is_bot: false, ...ANNA },
      chat: { id: ANNA.id, type: 'private' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.length }],
    },
  });

/** Streams a body without a Content-Length (chunked), as a client that lies about nothing. */
function postChunked(url: string, chunks: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => {
      // The server may close the connection after answering 413 while we still write.
      if ((error as { code?: string }).code === 'EPIPE' || /ECONNRESET/.test(String(error))) return;
      reject(error);
    });
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

// The inbox is a file of its own (src/db/inbox-file.ts).
const handledEvents = async () => (await inboxOf(app.database.db).select().from(inbox)).length;

describe('Telegram webhook: bad requests', () => {
  it('refuses a body over the size limit with 413, whether announced or streamed, and changes nothing', async () => {
    const url = await webhook();
    const big = update(1, `/help ${'x'.repeat(TELEGRAM_WEBHOOK_BODY_MAX_BYTES)}`);
    const announced = await fetch(url, { method: 'POST', headers, body: big });
    expect(announced.status).toBe(413);
    const piece = 'x'.repeat(64 * 1024);
    const streamed = await postChunked(url, [
      '{"update_id":2,"message":{"text":"',
      ...Array.from({ length: TELEGRAM_WEBHOOK_BODY_MAX_BYTES / piece.length + 2 }, () => piece),
      '"}}',
    ]);
    expect(streamed).toBe(413);
    expect(await handledEvents()).toBe(0);
    expect(api.callsTo('sendMessage')).toHaveLength(0);
  });

  it('answers malformed JSON and JSON that is not an update with 400, and keeps working', async () => {
    const url = await webhook();
    for (const body of ['{"update_id": 3, "message": {', 'not json at all', '[]', '{"x":1}']) {
      const res = await fetch(url, { method: 'POST', headers, body });
      expect(res.status, body).toBe(400);
    }
    expect(await handledEvents()).toBe(0);
    // A proper update right after is handled as usual.
    const ok = await fetch(url, { method: 'POST', headers, body: update(4, '/help') });
    expect(ok.status).toBe(200);
    await app.settle();
    expect(api.texts().some((t) => t.includes('Tandem — reverse mentoring'))).toBe(true);
  });

  it('checks the secret before reading anything', async () => {
    const url = await webhook();
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'x-telegram-bot-api-secret-token': 'nope' },
      body: 'not json at all',
    });
    expect(res.status).toBe(401);
  });
});
