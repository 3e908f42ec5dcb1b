import { z } from 'zod';
import type {
  ActionEvent,
  CommandEvent,
  FormClosedEvent,
  FormSubmitEvent,
  HomeOpenedEvent,
  TextEvent,
} from '../../core/events';
import type { ConversationRef, UserRef } from '../../core/refs';
import { SLACK_PRIVATE_METADATA_MAX } from './limits';
import { MULTI_BLOCK_PREFIX } from './render';

/**
 * Slack payloads → neutral events. Every payload is parsed with a schema first, so a
 * malformed one becomes `undefined` (ignored), never an exception deep in the engine.
 */

const id = z.string().min(1).max(64);

export const slashCommandSchema = z.looseObject({
  team_id: id,
  user_id: id,
  channel_id: id,
  channel_name: z.string().optional(),
  text: z.string().max(4000).default(''),
  trigger_id: z.string().min(1).max(200),
});

/**
 * Conversations: a DM with the bot is keyed by the person (`kind: 'dm', id: U…`) because
 * the adapter opens it itself; channels keep their id.
 */
export function conversationFor(
  team: string,
  channel: string,
  user: string,
  channelName?: string,
): ConversationRef {
  const dm = channel.startsWith('D') || channelName === 'directmessage';
  return dm
    ? { platform: 'slack', workspace: team, id: user, kind: 'dm' }
    : { platform: 'slack', workspace: team, id: channel, kind: 'group' };
}

const userRef = (team: string, user: string): UserRef => ({
  platform: 'slack',
  workspace: team,
  id: user,
});

/** `/mentor pause 3` → command `pause` with args `3`; `/mentor` alone → the menu. */
export function commandEvent(body: unknown): CommandEvent | undefined {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const [first = '', ...rest] = c.text.trim().split(/\s+/);
  return {
    type: 'command',
    id: `cmd:${c.trigger_id}`,
    name: first ? first.toLowerCase() : 'menu',
    args: rest.join(' '),
    user: { ref: userRef(c.team_id, c.user_id) },
    conversation: conversationFor(c.team_id, c.channel_id, c.user_id, c.channel_name),
    trigger: c.trigger_id,
    raw: body,
  };
}

const option = z.looseObject({ value: z.string().max(2000) });
const blockActionSchema = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id, team_id: id.optional() }),
  team: z.looseObject({ id }).nullish(),
  channel: z.looseObject({ id }).nullish(),
  trigger_id: z.string().min(1).max(200),
  container: z
    .looseObject({
      type: z.string(),
      message_ts: z.string().optional(),
      channel_id: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  actions: z
    .array(
      z.looseObject({
        type: z.string(),
        action_id: z.string(),
        block_id: z.string().default(''),
        action_ts: z.string().default(''),
        value: z.string().max(2000).optional(),
        selected_option: option.nullish(),
        selected_options: z.array(option).optional(),
      }),
    )
    .min(1),
});

/** A button press or a menu choice on one of our messages (or the App Home). */
export function actionEvent(body: unknown): ActionEvent | undefined {
  const parsed = blockActionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const action = b.actions[0];
  const team = b.team?.id ?? b.user.team_id;
  if (!action || !team) return undefined;
  let data: string | undefined;
  let values: string[] | undefined;
  if (action.type === 'multi_static_select' && action.block_id.startsWith(MULTI_BLOCK_PREFIX)) {
    data = action.block_id.slice(MULTI_BLOCK_PREFIX.length);
    values = (action.selected_options ?? []).map((o) => o.value);
  } else {
    data = action.value ?? action.selected_option?.value;
  }
  if (!data) return undefined;
  const channel = b.channel?.id ?? b.container?.channel_id;
  const messageTs =
    b.container?.type === 'message' && !b.container.is_ephemeral
      ? b.container.message_ts
      : undefined;
  return {
    type: 'action',
    id: `act:${b.user.id}:${action.action_ts || b.trigger_id}`,
    data,
    ...(values ? { values } : {}),
    ...(channel && messageTs ? { messageRef: `${channel}:${messageTs}` } : {}),
    user: { ref: userRef(team, b.user.id) },
    // Presses on the App Home have no channel: answers go to the DM.
    conversation: channel
      ? conversationFor(team, channel, b.user.id)
      : conversationFor(team, 'D', b.user.id),
    trigger: b.trigger_id,
    raw: body,
  };
}

