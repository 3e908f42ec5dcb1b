import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/core/errors';
import type { FormView } from '../../../src/core/forms/view';
import type { Reply } from '../../../src/core/replies';
import { createTestApp, type TestApp } from '../../helpers/app';
import { participant } from '../../helpers/participants';
import type { ContractDriver, PlatformFailure } from './driver';

/** The readable text of everything shown since `from`, whitespace-insensitive. */
function flat(text: string): string {
  return text.replace(/\s+/g, '');
}

/** 64 bytes of callback data in two-byte letters: the most the port lets an action carry. */
const FULL_DATA = `x:${'я'.repeat(31)}`;

/** How each failure reads in a test's name. */
const FAILURE_NAMES: Record<PlatformFailure, string> = {
  rate_limited: 'a rate limit (with its retry-after)',
  transient: 'a server error',
  unreachable: 'an unreachable platform',
  permanent: 'a refused request',
  recipient_gone: 'a person who can no longer be reached',
};

const FORM: FormView = {
  data: 'form:goal:abc123',
  title: 'New goal',
  submitLabel: 'Save',
  cancelLabel: 'Cancel',
  fields: [
    { name: 'title', kind: 'text', label: 'Goal', optional: false, maxLength: 200 },
    {
      name: 'format',
      kind: 'single',
      label: 'Format',
      optional: false,
      options: [
        { label: 'One to one', value: 'one_to_one' },
        { label: 'Sprint', value: 'sprint' },
      ],
    },
    {
      name: 'topics',
      kind: 'multi',
      label: 'Topics',
      optional: true,
      options: [
        { label: 'AI tools', value: 'ai' },
        { label: 'Social media', value: 'social' },
        { label: 'Green economy', value: 'green' },
      ],
    },
    { name: 'hours', kind: 'number', label: 'Hours a week', optional: false, min: 1, max: 10 },
    { name: 'deadline', kind: 'date', label: 'Deadline', optional: true, picker: 'date' },
  ],
};

/**
 * The adapter contract: what the ChatAdapter port promises, checked through the platform's
 * own transport against its local fake. Every platform runs it; a member a platform lacks
 * (openForm, sendFile) or a thing it cannot do (refuse a delivery) is skipped, saying why.
 */
