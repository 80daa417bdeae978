/**
 * Table and --format output of the image commands through the CLI's
 * formatter (docker/cli formatter.Context): "" / "table" → the command's
 * default table, "table TEMPLATE" → header + rows via the tabwriter,
 * "TEMPLATE" → one line per row.
 */
import { ellipsis as cliEllipsis } from '../../format/ellipsis';
import { formatRows, resolveFormat } from '../../format/formatter';

export type Row = Record<string, string | number | boolean | null | undefined>;

export function renderFormat(
  format: string,
  defaultTable: string,
  headers: Record<string, string>,
  rows: Row[],
  typeName?: string,
): string {
  return formatRows(resolveFormat(format, { table: defaultTable }), rows, headers, typeName ? { typeName } : {});
}

/** docker's "…" truncation (formatter.Ellipsis, display width) */
export function ellipsis(s: string, max: number): string {
  return cliEllipsis(s, max);
}
