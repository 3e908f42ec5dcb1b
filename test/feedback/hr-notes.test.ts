import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, startConsoleChat } from '../helpers/console-chat';
import { ratedPair } from '../helpers/participants';

let app: TestApp;
let chat: ConsoleChat;
afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

let people = 0;

/** Someone in a pair rates a held session at `when`, with what they learned and a note for HR. */
async function rated(
  when: string,
  usefulness: number,
  words: { learned: string; note: string },
): Promise<void> {
  app.clock.set(when);
  people += 1;
  await ratedPair(app, people, { usefulness, learned: words.learned, noteForHr: words.note });
}

async function hrLooks(): Promise<string> {
  app.clock.set('2026-12-07T09:00:00Z'); // Monday: the week of 30 Nov has just closed
  chat = await startConsoleChat(app, { me: { id: 'hana', name: 'Hana Hr' } });
  return chat.type('/feedback 4');
}

describe('what HR reads of the free text', () => {
  it('withholds notes and "what I learned" from a week under K, like its ratings', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:hana' } });
    // Week of 23 Nov: three people answered — their words may be read.
    for (const [i, day] of ['2026-11-24', '2026-11-25', '2026-11-26'].entries()) {
      await rated(`${day}T10:00:00Z`, 4, { learned: `Shortcut ${i}`, note: `Going well ${i}` });
    }
    // Week of 30 Nov: two people — their words would point at one of two, so they stay out.
    await rated('2026-12-01T10:00:00Z', 2, { learned: 'Pivot tables', note: 'My partner is late' });
    await rated('2026-12-02T10:00:00Z', 5, { learned: 'Reels editing', note: 'Great pair' });

    const out = await hrLooks();
    expect(out).toContain('Usefulness: 4 / 5 (3 people)');
    for (const i of [0, 1, 2]) {
      expect(out).toContain(`• Shortcut ${i}`);
      expect(out).toContain(`• Going well ${i}`);
    }
    for (const hidden of ['Pivot tables', 'My partner is late', 'Reels editing', 'Great pair']) {
      expect(out).not.toContain(hidden);
    }
  });

  it('says how many answered in a week, never a total over weeks that is already K or more', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:hana' } });
    const words = { learned: 'x', note: 'y' };
    // Two people one week, two others the next: four people, but no week reaches three.
    await rated('2026-11-24T10:00:00Z', 4, words);
    await rated('2026-11-25T10:00:00Z', 3, words);
    await rated('2026-12-01T10:00:00Z', 5, words);
    await rated('2026-12-02T10:00:00Z', 2, words);
    const out = await hrLooks();
    expect(out).toContain('Usefulness: not enough answers to show (2 of at least 3).');
    expect(out).not.toContain('(4 of at least 3)');
  });
});
