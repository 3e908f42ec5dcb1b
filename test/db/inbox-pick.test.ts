import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { finishInbox, INTERACTIVE_LOOK, insertInbox, nextInbox } from '../../src/db/queries/inbox';

const NOW = new Date('2026-12-01T09:00:00Z');

/** Which event the worker takes next, on the real schema. */
describe('the inbox pick', () => {
  const setup = () => {
    const { db } = openDatabase(':memory:');
    let n = 0;
    const add = (conversation: string, lane: 0 | 1) =>
      insertInbox(
        db,
        { key: `k${++n}`, lane, conversation, person: conversation, payload: '{}' },
        NOW,
      ) ?? 0;
    return { db, add };
  };

  it('a button waits behind its own conversation’s command, then goes before the rest', () => {
    const { db, add } = setup();
    // Many people each pressed a button right after a command: every button waits behind
    // its own command, more of them than a pick looks at one by one.
    const commands: number[] = [];
    for (let k = 0; k < INTERACTIVE_LOOK + 8; k++) {
      commands.push(add(`c${k}`, 1));
      add(`c${k}`, 0);
    }
    // Oldest command first (its button waits behind it).
    expect(nextInbox(db, NOW)?.id).toBe(commands[0]);
    // With every command done, the buttons run, oldest first.
    for (const id of commands) finishInbox(db, id, NOW);
    const first = nextInbox(db, NOW);
    expect(first?.lane).toBe(0);
    expect(first?.conversation).toBe('c0');
  });

  it('finds a runnable button past the first few looked at one by one: nothing runnable waits', () => {
    const { db, add } = setup();
    // More people than a pick looks at one by one: each one's command is running (claimed,
    // held until later) and their button waits behind it.
    for (let k = 0; k < INTERACTIVE_LOOK + 8; k++) {
      const command = add(`busy${k}`, 1);
      db.$client
        .prepare('update inbox set next_at = ? where id = ?')
        .run(NOW.getTime() + 60_000, command);
      add(`busy${k}`, 0);
    }
    // Someone else's button, newer than all of them, is the only thing that can run.
    const quiet = add('quiet', 0);
    expect(nextInbox(db, NOW)?.id).toBe(quiet);
  });

  it('never takes an event while an older one of its conversation waits (backing off or running)', () => {
    const { db, add } = setup();
    const older = add('c', 1);
    add('c', 0);
    // The older one is claimed (its next try held in the future): the button must wait.
    db.$client
      .prepare('update inbox set next_at = ? where id = ?')
      .run(NOW.getTime() + 60_000, older);
    expect(nextInbox(db, NOW)).toBeUndefined();
  });
});
