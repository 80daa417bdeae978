/** Percentiles and the figures table of the web benchmark. */

/** nearest-rank percentile (p in 0..100) of unsorted numbers */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export interface Row {
  figure: string;
  value: string;
  budget: string;
  /** undefined: no budget */
  within?: boolean;
}

export function table(rows: readonly Row[]): string {
  const head: Row = { figure: 'figure', value: 'measured', budget: 'budget' };
  const all = [head, ...rows];
  const w = (k: keyof Omit<Row, 'within'>) => Math.max(...all.map((r) => r[k].length));
  const [a, b, c] = [w('figure'), w('value'), w('budget')];
  return all
    .map((r, i) => {
      const mark = i === 0 ? '' : r.within === undefined ? '' : r.within ? '  ok' : '  over budget';
      return `${r.figure.padEnd(a)}  ${r.value.padStart(b)}  ${r.budget.padEnd(c)}${mark}`.trimEnd();
    })
    .join('\n');
}

export const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
