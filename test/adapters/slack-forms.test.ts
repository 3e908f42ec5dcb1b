import { DateTime } from 'luxon';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/core/actions';
import { rawRows } from '../../src/db/sqlite';
import { forms } from '../../src/features/forms';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';
import { meetingJustEnded } from '../helpers/held';
import { activePair } from '../helpers/participants';
import { buttonValue, type SlackHarness, startSlack } from '../helpers/slack';
import { createFromTemplate, dropDatabases, TEST_PG } from '../pg/template';

type FormId = ReturnType<typeof forms.ids>[number];

interface ModalElement {
  type: string;
  options?: { value: string }[];
  initial_option?: { value: string };
  initial_options?: { value: string }[];
  initial_time?: string;
  min_value?: string;
}
interface ModalButton {
  text?: { text: string };
  value?: string;
}
interface Modal {
  private_metadata: string;
  blocks: { block_id: string; element: ModalElement }[];
}

interface World {
  app: TestApp;
  s: SlackHarness;
  /** Presses the newest button with this label in this person's DM (posted or edited). */
  press(user: string, label: string): Promise<void>;
  /** Fills the newest modal the way a person would and submits it. */
  submitModal(user: string, overrides?: Record<string, string>): Promise<Submitted>;
  /** Moves the clock and runs what fell due (reminders, checks). */
  tick(to: Date): Promise<void>;
}

interface Submitted {
  status: number;
  text: string;
  fields: string[];
}

interface Opener {
  /** Who fills this form in. */
  user: string;
  /** Gets the form's modal opened through Slack: commands and button presses. */
  open(w: World): Promise<void>;
  /** Answers this form needs beyond the generic ones (by field name; a text or a choice). */
  values?: Record<string, string>;
}

/** A text that passes every generic text rule: one line, 30+ characters, countable. */
const TEXT = 'Draft 3 weekly reports with an AI assistant and save 2 hours';

/** Pat (mentor) and Sam (mentee) are an active pair; Olga is HR; Nia has not joined. */
const OPENERS = {
  profile: {
    user: 'U3',
    open: (w) => w.s.command('join', { user: 'U3' }).then(() => undefined),
    values: { interests: 'chess, hiking' },
  },
  meeting: {
    user: 'U1',
    open: async (w) => {
      await w.s.command('sprint');
      await w.s.press(buttonValue(w.s, 'Other time'));
    },
  },
  goal: {
    user: 'U1',
    open: (w) => w.s.command('goal').then(() => undefined),
  },
  'feedback-notes': {
    user: 'U1',
    async open(w) {
      await w.s.command('help'); // the DM is open
      await meetingJustEnded(w.app);
      await w.s.settle();
      await w.press('U1', 'Yes');
      await w.press('U1', '4');
      await w.press('U1', 'Add a note');
    },
  },
  'final-survey': {
    user: 'U1',
    async open(w) {
      await w.s.command('admin survey', { user: 'UHR' });
      await w.press('UHR', 'Send to');
      await w.press('U1', 'Take the survey');
    },
  },
  idea: { user: 'U1', open: (w) => w.s.command('idea').then(() => undefined) },
  'idea-sponsor': {
    user: 'U2',
    async open(w) {
      await proposeIdea(w);
      await w.press('U2', 'Sponsor a pilot');
    },
  },
  'idea-park': {
    user: 'U2',
    async open(w) {
      await proposeIdea(w);
      await w.press('U2', 'Park it');
    },
  },
  'idea-outcome': {
    user: 'U1',
    async open(w) {
      await proposeIdea(w);
      await w.press('U2', 'Sponsor a pilot');
      await expectDone(w.submitModal('U2'));
      await w.tick(DateTime.fromJSDate(w.app.clock.now()).plus({ days: 15 }).toJSDate());
      await w.press('U1', 'It worked');
    },
  },
  story: { user: 'U1', open: (w) => w.s.command('story').then(() => undefined) },
  'story-edit': {
    user: 'UHR',
    async open(w) {
      await tellStory(w);
      await w.press('UHR', 'Edit');
    },
  },
  'story-reject': {
    user: 'UHR',
    async open(w) {
      await tellStory(w);
      await w.press('UHR', 'Reject');
    },
  },
} satisfies Record<FormId, Opener>;

async function proposeIdea(w: World): Promise<void> {
  await w.s.command('idea');
  await expectDone(w.submitModal('U1'));
}

async function tellStory(w: World): Promise<void> {
  await w.s.command('help', { user: 'UHR' }); // Olga has written once: Tandem knows her
  await w.s.command('story');
  await expectDone(w.submitModal('U1', { consent: 'yes' }));
}

async function expectDone(submitted: Promise<Submitted>): Promise<void> {
  const { status, text } = await submitted;
  expect({ status, text }).toEqual({ status: 200, text: '' });
}

/** A valid state for one modal element: its preselected choice, or a sensible first answer. */
function elementState(element: ModalElement, override: string | undefined, day: string) {
  const first = element.options?.[0]?.value ?? '';
  switch (element.type) {
    case 'radio_buttons':
    case 'static_select':
      return {
        type: element.type,
        selected_option: { value: override ?? element.initial_option?.value ?? first },
      };
    case 'checkboxes':
    case 'multi_static_select': {
      const chosen = override
        ? [override]
        : (element.initial_options?.map((o) => o.value) ?? [first]);
      return { type: element.type, selected_options: chosen.map((value) => ({ value })) };
    }
    case 'datepicker':
      return { type: element.type, selected_date: override ?? day };
    case 'timepicker':
      return { type: element.type, selected_time: override ?? element.initial_time ?? '15:00' };
    case 'number_input':
      return { type: element.type, value: override ?? element.min_value ?? '1' };
    default:
      return { type: element.type, value: override ?? TEXT };
  }
}

