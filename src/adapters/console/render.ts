import type { Reply } from '../../core/replies';

/** One numbered entry of a message's buttons and options. */
export interface MenuEntry {
  /** What the person types to press it. */
  n: number;
  data: string;
  /** Multi-select option value, for "1,3,5" answers. */
  value?: string;
  /** As printed (without its number), for showing it again under "Still open:". */
  label: string;
  /** A choice's option: its mark, "(•)" or "[x]" when chosen. */
  mark?: string;
}

export interface ConsoleMenu {
  entries: MenuEntry[];
  /** Multi-select: the action that accepts several values at once. */
  submit?: string;
  /** One line that says what the message asks, for showing it again compactly. */
  summary: string;
  /** The reply's series (a form's questions): a newer message of it closes this one. */
  series?: string;
  /** Its answer brings the series' next message (a form's question). */
  awaitsAnswer?: boolean;
  /** Shortcuts to a command's buttons: let go once the person has typed something else. */
  shortcuts?: boolean;
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
 * The number an option or button labelled with a number stands for: a score "7", or the
 * current one marked "• 3". Such an entry is answered by typing that very number, so "10"
 * on a 0–10 scale means 10, never "the tenth option".
 */
export function labelNumber(label: string): number | undefined {
  const m = /^(?:• )?(\d{1,3})$/.exec(label.trim());
  return m ? Number(m[1]) : undefined;
}

/** The hour of a whole-hour label ("09:00" → 9), or undefined. */
function hourOf(label: string): number | undefined {
  const m = /^([01]\d|2[0-3]):00$/.exec(label.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * Neutral reply → terminal lines. Options and buttons share one numbering that starts at
 * `first` (so numbers stay unique across every message still open in the conversation);
 * entries labelled with a number keep that number instead.
 */
export function renderReply(
  reply: Reply,
  style: RenderStyle,
  hints: { pick: string; multi: string },
  first = 1,
): RenderedReply {
  const lines: string[] = [];
  if (reply.title) lines.push(style.title(`── ${reply.title} ──`));
  lines.push(...reply.text.split('\n'));
  if (reply.kind === 'text' && reply.context) lines.push(style.dim(reply.context));

  const options = reply.kind === 'choice' ? reply.options : [];
  const buttons = (reply.buttons ?? []).filter((b) => b.url === undefined);
  // Numbered labels claim their own numbers first; the rest count on from above them. Whole
  // hours offered as options ("09:00") claim their hour: "9" typed where a time is asked means
  // 09:00, not the ninth option (and never the Cancel that would come after them).
  const hours = options.length > 0 && options.every((o) => hourOf(o.label) !== undefined);
  const claimed = new Set<number>();
  const own = [...options, ...buttons].map((entry, i) => {
    const n =
      labelNumber(entry.label) ?? (hours && i < options.length ? hourOf(entry.label) : undefined);
    if (n === undefined || claimed.has(n)) return undefined;
    claimed.add(n);
    return n;
  });
  // Beside hours, every number a clock has stays an hour: "22" typed for 22:00 must not
  // press the Back or Cancel that would be numbered 21 and 22.
  let next = Math.max(first, hours ? 24 : 0, ...[...claimed].map((n) => n + 1));
  const numbers = own.map((n) => n ?? next++);

  const entries: MenuEntry[] = [];
  if (reply.kind === 'choice') {
    const marks = options.map((option) =>
      reply.mode === 'multi' ? (option.selected ? '[x]' : '[ ]') : option.selected ? '(•)' : '( )',
    );
    options.forEach((option, i) => {
      entries.push({
        n: numbers[i] ?? 0,
        data: option.data,
        value: option.value,
        label: option.label,
        mark: marks[i] ?? '',
      });
    });
    if (options.length > 0 && options.every((o) => labelNumber(o.label) !== undefined)) {
      // A scale (0–10, 1–5): one row, each answer typed as the number it shows.
      lines.push(`  ${options.map((o, i) => `${marks[i]} ${o.label}`).join('   ')}`);
    } else {
      options.forEach((option, i) => {
        lines.push(`  ${numbers[i]}. ${marks[i]} ${option.label}`);
      });
    }
  }
  for (const button of reply.buttons ?? []) {
    // A link can't be pressed here; show where it leads.
    if (button.url !== undefined) lines.push(`  ${button.label}: ${button.url}`);
  }
  const row = buttons.map((button, k) => {
    const n = numbers[options.length + k] ?? 0;
    entries.push({ n, data: button.data, label: button.label });
    return labelNumber(button.label) === n ? `[${button.label}]` : `[${n}] ${button.label}`;
  });
  if (row.length > 0) lines.push(`  ${row.join('   ')}`);
  if (reply.kind === 'choice')
    lines.push(style.dim(reply.mode === 'multi' ? hints.multi : hints.pick));
  return {
    lines,
    menu: entries.length
      ? {
          entries,
          summary: summaryOf(reply),
          ...(reply.kind === 'choice' && reply.submit ? { submit: reply.submit } : {}),
          ...(reply.series ? { series: reply.series } : {}),
          ...(reply.awaitsAnswer ? { awaitsAnswer: true } : {}),
          ...(reply.shortcuts ? { shortcuts: true } : {}),
        }
      : undefined,
  };
}

/** The longest summary line "Still open:" prints for a message. */
const SUMMARY_MAX = 90;

/**
 * What a message asks, in one line: its title and its first line of text — past a form's
 * notice ("⚠️ …"), which says what went wrong, not what is asked.
 */
function summaryOf(reply: Reply): string {
  const lines = reply.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(⚠️|↪)/.test(l));
  // "Sprint with Sam booked:" says what only with the line after it (the day).
  const first = lines[0]?.endsWith(':') && lines[1] ? `${lines[0]} ${lines[1]}` : lines[0];
  const line = [reply.title, first].filter(Boolean).join(': ');
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
}

/**
 * Older messages shown again, compactly, because a new message took their numbers: each
 * one's summary, then its buttons and options with their fresh numbers.
 */
export function renderStillOpen(
  menus: readonly ConsoleMenu[],
  style: RenderStyle,
  heading: string,
): string[] {
  if (menus.length === 0) return [];
  const lines = [style.dim(heading)];
  for (const menu of menus) {
    lines.push(`  ${menu.summary}`);
    const cells = menu.entries.map(
      (e) => `[${e.n}] ${e.mark === '(•)' || e.mark === '[x]' ? `${e.mark} ` : ''}${e.label}`,
    );
    lines.push(...wrapCells(cells, '    '));
  }
  return lines;
}

/** Cells joined with wide gaps, wrapped to a terminal's usual width. */
function wrapCells(cells: string[], indent: string, width = 80): string[] {
  const rows: string[] = [];
  let row = '';
  for (const cell of cells) {
    if (row && indent.length + row.length + 3 + cell.length > width) {
      rows.push(`${indent}${row}`);
      row = cell;
    } else row = row ? `${row}   ${cell}` : cell;
  }
  if (row) rows.push(`${indent}${row}`);
  return rows;
}

/** A message of the current page with its buttons, by its console message id. */
export interface OpenMenu extends ConsoleMenu {
  ref: string;
  /**
   * Answered in place (a chat platform would have edited it): its numbers are free for new
   * buttons, and until they are taken a repeated press still reaches it, like a double tap.
   */
  closed?: boolean;
  /**
   * The button whose press answered it in place: the only one a repeated press still reaches.
   * On a chat platform the edit took the others away — "Cancel" then "1" must not confirm.
   */
  pressed?: string;
}

export type MenuAnswer = { data: string; values?: string[]; ref: string } | undefined;

/**
 * Typed numbers → the action they stand for, among the messages of the current page. "2" presses
 * the entry numbered 2; "1,3" on a multi-select submits those options at once. Anything else
 * is ordinary text.
 */
export function answerFromMenu(line: string, open: readonly OpenMenu[]): MenuAnswer {
  const text = line.trim();
  // While a question waits for an answer, a number none of the open messages shows is typed
  // to it ("choose one of the options"), not a press on an earlier question already answered
  // or cancelled ("that form is closed"). Other answered messages (a score) stay in reach.
  const asked = open.some((m) => !m.closed && m.awaitsAnswer);
  const find = (n: number) => {
    // Open messages first; the newest answered one wins among the rest.
    for (const menu of [
      ...open.filter((m) => !m.closed),
      ...open.filter((m) => m.closed && !(asked && m.awaitsAnswer)).reverse(),
    ]) {
      const entry = menu.entries.find(
        (e) => e.n === n && (menu.pressed === undefined || e.data === menu.pressed),
      );
      if (entry) return { menu, entry };
    }
    return undefined;
  };
  if (/^\d{1,4}$/.test(text)) {
    const hit = find(Number(text));
    return hit ? { data: hit.entry.data, ref: hit.menu.ref } : undefined;
  }
  if (/^\d{1,4}(\s*[, ]\s*\d{1,4})+$/.test(text)) {
    const picked = text.split(/[\s,]+/).map((n) => find(Number(n)));
    const menu = picked[0]?.menu;
    // All from one multi-select, each an option (not its Done or Back).
    if (!menu?.submit || picked.some((p) => p?.menu !== menu || p.entry.value === undefined))
      return undefined;
    return { data: menu.submit, values: picked.map((p) => p?.entry.value ?? ''), ref: menu.ref };
  }
  return undefined;
}

/** The numbers a new message in this conversation starts from: above everything given. */
export function firstFreeNumber(open: readonly OpenMenu[]): number {
  let highest = 0;
  for (const menu of open) for (const e of menu.entries) highest = Math.max(highest, e.n);
  return highest + 1;
}

/**
 * A new message joins the page: older open messages that used any of its numbers are numbered
 * afresh above everything in use (returned as `reshown`, to be shown again), and closed ones
 * let go of the numbers now taken.
 */
export function renumberPage(
  page: readonly OpenMenu[],
  added: OpenMenu,
): { page: OpenMenu[]; reshown: OpenMenu[] } {
  const takenBy = (menus: readonly OpenMenu[]) =>
    new Set(menus.flatMap((m) => m.entries.map((e) => e.n)));
  const taken = takenBy([added]);
  const clashes = (m: OpenMenu) => !m.closed && m.entries.some((e) => taken.has(e.n));
  // A scale already answered (its current score marked "• 4") only offers to change it: shown
  // again it would read "[4] 2", and a 4 typed for the new message would change the score.
  // It is let go instead; an unanswered one comes again like any question.
  const answeredScale = (m: OpenMenu) =>
    m.entries.some((e) => e.label.startsWith('• ') && labelNumber(e.label) !== undefined);
  const letGo = (m: OpenMenu) => clashes(m) && answeredScale(m);
  const settled = page.map((m) => (letGo(m) ? { ...m, closed: true } : m));
  const kept = settled.filter((m) => !clashes(m));
  let next = firstFreeNumber([...kept.filter((m) => !m.closed), added]);
  const reshown = settled
    .filter(clashes)
    .map((m) => ({ ...m, entries: m.entries.map((e) => ({ ...e, n: next++ })) }));
  const inUse = takenBy([added, ...reshown]);
  const trimmed = kept
    .map((m) => (m.closed ? { ...m, entries: m.entries.filter((e) => !inUse.has(e.n)) } : m))
    .filter((m) => m.entries.length > 0);
  return { page: [...trimmed, added, ...reshown], reshown };
}
