/**
 * The Dockerfile parser of the 20.10 legacy builder (buildkit's
 * frontend/dockerfile/parser as vendored by moby 20.10): parser directives
 * (`# escape=`), comments, line continuations, one node per instruction.
 * Heredocs are not part of this syntax: their lines are instructions of their
 * own, exactly as dockerd 20.10 reads them.
 */
import { isSpace, trimLeftSpace } from './chars';
import { parseInstructionArgs } from './line-parsers';
import { type DockerfileNode, DockerfileParseError } from './node';
import { splitCommand } from './split-command';

export interface ParsedDockerfile {
  nodes: DockerfileNode[];
  escapeToken: string;
  warnings: string[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const VALID_DIRECTIVES = new Set(['escape', 'syntax']);

class Directives {
  escapeToken = '\\';
  continuation = Directives.continuationRegex('\\');
  done = false;
  private seen = new Set<string>();

  static continuationRegex(t: string): RegExp {
    const e = t === '\\' ? '\\\\' : t;
    return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
  }

  /** possibleParserDirective */
  check(line: string): void {
    if (this.done) return;
    const m = DIRECTIVE.exec(line);
    if (!m) {
      this.done = true;
      return;
    }
    const k = (m[1] as string).toLowerCase();
    if (!VALID_DIRECTIVES.has(k)) {
      this.done = true;
      return;
    }
    if (this.seen.has(k)) throw new DockerfileParseError(`only one ${k} parser directive can be used`);
    this.seen.add(k);
    if (k === 'escape') {
      const v = m[2] as string;
      if (v !== '`' && v !== '\\') throw new DockerfileParseError(`invalid escape token '${v}' does not match \` or \\`);
      this.escapeToken = v;
      this.continuation = Directives.continuationRegex(v);
    }
  }
}

function isComment(line: string): boolean {
  return trimLeftSpace(line).startsWith('#');
}

/** processLine: strip leading space (first line only), drop a whole-line comment, check directives */
function processLine(d: Directives, token: string, stripLeft: boolean): string {
  let t = token;
  if (stripLeft) t = trimLeftSpace(t);
  const out = t.startsWith('#') ? '' : t;
  d.check(t);
  return out;
}

function trimContinuation(line: string, d: Directives): { line: string; end: boolean } {
  if (d.continuation.test(line)) return { line: line.replace(d.continuation, '$1'), end: false };
  return { line, end: true };
}

/** one instruction line → node (newNodeFromLine) */
export function nodeFromLine(line: string, escapeToken: string, comments: string[]): DockerfileNode {
  const { cmd, flags, args } = splitCommand(line);
  if (cmd === 'onbuild') {
    const sub = args === '' ? undefined : nodeFromLine(args, escapeToken, []);
    return { value: cmd, original: line, flags, args: [], sub, json: false, startLine: 0, endLine: 0, prevComment: comments };
  }
  const parsed = parseInstructionArgs(cmd, args, escapeToken);
  return { value: cmd, original: line, flags, args: parsed.args, json: parsed.json, startLine: 0, endLine: 0, prevComment: comments };
}

/** bufio.MaxScanTokenSize: a line (without its \n) of this many bytes stops the scanner */
const MAX_LINE_BYTES = 64 * 1024;
const utf8 = new TextEncoder();

function tooLong(line: string, extraBytes: number): boolean {
  // a UTF-16 unit is at most 3 UTF-8 bytes: most lines need no encoding
  if (line.length * 3 + extraBytes < MAX_LINE_BYTES) return false;
  return utf8.encode(line).length + extraBytes >= MAX_LINE_BYTES;
}

/**
 * bufio.Scanner lines: split on \n, drop one trailing \r, no final empty
 * line; the scan stops before a line too long for its buffer (`bom`: the
 * first line's bytes included a byte-order mark)
 */
function scanLines(text: string, bom: boolean): { lines: string[]; tooLong: boolean } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const long = lines.findIndex((l, i) => tooLong(l, i === 0 && bom ? 3 : 0));
  if (long >= 0) lines.length = long;
  return { lines: lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)), tooLong: long >= 0 };
}

function isBlank(s: string): boolean {
  for (const ch of s) if (!isSpace(ch)) return false;
  return true;
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const d = new Directives();
  const bom = text.startsWith('\uFEFF');
  const scan = scanLines(bom ? text.slice(1) : text, bom);
  const lines = scan.lines;
  const nodes: DockerfileNode[] = [];
  const warnings: string[] = [];
  let comments: string[] = [];
  let current = 0;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i++] as string;
    if (isComment(raw)) {
      const c = trimLeftSpace(raw).slice(1).trim();
      comments = c === '' ? [] : [...comments, c];
    }
    const first = processLine(d, raw, true);
    current++;
    const startLine = current;
    let { line, end } = trimContinuation(first, d);
    if (end && line === '') continue;
    let emptyContinuation = false;
    while (!end && i < lines.length) {
      const next = lines[i++] as string;
      const processed = processLine(d, next, false);
      current++;
      if (isComment(next)) continue;
      if (isBlank(processed)) {
        emptyContinuation = true;
        continue;
      }
      const t = trimContinuation(processed, d);
      line += t.line;
      end = t.end;
    }
    if (emptyContinuation) warnings.push(`[WARNING]: Empty continuation line found in:\n    ${line}`);
    const node = nodeFromLine(line, d.escapeToken, comments);
    node.startLine = startLine;
    node.endLine = current;
    comments = [];
    nodes.push(node);
  }
  if (warnings.length > 0) warnings.push('[WARNING]: Empty continuation lines will become errors in a future release.');
  if (nodes.length === 0) throw new DockerfileParseError('file with no instructions');
  // handleScannerError: the instructions before the long line were parsed, then the scan error
  if (scan.tooLong) throw new DockerfileParseError(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES - 1}`);
  return { nodes, escapeToken: d.escapeToken, warnings };
}