let app: TestApp | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  app?.close();
  app?.dispose();
  app = undefined;
});

/** On PostgreSQL, the databases this file's worlds made (dropped at the end). */
const extraDatabases: string[] = [];
afterAll(() => dropDatabases(extraDatabases.splice(0)));

async function world(): Promise<World> {
  // Each world starts empty, as on SQLite (a temp folder each): on PostgreSQL, a new database
  // from the template each (a test builds several).
  let pgUrl: string | undefined;
  if (TEST_PG) {
    const made = await createFromTemplate(process.env.TANDEM_TEST_PG_TEMPLATE ?? '');
    extraDatabases.push(made.name);
    pgUrl = made.url;
  }
  app = createTestApp({ env: { ADMIN_IDS: 'slack:UHR' }, ...(pgUrl ? { pgUrl } : {}) });
  app.clock.set('2026-12-01T09:00:00Z');
  const a = app;
  const s = await startSlack(a);
  slack = s;
  s.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
  s.fake.users.set('U2', { name: 'Sam Roe', tz: 'Europe/Berlin', locale: 'en-US' });
  s.fake.users.set('U3', { name: 'Nia Park', tz: 'Europe/Berlin', locale: 'en-US' });
  s.fake.users.set('UHR', { name: 'Olga Kotova', tz: 'Europe/Berlin', locale: 'en-US' });
  const ref = (id: string) => ({ platform: 'slack' as const, workspace: 'T1', id });
  await activePair(a, { ref: ref('U1'), name: 'Pat Lee' }, { ref: ref('U2'), name: 'Sam Roe' });
  return {
    app: a,
    s,
    async press(user, label) {
      // The newest message in the person's DM with that button, whether posted or edited.
      const calls = [...s.fake.callsTo('chat.postMessage'), ...s.fake.callsTo('chat.update')]
        .filter((c) => c.args.channel === `D${user}`)
        .sort((x, y) => y.at - x.at);
      for (const call of calls) {
        for (const block of (call.args.blocks ?? []) as { elements?: ModalButton[] }[]) {
          const found = block.elements?.find((e) => e.text?.text.startsWith(label));
          if (found?.value) {
            expect(await s.press(found.value, { user })).toBe(200);
            return;
          }
        }
      }
      throw new Error(`no button "${label}" for ${user}`);
    },
    async submitModal(user, overrides = {}) {
      const open = s.fake.callsTo('views.open').at(-1);
      const view = open?.args.view as Modal | undefined;
      if (!view) throw new Error('no modal was opened');
      const zone = 'Europe/Berlin';
      const day = DateTime.fromJSDate(a.clock.now(), { zone }).plus({ days: 14 }).toISODate();
      const values = Object.fromEntries(
        view.blocks.map((b) => [
          b.block_id,
          elementState(b.element, overrides[b.block_id], day ?? ''),
        ]),
      );
      const result = await s.submit(view.private_metadata, values, { user });
      return { ...result, fields: view.blocks.map((b) => b.block_id) };
    },
    async tick(to) {
      a.clock.set(to);
      await runDueTimers(
        { db: a.database.db, config: a.config, logger: silentLogger, adapters: a.adapters },
        a.clock.now(),
      );
      a.outbox.kick();
      await s.settle();
    },
  };
}

describe('Slack: every form can be submitted as a modal', () => {
  it('opens each registered form through Slack, fills every field the modal shows, and it completes', async () => {
    expect(Object.keys(OPENERS).sort()).toEqual([...forms.ids()].sort());
    const outcomes: Record<string, unknown> = {};
    for (const id of forms.ids()) {
      const opener: Opener = OPENERS[id];
      const w = await world();
      await opener.open(w);
      const opened = w.s.fake.callsTo('views.open').at(-1)?.args.view as Modal | undefined;
      const submitted = await w.submitModal(opener.user, opener.values);
      // The session the modal was opened for (its id is the metadata's last part).
      const sessionId = decodeAction(opened?.private_metadata)?.args.at(-1);
      const session = (
        await rawRows<Record<string, unknown>>(
          w.app.database.db,
          'select form_id as form, status from form_sessions where id = ?',
          sessionId,
        )
      )[0];
      outcomes[id] = {
        opened: opened?.private_metadata ? 'modal' : 'none',
        answer: submitted.text === '' ? 'closed' : JSON.parse(submitted.text),
        session,
      };
      await slack?.stop();
      slack = undefined;
      w.app.close();
      w.app.dispose();
      app = undefined;
    }
    expect(outcomes).toEqual(
      Object.fromEntries(
        forms
          .ids()
          .map((id) => [
            id,
            { opened: 'modal', answer: 'closed', session: { form: id, status: 'done' } },
          ]),
      ),
    );
  }, 180_000);
});

describe("Slack: the poll's note for HR", () => {
  it('is saved from the modal, anonymous by default and with the name when asked', async () => {
    const w = await world();
    await OPENERS['feedback-notes'].open(w);
    const view = w.s.fake.callsTo('views.open').at(-1)?.args.view as Modal;
    expect(view.blocks.map((b) => b.block_id)).toEqual(['learned', 'note', 'named']);
    expect(view.blocks.at(-1)?.element.initial_option?.value).toBe('no');
    await expectDone(
      w.submitModal('U1', { note: 'The room was too loud for a call', named: 'yes' }),
    );
    expect(w.s.fake.postedTexts().at(-1)).toContain('Saved, thank you.');
    expect(
      await rawRows<Record<string, unknown>>(
        w.app.database.db,
        'select note_for_hr as note, named from meeting_feedback',
      ),
    ).toEqual([{ note: 'The room was too loud for a call', named: 1 }]);
  });
});
