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

/** a here-document operator: `<<EOF`, `<<'EOF'`, `<<-"EOF"` (not bash's `<<<` here-string) */
const HEREDOC = /(?<!<)<<(?!<)(-?)\s*(['"]?)([A-Za-z_][\w.-]*)\2/g;

/**
 * The shell lines of a runnable code block: a leading "$ " prompt is dropped,
 * comment-only lines are kept out, a line ending in a backslash continues on
 * the next one, and a line that opens here-documents takes their bodies, as
 * written, up to each delimiter (one command of several lines, as if pasted).
 */
export function commandLines(code: string): string[] {
  const raw = code.split('\n');
  const out: string[] = [];
  const skipped = (l: string) => l.trim() === '' || /^\s*#/.test(l);
  let i = 0;
  while (i < raw.length) {
    let line = raw[i++].replace(/^\s*\$ /, '');
    if (skipped(line)) continue;
    while (line.endsWith('\\') && i < raw.length) {
      const next = raw[i++].replace(/^\s*\$ /, '');
      if (skipped(next)) continue;
      line = `${line.slice(0, -1).trimEnd()} ${next.trim()}`;
    }
    for (const m of line.matchAll(HEREDOC)) {
      const strip = m[1] === '-';
      while (i < raw.length) {
        const body = raw[i++];
        line += `\n${body}`;
        if ((strip ? body.replace(/^\t+/, '') : body) === m[3]) break;
      }
    }
    out.push(line);
  }
  return out;
}