export function describeAdapterContract(
  name: string,
  start: (app?: TestApp) => Promise<ContractDriver>,
) {
  describe(`${name}: the adapter contract`, () => {
    let d: ContractDriver;
    beforeEach(async () => {
      d = await start();
    });
    afterEach(async () => {
      await d.stop();
    });

    const send = (reply: Reply, replaces?: string) =>
      d.adapter.send(d.dm, reply, { locale: 'en', ...(replaces ? { replaces } : {}) });

    describe('send', () => {
      it('shows a text reply with its title, paragraphs and small print', async () => {
        await send({
          kind: 'text',
          title: 'Your pair',
          text: 'You teach Maria.\n\nFirst meeting: Tuesday.',
          context: 'Week 49',
        });
        const shown = d.shown().at(-1);
        expect(shown?.text).toContain('Your pair');
        expect(shown?.text).toContain('You teach Maria.');
        expect(shown?.text).toContain('First meeting: Tuesday.');
        expect(shown?.text).toContain('Week 49');
      });

      it("shows people's text as typed: markup and mentions stay inert", async () => {
        const typed = '<b>not bold</b> & <!channel> <@U2> *stars*';
        await send({ kind: 'text', text: typed });
        expect(d.shown().at(-1)?.text).toContain(typed);
      });
    });

    describe('buttons', () => {
      it("a press comes back as an action with the button's data, from the person, in the DM", async () => {
        await send({
          kind: 'text',
          text: 'Maria proposes a pair.',
          buttons: [
            { label: 'Accept', data: 'pair:accept:42', style: 'primary' },
            { label: 'Decline', data: 'pair:decline:42', style: 'danger' },
            { label: 'Guide', url: 'https://example.com/guide' },
          ],
        });
        const shown = d.shown().at(-1);
        expect(shown?.buttons.map((b) => b.label)).toEqual(
          expect.arrayContaining(['Accept', 'Decline']),
        );
        expect(JSON.stringify(shown)).toContain('https://example.com/guide');
        await d.press('Decline');
        const action = d.sink.last('action');
        expect(action.data).toBe('pair:decline:42');
        expect(action.user.ref).toEqual(d.dm.kind === 'user' ? d.dm.user : undefined);
        expect(action.conversation.kind).toBe('dm');
        expect(d.sink.of('action')).toHaveLength(1);
      });

      it('data of the full 64 bytes (in two-byte letters) comes back byte for byte', async () => {
        await send({ kind: 'text', text: 'Pick', buttons: [{ label: 'Full', data: FULL_DATA }] });
        await d.press('Full');
        expect(Buffer.byteLength(FULL_DATA)).toBe(64);
        expect(d.sink.last('action').data).toBe(FULL_DATA);
        expect(d.overLimits()).toEqual([]);
      });

      it("a choice's option press carries that option's data", async () => {
        await send({
          kind: 'choice',
          mode: 'single',
          text: 'Your role?',
          options: [
            { label: 'Mentor', value: 'mentor', data: 'f:role:mentor' },
            { label: 'Mentee', value: 'mentee', data: 'f:role:mentee' },
            { label: 'Both', value: 'both', data: 'f:role:both' },
          ],
        });
        await d.press('Mentee');
        expect(d.sink.last('action').data).toBe('f:role:mentee');
      });
    });

    describe('edit', () => {
      it('a reply with `replaces` edits the pressed message in place, or is posted anew where the platform cannot edit', async () => {
        await send({
          kind: 'text',
          text: 'Did the meeting happen?',
          buttons: [{ label: 'Yes', data: 'met:yes:7' }],
        });
        await d.press('Yes');
        const pressed = d.sink.last('action');
        const before = d.shown();
        await send({ kind: 'text', text: 'Thanks, noted.' }, pressed.messageRef);
        const after = d.shown();
        expect(after.at(-1)?.text).toContain('Thanks, noted.');
        if (d.editsInPlace) {
          expect(pressed.messageRef).toBeDefined();
          expect(after.at(-1)).toMatchObject({ edit: true, ref: before.at(-1)?.ref });
          expect(after.filter((m) => !m.edit)).toHaveLength(before.filter((m) => !m.edit).length);
        } else {
          expect(after).toHaveLength(before.length + 1);
        }
      });

      it('where the platform refuses the edit (too old, deleted), the reply is posted anew', async (ctx) => {
        if (!d.refuseNextEdit) return ctx.skip(`${name} never refuses an edit: it does not edit`);
        await send({
          kind: 'text',
          text: 'Old question',
          buttons: [{ label: 'Yes', data: 'q:yes' }],
        });
        await d.press('Yes');
        d.refuseNextEdit();
        const posted = d.shown().filter((m) => !m.edit).length;
        await send({ kind: 'text', text: 'Answer' }, d.sink.last('action').messageRef);
        expect(d.shown().at(-1)).toMatchObject({ edit: false });
        expect(d.shown().at(-1)?.text).toContain('Answer');
        expect(d.shown().filter((m) => !m.edit)).toHaveLength(posted + 1);
      });
    });

    describe('files', () => {
      it('a file arrives with its name, its bytes and its caption', async (ctx) => {
        if (!d.adapter.sendFile) return ctx.skip(`${name} has no sendFile`);
        const csv = 'name;город\nAnna;Москва\n';
        await d.adapter.sendFile(
          d.dm,
          {
            filename: 'tandem-export.csv',
            mimeType: 'text/csv',
            contentBase64: Buffer.from(csv).toString('base64'),
            caption: 'Your export',
          },
          { locale: 'en' },
        );
        const files = await d.files();
        expect(files).toHaveLength(1);
        expect(files[0]?.name).toContain('tandem-export.csv');
        expect(files[0]?.content.toString('utf8')).toBe(csv);
        expect(files[0]?.caption ?? d.shown().at(-1)?.text).toContain('Your export');
      });
    });

    describe('forms', () => {
      it('a native form opens on the trigger and submits its values; inline errors ride in the answer', async (ctx) => {
        if (!d.adapter.openForm || !d.submitForm)
          return ctx.skip(`${name} has no openForm: its forms are asked step by step`);
        await d.command('goal', 'new');
        const trigger = d.sink.last('command').trigger;
        expect(trigger).toBeDefined();
        await d.adapter.openForm(trigger ?? '', FORM);

        d.sink.answer = { form: { ok: false, errors: { hours: 'From 1 to 10' } } };
        const refused = await d.submitForm({
          title: 'Learn prompts',
          format: 'sprint',
          hours: '40',
        });
        expect(refused.errors).toEqual({ hours: 'From 1 to 10' });

        d.sink.answer = { form: { ok: true } };
        const saved = await d.submitForm({
          title: 'Learn prompts',
          format: 'sprint',
          topics: ['ai', 'green'],
          hours: '4',
          deadline: '2027-01-15',
        });
        expect(saved.errors).toBeUndefined();
        const submit = d.sink.last('form_submit');
        expect(submit.data).toBe(FORM.data);
        expect(submit.values).toMatchObject({
          title: 'Learn prompts',
          format: 'sprint',
          topics: ['ai', 'green'],
          hours: '4',
          deadline: '2027-01-15',
        });
        expect(d.sink.of('form_submit')).toHaveLength(2);
      });

      it('closing a native form says so, with its token', async (ctx) => {
        if (!d.adapter.openForm || !d.closeForm)
          return ctx.skip(
            `${name} has no openForm: a step-by-step form ends with its Cancel button`,
          );
        await d.command('goal', 'new');
        await d.adapter.openForm(d.sink.last('command').trigger ?? '', FORM);
        await d.closeForm();
        expect(d.sink.last('form_closed').data).toBe(FORM.data);
      });

      it('a form asked step by step: an option pressed, the next question in its place, a typed answer', async () => {
        await send({
          kind: 'choice',
          mode: 'single',
          title: 'Step 1 of 2',
          text: 'Your role?',
          series: 'form:join',
          awaitsAnswer: true,
          options: [
            { label: 'Mentor', value: 'mentor', data: 'form:join:role:mentor' },
            { label: 'Mentee', value: 'mentee', data: 'form:join:role:mentee' },
          ],
          buttons: [{ label: 'Cancel', data: 'form:join:cancel' }],
        });
        await d.press('Mentor');
        const answer = d.sink.last('action');
        expect(answer.data).toBe('form:join:role:mentor');
        await send(
          {
            kind: 'text',
            title: 'Step 2 of 2',
            text: 'Your department?',
            series: 'form:join',
            awaitsAnswer: true,
          },
          answer.messageRef,
        );
        expect(d.shown().at(-1)?.text).toContain('Your department?');
        await d.say('Marketing');
        expect(d.sink.last('text').text).toBe('Marketing');
      });
    });

    describe('limits', () => {
      it('a text over the platform limit is split, never rejected, and nothing is lost', async () => {
        const max = d.limits.text ?? 4096;
        const words = Array.from({ length: Math.ceil((max * 3) / 8) }, (_, i) =>
          `w${i}`.padEnd(7, 'x'),
        );
        const paragraphs: string[] = [];
        for (let i = 0; i < words.length; i += 40)
          paragraphs.push(words.slice(i, i + 40).join(' '));
        const long = `${paragraphs.join('\n\n')} ${'z'.repeat(max + 10)}`;
        expect(long.length).toBeGreaterThan(max * 3);
        const from = d.shown().length;
        await send({
          kind: 'text',
          title: 'Report',
          text: long,
          buttons: [{ label: 'More', data: 'r:more' }],
        });
        const pieces = d.shown().slice(from);
        // Every character arrives, in order, nothing cut or inserted (the console frames the
        // title: `── Report ──`).
        const joined = flat(pieces.map((m) => m.text).join(''));
        expect(joined).toContain('Report');
        expect(joined).toContain(flat(long));
        expect(d.overLimits()).toEqual([]);
        // The buttons still come, once.
        expect(pieces.flatMap((m) => m.buttons).filter((b) => b.label === 'More')).toHaveLength(1);
      });

      it('many buttons all show and each still presses; long labels and titles are trimmed, not refused', async () => {
        const buttons = Array.from({ length: 30 }, (_, i) => ({
          label: `Slot ${i + 1}`,
          data: `slot:${i + 1}`,
        }));
        await send({
          kind: 'text',
          title: 'T'.repeat(300),
          text: 'Pick a slot',
          buttons: [...buttons, { label: 'L'.repeat(200), data: 'long' }],
        });
        const shown = d.shown().flatMap((m) => m.buttons.map((b) => b.label));
        for (const b of buttons) expect(shown).toContain(b.label);
        expect(d.overLimits()).toEqual([]);
        await d.press('Slot 30');
        expect(d.sink.last('action').data).toBe('slot:30');
      });

      it('action data over the platform limit is refused as permanent before anything is sent', async (ctx) => {
        const max = d.limits.actionDataBytes;
        if (max === undefined) return ctx.skip(`${name} carries any action data`);
        const before = d.shown().length;
        const error = await send({
          kind: 'text',
          text: 'Pick',
          buttons: [{ label: 'Too long', data: `x:${'я'.repeat(32)}` }],
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DeliveryError);
        expect(error).toMatchObject({ code: 'delivery_permanent' });
        expect(d.shown()).toHaveLength(before);
      });
    });

    describe('errors', () => {
      const cases: [PlatformFailure, string][] = [
        ['rate_limited', 'delivery_rate_limited'],
        ['transient', 'delivery_transient'],
        ['unreachable', 'delivery_transient'],
        ['permanent', 'delivery_permanent'],
        ['recipient_gone', 'delivery_recipient_gone'],
      ];
      for (const [failure, code] of cases) {
        it(`${FAILURE_NAMES[failure]} surfaces as a DeliveryError ${code}`, async (ctx) => {
          if (!d.failNextSend)
            return ctx.skip(`${name} writes locally: no platform refuses a delivery`);
          d.failNextSend(failure, 7);
          const error = await send({ kind: 'text', text: 'Reminder' }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(DeliveryError);
          expect(error).toMatchObject({ code });
          if (failure === 'rate_limited') expect((error as DeliveryError).retryAfterMs).toBe(7000);
          // The outbox's log names the call: a method and the platform's own code, never text.
          expect((error as DeliveryError).details?.method).toBeDefined();
        });
      }
    });

    describe('errors on files', () => {
      const cases: [Exclude<PlatformFailure, 'recipient_gone'>, string][] = [
        ['rate_limited', 'delivery_rate_limited'],
        ['transient', 'delivery_transient'],
        ['unreachable', 'delivery_transient'],
        ['permanent', 'delivery_permanent'],
      ];
      for (const [failure, code] of cases) {
        it(`a file met by ${FAILURE_NAMES[failure]} surfaces as a DeliveryError ${code}`, async (ctx) => {
          if (!d.adapter.sendFile || !d.failNextFile)
            return ctx.skip(`${name} writes files locally: no platform refuses one`);
          d.failNextFile(failure, 7);
          const error = await d.adapter
            .sendFile(d.dm, {
              filename: 'tandem-export.csv',
              mimeType: 'text/csv',
              contentBase64: Buffer.from('a;b\n').toString('base64'),
            })
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(DeliveryError);
          expect(error).toMatchObject({ code });
          if (failure === 'rate_limited') expect((error as DeliveryError).retryAfterMs).toBe(7000);
          expect((error as DeliveryError).details?.method).toBeDefined();
        });
      }
    });

    describe('inbound', () => {
      it('a command reaches the sink once, from the person, in the DM', async () => {
        await d.command('join', 'now');
        const commands = d.sink.of('command');
        expect(commands).toHaveLength(1);
        expect(commands[0]).toMatchObject({
          name: 'join',
          args: 'now',
          user: { ref: d.dm.kind === 'user' ? d.dm.user : {} },
          conversation: { kind: 'dm' },
        });
      });

      it('a typed line reaches the sink once, as text', async () => {
        await d.say('hello there');
        const texts = d.sink.of('text');
        expect(texts).toHaveLength(1);
        expect(texts[0]?.text).toBe('hello there');
        expect(d.sink.handed.filter((e) => e.type === 'text')).toHaveLength(1);
      });

      it('a duplicate delivery is accepted once: both carry the same event id', async (ctx) => {
        if (!d.redeliver) return ctx.skip(`${name} never delivers a line twice`);
        await d.redeliver('only once');
        const handed = d.sink.handed.filter((e) => e.type === 'text');
        expect(new Set(handed.map((e) => e.id)).size).toBe(1);
        expect(d.sink.of('text')).toHaveLength(1);
      });
    });
  });

  describe(`${name}: a form end to end, with the engine`, () => {
    let app: TestApp;
    let d: ContractDriver;
    beforeEach(async () => {
      app = createTestApp();
      d = await start(app);
      if (d.dm.kind === 'user')
        await participant(app, d.dm.user, 'Anna Petrova', { role: 'mentee', grade: 1 });
    });
    afterEach(async () => {
      await d.stop();
      app.close();
      app.dispose();
    });

    const IDEA = {
      title: 'Prompt library',
      hypothesis: 'A shared prompt library saves the team time',
      test: 'Five people use it for one week',
      measure: 'Hours saved per week, target 2',
    };

    it('/idea is filled in — a wrong answer refused with its reason, then corrected — and saved', async () => {
      await d.command('idea', '');
      if (d.adapter.openForm && d.submitForm) {
        const refused = await d.submitForm({ ...IDEA, measure: 'it gets better' });
        expect(Object.keys(refused.errors ?? {})).toEqual(['measure']);
        expect(await d.submitForm(IDEA)).toEqual({});
      } else {
        await d.say(IDEA.title);
        await d.say(IDEA.hypothesis);
        await d.say(IDEA.test);
        const asked = d.shown().length;
        await d.say('it gets better');
        // Refused with a reason, the same question asked again.
        expect(d.shown().length).toBeGreaterThan(asked);
        expect(d.shown().at(-1)?.text).toContain('step 4 of 4');
        expect(d.shown().at(-1)?.text).toContain('countable');
        await d.say(IDEA.measure);
      }
      await app.settle();
      expect(d.shown().at(-1)?.text).toContain('Idea saved.');
      expect(d.overLimits()).toEqual([]);
    });
  });
}