const viewSubmissionSchema = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id, team_id: id.optional() }),
  team: z.looseObject({ id }).nullish(),
  trigger_id: z.string().optional(),
  view: z.looseObject({
    id,
    hash: z.string().default(''),
    private_metadata: z.string().max(SLACK_PRIVATE_METADATA_MAX).default(''),
    state: z.looseObject({
      values: z.record(z.string(), z.record(z.string(), z.looseObject({}))),
    }),
  }),
});

const inputValue = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: option.nullish(),
  selected_options: z.array(option).nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
});

/** A modal submitted: its inputs, keyed by field name, as the engine's form expects them. */
export function formSubmitEvent(body: unknown): FormSubmitEvent | undefined {
  const parsed = viewSubmissionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const team = b.team?.id ?? b.user.team_id;
  if (!team) return undefined;
  const values: Record<string, string | string[] | undefined> = {};
  for (const [blockId, elements] of Object.entries(b.view.state.values)) {
    const element = inputValue.safeParse(elements.v);
    if (!element.success) continue;
    const e = element.data;
    if (e.selected_options) values[blockId] = e.selected_options.map((o) => o.value);
    else if (e.selected_option) values[blockId] = e.selected_option.value;
    else if (e.selected_date) values[blockId] = e.selected_date;
    else if (e.selected_time) values[blockId] = e.selected_time;
    else values[blockId] = e.value ?? undefined;
  }
  return {
    type: 'form_submit',
    // Each submit has its own trigger; the view hash stays the same after inline errors.
    id: `view:${b.view.id}:${b.trigger_id ?? b.view.hash}`,
    data: b.view.private_metadata,
    values,
    user: { ref: userRef(team, b.user.id) },
    conversation: conversationFor(team, 'D', b.user.id),
    raw: body,
  };
}

const viewClosedSchema = z.looseObject({
  type: z.literal('view_closed'),
  user: z.looseObject({ id, team_id: id.optional() }),
  team: z.looseObject({ id }).nullish(),
  view: z.looseObject({
    id,
    hash: z.string().default(''),
    private_metadata: z.string().max(SLACK_PRIVATE_METADATA_MAX).default(''),
  }),
});

/** A modal closed with Cancel or ✕ (Slack tells us because modals ask `notify_on_close`). */
export function formClosedEvent(body: unknown): FormClosedEvent | undefined {
  const parsed = viewClosedSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const team = b.team?.id ?? b.user.team_id;
  if (!team) return undefined;
  return {
    type: 'form_closed',
    // A view closes once; its id is new for every modal opened.
    id: `closed:${b.view.id}:${b.view.hash}`,
    data: b.view.private_metadata,
    user: { ref: userRef(team, b.user.id) },
    conversation: conversationFor(team, 'D', b.user.id),
    raw: body,
  };
}

const eventEnvelope = z.looseObject({
  event_id: id,
  team_id: id,
  event: z.looseObject({
    type: z.string(),
    user: id.optional(),
    channel: z.string().optional(),
    channel_type: z.string().optional(),
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
    text: z.string().max(40_000).optional(),
    tab: z.string().optional(),
  }),
});

/** A message a person typed in their DM with the bot (not edits, not bots). */
export function messageEvent(body: unknown): TextEvent | undefined {
  const parsed = eventEnvelope.safeParse(body);
  if (!parsed.success) return undefined;
  const { event, team_id, event_id } = parsed.data;
  if (event.type !== 'message' || event.channel_type !== 'im') return undefined;
  if (event.subtype || event.bot_id || !event.user || event.text === undefined) return undefined;
  return {
    type: 'text',
    id: `evt:${event_id}`,
    text: event.text,
    user: { ref: userRef(team_id, event.user) },
    conversation: { platform: 'slack', workspace: team_id, id: event.user, kind: 'dm' },
    raw: body,
  };
}

/** The person opened the Home tab. */
export function homeOpenedEvent(body: unknown): HomeOpenedEvent | undefined {
  const parsed = eventEnvelope.safeParse(body);
  if (!parsed.success) return undefined;
  const { event, team_id, event_id } = parsed.data;
  if (event.type !== 'app_home_opened' || event.tab !== 'home' || !event.user) return undefined;
  return {
    type: 'home_opened',
    id: `evt:${event_id}`,
    user: { ref: userRef(team_id, event.user) },
    conversation: { platform: 'slack', workspace: team_id, id: event.user, kind: 'dm' },
    raw: body,
  };
}
