/**
 * Escapes text for Slack's mrkdwn `text` fields: `&`, `<`, `>` are the only characters
 * Slack itself escapes, and escaping them is what stops `<!channel>` or `<@U1>` injection.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to `max` characters (by code point, so no emoji is split), marking the cut. */
export function truncate(text: string, max: number): string {
  // No string has more characters than UTF-16 units: most texts are cut without splitting them.
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Splits long text into chunks of at most `max` characters, preferring paragraph and line ends. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max && [...rest].length > max) {
    const window = [...rest].slice(0, max).join('');
    const cut = Math.max(
      window.lastIndexOf('\n\n'),
      window.lastIndexOf('\n'),
      window.lastIndexOf(' '),
    );
    const at = cut > max / 2 ? cut : window.length;
    chunks.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** Splits a list into pages of `size`. */
export function pages<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
