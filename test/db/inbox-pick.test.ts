import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { finishInbox, INTERACTIVE_LOOK, insertInbox, nextInbox } from '../../src/db/queries/inbox';

const NOW = new Date('2026-12-01T09:00:00Z');

/** Which event the worker takes next, on the real schema. */
describe('the inbox pick', () => {
  const setup = () => {
    const { db } = openDatabase(':memory:');
    let n = 0;
    const add = async (conversation: string, lane: 0 | 1) =>
      (await insertInbox(
        db,
        { key: `k${++n}`, lane, conversation, person: conversation, payload: '{}' },
        NOW,
      )) ?? 0;
    return { db, add };
  };

  it('a button waits behind its own conversation’s command, then goes before the rest', async () => {
    const { db, add } = setup();
    // Many people each pressed a button right after a command: every button waits behind
    // its own command, more of them than a pick looks at one by one.
    const commands: number[] = [];
    for (let k = 0; k < INTERACTIVE_LOOK + 8; k++) {
      commands.push(await add(`c${k}`, 1));
      await add(`c${k}`, 0);
    }
    // Oldest command first (its button waits behind it).
    expect((await nextInbox(db, NOW))?.id).toBe(commands[0]);
    // With every command done, the buttons run, oldest first.
    for (const id of commands) await finishInbox(db, id, NOW);
    const first = await nextInbox(db, NOW);
    expect(first?.lane).toBe(0);
    expect(first?.conversation).toBe('c0');
  });

  it('finds a runnable button past the first few looked at one by one: nothing runnable waits', async () => {
    const { db, add } = setup();
    // More people than a pick looks at one by one: each one's command is running (claimed,
    // held until later) and their button waits behind it.
    for (let k = 0; k < INTERACTIVE_LOOK + 8; k++) {
      const command = await add(`busy${k}`, 1);
      db.$client
        .prepare('update inbox set next_at = ? where id = ?')
        .run(NOW.getTime() + 60_000, command);
      await add(`busy${k}`, 0);
    }
    // Someone else's button, newer than all of them, is the only thing that can run.
    const quiet = await add('quiet', 0);
    expect((await nextInbox(db, NOW))?.id).toBe(quiet);
  });

  it('never takes an event while an older one of its conversation waits (backing off or running)', async () => {
    const { db, add } = setup();
    const older = await add('c', 1);
    await add('c', 0);
    // The older one is claimed (its next try held in the future): the button must wait.
    db.$client
      .prepare('update inbox set next_at = ? where id = ?')
      .run(NOW.getTime() + 60_000, older);
    expect(await nextInbox(db, NOW)).toBeUndefined();
  });
});
