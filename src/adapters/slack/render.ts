import type { types } from '@slack/bolt';
import type { HomeView } from '../../core/adapter';
import type { FormFieldView, FormView } from '../../core/forms/view';
import type { Button, ChoiceReply, Reply } from '../../core/replies';
import {
  SLACK_ACTION_ELEMENTS_MAX,
  SLACK_BUTTON_TEXT_MAX,
  SLACK_CHECKBOX_OPTIONS_MAX,
  SLACK_CHOICE_BUTTONS_MAX,
  SLACK_CONTEXT_TEXT_MAX,
  SLACK_FALLBACK_TEXT_MAX,
  SLACK_HEADER_TEXT_MAX,
  SLACK_INPUT_HINT_MAX,
  SLACK_INPUT_LABEL_MAX,
  SLACK_MAX_BLOCKS_PER_MESSAGE,
  SLACK_MAX_BLOCKS_PER_VIEW,
  SLACK_OPTION_TEXT_MAX,
  SLACK_PLAIN_INPUT_MAX,
  SLACK_RADIO_OPTIONS_MAX,
  SLACK_SECTION_TEXT_MAX,
  SLACK_SELECT_OPTIONS_MAX,
  SLACK_TOGGLE_BUTTONS_MAX,
  SLACK_VIEW_TITLE_MAX,
} from './limits';
import { escapeMrkdwn, pages, splitText, truncate } from './text';

type Block = types.KnownBlock;

/** The callback id of every Tandem modal; its private metadata carries the form token. */
export const FORM_CALLBACK_ID = 'tandem_form';
/** Block ids of multi-select menus start with this, followed by the submit data. */
export const MULTI_BLOCK_PREFIX = 'multi:';

export interface SlackMessage {
  blocks: Block[];
  /** Notification and fallback text: mrkdwn, escaped. */
  text: string;
}

const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

/**
 * A neutral reply as Slack messages. Body text goes in `plain_text` sections, so user
 * input can never format or mention; a reply too big for one message is split.
 */
export function renderMessage(reply: Reply): SlackMessage[] {
  const blocks: Block[] = [];
  if (reply.title) blocks.push({ type: 'header', text: plain(reply.title, SLACK_HEADER_TEXT_MAX) });
  // Each paragraph its own section, so a long report reads as blocks rather than a wall.
  for (const paragraph of reply.text.split(/\n{2,}/)) {
    for (const chunk of splitText(paragraph, SLACK_SECTION_TEXT_MAX)) {
      if (chunk) blocks.push({ type: 'section', text: plain(chunk, SLACK_SECTION_TEXT_MAX) });
    }
  }
  if (reply.kind === 'text' && reply.context) {
    blocks.push({
      type: 'context',
      elements: [plain(reply.context, SLACK_CONTEXT_TEXT_MAX)],
    });
  }
  if (reply.kind === 'choice') blocks.push(...choiceBlocks(reply));
  blocks.push(...buttonBlocks(reply.buttons ?? []));
  const fallback = escapeMrkdwn(
    truncate([reply.title, reply.text].filter(Boolean).join('\n'), SLACK_FALLBACK_TEXT_MAX),
  );
  return pages(blocks, SLACK_MAX_BLOCKS_PER_MESSAGE).map((page) => ({
    blocks: page,
    text: fallback,
  }));
}

function buttonBlocks(buttons: Button[], blockPrefix = 'b'): Block[] {
  return pages(buttons, SLACK_ACTION_ELEMENTS_MAX).map((page, p) => ({
    type: 'actions',
    block_id: `${blockPrefix}${p}`,
    elements: page.map((button, i) => ({
      type: 'button',
      action_id: `${blockPrefix}${p}-${i}`,
      text: plain(button.label, SLACK_BUTTON_TEXT_MAX),
      ...(button.url !== undefined ? { url: button.url } : { value: button.data }),
      ...(button.style ? { style: button.style } : {}),
    })),
  }));
}

function choiceBlocks(reply: ChoiceReply): Block[] {
  const few = reply.mode === 'single' ? SLACK_CHOICE_BUTTONS_MAX : SLACK_TOGGLE_BUTTONS_MAX;
  if (reply.options.length <= few || (reply.mode === 'multi' && !reply.submit)) {
    // Buttons: a press picks (single) or toggles (multi), marked with ✓ once chosen.
    const buttons: Button[] = reply.options.map((o) => ({
      label: o.selected ? `✓ ${o.label}` : o.label,
      data: o.data,
      ...(o.selected ? { style: 'primary' as const } : {}),
    }));
    return buttonBlocks(buttons, 'o');
  }
  const option = (label: string, value: string) => ({
    text: plain(label, SLACK_OPTION_TEXT_MAX),
    value,
  });
  return pages(reply.options, SLACK_SELECT_OPTIONS_MAX).map((page, p) => {
    if (reply.mode === 'single') {
      const selected = page.find((o) => o.selected);
      return {
        type: 'actions',
        block_id: `s${p}`,
        elements: [
          {
            type: 'static_select',
            action_id: `s${p}`,
            options: page.map((o) => option(o.label, o.data)),
            ...(selected ? { initial_option: option(selected.label, selected.data) } : {}),
          },
        ],
      };
    }
    const selected = page.filter((o) => o.selected);
    return {
      type: 'actions',
      block_id: `${MULTI_BLOCK_PREFIX}${reply.submit}`,
      elements: [
        {
          type: 'multi_static_select',
          action_id: `m${p}`,
          options: page.map((o) => option(o.label, o.value)),
          ...(selected.length
            ? { initial_options: selected.map((o) => option(o.label, o.value)) }
            : {}),
        },
      ],
    };
  });
}

