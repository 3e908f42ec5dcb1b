import { afterEach, describe, expect, it } from 'vitest';
import { consoleRef, type PairedConsole, pairedConsole } from '../helpers/pair';
import { participant } from '../helpers/participants';
import { rawRun } from '../helpers/raw';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

describe('the profile of someone in a pair', () => {
  it('says whom they are paired with, not "ready for matching"', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z');
    const mine = await p.chat.type('/profile');
    expect(mine).toContain('Status: in a pair with Tom Berg');
    expect(mine).not.toContain('ready for matching');
    await p.as('tom');
    expect(await p.chat.type('/profile')).toContain('Status: in a pair with Lena Orlova');
  });
});

describe('changing one’s role while in a pair', () => {
  it('keeps the pair and says so, instead of a profile that contradicts /pair', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z');
    await p.as('lena');
    await p.chat.type('/profile edit');
    // Learn instead of teach; the rest kept or typed.
    for (const answer of [
      '2',
      '1',
      '1',
      'AI and neural networks',
      'Cycling',
      'One-on-one',
      '1',
      '1',
    ])
      await p.chat.type(answer);
    const saved = await p.chat.type('1'); // language kept
    expect(saved).toContain('Role: Learn (mentee)');
    expect(saved).toContain(
      "Your pair with Tom Berg goes on: a new role doesn't end it, and applies from the next round.",
    );
    expect(await p.rows('select status from pairs')).toEqual([{ status: 'active' }]);
    // Level 1 as a mentee: nobody is junior enough to teach her, which she is told now.
    expect(saved).toContain("at level 1 there is none — so you won't be matched as a mentee");
    // Tom's role still fits his pair: nothing to say.
    await p.as('tom');
    await p.chat.type('/profile edit');
    for (const answer of ['2', '5', '1', '10', '1', '5', '1', '1']) await p.chat.type(answer);
    const his = await p.chat.type('1');
    expect(his).toContain('Your profile is updated.');
    expect(his).not.toContain('goes on');
    expect(his).not.toContain('level 1');
  });
});

describe('a group member who leaves', () => {
  it('tells the mentor the group goes on with the others, not that the pairing is closed', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z');
    const carl = await participant(p.app, consoleRef('carl'), 'Carl Weiss', {
      role: 'mentee',
      grade: 5,
      learn: ['ai'],
    });
    await rawRun(p.app.database.db, 'update pairs set "group" = true');
    await rawRun(
      p.app.database.db,
      'insert into pairs (mentor_user_id, mentee_user_id, "group", created_at) values (?, ?, true, ?)',
      p.lena,
      carl,
      p.app.clock.now().getTime(),
    );
    await p.as('tom');
    await p.chat.type('/leave');
    const left = await p.chat.type('1');
    expect(left).toContain(
      '→ to Lena Orlova · Tandem:\nTom Berg has left the program, and so your group. It goes on with Carl Weiss',
    );
    expect(left).not.toContain('your pairing is closed');
  });
});
