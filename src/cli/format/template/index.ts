/**
 * Go text/template as docker 20.10's `--format` uses it (docker/cli templates.Parse: Go 1.19
 * text/template plus json, split, join, title, lower, upper, pad, truncate).
 *
 *   const t = parseTemplate('{{.ID}}\t{{.Names}}');   // throws TemplateError on parse errors
 *   t.execute(row);                                   // throws TemplateError on exec errors
 *
 * Error messages are Go's (`template: :1: unclosed action`); docker's prefixes are the caller's:
 * `docker ps`/`images`/… print `template parsing error: <msg>` (exit 1) for parse and exec errors;
 * `docker inspect -f` prints `template parsing error: <msg>` with exit 64 for parse errors and
 * `template parsing error: <msg>` with exit 1 for exec errors (after retrying on the raw JSON
 * with `.option('missingkey=error')`).
 * See values.ts for how JS data maps to Go values (goStruct, goMap, GoFloat, NilPointer).
 */
import { TemplateError } from './errors';
import { type ExecContext, Executor, type MissingKey } from './exec';
import { BUILTINS, DOCKER_FUNCS, type FuncDef, type FuncMap, HEADER_FUNCS, toFuncDef } from './funcs';
import { parseTrees, type Tree } from './parser';
import { goMap } from './values';

export { FuncError, TemplateError } from './errors';
export type { FuncDef, FuncMap, ParamType } from './funcs';
export { HEADER_FUNCS } from './funcs';
export { sprint, sprintln } from './print';
export { sprintf } from './printf';
export { GO_TYPE, GoFloat, type GoTypeInfo, goMap, goSlice, goStruct, NilPointer } from './values';

export interface Template {
  /** The template's name ("" for docker's templates). */
  readonly name: string;
  /** Runs the template; throws TemplateError (phase 'exec', with `output` = partial output). */
  execute(data: unknown): string;
  /** Runs the template named `name` defined with {{define}}/{{block}}. */
  executeTemplate(name: string, data: unknown): string;
  /** Go's Template.Funcs: a copy whose functions are replaced/extended (e.g. HEADER_FUNCS). */
  funcs(map: FuncMap): Template;
  /** Go's Template.Option: 'missingkey=default' | 'missingkey=invalid' | 'missingkey=zero' | 'missingkey=error'. */
  option(opt: string): Template;
}

export interface ExecError extends TemplateError {
  /** what the template had written before failing */
  output?: string;
}

class CompiledTemplate implements Template {
  /** what every execution reads (made once: a list runs the template once per row) */
  private ctx?: ExecContext;
  constructor(
    readonly name: string,
    private readonly text: string,
    private readonly trees: ReadonlyMap<string, Tree>,
    private readonly funcMap: ReadonlyMap<string, FuncDef>,
    private readonly missingKey: MissingKey,
  ) {}

  execute(data: unknown): string {
    return this.executeTemplate(this.name, data);
  }

  executeTemplate(name: string, data: unknown): string {
    const tree = this.trees.get(name);
    if (!tree) {
      const msg =
        name === this.name
          ? `template: ${this.name}: ${JSON.stringify(name)} is an incomplete or empty template`
          : `template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(this.name)}`;
      throw new TemplateError(msg, 'exec');
    }
    this.ctx ??= { trees: this.trees, funcs: this.funcMap, text: this.text, parseName: this.name, missingKey: this.missingKey };
    const ex = new Executor(this.ctx, name);
    try {
      ex.run(tree, data);
    } catch (e) {
      if (e instanceof TemplateError) {
        (e as ExecError).output = ex.output();
        throw e;
      }
      if (e instanceof RangeError) {
        const err: ExecError = new TemplateError(`template: ${name}: exceeded maximum template depth (100000)`, 'exec');
        err.output = ex.output();
        throw err;
      }
      throw e;
    }
    return ex.output();
  }

  funcs(map: FuncMap): Template {
    const m = new Map(this.funcMap);
    for (const [k, f] of Object.entries(map)) m.set(k, toFuncDef(f));
    return new CompiledTemplate(this.name, this.text, this.trees, m, this.missingKey);
  }

  option(opt: string): Template {
    const [key, value] = opt.split('=');
    if (key !== 'missingkey' || value === undefined) throw new Error(`unrecognized option: ${opt}`);
    const mk: Record<string, MissingKey> = { default: 'default', invalid: 'default', zero: 'zero', error: 'error' };
    const v = mk[value];
    if (!v) throw new Error(`unrecognized option value: ${opt}`);
    return new CompiledTemplate(this.name, this.text, this.trees, this.funcMap, v);
  }
}

export interface ParseOptions {
  /** extra functions (added to Go's builtins and docker's functions) */
  funcs?: FuncMap;
  /** false: only Go's builtins (no docker functions) */
  dockerFuncs?: boolean;
}

/**
 * docker/cli templates.NewParse(name, text): parses with Go's builtins and docker's functions.
 * Throws TemplateError (phase 'parse') with Go's message.
 */
export function parseTemplate(text: string, name = '', options: ParseOptions = {}): Template {
  const funcs = new Map<string, FuncDef>(Object.entries(BUILTINS));
  if (options.dockerFuncs !== false) for (const [k, f] of Object.entries(DOCKER_FUNCS)) funcs.set(k, f);
  for (const [k, f] of Object.entries(options.funcs ?? {})) funcs.set(k, toFuncDef(f));
  const trees = parseTrees(name, text, (fn) => funcs.has(fn));
  return new CompiledTemplate(name, text, trees, funcs, 'default');
}

/** Executes `text` once; convenience for tests and one-off formats. */
export function executeTemplate(text: string, data: unknown, name = ''): string {
  return parseTemplate(text, name).execute(data);
}

/**
 * docker's table header rendering: the template with HEADER_FUNCS over the header map
 * (`{"ID": "CONTAINER ID", …}`). Like docker, an execution error is ignored and whatever was
 * written before it is the header.
 */
export function renderHeader(tmpl: Template, header: Record<string, string>): string {
  try {
    return tmpl.funcs(HEADER_FUNCS).execute(goMap({ ...header }, 'map[string]string', ''));
  } catch (e) {
    if (e instanceof TemplateError) return (e as ExecError).output ?? '';
    throw e;
  }
}
