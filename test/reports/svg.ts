/** Reading back what the chart drew: its labels, and the groups that carry its series. */

export interface SvgText {
  content: string;
  attrs: Record<string, string>;
  /** The attributes of every `<g>` around the label, outermost first. */
  groups: Record<string, string>[];
}

function attrsOf(raw: string): Record<string, string> {
  return Object.fromEntries([...raw.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

const decodeEntities = (s: string) =>
  s.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** Every `<text>` in drawing order, with what encloses it. */
export function svgTexts(svg: string): SvgText[] {
  const out: SvgText[] = [];
  const stack: Record<string, string>[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>([^<]*)/g)) {
    const [, close, tag, raw = '', selfClosing, after = ''] = m;
    if (close) {
      if (tag === 'g') stack.pop();
      continue;
    }
    const attrs = attrsOf(raw);
    if (tag === 'g' && !selfClosing) stack.push(attrs);
    if (tag === 'text') out.push({ content: decodeEntities(after), attrs, groups: [...stack] });
  }
  return out;
}

/** The `<g id=…>` group: its attributes, its markup (up to its own end) and its labels. */
export function svgGroup(
  svg: string,
  id: string,
): { attrs: Record<string, string>; body: string; texts: SvgText[] } {
  const start = svg.indexOf(`<g id="${id}"`);
  if (start < 0) throw new Error(`no group ${id}`);
  const open = svg.slice(start, svg.indexOf('>', start) + 1);
  // The group's own end: count nested <g> (the hidden-week label boxes) on the way.
  let depth = 0;
  let end = start;
  for (const m of svg.slice(start).matchAll(/<(\/?)g[\s>]/g)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = start + (m.index ?? 0);
      break;
    }
  }
  const body = svg.slice(start, end);
  return { attrs: attrsOf(open), body, texts: svgTexts(body) };
}
