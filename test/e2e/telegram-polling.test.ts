import TelegramServer from 'telegram-test-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram';
import { getProfile } from '../../src/db/queries/profiles';
import { findUser } from '../../src/db/queries/users';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';
import { freePort } from '../helpers/net';

const TOKEN = '123456:E2E-TOKEN-abcdefghijklmnop';

interface Stored {
  messageId: number;
  message: {
    text: string;
    chat_id: number | string;
    reply_markup?: { inline_keyboard: { text: string; callback_data?: string }[][] };
  };
}

let app: TestApp;
let server: TelegramServer;
let adapter: TelegramAdapter;

afterEach(async () => {
  await adapter?.stop();
  await server?.stop();
  app?.close();
  app?.dispose();
});

/**
 * One end-to-end run over real HTTP: grammY long-polls a local Bot API server
 * (telegram-test-api), a person walks /join with buttons and a typed answer.
 */
describe('Telegram end to end (long polling against a local Bot API server)', () => {
  it('runs /start, the /join wizard and "I\'ve read it"', async () => {
    app = createTestApp();
    server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
    await server.start();
    adapter = createTelegramAdapter({
      token: TOKEN,
      apiRoot: server.config.apiURL,
      logger: silentLogger,
      intervals: { global: 0, private: 0, group: 0 },
    });
    app.adapters.telegram = adapter;
    await adapter.start(app.engine);
    const client = server.getClient(TOKEN, {
      timeout: 5000,
      userId: 777,
      chatId: 777,
      firstName: 'Lena',
    });
    const messages = () =>
      (server as unknown as { storage: { botMessages: Stored[] } }).storage.botMessages;
    const waitFor = async (predicate: (m: Stored) => boolean) => {
      const deadline = Date.now() + 8000;
      for (;;) {
        const found = messages().find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `timed out; saw: ${messages()
              .map((m) => m.message.text.slice(0, 40))
              .join(' | ')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const press = async (stored: Stored, label: string) => {
      const button = stored.message.reply_markup?.inline_keyboard
        .flat()
        .find((b) => b.text.includes(label));
      if (!button?.callback_data) throw new Error(`no button ${label}`);
      await client.sendCallback(
        client.makeCallbackQuery(button.callback_data, {
          message: { message_id: stored.messageId },
        }),
      );
    };

    await client.sendCommand(client.makeCommand('/start'));
    await waitFor((m) => m.message.text.includes('Tandem — reverse mentoring'));

    await client.sendCommand(client.makeCommand('/join'));
    const form = await waitFor((m) =>
      m.message.text.includes('What would you like to do in the program?'),
    );
    await press(form, 'Learn (mentee)');
    await waitFor(
      (m) => m.messageId === form.messageId && m.message.text.includes('What is your level'),
    );
    await press(form, '4 — manager');
    await waitFor(
      (m) => m.messageId === form.messageId && m.message.text.includes('Which department'),
    );
    await client.sendMessage(client.makeMessage('Logistics'));
    const learn = await waitFor((m) =>
      m.message.text.includes('Which topics would you like to learn?'),
    );
    await press(learn, 'Green economy');
    await waitFor(
      (m) =>
        m.messageId === learn.messageId &&
        JSON.stringify(m.message.reply_markup).includes('✅ Green economy'),
    );
    await press(learn, 'Done');
    await waitFor((m) => m.messageId === learn.messageId && m.message.text.includes('interests'));
    await press(learn, 'Skip');
    await waitFor((m) => m.messageId === learn.messageId && m.message.text.includes('formats'));
    await press(learn, 'Group');
    await press(learn, 'Done');
    await waitFor((m) => m.messageId === learn.messageId && m.message.text.includes('time zone'));
    await press(learn, 'Europe/Moscow');
    await waitFor(
      (m) => m.messageId === learn.messageId && m.message.text.includes('When do you usually work'),
    );
    await press(learn, 'Mon–Fri, 09:00–18:00');
    await waitFor(
      (m) => m.messageId === learn.messageId && m.message.text.includes('Which language'),
    );
    await press(learn, 'English');
    await waitFor(
      (m) => m.messageId === learn.messageId && m.message.text.includes('Do you agree'),
    );
    await press(learn, 'I agree');
    const guide = await waitFor((m) => m.message.text.includes('Preparation guide'));
    await press(guide, "I've read it");
    await waitFor((m) => m.message.text.includes('You are ready'));

    // The workspace is the bot's own id, as the local server's getMe reports it.
    const me = (await (await fetch(`${server.config.apiURL}/bot${TOKEN}/getMe`)).json()) as {
      result: { id: number };
    };
    const user = await findUser(app.database.db, {
      platform: 'telegram',
      workspace: String(me.result.id),
      id: '777',
    });
    const profile = user && (await getProfile(app.database.db, user.id));
    expect(profile?.profile).toMatchObject({
      role: 'mentee',
      grade: 4,
      department: 'Logistics',
      formats: ['group'],
    });
    expect(profile?.profile.preparedAt).not.toBeNull();
    expect(profile?.learn).toEqual(['green_economy']);
  });
});
