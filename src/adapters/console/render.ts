import type { Reply } from '../../core/replies';

/** One numbered entry of the last menu shown in a conversation. */
export interface MenuEntry {
  data: string;
  /** Multi-select option value, for "1,3,5" answers. */
  value?: string;
}

export interface ConsoleMenu {
  entries: MenuEntry[];
  /** Multi-select: the action that accepts several values at once. */
  submit?: string;
}

export interface RenderedReply {
  lines: string[];
  menu: ConsoleMenu | undefined;
}

export interface RenderStyle {
  title(text: string): string;
  dim(text: string): string;
}

export const plainStyle: RenderStyle = { title: (s) => s, dim: (s) => s };

/**
 * Neutral reply → terminal lines. Options and buttons share one numbering, so every choice
 * is answered by typing its number.
 */
export function renderReply(
  reply: Reply,
  style: RenderStyle,
  hints: { pick: string; multi: string },
): RenderedReply {
  const lines: string[] = [];
  if (reply.title) lines.push(style.title(`── ${reply.title} ──`));
  lines.push(...reply.text.split('\n'));
  if (reply.kind === 'text' && reply.context) lines.push(style.dim(reply.context));
  const entries: MenuEntry[] = [];
  if (reply.kind === 'choice') {
    for (const option of reply.options) {
      entries.push({ data: option.data, value: option.value });
      const mark =
        reply.mode === 'multi'
          ? option.selected
            ? '[x]'
            : '[ ]'
          : option.selected
            ? '(•)'
            : '( )';
      lines.push(`  ${entries.length}. ${mark} ${option.label}`);
    }
  }
  const buttons = reply.buttons ?? [];
  const row: string[] = [];
  for (const button of buttons) {
    if (button.url !== undefined) {
      // A link can't be pressed here; show where it leads.
      lines.push(`  ${button.label}: ${button.url}`);
      continue;
    }
    entries.push({ data: button.data });
    row.push(`[${entries.length}] ${button.label}`);
  }
  if (row.length > 0) lines.push(`  ${row.join('   ')}`);
  if (reply.kind === 'choice')
    lines.push(style.dim(reply.mode === 'multi' ? hints.multi : hints.pick));
  return {
    lines,
    menu: entries.length
      ? { entries, ...(reply.kind === 'choice' && reply.submit ? { submit: reply.submit } : {}) }
      : undefined,
  };
}

export type MenuAnswer = { data: string; values?: string[] } | undefined;

/**
 * Typed numbers → the action they stand for. "2" presses entry 2; "1,3" on a multi-select
 * submits those options at once. Anything else is ordinary text.
 */
export function answerFromMenu(line: string, menu: ConsoleMenu | undefined): MenuAnswer {
  if (!menu) return undefined;
  const text = line.trim();
  if (/^\d{1,3}$/.test(text)) {
    const entry = menu.entries[Number(text) - 1];
    return entry ? { data: entry.data } : undefined;
  }
  if (menu.submit && /^\d{1,3}(\s*[, ]\s*\d{1,3})+$/.test(text)) {
    const picked = text.split(/[\s,]+/).map((n) => menu.entries[Number(n) - 1]);
    if (picked.some((e) => e?.value === undefined)) return undefined;
    return { data: menu.submit, values: picked.map((e) => e?.value ?? '') };
  }
  return undefined;
}
