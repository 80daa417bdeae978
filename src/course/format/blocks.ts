/**
 * Lesson prose as a small, safe document tree: what marked's lexer finds in a
 * lesson's Markdown, minus raw HTML (shown as text) and links other than
 * http(s) and in-app lesson links. The panel renders it with React elements,
 * never as HTML, so a teacher's pack from a URL cannot run script.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'em'; c: Inline[] }
  | { t: 'strong'; c: Inline[] }
  | { t: 'del'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: number; c: Inline[] }
  | { t: 'list'; ordered: boolean; start?: number; items: Block[][] }
  | {
      t: 'code';
      lang: string;
      text: string;
      /** a shell block the learner can run by a click; `terminal` is "T2" for terminal 2 (default: the active one) */
      run?: { terminal?: string };
    }
  | { t: 'quote'; c: Block[] }
  | { t: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { t: 'hr' };

/** plain text of inline content (summaries, labels) */
export function inlineText(c: readonly Inline[]): string {
  let out = '';
  for (const x of c) {
    if (x.t === 'text' || x.t === 'code') out += x.v;
    else if (x.t === 'br') out += ' ';
    else out += inlineText(x.c);
  }
  return out;
}

/** the shell lines of a runnable code block: a leading "$ " prompt is dropped, comment-only lines are kept out */
export function commandLines(code: string): string[] {
  const out: string[] = [];
  for (const raw of code.split('\n')) {
    const line = raw.replace(/^\s*\$ /, '');
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    out.push(line);
  }
  // a line ending in a backslash continues on the next one
  const joined: string[] = [];
  for (const l of out) {
    const prev = joined[joined.length - 1];
    if (prev?.endsWith('\\')) joined[joined.length - 1] = `${prev.slice(0, -1).trimEnd()} ${l.trim()}`;
    else joined.push(l);
  }
  return joined;
}
