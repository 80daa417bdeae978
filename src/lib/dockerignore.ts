/**
 * .dockerignore rules shared by the docker CLI (which leaves excluded files
 * out of the build context tar) and the daemon (which drops .dockerignore and
 * the Dockerfile from the context when they are excluded): buildkit's
 * dockerignore.ReadAll and moby's pkg/fileutils PatternMatcher (Docker 20.10).
 */

/** Go's path.Clean */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const s = out.join('/');
  if (rooted) return `/${s}`;
  return s === '' ? '.' : s;
}

/** dockerignore.ReadAll: one pattern per line, comments and blank lines skipped, paths cleaned */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push(invert ? `!${pattern}` : pattern);
  }
  return out;
}

export class PatternSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternSyntaxError';
  }
}

interface Pattern {
  cleaned: string;
  dirs: string[];
  exclusion: boolean;
  regexp: RegExp;
}

const REGEXP_SPECIAL = /[\\^$.|+(){}]/;

/** fileutils Pattern.compile: "*" → [^/]*, "**" → (.*\/)?, "?" → [^/] */
function compile(pattern: string): RegExp {
  let re = '^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        re += i + 1 >= chars.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '.' || ch === '$') re += `\\${ch}`;
    else if (ch === '\\') {
      if (i + 1 < chars.length) {
        i++;
        re += `\\${chars[i]}`;
      } else re += '\\\\';
    } else if (ch === '[' || ch === ']' || ch === '-') re += ch;
    else re += REGEXP_SPECIAL.test(ch) ? `\\${ch}` : ch;
  }
  re += '$';
  try {
    return new RegExp(re, 's');
  } catch {
    throw new PatternSyntaxError('syntax error in pattern');
  }
}

/** filepath.Match's syntax check of a pattern: balanced, non-empty character classes */
function checkSyntax(p: string): void {
  let inClass = false;
  let classLen = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      if (i >= p.length) throw new PatternSyntaxError('syntax error in pattern');
      if (inClass) classLen++;
      continue;
    }
    if (!inClass && c === '[') {
      inClass = true;
      classLen = 0;
      if (p[i + 1] === '^') i++;
    } else if (inClass && c === ']' && classLen > 0) inClass = false;
    else if (inClass) classLen++;
  }
  if (inClass) throw new PatternSyntaxError('syntax error in pattern');
}

export class PatternMatcher {
  readonly patterns: Pattern[] = [];
  readonly exclusions: boolean = false;

  constructor(patterns: readonly string[]) {
    for (const raw of patterns) {
      let p = raw.trim();
      if (p === '') continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p.startsWith('!')) {
        if (p.length === 1) throw new PatternSyntaxError('illegal exclusion pattern: "!"');
        exclusion = true;
        p = p.slice(1);
        this.exclusions = true;
      }
      checkSyntax(p);
      this.patterns.push({ cleaned: p, dirs: p.split('/'), exclusion, regexp: compile(p) });
    }
  }

  /** PatternMatcher.Matches: the last matching pattern decides; a pattern matching a parent dir matches too */
  matches(file: string): boolean {
    let matched = false;
    const slash = file.lastIndexOf('/');
    const parent = slash < 0 ? '.' : cleanPath(file.slice(0, slash) || '/');
    const parentDirs = parent.split('/');
    for (const pat of this.patterns) {
      let match = pat.regexp.test(file);
      if (!match && parent !== '.' && pat.dirs.length <= parentDirs.length) {
        match = pat.regexp.test(parentDirs.slice(0, pat.dirs.length).join('/'));
      }
      if (match) matched = !pat.exclusion;
    }
    return matched;
  }
}

/** fileutils.Matches: `file` excluded by `patterns` ("." never is) */
export function matchesPatterns(file: string, patterns: readonly string[]): boolean {
  const pm = new PatternMatcher(patterns);
  const f = cleanPath(file);
  if (f === '.') return false;
  return pm.matches(f);
}
