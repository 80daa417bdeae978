/**
 * GNU make's variable expansion: $(NAME), ${NAME}, $X, $$, substitution
 * references $(VAR:.c=.o), recursive (=) and simple (:=) variables, the
 * automatic variables of a recipe ($@ $< $^ $+ $? $* and $(@D) $(@F)…), and
 * the text and file-name functions Makefiles use most (subst, patsubst,
 * strip, findstring, filter, filter-out, sort, word, words, firstword,
 * lastword, dir, notdir, suffix, basename, addsuffix, addprefix, join,
 * wildcard, if, or, and, foreach, origin, error, warning, info).
 */

export interface Var {
  value: string;
  /** `=`: expanded when used; `:=`: expanded once, when set */
  recursive: boolean;
  origin: 'default' | 'environment' | 'file' | 'command line' | 'automatic';
}

export type Vars = Map<string, Var>;

export class MakeFunctionError extends Error {}

export function splitWords(s: string): string[] {
  return s.split(/\s+/).filter((w) => w !== '');
}

/** the stem of `word` matched by a `%` pattern, or undefined */
export function patternStem(pattern: string, word: string): string | undefined {
  const i = pattern.indexOf('%');
  if (i < 0) return pattern === word ? '' : undefined;
  const pre = pattern.slice(0, i);
  const post = pattern.slice(i + 1);
  if (word.length < pre.length + post.length || !word.startsWith(pre) || !word.endsWith(post)) return undefined;
  return word.slice(pre.length, word.length - post.length);
}

function patsubst(pattern: string, replacement: string, text: string): string {
  return splitWords(text)
    .map((w) => {
      const stem = patternStem(pattern, w);
      if (stem === undefined) return w;
      return replacement.includes('%') ? replacement.replace('%', stem) : replacement;
    })
    .join(' ');
}

const dirOf = (w: string) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/') + 1) : './');
const notdir = (w: string) => w.slice(w.lastIndexOf('/') + 1);

export class Expander {
  constructor(
    /** matching file names for $(wildcard) */
    private readonly glob: (pattern: string) => string[],
    /** $(info)/$(warning) output */
    private readonly say: (text: string) => void,
  ) {}

  /** `!=` and $(shell): running a command while reading the Makefile is not simulated */
  shell(_cmd: string): string {
    throw new MakeFunctionError('*** the shell function is not simulated here.  Stop.');
  }

