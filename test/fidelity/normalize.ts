/**
 * TypeScript port of shared/fidelity/lib/normalize.py: replaces ids, digests,
 * times, ports, random names… by placeholders, keeping docker table cells at
 * their original column offsets. Must agree with the Python rules exactly
 * (compare.py's figure and ours are cross-checked).
 */
type Sub = [RegExp, string | ((m: string, ...g: string[]) => string)];

const W = '[\\p{L}\\p{N}_]'; // Python's Unicode \w
const DUR =
  '(?:Less than a second|About a minute|About an hour|\\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))';

const SUBS: Sub[] = [
  [/sha256:[0-9a-f]{64}/g, '<DIGEST>'],
  [/(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z])/g, '<ID64>'],
  [/(?<![0-9A-Za-z])[0-9a-f]{12}(?![0-9A-Za-z])/g, '<ID12>'],
  [/(?!0001-01-01T)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, '<TIME>'],
  [/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} [A-Z]{3,4}/g, '<TIME>'],
  [new RegExp(`${DUR} ago`, 'g'), '<AGO>'],
  [new RegExp(`(?<=Up )${DUR}`, 'g'), '<DUR>'],
  [new RegExp(`(?<=Exited \\(\\d\\) )${DUR}`, 'g'), '<DUR>'],
  [/((?:0\.0\.0\.0|::|\[::\]|127\.0\.0\.1):)(?:3[2-9]\d{3}|[45]\d{4}|60\d{3})(?!\d)/g, (_m, p) => `${p}<PORT>`],
  [/("Pid": )\d+/g, (_m, p) => `${p}<PID>`],
  [/time=\d+(?:\.\d+)? ms/g, 'time=<MS> ms'],
  [/min\/avg\/max = [\d./]+ ms/g, 'min/avg/max = <MS> ms'],
  [/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d (?:\d\d:\d\d(?!:\d)| \d{4})\b/g, '<LSDATE>'],
  [/\b(ERRO|WARN|INFO)\[\d{4}\]/g, (_m, p) => `${p}[<T>]`],
];

export const PROMPT_RE = /^(?:\S+@\S+:\S*[#$]|\S+ [#$])(?: |$)/;
const UNORDERED_BLOCKS = new Set(['Deleted Containers:', 'Deleted Volumes:', 'Deleted Networks:']);
const HEADER_RE = /^[A-Z][A-Z0-9 ()/_.-]*[A-Z)]\s*$/;

export interface TranscriptStep {
  cmd: string;
  stdout: string;
  stderr: string;
  exit: number | null;
  [k: string]: unknown;
}

export interface TranscriptDoc {
  steps: TranscriptStep[];
  home?: string | null;
  cwd?: string | null;
  random_container_names?: string[];
  captured?: Record<string, string>;
  hidden_steps?: { captured?: Record<string, string>; [k: string]: unknown }[];
  [k: string]: unknown;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Python str.strip()/rstrip()/lstrip() without arguments (ASCII + Unicode whitespace). */
const pyStrip = (s: string) => s.trim();
const pyRstrip = (s: string) => s.trimEnd();
const pyLstrip = (s: string) => s.trimStart();
const rstripSpaces = (s: string) => s.replace(/ +$/, '');
const cps = (s: string) => Array.from(s);
const cpLen = (s: string) => (/[\uD800-\uDFFF]/.test(s) ? cps(s).length : s.length);

function captured(doc: TranscriptDoc): Record<string, string> {
  const vals: Record<string, string> = { ...(doc.captured ?? {}) };
  for (const h of doc.hidden_steps ?? []) Object.assign(vals, h.captured ?? {});
  return vals;
}

export function makeSubs(doc: TranscriptDoc): Sub[] {
  const subs: Sub[] = [...SUBS];
  const names = [...(doc.random_container_names ?? [])].sort((a, b) => cpLen(b) - cpLen(a));
  for (const name of names) subs.push([new RegExp(`(?<![${W.slice(1, -1)}-])${escapeRe(name)}(?![${W.slice(1, -1)}-])`, 'gu'), '<NAME>']);
  const caps = Object.entries(captured(doc)).sort((a, b) => cpLen(b[1]) - cpLen(a[1]));
  for (const [key, val] of caps) {
    if (val) subs.push([new RegExp(`(?<![${W.slice(1, -1)}-])${escapeRe(val)}(?![${W.slice(1, -1)}-])`, 'gu'), `<${key}>`]);
  }
  for (const [path, ph] of [
    [doc.home, '<HOME>'],
    [doc.cwd, '<WORK>'],
  ] as const) {
    if (path) subs.push([new RegExp(escapeRe(path), 'g'), ph]);
  }
  return subs;
}

export function norm(text: string, subs: Sub[]): string {
  for (const [rx, rep] of subs) {
    rx.lastIndex = 0;
    text = typeof rep === 'string' ? text.replace(rx, () => rep) : text.replace(rx, rep as (m: string, ...g: string[]) => string);
  }
  return text;
}

/** Column start offsets (code points) of a docker table header, or null. */
export function headerCols(line: string): number[] | null {
  if (!HEADER_RE.test(line) || !/\S {2,}\S/.test(line)) return null;
  const starts = [0];
  const chars = cps(line);
  // " {2,}(?=\S)": runs of 2+ spaces followed by a non-space; start of the next column
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === ' ') {
      let j = i;
      while (j < chars.length && chars[j] === ' ') j++;
      if (j - i >= 2 && j < chars.length && /\S/.test(chars[j])) starts.push(j);
      i = j;
    } else i++;
  }
  return starts;
}

