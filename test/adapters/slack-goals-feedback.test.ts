import { afterEach, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/sqlite';
import { createTestApp, type TestApp } from '../helpers/app';
import { meetingJustEnded } from '../helpers/held';
import { activePair } from '../helpers/participants';
import { buttonValue, type SlackHarness, startSlack } from '../helpers/slack';

let app: TestApp;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  app?.close();
  app?.dispose();
});

const U1 = { platform: 'slack' as const, workspace: 'T1', id: 'U1' };
interface ModalBlock {
  block_id: string;
  element: { type: string };
}

async function patAndSam() {
  app = createTestApp();
  app.clock.set('2026-12-01T09:00:00Z');
  const s = await startSlack(app);
  slack = s;
  s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
  s.fake.users.set('U2', { name: 'Sam Roe', tz: 'Europe/Berlin', locale: 'en-US' });
  await activePair(
    app,
    { ref: U1, name: 'Pat Lee' },
    { ref: { ...U1, id: 'U2' }, name: 'Sam Roe' },
  );
  return s;
}

describe('Slack: goals and the feedback poll end to end', () => {
  it('sets a goal in a modal (vague measure sent back inline) and the partner hears of it', async () => {
    const s = await patAndSam();
    await s.command('goal');
    const [open] = await s.fake.waitFor('views.open');
    const view = open?.args.view as { private_metadata: string; blocks: ModalBlock[] } | undefined;
    expect(view?.blocks.map((b) => `${b.block_id}:${b.element.type}`)).toEqual([
      'specific:plain_text_input',
      'measure:plain_text_input',
      'deadline:datepicker',
      'relevant:plain_text_input',
      'achievable:radio_buttons',
    ]);
    const values = (measure: string, deadline: string) => ({
      specific: { type: 'plain_text_input', value: 'Draft the weekly report with an AI assistant' },
      measure: { type: 'plain_text_input', value: measure },
      deadline: { type: 'datepicker', selected_date: deadline },
      relevant: { type: 'plain_text_input', value: 'Fridays are eaten by the report' },
      achievable: { type: 'radio_buttons', selected_option: { value: 'yes' } },
    });
    const vague = await s.submit(
      view?.private_metadata ?? '',
      values('get better at AI', '2027-01-15'),
    );
    expect(JSON.parse(vague.text).errors.measure).toContain('countable or checkable');
    const late = await s.submit(
      view?.private_metadata ?? '',
      values('3 reports drafted', '2026-11-01'),
    );
    expect(JSON.parse(late.text).errors.deadline).toContain('already passed');
    expect(
      (
        await rawRows<Record<string, unknown>>(app.database.db, 'select count(*) as n from goals')
      )[0],
    ).toEqual({ n: 0 });
    expect(
      await s.submit(view?.private_metadata ?? '', values('3 reports drafted', '2027-01-15')),
    ).toEqual({
      status: 200,
      text: '',
    });
    await s.settle();
    expect(s.fake.postedTexts().some((t) => t.includes('Pat Lee set a new goal'))).toBe(true);
    await s.command('goals');
    await s.press(buttonValue(s, '50%'));
    await s.settle();
    expect(s.fake.postedTexts().some((t) => t.includes('Pat Lee moved'))).toBe(true);
  });

  it('answers "did it happen?" with Yes, rates with one tap, and gets the fit question', async () => {
    const s = await patAndSam();
    await s.command('help'); // Pat has written once: the DM is open
    await meetingJustEnded(app);
    await s.settle();
    // Pat's own question, in Pat's DM (Sam got one too).
    await s.press(buttonValue(s, 'Yes', 'chat.postMessage', 'DU1'));
    await s.settle();
    // The poll replaces the question where Slack allows, else it is a new message.
    const edited = s.fake.callsTo('chat.update').length > 0;
    const rate = buttonValue(s, '4', edited ? 'chat.update' : 'chat.postMessage');
    await s.press(rate);
    await s.settle();
    const texts = [...s.fake.postedTexts(), ...s.fake.postedTexts('chat.update')];
    expect(texts.some((t) => t.includes('Thank you — saved: 4/5'))).toBe(true);
    expect(texts.some((t) => t.includes('how is the pairing with Sam Roe working?'))).toBe(true);
    expect(
      await rawRows<Record<string, unknown>>(
        app.database.db,
        'select usefulness from meeting_feedback',
      ),
    ).toEqual([{ usefulness: 4 }]);
  });
});
