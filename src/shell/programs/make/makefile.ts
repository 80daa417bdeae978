/**
 * A Makefile as GNU make reads it: variable assignments (=, :=, ::=, ?=, +=,
 * `override`), rules (targets, prerequisites, `|` order-only ones, recipes on
 * tab-indented lines or after `;`), pattern rules (%.o: %.c), old-style suffix
 * rules (.c.o:), .PHONY and .DEFAULT, conditionals (ifeq/ifneq/ifdef/ifndef,
 * else, endif), `include`/`-include`, comments and backslash continuations.
 * Expansion ($(VAR), ${VAR}, $X, functions) is in expand.ts.
 */
import { type Expander, type Vars, splitWords } from './expand';

export interface Rule {
  targets: string[];
  prereqs: string[];
  recipe: string[];
  /** where the rule starts, for messages */
  line: number;
}

export interface PatternRule {
  target: string;
  prereqs: string[];
  recipe: string[];
}

export interface Makefile {
  rules: Map<string, Rule>;
  patterns: PatternRule[];
  phony: Set<string>;
  /** the first target not starting with '.' (or a pattern) */
  defaultGoal: string | undefined;
  /** the recipe of .DEFAULT, for targets without a rule */
  defaultRecipe: string[] | undefined;
}

export class MakeSyntaxError extends Error {}

/** logical lines: backslash-newline joins lines (recipe lines keep theirs for the shell) */
function logicalLines(text: string): { text: string; line: number }[] {
  const raw = text.split('\n');
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const start = i;
    let line = raw[i] as string;
    const recipe = line.startsWith('\t');
    while (line.endsWith('\\') && i + 1 < raw.length) {
      i++;
      const next = raw[i] as string;
      line = recipe ? `${line}\n${next.replace(/^\t/, '')}` : `${line.slice(0, -1).replace(/\s+$/, '')} ${next.replace(/^\s+/, '')}`;
    }
    out.push({ text: line, line: start + 1 });
  }
  return out;
}

function stripComment(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '#') {
      out += '#';
      i++;
    } else if (s[i] === '#') break;
    else out += s[i];
  }
  return out;
}

