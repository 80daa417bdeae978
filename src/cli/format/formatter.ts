/**
 * docker/cli's formatter.Context (cli/command/formatter/formatter.go) for list
 * commands: a Format is either a table ("table …": a header row computed by
 * running the template over the header map with HeaderFunctions, then one row
 * per item, all through the tabwriter) or a raw template printed once per item
 * with a newline. Literal `\t` / `\n` in the format become tab / newline.
 * Template errors (parse or execution) are `template parsing error: …`, exit 1.
 */
import { CliError } from '../framework/command';
import { tabwriteLines } from './tabwriter';
import { type ExecError, goMap, goStruct, HEADER_FUNCS, parseTemplate, type Template, TemplateError } from './template';

export const TABLE_FORMAT_KEY = 'table';
export const RAW_FORMAT_KEY = 'raw';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';

/** formatter.Format.IsTable: any format starting with "table" */
export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

export interface FormatDefaults {
  /** the command's default table, e.g. "table {{.ID}}\t{{.Image}}\t…" */
  table: string;
  /** what -q prints (default "{{.ID}}") */
  quiet?: string;
  /** the "raw" format, for commands that have one */
  raw?: string;
  /** the "raw" format with -q */
  rawQuiet?: string;
}

/**
 * The NewXxxFormat switch every docker formatter has: "table" → the default
 * table (or the quiet format), "raw" → the raw format when the command has
 * one, anything else is the user's template. An empty source is "table"
 * (callers that read psFormat/imagesFormat from config.json pass that instead).
 */
export function resolveFormat(source: string, defaults: FormatDefaults, quiet = false): string {
  if (source === '' || source === TABLE_FORMAT_KEY) {
    return quiet ? (defaults.quiet ?? DEFAULT_QUIET_FORMAT) : defaults.table;
  }
  if (source === RAW_FORMAT_KEY && defaults.raw !== undefined) {
    return quiet ? (defaults.rawQuiet ?? defaults.raw) : defaults.raw;
  }
  return source;
}

/** Context.preFormat: strip "table", trim spaces, turn literal \t and \n into tab and newline */
export function finalFormat(format: string): string {
  let f = isTableFormat(format) ? format.slice(TABLE_FORMAT_KEY.length) : format;
  f = f.replace(/^ +| +$/g, '');
  return f.replaceAll('\\t', '\t').replaceAll('\\n', '\n');
}

function templateError(err: TemplateError): CliError {
  return new CliError(`template parsing error: ${err.message}`, 1);
}

/** SubHeaderContext.Label: the last dot-separated part, '-' and '_' as spaces */
export function headerLabel(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1]!.replace(/[-_]/g, ' ');
}

/** docker's header context: a map[string]string (formatter.SubHeaderContext) with its Label method */
function headerContext(header: Record<string, string>): object {
  return goMap({ ...header, Label: headerLabel }, 'formatter.SubHeaderContext', '');
}

/** parsed formats by text (templates are immutable once parsed; lists reuse the same few formats) */
const parsed = new Map<string, { tmpl: Template; header?: Template }>();

function parseCached(text: string): { tmpl: Template; header?: Template } {
  let hit = parsed.get(text);
  if (!hit) {
    hit = { tmpl: parse(text) };
    if (parsed.size >= 64) parsed.clear();
    parsed.set(text, hit);
  }
  return hit;
}

function parse(text: string): Template {
  try {
    return parseTemplate(text);
  } catch (e) {
    if (e instanceof TemplateError) throw templateError(e);
    throw e;
  }
}

/** a shallow copy of a row with its prototype (a plain object is copied by spreading: same result, faster) */
function copyRow(row: object): object {
  const proto = Object.getPrototypeOf(row) as object | null;
  if (proto === Object.prototype) return { ...row };
  return Object.assign(Object.create(proto), row);
}

export interface FormatOptions {
  /**
   * The Go type docker's errors name for a row ("*formatter.imageContext" →
   * `can't evaluate field Foo in type *formatter.imageContext`): each row is
   * seen as a struct of that type (a missing field is an error). Without it,
   * rows are taken as they are (plain objects are Go maps: a missing field
   * prints `<no value>`; goStruct/GO_TYPE-marked rows are structs).
   */
  typeName?: string;
}

/**
 * formatter.Context.Write: renders `rows` with `format` (already resolved,
 * see resolveFormat). `header` maps the template's field names to column
 * titles ({ID: "CONTAINER ID", Image: "IMAGE", …}). Rows are objects whose
 * properties are the template's fields; function properties are methods
 * (`{{.Label "com.example"}}`). Throws CliError("template parsing error: …").
 */
export function formatRows(
  format: string,
  rows: readonly object[],
  header: Record<string, string>,
  opts: FormatOptions = {},
): string {
  const compiled = parseCached(finalFormat(format));
  const tmpl = compiled.tmpl;
  // the table's lines: its header, then one per row
  const lines: string[] = [''];
  for (const row of rows) {
    const data = opts.typeName !== undefined ? goStruct(copyRow(row), opts.typeName) : row;
    try {
      lines.push(tmpl.execute(data));
    } catch (e) {
      if (e instanceof TemplateError) throw templateError(e);
      throw e;
    }
  }
  if (!isTableFormat(format)) {
    let body = '';
    for (let i = 1; i < lines.length; i++) body += `${lines[i]}\n`;
    return body;
  }
  let head: string;
  try {
    compiled.header ??= tmpl.funcs(HEADER_FUNCS);
    head = compiled.header.execute(headerContext(header));
  } catch (e) {
    // docker ignores the header's execution error and keeps what was written
    if (e instanceof TemplateError) head = (e as ExecError).output ?? '';
    else throw e;
  }
  lines[0] = head;
  return tabwriteLines(lines);
}
