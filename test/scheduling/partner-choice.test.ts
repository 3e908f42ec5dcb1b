import { afterEach, describe, expect, it } from 'vitest';
import { one } from '../../src/db/first';
import { pairs } from '../../src/db/schema';
import { bookByHand } from '../helpers/console-chat';
import { consoleRef, type PairedConsole, pairedConsole } from '../helpers/pair';
import { participant } from '../helpers/participants';

let paired: PairedConsole | undefined;
afterEach(async () => {
  await paired?.close();
  paired = undefined;
});

/**
 * The sprint form's "With whom?" is asked only with two partners or more, and lists them by
 * name: its condition, its choices and the check on submit all read the person's pairs from
 * the database, awaited inside the event's unit of work before the question is drawn.
 */
describe('booking with one of two partners', () => {
  it('asks with whom, lists both partners, and books with the one chosen', async () => {
    paired = await pairedConsole();
    const { app, chat, lena, rows } = paired;
    const ivan = await participant(app, consoleRef('ivan'), 'Ivan Petrov', {
      role: 'mentee',
      grade: 4,
      learn: ['ai'],
    });
    const ivanPair = (
      await one(
        app.database.db
          .insert(pairs)
          .values({ mentorUserId: lena, menteeUserId: ivan, createdAt: app.clock.now() })
          .returning(),
      )
    ).id;

    const asked = await bookByHand(chat, '/sprint');
    expect(asked).toContain('With whom?');
    expect(asked).toContain('Tom Berg');
    expect(asked).toContain('Ivan Petrov');

    expect(await chat.type('Ivan Petrov')).toContain('Which day?');
    await chat.type('2026-12-03');
    await chat.type('15:00');
    await chat.type('7'); // Keep “2 h”
    await chat.type('Prompting for the weekly report');
    await chat.type('1'); // Skip the link
    expect(await rows('select pair_id from meetings')).toEqual([{ pair_id: ivanPair }]);
  });

  it('with one partner, goes straight to the day', async () => {
    paired = await pairedConsole();
    const asked = await bookByHand(paired.chat, '/sprint');
    expect(asked).not.toContain('With whom?');
    expect(asked).toContain('Which day?');
  });
});
