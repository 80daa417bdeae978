/**
 * Table and --format output of the image commands (docker/cli formatter):
 * "table" / "" → the command's default table; "table TEMPLATE" → header row
 * plus rows through the tabwriter; "TEMPLATE" → one line per row, no header.
 * Templates here support the field forms docker's image tables use
 * ({{.Field}}, {{json .Field}}); anything else is refused docker-style until
 * the CLI's Go template engine takes over.
 */
import { tabwrite } from '../../format/tabwriter';
import { CliError } from '../../framework/command';

export type Row = Record<string, string | number | boolean | null | undefined>;

const FIELD = /\{\{\s*(json\s+)?\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function checkTemplate(tpl: string): void {
  const rest = tpl.replace(FIELD, '');
  if (rest.includes('{{')) {
    throw new CliError(`Template parsing error: template: :1: unsupported template action in "${tpl}"`);
  }
}

function expand(tpl: string, row: Row): string {
  return tpl.replace(FIELD, (_m, json: string | undefined, field: string) => {
    const v = row[field];
    if (json) return JSON.stringify(v ?? null);
    return v === null || v === undefined ? '<no value>' : String(v);
  });
}

/** Go template text escapes: docker's formatter turns literal "\t" and "\n" into tab/newline */
function unescapeTemplate(tpl: string): string {
  return tpl.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

export function renderFormat(format: string, defaultTable: string, headers: Record<string, string>, rows: Row[]): string {
  let f = format === '' || format === 'table' ? defaultTable : format;
  const table = f.startsWith('table');
  if (table) f = f.slice(5).replace(/^ /, '');
  f = unescapeTemplate(f);
  checkTemplate(f);
  if (!table) return rows.map((r) => `${expand(f, r)}\n`).join('');
  const header = expand(f, headers);
  const body = rows.map((r) => `${expand(f, r)}\n`).join('');
  return tabwrite(`${header}\n${body}`);
}

/** docker's "…" truncation (formatter.Ellipsis): at most `max` characters */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return `${chars.slice(0, max - 1).join('')}…`;
}