/** A neutral form as a modal: one input block per field, validated by the engine on submit. */
export function renderModal(form: FormView, cancelLabel: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    private_metadata: form.data,
    title: plain(form.title, SLACK_VIEW_TITLE_MAX),
    submit: plain(form.submitLabel, SLACK_VIEW_TITLE_MAX),
    close: plain(cancelLabel, SLACK_VIEW_TITLE_MAX),
    // Closing it ends the form (view_closed), so a typed message isn't taken for an answer.
    notify_on_close: true,
    blocks: form.fields.slice(0, SLACK_MAX_BLOCKS_PER_VIEW).map(inputBlock),
  };
}

function inputBlock(field: FormFieldView): Block {
  const option = (o: { label: string; value: string }) => ({
    text: plain(o.label, SLACK_OPTION_TEXT_MAX),
    value: o.value,
  });
  const options = (field.options ?? []).slice(0, SLACK_SELECT_OPTIONS_MAX);
  const initial = field.initial;
  const initialOptions = options.filter((o) =>
    (Array.isArray(initial) ? initial : [initial]).includes(o.value),
  );
  let element: types.InputBlock['element'];
  switch (field.picker ? field.picker : field.kind) {
    case 'time':
      element = {
        type: 'timepicker',
        action_id: 'v',
        ...(typeof initial === 'string' ? { initial_time: initial } : {}),
      };
      break;
    case 'single':
      element =
        options.length <= SLACK_RADIO_OPTIONS_MAX
          ? { type: 'radio_buttons', action_id: 'v', options: options.map(option) }
          : { type: 'static_select', action_id: 'v', options: options.map(option) };
      if (initialOptions[0]) element.initial_option = option(initialOptions[0]);
      break;
    case 'multi':
      element =
        options.length <= SLACK_CHECKBOX_OPTIONS_MAX
          ? { type: 'checkboxes', action_id: 'v', options: options.map(option) }
          : { type: 'multi_static_select', action_id: 'v', options: options.map(option) };
      if (initialOptions.length) element.initial_options = initialOptions.map(option);
      break;
    case 'number':
      element = {
        type: 'number_input',
        action_id: 'v',
        is_decimal_allowed: false,
        ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
        ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
        ...(typeof initial === 'string' ? { initial_value: initial } : {}),
      };
      break;
    case 'date':
      element = {
        type: 'datepicker',
        action_id: 'v',
        ...(typeof initial === 'string' ? { initial_date: initial } : {}),
      };
      break;
    default:
      element = {
        type: 'plain_text_input',
        action_id: 'v',
        max_length: Math.min(field.maxLength ?? SLACK_PLAIN_INPUT_MAX, SLACK_PLAIN_INPUT_MAX),
        ...(typeof initial === 'string' && initial ? { initial_value: initial } : {}),
      };
  }
  return {
    type: 'input',
    block_id: field.name,
    optional: field.optional,
    label: plain(field.label, SLACK_INPUT_LABEL_MAX),
    ...(field.hint ? { hint: plain(field.hint, SLACK_INPUT_HINT_MAX) } : {}),
    element,
  };
}

/** The App Home tab. */
export function renderHome(view: HomeView): types.HomeView {
  const blocks: Block[] = [{ type: 'header', text: plain(view.title, SLACK_HEADER_TEXT_MAX) }];
  view.sections.forEach((section, i) => {
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeMrkdwn(truncate(section.title, 140))}*` },
    });
    for (const chunk of splitText(section.text, SLACK_SECTION_TEXT_MAX)) {
      blocks.push({ type: 'section', text: plain(chunk, SLACK_SECTION_TEXT_MAX) });
    }
    // Block ids are unique within a view: each section's buttons get their own prefix.
    blocks.push(...buttonBlocks(section.buttons ?? [], `h${i}-`));
  });
  blocks.push({ type: 'divider' });
  blocks.push(...buttonBlocks(view.buttons, 'h'));
  return { type: 'home', blocks: blocks.slice(0, SLACK_MAX_BLOCKS_PER_VIEW) };
}
