/**
 * Value checks of docker's opts types, for FlagSpec.validate: the parser turns
 * the returned text into `invalid argument "<v>" for "-f, --filter" flag: <text>`
 * (exit 125), as pflag does with the error of Value.Set.
 */

/** opts.FilterOpt.Set: "name=value" (an empty value is accepted and ignored) */
export function validateFilter(value: string): string | undefined {
  if (value === '' || value.includes('=')) return undefined;
  return 'bad format of filter (expected name=value)';
}

/** docker's filter flag: `-f, --filter filter` */
export const FILTER_FLAG = {
  name: 'filter',
  short: 'f',
  type: 'list',
  valueName: 'filter',
  usage: 'Filter output based on conditions provided',
  validate: validateFilter,
} as const;

/** docker's filter args as name → values, names lower-cased and both sides trimmed (FilterOpt.Set) */
export function parseFilters(values: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of values) {
    if (v === '') continue;
    const i = v.indexOf('=');
    const name = v.slice(0, i).trim().toLowerCase();
    const val = v.slice(i + 1).trim();
    const list = out.get(name) ?? [];
    list.push(val);
    out.set(name, list);
  }
  return out;
}
