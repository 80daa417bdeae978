/**
 * make (GNU make 4.1, as Debian stretch's `make` package): reads GNUmakefile,
 * makefile or Makefile (or -f FILE) in the directory -C names, and brings the
 * goals up to date: a target is remade when it is missing, phony, or older
 * than a prerequisite (or a prerequisite was remade in this run). Rules come
 * from the Makefile, pattern and suffix rules, the built-in %.o: %.c rule and
 * .DEFAULT. Each recipe line is echoed (unless `@` or -s) and run by /bin/sh
 * -c in the Makefile's directory; `-` ignores its failure. A sub-make
 * ($(MAKE) in a recipe) knows its level from MAKELEVEL and says where it works
 * ("make[1]: Entering directory '…'"), as -C does at the top.
 */
import type { ProcessIO } from '../../../api/io';
import type { Program, ProgramContext } from '../../interpreter/types';
import { dirName, resolvePath } from '../../vfs/path';
import { globToRegex } from '../glob-match';
import { Expander, MakeFunctionError, patternStem, type Vars } from './expand';
import { assign, MakeSyntaxError, type Makefile, type PatternRule, parseMakefile } from './makefile';

interface Opts {
  dir?: string;
  file?: string;
  silent: boolean;
  dryRun: boolean;
  keepGoing: boolean;
  goals: string[];
  overrides: [string, string][];
}

class MakeFailure extends Error {}

function parseArgs(args: string[]): Opts | string {
  const o: Opts = { silent: false, dryRun: false, keepGoing: false, goals: [], overrides: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const eq = /^([^-=\s][^=\s]*)=(.*)$/s.exec(a);
    if (eq) o.overrides.push([eq[1] as string, eq[2] as string]);
    else if (a === '-C' || a === '--directory') o.dir = args[++i];
    else if (a.startsWith('-C')) o.dir = a.slice(2);
    else if (a.startsWith('--directory=')) o.dir = a.slice(12);
    else if (a === '-f' || a === '--file' || a === '--makefile') o.file = args[++i];
    else if (a.startsWith('-f') && a.length > 2) o.file = a.slice(2);
    else if (a === '-s' || a === '--silent' || a === '--quiet') o.silent = true;
    else if (a === '-n' || a === '--dry-run' || a === '--just-print') o.dryRun = true;
    else if (a === '-k' || a === '--keep-going') o.keepGoing = true;
    else if (a === '-j' || a === '-l') {
      if (/^\d+$/.test(args[i + 1] ?? '')) i++;
    } else if (/^-[jl]\d*$/.test(a) || /^--jobs(=\d+)?$/.test(a) || a === '-w' || a === '--print-directory' || a === '--no-print-directory' || a === '-r' || a === '-R') continue;
    else if (a.startsWith('-')) return a;
    else o.goals.push(a);
  }
  return o;
}

const BUILTIN_VARS: [string, string][] = [
  ['CC', 'cc'],
  ['CXX', 'g++'],
  ['CPP', '$(CC) -E'],
  ['AR', 'ar'],
  ['ARFLAGS', 'rv'],
  ['AS', 'as'],
  ['RM', 'rm -f'],
  ['SHELL', '/bin/sh'],
  ['COMPILE.c', '$(CC) $(CFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c'],
  ['LINK.o', '$(CC) $(LDFLAGS) $(TARGET_ARCH)'],
  ['LINK.c', '$(CC) $(CFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH)'],
  ['OUTPUT_OPTION', '-o $@'],
];

/** the built-in rules make falls back on (after the Makefile's own) */
const BUILTIN_PATTERNS: PatternRule[] = [
  { target: '%.o', prereqs: ['%.c'], recipe: ['$(COMPILE.c) $(OUTPUT_OPTION) $<'] },
  { target: '%', prereqs: ['%.o'], recipe: ['$(LINK.o) $^ $(LOADLIBES) $(LDLIBS) -o $@'] },
  { target: '%', prereqs: ['%.c'], recipe: ['$(LINK.c) $^ $(LOADLIBES) $(LDLIBS) -o $@'] },
];

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