  expand(s: string, vars: Vars, depth = 0): string {
    if (depth > 50) throw new MakeFunctionError('*** Recursive variable references itself (eventually).  Stop.');
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c !== '$') {
        out += c;
        continue;
      }
      const n = s[i + 1];
      if (n === undefined) break;
      if (n === '$') {
        out += '$';
        i++;
        continue;
      }
      if (n === '(' || n === '{') {
        const close = n === '(' ? ')' : '}';
        let d = 1;
        let j = i + 2;
        for (; j < s.length && d > 0; j++) {
          if (s[j] === n) d++;
          else if (s[j] === close) d--;
        }
        const inner = s.slice(i + 2, j - 1);
        out += this.reference(inner, vars, depth);
        i = j - 1;
        continue;
      }
      out += this.value(n, vars, depth);
      i++;
    }
    return out;
  }

  private value(name: string, vars: Vars, depth: number): string {
    const v = vars.get(name);
    if (!v) return '';
    return v.recursive ? this.expand(v.value, vars, depth + 1) : v.value;
  }

  /** split a function's arguments at top-level commas */
  private args(s: string, max: number): string[] {
    const out: string[] = [];
    let d = 0;
    let cur = '';
    for (const ch of s) {
      if (ch === '(' || ch === '{') d++;
      else if (ch === ')' || ch === '}') d--;
      if (ch === ',' && d === 0 && out.length < max - 1) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  }

  private reference(inner: string, vars: Vars, depth: number): string {
    const fn = /^([a-z-]+)\s+(.*)$/s.exec(inner);
    if (fn && FUNCTIONS.has(fn[1] as string)) return this.call(fn[1] as string, fn[2] as string, vars, depth);
    const name = this.expand(inner, vars, depth + 1);
    const subref = /^([^:]+):([^=]*)=(.*)$/s.exec(name);
    if (subref) {
      const [, v, from, to] = subref as unknown as [string, string, string, string];
      const pf = from.includes('%') ? from : `%${from}`;
      const pt = from.includes('%') ? to : `%${to}`;
      return patsubst(pf, pt, this.value(v, vars, depth));
    }
    const auto = /^([@<^+?*])([DF])$/.exec(name);
    if (auto) {
      const words = splitWords(this.value(auto[1] as string, vars, depth));
      return words.map((w) => (auto[2] === 'D' ? dirOf(w).replace(/(.)\/$/, '$1') : notdir(w))).join(' ');
    }
    return this.value(name, vars, depth);
  }

  private call(name: string, rest: string, vars: Vars, depth: number): string {
    const e = (s: string) => this.expand(s, vars, depth + 1);
    const words = (s: string) => splitWords(e(s));
    const a = (n: number) => this.args(rest, n);
    switch (name) {
      case 'subst': {
        const [from, to, text] = a(3).map(e) as [string, string, string];
        return from === '' ? text : (text ?? '').split(from).join(to ?? '');
      }
      case 'patsubst': {
        const [p, r, t] = a(3).map(e) as [string, string, string];
        return patsubst(p.trim(), (r ?? '').trim(), t ?? '');
      }
      case 'strip':
        return words(rest).join(' ');
      case 'findstring': {
        const [f, t] = a(2).map(e) as [string, string];
        return (t ?? '').includes(f) ? f : '';
      }
      case 'filter':
      case 'filter-out': {
        const [ps, t] = a(2) as [string, string];
        const pats = words(ps);
        const keep = (w: string) => pats.some((p) => patternStem(p, w) !== undefined);
        return words(t ?? '').filter((w) => (name === 'filter' ? keep(w) : !keep(w))).join(' ');
      }
      case 'sort':
        return [...new Set(words(rest))].sort().join(' ');
      case 'word': {
        const [n, t] = a(2) as [string, string];
        return words(t ?? '')[Number(e(n).trim()) - 1] ?? '';
      }
      case 'words':
        return String(words(rest).length);
      case 'firstword':
        return words(rest)[0] ?? '';
      case 'lastword':
        return words(rest).slice(-1)[0] ?? '';
      case 'dir':
        return words(rest).map(dirOf).join(' ');
      case 'notdir':
        return words(rest).map(notdir).join(' ');
      case 'suffix':
        return words(rest)
          .map((w) => /(\.[^./]*)$/.exec(w)?.[1] ?? '')
          .filter(Boolean)
          .join(' ');
      case 'basename':
        return words(rest)
          .map((w) => w.replace(/\.[^./]*$/, ''))
          .join(' ');
      case 'addsuffix':
      case 'addprefix': {
        const [x, t] = a(2) as [string, string];
        const fix = e(x);
        return words(t ?? '')
          .map((w) => (name === 'addsuffix' ? w + fix : fix + w))
          .join(' ');
      }
      case 'join': {
        const [l, r] = a(2).map((s) => words(s)) as [string[], string[]];
        return Array.from({ length: Math.max(l.length, r.length) }, (_, i) => (l[i] ?? '') + (r[i] ?? '')).join(' ');
      }
      case 'wildcard':
        return words(rest).flatMap(this.glob).join(' ');
      case 'if': {
        const [c, t, f] = a(3) as [string, string, string | undefined];
        return e(c).trim() !== '' ? e(t ?? '') : e(f ?? '');
      }
      case 'or':
        for (const x of a(Number.POSITIVE_INFINITY)) {
          const v = e(x).trim();
          if (v) return v;
        }
        return '';
      case 'and': {
        let v = '';
        for (const x of a(Number.POSITIVE_INFINITY)) {
          v = e(x).trim();
          if (!v) return '';
        }
        return v;
      }
      case 'foreach': {
        const [v, list, body] = a(3) as [string, string, string];
        const name2 = e(v).trim();
        const saved = vars.get(name2);
        const out = words(list).map((w) => {
          vars.set(name2, { value: w, recursive: false, origin: 'automatic' });
          return e(body ?? '');
        });
        if (saved) vars.set(name2, saved);
        else vars.delete(name2);
        return out.join(' ');
      }
      case 'origin': {
        const v = vars.get(e(rest).trim());
        return v ? v.origin : 'undefined';
      }
      case 'error':
        throw new MakeFunctionError(`*** ${e(rest)}.  Stop.`);
      case 'warning':
      case 'info':
        this.say(name === 'info' ? `${e(rest)}\n` : `${e(rest)}\n`);
        return '';
      case 'shell':
        return this.shell(e(rest));
      default:
        return '';
    }
  }
}

const FUNCTIONS = new Set([
  'subst', 'patsubst', 'strip', 'findstring', 'filter', 'filter-out', 'sort', 'word', 'words', 'firstword', 'lastword',
  'dir', 'notdir', 'suffix', 'basename', 'addsuffix', 'addprefix', 'join', 'wildcard', 'if', 'or', 'and', 'foreach',
  'origin', 'error', 'warning', 'info', 'shell',
]);
