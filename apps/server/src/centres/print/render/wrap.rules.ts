/**
 * Line breaking by measured width. Chinese has no spaces, so any two Han characters may be broken
 * between; runs of Latin letters and digits (words, numbers, 2026, GB/T) stay whole where they fit on
 * a line. Simple 禁则: a closing mark (，。、）》” …) never starts a line, it takes the character before
 * it along; an opening mark (（《“ …) never ends one. Pure: the width of a text comes from `measure`.
 */

export type Measure = (text: string) => number;
export type WrappedLine = { text: string; width: number; indent: number };

const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);
/** Whitespace runs, Latin words and numbers (with their inner punctuation), or one character (code point). */
const TOKEN = /[^\S\n]+|[A-Za-z0-9][A-Za-z0-9_\-.,@/:%+#&'=?~]*|[\s\S]/gu;
const SPACE = /^\s+$/;
const EPSILON = 0.001;

/**
 * Splits `text` into lines no wider than `maxWidth`; `\n` starts a new paragraph (indented again by
 * `firstLineIndent`). A single character wider than the line still gets a line of its own.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, { firstLineIndent = 0 }: { firstLineIndent?: number } = {}): WrappedLine[] {
  const out: WrappedLine[] = [];
  for (const para of text.split('\n')) out.push(...wrapParagraph(para, maxWidth, measure, Math.min(firstLineIndent, maxWidth / 2)));
  return out;
}

function wrapParagraph(text: string, maxWidth: number, measure: Measure, firstIndent: number): WrappedLine[] {
  const lines: WrappedLine[] = [];
  let cur: string[] = [];
  let curWidth = 0;
  let indent = firstIndent;
  const widths = new Map<string, number>();
  const width = (t: string) => {
    let w = widths.get(t);
    if (w === undefined) widths.set(t, (w = measure(t)));
    return w;
  };
  const emit = () => {
    const s = cur.join('').trimEnd();
    lines.push({ text: s, width: width(s), indent });
    indent = 0;
  };
  const startLine = (tokens: string[]) => {
    cur = tokens;
    curWidth = tokens.reduce((sum, t) => sum + width(t), 0);
  };
  /** Ends the current line, carrying trailing opening marks over to the next one. */
  const breakLine = (carry: string[] = []) => {
    while (cur.length > 1 && NO_LINE_END.has(cur[cur.length - 1])) carry.unshift(cur.pop()!);
    emit();
    startLine(carry);
  };
  const fits = (w: number) => curWidth + w <= maxWidth - indent + EPSILON;

  for (const token of text.match(TOKEN) ?? []) {
    const w = width(token);
    if (SPACE.test(token)) {
      if (cur.length && fits(w)) { cur.push(token); curWidth += w; }
      else if (cur.length) breakLine();
      continue;
    }
    if (fits(w)) { cur.push(token); curWidth += w; continue; }
    if (token.length > 1 && w > maxWidth - (cur.length ? 0 : indent)) {
      // a word longer than a whole line: fill this line and go on character by character
      for (const ch of token) {
        const cw = width(ch);
        if (!fits(cw) && cur.length) breakLine();
        cur.push(ch);
        curWidth += cw;
      }
      continue;
    }
    if (NO_LINE_START.has(token) && cur.length) {
      // take the preceding character(s) along, so the mark does not start the line; hang it when the line has nothing else
      const carry: string[] = [];
      while (cur.length > 1 && carry.length < 3 && (carry.length === 0 || NO_LINE_START.has(carry[0])) && !SPACE.test(cur[cur.length - 1])) carry.unshift(cur.pop()!);
      if (carry.length === 0) { cur.push(token); curWidth += w; continue; }
      breakLine([...carry, token]);
      continue;
    }
    if (cur.length) breakLine();
    cur.push(token);
    curWidth += w;
  }
  if (cur.length || lines.length === 0) emit();
  return lines;
}