class Run {
  private readonly remade = new Set<string>();
  private readonly done = new Map<string, boolean>();
  private readonly building = new Set<string>();
  /** did any recipe run for the goal being made */
  ran = false;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly dir: string,
    private readonly mf: Makefile,
    private readonly vars: Vars,
    private readonly x: Expander,
    private readonly opts: Opts,
    private readonly prefix: string,
    private readonly env: Record<string, string>,
  ) {}

  private path(f: string): string {
    return resolvePath(this.dir, f);
  }

  private mtime(f: string): number | undefined {
    try {
      return this.ctx.fs.stat(this.path(f)).mtime;
    } catch {
      return undefined;
    }
  }

  private err(s: string): void {
    this.ctx.io.stderr.write(`${this.prefix}: ${s}\n`);
  }

  /** the recipe and prerequisites a target is made with: its rule, else a pattern rule whose prerequisites exist or can be made */
  private plan(t: string, depth = 0): { prereqs: string[]; recipe: string[]; stem: string; implicit?: string } | undefined {
    const rule = this.mf.rules.get(t);
    if (rule && rule.recipe.length > 0) return { prereqs: rule.prereqs, recipe: rule.recipe, stem: '' };
    if (depth < 2 && !this.mf.phony.has(t)) {
      for (const p of [...this.mf.patterns, ...BUILTIN_PATTERNS]) {
        const stem = patternStem(p.target, t.slice(t.lastIndexOf('/') + 1));
        if (stem === undefined || (p.target === '%' && rule === undefined && depth > 0)) continue;
        const dirPart = p.target.includes('/') ? '' : t.slice(0, t.lastIndexOf('/') + 1);
        const pre = p.prereqs.map((q) => (q.includes('%') ? dirPart + q.replace('%', stem) : q));
        if (p.recipe.length === 0 && p !== undefined) continue;
        const ok = pre.every((q) => this.mtime(q) !== undefined || this.mf.rules.has(q) || this.plan(q, depth + 1) !== undefined);
        if (!ok) continue;
        return { prereqs: [...pre, ...(rule?.prereqs ?? []).filter((q) => !pre.includes(q))], recipe: p.recipe, stem: dirPart + stem, implicit: pre[0] };
      }
    }
    if (rule) return { prereqs: rule.prereqs, recipe: [], stem: '' };
    return undefined;
  }

  /** bring `t` up to date; true when it was remade (or is phony) */
  async make(t: string, parent?: string): Promise<boolean> {
    const known = this.done.get(t);
    if (known !== undefined) return known;
    if (this.building.has(t)) {
      this.err(`Circular ${parent ?? t} <- ${t} dependency dropped.`);
      return false;
    }
    this.building.add(t);
    const plan = this.plan(t);
    const phony = this.mf.phony.has(t);
    const exists = this.mtime(t) !== undefined;
    if (!plan) {
      if (exists && !phony) {
        this.done.set(t, false);
        return false;
      }
      if (this.mf.defaultRecipe) {
        await this.recipe(t, this.mf.defaultRecipe, [], '', undefined);
        this.done.set(t, true);
        return true;
      }
      throw new MakeFailure(parent ? `*** No rule to make target '${t}', needed by '${parent}'.  Stop.` : `*** No rule to make target '${t}'.  Stop.`);
    }
    let newer = false;
    const mine = this.mtime(t);
    for (const p of plan.prereqs) {
      const r = await this.make(p, t);
      const pm = this.mtime(p);
      if (r || (pm !== undefined && mine !== undefined && pm > mine)) newer = true;
    }
    const needed = phony || !exists || newer;
    if (needed && plan.recipe.length > 0) {
      await this.recipe(t, plan.recipe, plan.prereqs, plan.stem, plan.implicit);
      this.remade.add(t);
    }
    const result = needed && (plan.recipe.length > 0 || phony || newer);
    this.building.delete(t);
    this.done.set(t, result);
    return result;
  }

  private autoVars(t: string, prereqs: string[], stem: string, implicit: string | undefined): Vars {
    const v: Vars = new Map(this.vars);
    const set = (k: string, value: string) => v.set(k, { value, recursive: false, origin: 'automatic' });
    set('@', t);
    set('<', implicit ?? prereqs[0] ?? '');
    set('^', [...new Set(prereqs)].join(' '));
    set('+', prereqs.join(' '));
    set('?', prereqs.filter((p) => this.remade.has(p)).join(' '));
    set('*', stem);
    return v;
  }

  private async recipe(t: string, lines: string[], prereqs: string[], stem: string, implicit: string | undefined): Promise<void> {
    const v = this.autoVars(t, prereqs, stem, implicit);
    for (const raw of lines) {
      let line = this.x.expand(raw, v);
      let silent = this.opts.silent;
      let ignore = false;
      for (;;) {
        const m = /^\s*([@+-])/.exec(line);
        if (!m) break;
        if (m[1] === '@') silent = true;
        else if (m[1] === '-') ignore = true;
        line = line.slice(m[0].length);
      }
      line = line.replace(/^\s+/, '');
      if (line === '') continue;
      this.ran = true;
      if (!silent || this.opts.dryRun) this.ctx.io.stdout.write(`${line}\n`);
      if (this.opts.dryRun) continue;
      const status = await this.sh(line);
      if (status !== 0) {
        if (ignore) {
          this.err(`[${t}] Error ${status} (ignored)`);
          continue;
        }
        this.err(`*** [${t}] Error ${status}`);
        throw new MakeFailure('');
      }
    }
  }

  /** $(SHELL) -c LINE in the Makefile's directory (a shell that changes there first, then becomes the recipe's shell) */
  private sh(line: string): Promise<number> {
    const io: ProcessIO = this.ctx.io;
    const wanted = this.x.expand('$(SHELL)', this.vars) || '/bin/sh';
    // a machine without the file (the learner's simulated host) still has its sh by name
    const shell = this.ctx.lookup(wanted) !== undefined ? wanted : 'sh';
    if (this.dir === this.ctx.cwd) return this.ctx.exec([shell, '-c', line], io, this.env);
    return this.ctx.exec([shell, '-c', `cd ${shellQuote(this.dir)} && exec ${shell} -c ${shellQuote(line)}`], io, this.env);
  }
}

