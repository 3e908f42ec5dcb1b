import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, startConsoleChat } from '../helpers/console-chat';
import { consoleRef } from '../helpers/pair';
import { participant } from '../helpers/participants';

let app: TestApp;
let chat: ConsoleChat;
afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

/** Hana (HR via ADMIN_IDS) with a round ready to preview: Lena teaches AI, Tom wants it. */
async function hrWithARound(env: Record<string, string> = {}) {
  app = createTestApp({ env: { ADMIN_IDS: 'console:hana', ...env } });
  await participant(app, consoleRef('lena'), 'Lena Orlova', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
  await participant(app, consoleRef('tom'), 'Tom Berg', {
    role: 'mentee',
    grade: 5,
    learn: ['ai'],
  });
  chat = await startConsoleChat(app, { me: { id: 'hana', name: 'Hana Hr' } });
}

describe('HR views that name people stay out of shared channels', () => {
  it('moves the match preview (names, levels, reasons) and /report from a group chat to the DM', async () => {
    await hrWithARound();
    await chat.type('/in group');
    for (const command of ['/match preview', '/match', '/report']) {
      const out = await chat.type(command);
      const [inGroup = '', inDm = ''] = out.split('Tandem · DM:');
      expect(inGroup, command).toContain("let's continue in a direct message");
      expect(inGroup, command).not.toContain('Lena Orlova');
      expect(inGroup, command).not.toContain('Tom Berg');
      expect(inDm, command).toMatch(
        command === '/report' ? /── Reverse mentoring · / : /Lena Orlova/,
      );
    }
    await chat.type('/in dm');
    const preview = await chat.type('/match preview');
    expect(preview).toContain('Lena Orlova');
    expect(preview).toContain('Tom Berg');
  });

  it('shows the preview in the HR channel', async () => {
    await hrWithARound({ HR_CHANNEL: 'console:general' });
    await chat.type('/in group');
    expect(await chat.type('/match preview')).toContain('Lena Orlova');
  });
});
