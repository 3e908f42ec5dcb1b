import type { SlackCall, SlackFailure } from '../../fakes/slack-api';
import type { TestApp } from '../../helpers/app';
import { startSlack } from '../../helpers/slack';
import type { ContractDriver, PlatformFailure, ShownMessage } from './driver';
import { hostFor, RecordingSink } from './sink';

/** Slack's documented Block Kit and Web API limits, as the suite checks what Slack received. */
const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionElements: 25,
  messageText: 40_000,
};

interface Block {
  type: string;
  text?: { text?: string };
  elements?: { type?: string; text?: { text?: string } | string; value?: string; url?: string }[];
}

/** How Slack answers each kind of failure; `refusal` is the platform error of a bad request. */
function slackFailure(
  failure: Exclude<PlatformFailure, 'recipient_gone'>,
  retryAfterS: number,
  refusal: string,
): SlackFailure {
  if (failure === 'rate_limited') return { status: 429, retryAfter: retryAfterS };
  if (failure === 'transient') return { status: 503 };
  if (failure === 'unreachable') return { drop: true };
  return { error: refusal };
}

const USER = 'U1';
const DM = `D${USER}`;

/** The real Bolt receiver behind Tandem's HTTP server, signed requests, the fake Web API. */
export async function startSlackDriver(app?: TestApp): Promise<ContractDriver> {
  const sink = new RecordingSink(app?.engine);
  const s = await startSlack(hostFor(sink, app));
  const messages = (): SlackCall[] =>
    s.fake.calls.filter(
      (c) =>
        (c.method === 'chat.postMessage' || c.method === 'chat.update') && c.args.channel === DM,
    );
  const shown = (): ShownMessage[] =>
    messages().map((c) => {
      const blocks = (c.args.blocks ?? []) as Block[];
      const text: string[] = [];
      const buttons: ShownMessage['buttons'] = [];
      for (const block of blocks) {
        if (block.text?.text) text.push(block.text.text);
        for (const el of block.elements ?? []) {
          if (block.type === 'context' && typeof el.text === 'string') text.push(el.text);
          else if (block.type === 'context' && typeof el.text === 'object')
            text.push(el.text.text ?? '');
          else if (el.type === 'button' && typeof el.text === 'object')
            buttons.push({
              label: el.text.text ?? '',
              ...(el.value !== undefined ? { data: el.value } : {}),
              ...(el.url !== undefined ? { url: el.url } : {}),
            });
        }
      }
      const ts = c.method === 'chat.update' ? String(c.args.ts) : c.ts;
      return {
        text: text.join('\n'),
        buttons,
        ref: `${DM}:${ts}`,
        edit: c.method === 'chat.update',
      };
    });
  let seq = 0;
  return {
    adapter: s.adapter,
    sink,
    dm: { kind: 'user', user: { platform: 'slack', workspace: 'T1', id: USER } },
    editsInPlace: true,
    limits: { text: LIMITS.sectionText },
    shown,
    async files() {
      const names = s.fake
        .callsTo('files.getUploadURLExternal')
        .map((c) => String(c.args.filename));
      const done = s.fake.callsTo('files.completeUploadExternal');
      return names.map((name, i) => {
        const caption = done[i]?.args.initial_comment;
        return {
          name,
          content: Buffer.from(s.fake.uploads.get(`F${i + 1}`) ?? '', 'utf8'),
          ...(typeof caption === 'string' ? { caption } : {}),
        };
      });
    },
    overLimits() {
      const out: string[] = [];
      for (const c of messages()) {
        const blocks = (c.args.blocks ?? []) as Block[];
        if (blocks.length > LIMITS.blocksPerMessage) out.push(`${blocks.length} blocks`);
        if (String(c.args.text ?? '').length > LIMITS.messageText) out.push('message text');
        for (const b of blocks) {
          const len = [...(b.text?.text ?? '')].length;
          if (b.type === 'section' && len > LIMITS.sectionText) out.push(`section of ${len}`);
          if (b.type === 'header' && len > LIMITS.headerText) out.push(`header of ${len}`);
          if (b.type === 'actions' && (b.elements?.length ?? 0) > LIMITS.actionElements)
            out.push(`${b.elements?.length} action elements`);
          for (const el of b.elements ?? []) {
            const t = typeof el.text === 'object' ? (el.text.text ?? '') : (el.text ?? '');
            if (b.type === 'context' && [...t].length > LIMITS.contextText) out.push('context');
            if (el.type === 'button' && [...t].length > LIMITS.buttonText)
              out.push(`button text of ${[...t].length}`);
            if ((el.value?.length ?? 0) > LIMITS.buttonValue) out.push('button value');
          }
        }
      }
      return out;
    },
    async command(name, args) {
      await s.command(`${name} ${args}`.trim(), { user: USER });
    },
    async say(text) {
      await s.event({
        type: 'message',
        channel: DM,
        channel_type: 'im',
        user: USER,
        text,
        ts: `1700000100.${++seq}`,
      });
    },
    async press(label) {
      const message = shown().findLast((m) => m.buttons.some((b) => b.label === label && b.data));
      const button = message?.buttons.find((b) => b.label === label);
      if (!message?.ref || !button?.data) throw new Error(`no button "${label}"`);
      await s.press(button.data, { user: USER, channel: DM, ts: message.ref.split(':')[1] ?? '' });
    },
    async redeliver(text) {
      const event = {
        type: 'message',
        channel: DM,
        channel_type: 'im',
        user: USER,
        text,
        ts: '1700000200.1',
      };
      await s.event(event, { eventId: 'EvTwice' });
      // Slack's retry: the same event_id, with X-Slack-Retry-Num.
      await s.event(event, { eventId: 'EvTwice', retryNum: 1 });
    },
    async submitForm(values) {
      const open = s.fake.callsTo('views.open').at(-1);
      if (!open) throw new Error('no modal was opened');
      const view = open.args.view as {
        private_metadata: string;
        blocks: {
          type: string;
          block_id?: string;
          element?: { type: string; options?: { value: string }[] };
        }[];
      };
      const state: Record<string, unknown> = {};
      for (const block of view.blocks) {
        if (block.type !== 'input' || !block.block_id || !block.element) continue;
        const value = values[block.block_id];
        if (value === undefined) continue;
        const el = block.element;
        // Only a value the modal offers can be chosen in it.
        const offered = (v: string) => {
          if (!el.options?.some((o) => o.value === v))
            throw new Error(`"${v}" is not offered in ${block.block_id}`);
          return { value: v };
        };
        state[block.block_id] =
          el.type === 'static_select' || el.type === 'radio_buttons'
            ? { type: el.type, selected_option: offered(String(value)) }
            : el.type === 'checkboxes' || el.type === 'multi_static_select'
              ? { type: el.type, selected_options: [value].flat().map(offered) }
              : el.type === 'datepicker'
                ? { type: el.type, selected_date: value }
                : el.type === 'timepicker'
                  ? { type: el.type, selected_time: value }
                  : { type: el.type, value };
      }
      const { status, text } = await s.submit(view.private_metadata, state, { user: USER });
      if (status !== 200) throw new Error(`modal submit answered ${status}`);
      const ack = text
        ? (JSON.parse(text) as { response_action?: string; errors?: Record<string, string> })
        : {};
      return ack.response_action === 'errors' && ack.errors ? { errors: ack.errors } : {};
    },
    async closeForm() {
      const open = s.fake.callsTo('views.open').at(-1);
      if (!open) throw new Error('no modal was opened');
      await s.close((open.args.view as { private_metadata: string }).private_metadata, {
        user: USER,
      });
    },
    failNextSend(failure, retryAfterS) {
      // A deactivated person: Slack won't open a DM with them.
      if (failure === 'recipient_gone')
        s.fake.fail('conversations.open', { error: 'user_disabled' });
      else s.fake.fail('chat.postMessage', slackFailure(failure, retryAfterS, 'invalid_blocks'));
    },
    failNextFile(failure, retryAfterS) {
      s.fake.fail(
        'files.getUploadURLExternal',
        slackFailure(failure, retryAfterS, 'invalid_arguments'),
      );
    },
    refuseNextEdit() {
      s.fake.fail('chat.update', { error: 'message_not_found' });
    },
    stop: () => s.stop(),
  };
}