const ASSIGN = /^(override\s+)?(export\s+)?([^\s:#=?+!]+)\s*(=|:=|::=|\?=|\+=|!=)\s*(.*)$/s;

/** read a Makefile's text into `vars` and the rules; `include` reads other files through `readFile` */
export function parseMakefile(text: string, name: string, vars: Vars, x: Expander, readFile: (path: string) => string | undefined, into?: Makefile): Makefile {
  const mf: Makefile = into ?? { rules: new Map(), patterns: [], phony: new Set(), defaultGoal: undefined, defaultRecipe: undefined };
  let current: { recipe: string[] }[] = [];
  /** the conditional stack: is each level's branch taken */
  const conds: { taking: boolean; done: boolean; outer: boolean }[] = [];
  const active = () => conds.every((c) => c.taking);
  for (const { text: raw, line } of logicalLines(text)) {
    if (raw.startsWith('\t') && current.length > 0) {
      if (active()) for (const r of current) r.recipe.push(raw.slice(1));
      continue;
    }
    const s = stripComment(raw).trim();
    if (s === '') continue;
    const cond = /^(ifeq|ifneq|ifdef|ifndef)\b\s*(.*)$/.exec(s);
    if (cond) {
      const outer = active();
      let taking = false;
      if (outer) taking = evalCondition(cond[1] as string, cond[2] as string, vars, x);
      conds.push({ taking: outer && taking, done: taking, outer });
      continue;
    }
    if (/^else\b/.test(s)) {
      const top = conds[conds.length - 1];
      if (!top) throw new MakeSyntaxError(`${name}:${line}: *** extraneous 'else'.  Stop.`);
      const rest = s.slice(4).trim();
      const again = /^(ifeq|ifneq|ifdef|ifndef)\b\s*(.*)$/.exec(rest);
      const ok = again ? evalCondition(again[1] as string, again[2] as string, vars, x) : true;
      top.taking = top.outer && !top.done && ok;
      if (top.taking) top.done = true;
      continue;
    }
    if (s === 'endif') {
      if (!conds.pop()) throw new MakeSyntaxError(`${name}:${line}: *** extraneous 'endif'.  Stop.`);
      continue;
    }
    if (!active()) continue;
    const inc = /^(-?include|sinclude)\s+(.*)$/.exec(s);
    if (inc) {
      for (const f of splitWords(x.expand(inc[2] as string, vars))) {
        const t = readFile(f);
        if (t === undefined) {
          if (inc[1] === 'include') throw new MakeSyntaxError(`${name}:${line}: ${f}: No such file or directory`);
          continue;
        }
        parseMakefile(t, f, vars, x, readFile, mf);
      }
      current = [];
      continue;
    }
    const asg = ASSIGN.exec(s);
    if (asg && !/^[^=]*:(?!=)/.test(s.split(/:?:?=|\?=|\+=|!=/)[0] as string)) {
      assign(vars, x, asg[3] as string, asg[4] as string, asg[5] as string, !!asg[1]);
      current = [];
      continue;
    }
    const colon = findRuleColon(s);
    if (colon < 0) throw new MakeSyntaxError(`${name}:${line}: *** missing separator.  Stop.`);
    const targets = splitWords(x.expand(s.slice(0, colon), vars));
    let rest = s.slice(colon + (s[colon + 1] === ':' ? 2 : 1));
    let inline: string | undefined;
    const semi = rest.indexOf(';');
    if (semi >= 0) {
      inline = rest.slice(semi + 1).trim();
      rest = rest.slice(0, semi);
    }
    const prereqs = splitWords(x.expand(rest, vars).replace(/\|/g, ' '));
    current = [];
    for (const t of targets) {
      if (t === '.PHONY') {
        for (const p of prereqs) mf.phony.add(p);
        continue;
      }
      if (t === '.SUFFIXES') continue;
      const recipe: string[] = inline !== undefined ? [inline] : [];
      const suffix = /^(\.[^./%]+)(\.[^./%]+)$/.exec(t);
      if (t.includes('%') || (suffix && prereqs.length === 0 && t !== '.DEFAULT')) {
        const pr = suffix && !t.includes('%') ? { target: `%${suffix[2]}`, prereqs: [`%${suffix[1]}`], recipe } : { target: t, prereqs, recipe };
        mf.patterns.unshift(pr);
        current.push(pr);
        continue;
      }
      if (t === '.DEFAULT') {
        const d = { recipe };
        mf.defaultRecipe = recipe;
        current.push(d);
        continue;
      }
      let r = mf.rules.get(t);
      if (!r) {
        r = { targets: [t], prereqs: [], recipe: [], line };
        mf.rules.set(t, r);
      }
      r.prereqs.push(...prereqs.filter((p) => !r.prereqs.includes(p)));
      if (inline !== undefined || r.recipe.length === 0) {
        // a later recipe replaces an earlier one (make warns: overriding recipe)
        r.recipe = recipe;
        current.push(r);
      }
      if (mf.defaultGoal === undefined && !t.startsWith('.')) mf.defaultGoal = t;
    }
  }
  return mf;
}

/** the colon that separates targets from prerequisites (not one inside $(…) or a drive letter) */
function findRuleColon(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      depth++;
      i++;
    } else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (c === ':' && depth === 0) return i;
  }
  return -1;
}

export function assign(vars: Vars, x: Expander, name: string, op: string, value: string, override: boolean, origin: 'file' | 'command line' = 'file'): void {
  const old = vars.get(name);
  if (old && old.origin === 'command line' && origin !== 'command line' && !override) return;
  if (op === '?=') {
    if (old) return;
    vars.set(name, { value, recursive: true, origin });
  } else if (op === '+=' && old) {
    const add = old.recursive ? value : x.expand(value, vars);
    vars.set(name, { ...old, value: old.value === '' ? add : `${old.value} ${add}`, origin: old.origin === 'environment' ? origin : old.origin });
  } else if (op === ':=' || op === '::=') vars.set(name, { value: x.expand(value, vars), recursive: false, origin });
  else if (op === '!=') vars.set(name, { value: x.shell(x.expand(value, vars)), recursive: false, origin });
  else vars.set(name, { value, recursive: true, origin });
}

function evalCondition(kind: string, args: string, vars: Vars, x: Expander): boolean {
  if (kind === 'ifdef' || kind === 'ifndef') {
    const v = vars.get(x.expand(args, vars).trim());
    const defined = v !== undefined && v.value !== '';
    return kind === 'ifdef' ? defined : !defined;
  }
  let a = '';
  let b = '';
  const paren = /^\((.*),(.*)\)$/s.exec(args.trim());
  if (paren) {
    a = paren[1] as string;
    b = paren[2] as string;
  } else {
    const q = /^(["'])(.*?)\1\s+(["'])(.*?)\3$/s.exec(args.trim());
    if (q) {
      a = q[2] as string;
      b = q[4] as string;
    }
  }
  const same = x.expand(a, vars).trim() === x.expand(b, vars).trim();
  return kind === 'ifeq' ? same : !same;
}
