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

const rows = (sql: string) => app.database.sqlite.prepare(sql).all() as Record<string, unknown>[];

/** Mira mentors up to two people; Oleg and Pia both want what she teaches. */
async function twoProposalsForMira() {
  app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
  participant(app, consoleRef('mira'), 'Mira Mentor', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
    capacity: 2,
  });
  for (const [id, name] of [
    ['oleg', 'Oleg Osipov'],
    ['pia', 'Pia Park'],
  ] as const)
    participant(app, consoleRef(id), name, { role: 'mentee', grade: 5, learn: ['ai'] });
  chat = await startConsoleChat(app, {
    people: [
      { id: 'mira', name: 'Mira Mentor' },
      { id: 'oleg', name: 'Oleg Osipov' },
      { id: 'pia', name: 'Pia Park' },
    ],
  });
  expect(await chat.type('/match publish')).toContain('Sent 2 proposals');
}

const answerOf = (mentee: string) =>
  rows(
    `select p.mentor_answer from proposals p join users u on u.id = p.mentee_user_id where u.platform_user_id = '${mentee}'`,
  )[0]?.mentor_answer;

describe('console numbers', () => {
  it('numbers the buttons of every message on the page apart, so 1 presses the first proposal', async () => {
    await twoProposalsForMira();
    const shown = await chat.type('/as mira');
    // Both proposals come again on arrival, numbered one after the other.
    const first = shown.indexOf('You could mentor Oleg Osipov');
    const second = shown.indexOf('You could mentor Pia Park');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(shown.slice(first, second)).toContain('[1] Accept   [2] Decline');
    expect(shown.slice(second)).toContain('[3] Accept   [4] Decline');

    expect(await chat.type('1')).toContain('as soon as Oleg Osipov answers');
    expect(answerOf('oleg')).toBe('accepted');
    expect(answerOf('pia')).toBe('pending');
    // The second proposal keeps its own numbers after the first was answered.
    expect(await chat.type('4')).toContain("we won't propose this pair again");
    expect(answerOf('pia')).toBe('declined');
    expect(answerOf('oleg')).toBe('accepted');
  });

  it('starts a new page from 1 once the person has typed and new buttons come', async () => {
    await twoProposalsForMira();
    await chat.type('/as mira');
    const help = await chat.type('/help');
    expect(help).toContain('[1] Preparation guide');
    // "1" now means the newest page's button, not a proposal further up.
    await chat.type('1');
    expect(answerOf('oleg')).toBe('pending');
    expect(answerOf('pia')).toBe('pending');
  });
});