function readText(ctx: ProgramContext, path: string): string | undefined {
  try {
    return new TextDecoder().decode(ctx.fs.readFile(path));
  } catch {
    return undefined;
  }
}

export const make: Program = async (ctx) => {
  const level = Number.parseInt(ctx.env.MAKELEVEL ?? '0', 10) || 0;
  const name = (ctx.argv[0] ?? 'make').slice((ctx.argv[0] ?? 'make').lastIndexOf('/') + 1);
  const prefix = level > 0 ? `${name}[${level}]` : name;
  const o = parseArgs(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.io.stderr.write(`${name}: invalid option -- '${o.replace(/^-+/, '').slice(0, 1)}'\nUsage: make [options] [target] ...\n`);
    return 2;
  }
  const dir = o.dir !== undefined ? resolvePath(ctx.cwd, o.dir) : ctx.cwd;
  if (o.dir !== undefined) {
    try {
      if (ctx.fs.stat(dir).type !== 'dir') throw new Error('not a directory');
    } catch {
      ctx.io.stderr.write(`${prefix}: *** ${o.dir}: No such file or directory.  Stop.\n`);
      return 2;
    }
  }
  const announce = o.dir !== undefined || level > 0;
  if (announce) ctx.io.stdout.write(`${prefix}: Entering directory '${dir}'\n`);
  const leave = () => {
    if (announce) ctx.io.stdout.write(`${prefix}: Leaving directory '${dir}'\n`);
  };
  const fail = (msg: string) => {
    if (msg) ctx.io.stderr.write(`${prefix}: ${msg}\n`);
    leave();
    return 2;
  };
  const vars: Vars = new Map();
  for (const [k, v] of BUILTIN_VARS) vars.set(k, { value: v, recursive: true, origin: 'default' });
  for (const [k, v] of Object.entries(ctx.env)) if (k !== 'SHELL' && k !== 'MAKEFLAGS') vars.set(k, { value: v, recursive: true, origin: 'environment' });
  vars.set('MAKE', { value: name, recursive: false, origin: 'default' });
  vars.set('CURDIR', { value: dir, recursive: false, origin: 'file' });
  vars.set('MAKELEVEL', { value: String(level), recursive: false, origin: 'environment' });
  const x = new Expander(
    (pattern) => {
      const full = resolvePath(dir, pattern);
      const parent = dirName(full);
      const re = globToRegex(full.slice(parent.length + (parent === '/' ? 0 : 1)));
      try {
        const prefixDir = pattern.includes('/') ? pattern.slice(0, pattern.lastIndexOf('/') + 1) : '';
        return ctx.fs.readdir(parent).filter((n) => re.test(n)).map((n) => prefixDir + n);
      } catch {
        return [];
      }
    },
    (s) => ctx.io.stdout.write(s),
  );
  for (const [k, v] of o.overrides) assign(vars, x, k, '=', v, true, 'command line');
  const candidates = o.file !== undefined ? [o.file] : ['GNUmakefile', 'makefile', 'Makefile'];
  const found = candidates.find((f) => readText(ctx, resolvePath(dir, f)) !== undefined);
  let mf: Makefile;
  try {
    if (found === undefined && o.file !== undefined) return fail(`${o.file}: No such file or directory\n${prefix}: *** No rule to make target '${o.file}'.  Stop.`);
    mf =
      found === undefined
        ? { rules: new Map(), patterns: [], phony: new Set(), defaultGoal: undefined, defaultRecipe: undefined }
        : parseMakefile(readText(ctx, resolvePath(dir, found)) as string, found, vars, x, (f) => readText(ctx, resolvePath(dir, f)));
  } catch (e) {
    if (e instanceof MakeSyntaxError || e instanceof MakeFunctionError) return fail(e.message);
    throw e;
  }
  const goals = o.goals.length > 0 ? o.goals : mf.defaultGoal !== undefined ? [mf.defaultGoal] : [];
  if (goals.length === 0) return fail(found === undefined ? '*** No targets specified and no makefile found.  Stop.' : '*** No targets.  Stop.');
  const flags = [o.silent ? 's' : '', o.keepGoing ? 'k' : '', o.dryRun ? 'n' : ''].join('');
  const overrides = o.overrides.map(([k, v]) => `${k}=${v.replace(/([\\\s])/g, '\\$1')}`).join(' ');
  const env = { ...ctx.env, MAKELEVEL: String(level + 1), MAKEFLAGS: [flags, overrides ? `-- ${overrides}` : ''].filter(Boolean).join(' ') };
  // the overrides of the make above reach this one through MAKEFLAGS
  const inherited = /(?:^| )-- (.*)$/.exec(ctx.env.MAKEFLAGS ?? '')?.[1];
  if (inherited) {
    for (const w of inherited.match(/(?:\\.|\S)+/g) ?? []) {
      const m = /^([^=]+)=(.*)$/s.exec(w.replace(/\\(.)/g, '$1'));
      if (m && !o.overrides.some(([k]) => k === m[1])) assign(vars, x, m[1] as string, '=', m[2] as string, true, 'command line');
    }
  }
  const run = new Run(ctx, dir, mf, vars, x, o, prefix, env);
  let status = 0;
  for (const g of goals) {
    run.ran = false;
    try {
      const remade = await run.make(g);
      if (!run.ran && !o.dryRun) {
        const rule = mf.rules.get(g);
        const hasRecipe = (rule?.recipe.length ?? 0) > 0 || (!rule && ctx.fs.exists(resolvePath(dir, g)));
        ctx.io.stdout.write(hasRecipe && !remade ? `${prefix}: '${g}' is up to date.\n` : `${prefix}: Nothing to be done for '${g}'.\n`);
      }
    } catch (e) {
      if (e instanceof MakeFailure) {
        if (e.message) ctx.io.stderr.write(`${prefix}: ${e.message}\n`);
        status = 2;
        if (!o.keepGoing) break;
        continue;
      }
      if (e instanceof MakeFunctionError) {
        ctx.io.stderr.write(`${prefix}: ${e.message}\n`);
        status = 2;
        break;
      }
      throw e;
    }
  }
  leave();
  return status;
};