export function splitRow(line: string, starts: number[]): string[] {
  const chars = cps(line);
  return starts.map((s, i) => chars.slice(s, i + 1 < starts.length ? starts[i + 1] : chars.length).join(''));
}

export interface FoundTable {
  header: number;
  starts: number[];
  rows: number[];
}

export function findTables(text: string): { lines: string[]; tables: FoundTable[] } {
  const lines = text.split('\n');
  const tables: FoundTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const starts = headerCols(lines[i]);
    if (starts) {
      const rows: number[] = [];
      let j = i + 1;
      while (j < lines.length && pyStrip(lines[j]) && !headerCols(lines[j]) && !PROMPT_RE.test(lines[j])) {
        rows.push(j);
        j++;
      }
      tables.push({ header: i, starts, rows });
      i = j;
    } else i++;
  }
  return { lines, tables };
}

const CELL_RULES: Record<string, [RegExp, string]> = {
  PID: [/^\d+$/, '<PID>'],
  PPID: [/^\d+$/, '<PID>'],
  STIME: [/^(?:[\d:]+|[A-Z][a-z]{2}\d\d)$/, '<STIME>'],
  C: [/^\d+$/, '<C>'],
};

const isDigits = (s: string) => /^\p{Nd}+$/u.test(s);

function normCell(col: string | null, cell: string, subs: Sub[]): string {
  if (col === 'PS-PID') {
    const t = pyStrip(cell);
    return t === '1' || !isDigits(t) ? cell : cell.slice(0, cell.length - pyLstrip(cell).length) + '<PID>';
  }
  const rule = col === null ? undefined : CELL_RULES[col];
  if (rule?.[0].test(cell)) return rule[1];
  return norm(cell, subs);
}

function sortUnordered(lines: string[]): string[] {
  const out = [...lines];
  let i = 0;
  while (i < out.length) {
    if (UNORDERED_BLOCKS.has(pyStrip(out[i]))) {
      let j = i + 1;
      while (j < out.length && pyStrip(out[j])) j++;
      const block = out.slice(i + 1, j).sort(byCodePoint);
      out.splice(i + 1, j - i - 1, ...block);
      i = j;
    } else i++;
  }
  return out;
}

export function byCodePoint(a: string, b: string): number {
  const x = cps(a);
  const y = cps(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d) return d;
  }
  return x.length - y.length;
}

export function normTableText(text: string, subs: Sub[]): string {
  const { lines, tables } = findTables(text);
  const done = new Set<number>();
  for (const { header: hi, starts, rows } of tables) {
    const header = splitRow(lines[hi], starts).map(pyStrip);
    const widths = starts.map((s, k) => (k + 1 < starts.length ? starts[k + 1] - s : null));
    for (const r of rows) {
      const rawCells = splitRow(lines[r], starts);
      const cells = rawCells.map((c, k) =>
        normCell(header.includes('PPID') ? header[k] : k === 0 && header[0] === 'PID' ? 'PS-PID' : null, pyRstrip(c), subs),
      );
      let out = '';
      cells.forEach((c, k) => {
        const w = widths[k];
        if (w === null) out += c;
        else out += cpLen(c) < w ? c + ' '.repeat(w - cpLen(c)) : c + ' ';
      });
      const trail = lines[r].length - rstripSpaces(lines[r]).length;
      lines[r] = trail ? rstripSpaces(out) + ' '.repeat(trail) : rstripSpaces(out);
      done.add(r);
    }
  }
  for (let k = 0; k < lines.length; k++) if (!done.has(k)) lines[k] = norm(lines[k], subs);
  return sortUnordered(lines).join('\n');
}

/** normalize_doc(): the fields compare.py looks at (cmd, stdout, stderr, exit, typed). */
export function normalizeDoc(doc: TranscriptDoc): TranscriptDoc {
  const subs = makeSubs(doc);
  const steps = doc.steps.map((s) => {
    const n: TranscriptStep = { ...s, cmd: norm(s.cmd, subs) };
    if (typeof s.cmd_template === 'string') n.cmd_template = norm(s.cmd_template, subs);
    if (Array.isArray(s.typed)) n.typed = s.typed.map((t: unknown) => (typeof t === 'string' ? norm(t, subs) : t));
    n.stdout = normTableText(s.stdout ?? '', subs);
    n.stderr = normTableText(s.stderr ?? '', subs);
    if (typeof s.screen === 'string') n.screen = norm(s.screen, subs);
    delete n.duration_s;
    return n;
  });
  return { ...doc, normalized: true, steps };
}
