/**
 * Output helpers shared by the volume, network and system commands: docker's
 * filter flag, the prune confirmation prompt, NaturalLess ordering, the
 * inspect JSON layout, and tables through the tabwriter.
 */
import type { CommandContext } from '../../framework/command';
import { usageError } from '../../framework/errors';
import { tabwrite } from '../../format/tabwriter';
import { own, setOwn } from '../../../lib/own';

/** `--filter name=value` occurrences → API filters (opts.FilterOpt); bad input is a flag error (125) */
export function parseFilters(ctx: Pick<CommandContext, 'commandPath'>, values: string[], flagName = '-f, --filter'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of values) {
    if (v === '') continue;
    const eq = v.indexOf('=');
    if (eq < 0) throw usageError(ctx, `invalid argument "${v}" for "${flagName}" flag: bad format of filter (expected name=value)`);
    const name = v.slice(0, eq).trim().toLowerCase();
    const value = v.slice(eq + 1).trim();
    const list = own(out, name) ?? [];
    if (!list.includes(value)) list.push(value);
    setOwn(out, name, list);
  }
  return out;
}

/** command.PromptForConfirmation: `message [y/N] ` on stdout, true only for "y"/"Y" */
export async function confirm(ctx: Pick<CommandContext, 'io'>, message: string): Promise<boolean> {
  ctx.io.stdout.write(`${message} [y/N] `);
  const answer = await ctx.io.stdin.readLine();
  return (answer ?? '').trim().toLowerCase() === 'y';
}

/** github.com/fvbommel/sortorder NaturalLess: digit runs compare by value */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  const isDigit = (c: string) => c >= '0' && c <= '9';
  while (i < a.length && j < b.length) {
    const ca = a[i];
    const cb = b[j];
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      while (ei < a.length && a[ei] === '0') ei++;
      let ej = j;
      while (ej < b.length && b[ej] === '0') ej++;
      let ni = ei;
      while (ni < a.length && isDigit(a[ni])) ni++;
      let nj = ej;
      while (nj < b.length && isDigit(b[nj])) nj++;
      const da = a.slice(ei, ni);
      const db = b.slice(ej, nj);
      if (da.length !== db.length) return da.length < db.length;
      if (da !== db) return da < db;
      if (ei - i !== ej - j) return ei - i < ej - j;
      i = ni;
      j = nj;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

export function naturalCompare(a: string, b: string): number {
  if (naturalLess(a, b)) return -1;
  if (naturalLess(b, a)) return 1;
  return 0;
}

/** Go's json.MarshalIndent(v, "", "    ") with its HTML escaping */
export function goIndentJson(v: unknown): string {
  return JSON.stringify(v, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** rows of cells → docker table text (tabwriter minwidth 10, padding 3) */
export function table(header: string[], rows: string[][]): string {
  const lines = [header, ...rows].map((r) => `${r.join('\t')}\n`);
  return tabwrite(lines.join(''));
}
