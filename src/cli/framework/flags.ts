/**
 * An argv parser with spf13/pflag semantics (v1.0.5, as docker 20.10 vendors it):
 * `--name=x`, `--name x`, `-dit`, `-p80:80`, `-d=false`, bools never take the
 * next argument, `--` ends flags, SetInterspersed(false) for run/exec/create,
 * repeated list flags accumulate. Errors carry pflag's exact text; the caller
 * adds "See 'docker … --help'." (cobra's FlagErrorFunc).
 *
 * Every command also has cobra's persistent `--help` (hidden). Its `-h`
 * shorthand is deprecated in docker ("please use --help") and is dropped when
 * the command uses -h itself (`docker run -h HOSTNAME`).
 */
import type { FlagSpec, FlagValue, ParsedFlags } from './command';
import { applyValue, initialValue } from './flag-values';
import { GoValueError, goQuote } from './strconv';

/** A pflag parse error; `message` is pflag's text ("unknown flag: --nmae"). */
export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'bool', usage: 'Print usage', hidden: true };
const HELP_SHORTHAND_DEPRECATED = 'please use --help';

/** A flag set: the command's flags plus the help flag. */
export class FlagSet {
  readonly byName = new Map<string, FlagSpec>();
  readonly byShort = new Map<string, FlagSpec>();

  constructor(specs: readonly FlagSpec[]) {
    for (const f of specs) {
      this.byName.set(f.name, f);
      if (f.short) this.byShort.set(f.short, f);
    }
    if (!this.byName.has('help')) {
      const help: FlagSpec = this.byShort.has('h') ? { ...HELP_FLAG, short: undefined } : HELP_FLAG;
      this.byName.set('help', help);
      if (help.short) this.byShort.set('h', help);
    }
  }

  /** flags help lists: not hidden, not deprecated, sorted by name (pflag SortFlags) */
  visible(): FlagSpec[] {
    return [...this.byName.values()]
      .filter((f) => !f.hidden && !f.deprecated)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** cobra's hasNoOptDefVal: true for bool flags (they never take the next argument) */
  takesNoValue(name: string): boolean {
    return this.byName.get(name)?.type === 'bool';
  }

  shortTakesNoValue(short: string): boolean {
    return this.byShort.get(short)?.type === 'bool';
  }
}

/** Parsed values; also the running state while parsing (values + which were set). */
export class FlagState implements ParsedFlags {
  readonly values: Record<string, FlagValue> = {};
  readonly changed = new Set<string>();

  constructor(readonly set: FlagSet) {
    for (const f of set.byName.values()) this.values[f.name] = initialValue(f);
  }

  bool(name: string): boolean {
    return this.values[name] === true;
  }
  string(name: string): string {
    const v = this.values[name];
    return typeof v === 'string' ? v : v === undefined ? '' : String(v);
  }
  int(name: string): number {
    const v = this.values[name];
    return typeof v === 'number' ? v : 0;
  }
  list(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? [...v] : [];
  }
  duration(name: string): number {
    return this.int(name);
  }
}

export interface ParseOptions {
  /** false = pflag SetInterspersed(false): the first positional ends flag parsing */
  interspersed: boolean;
}

export interface ParseResult {
  flags: FlagState;
  /** positional arguments */
  args: string[];
  /** notices pflag prints on success ("Flag shorthand -h has been deprecated, please use --help") */
  notices: string[];
}

function flagDisplayName(f: FlagSpec): string {
  return f.short && !(f.name === 'help' && f.short === 'h') ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

function setValue(state: FlagState, f: FlagSpec, raw: string, notices: string[]): void {
  try {
    state.values[f.name] = applyValue(f, state.values[f.name]!, state.changed.has(f.name), raw);
  } catch (e) {
    if (e instanceof GoValueError) {
      throw new FlagError(`invalid argument ${goQuote(raw)} for ${goQuote(flagDisplayName(f))} flag: ${e.message}`);
    }
    throw e;
  }
  state.changed.add(f.name);
  if (f.deprecated) notices.push(`Flag --${f.name} has been deprecated, ${f.deprecated}`);
}

function parseLong(state: FlagState, s: string, rest: string[], notices: string[]): string[] {
  const body = s.slice(2);
  if (body === '' || body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const f = state.set.byName.get(name);
  if (!f) throw new FlagError(`unknown flag: --${name}`);
  let value: string;
  if (eq >= 0) value = body.slice(eq + 1);
  else if (f.type === 'bool') value = 'true';
  else if (rest.length > 0) {
    value = rest[0]!;
    rest = rest.slice(1);
  } else throw new FlagError(`flag needs an argument: ${s}`);
  setValue(state, f, value, notices);
  return rest;
}

function parseShort(state: FlagState, s: string, rest: string[], notices: string[]): string[] {
  let shorthands = s.slice(1);
  // pflag passes the original remaining args to every letter of a group: "-ab x"
  // where both need a value gives both "x" — reproduced as is.
  let out = rest;
  while (shorthands.length > 0) {
    const c = shorthands[0]!;
    const f = state.set.byShort.get(c);
    if (!f) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`);
    let value: string;
    let consumed = false;
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      shorthands = '';
    } else if (f.type === 'bool') {
      value = 'true';
      shorthands = shorthands.slice(1);
    } else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      shorthands = '';
    } else if (rest.length > 0) {
      value = rest[0]!;
      consumed = true;
      shorthands = '';
    } else {
      throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`);
    }
    if (f.name === 'help' && f.short === 'h') {
      notices.push(`Flag shorthand -h has been deprecated, ${HELP_SHORTHAND_DEPRECATED}`);
    }
    setValue(state, f, value, notices);
    if (consumed) out = rest.slice(1);
  }
  return out;
}

/**
 * Parses argv against a flag set, continuing from `state` when given (cobra
 * parses the same flag objects again after HandleGlobalFlags / Traverse).
 * Throws FlagError.
 */
export function parseFlags(
  set: FlagSet,
  argv: readonly string[],
  opts: ParseOptions,
  state: FlagState = new FlagState(set),
): ParseResult {
  const args: string[] = [];
  const notices: string[] = [];
  let rest = [...argv];
  while (rest.length > 0) {
    const s = rest[0]!;
    rest = rest.slice(1);
    if (s.length < 2 || s[0] !== '-') {
      args.push(s);
      if (!opts.interspersed) {
        args.push(...rest);
        break;
      }
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        args.push(...rest);
        break;
      }
      rest = parseLong(state, s, rest, notices);
    } else {
      rest = parseShort(state, s, rest, notices);
    }
  }
  return { flags: state, args, notices };
}
