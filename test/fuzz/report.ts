/** The fuzzer's figures as text: the run, failures by kind and owner, the distinct ones with a repro, the heap. */
import { FAILURE_KINDS } from './failure';
import type { FuzzReport } from './driver';

const OWNERS = ['fuzz', 'shell', 'terminal'] as const;
const OWNER_TITLE: Record<(typeof OWNERS)[number], string> = {
  fuzz: 'ours',
  shell: 'shell (handed over)',
  terminal: 'terminal (handed over)',
};

function total(counts: Record<string, number> | undefined): number {
  return Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
}

export function formatReport(rep: FuzzReport, opts: { distinct?: number } = {}): string {
  const out: string[] = [];
  const kinds = Object.entries(rep.kinds)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  out.push(`fuzz: ${rep.lines} lines (${kinds}) in ${rep.sessions} sessions, seed ${rep.seed}, ${(rep.wallMs / 1000).toFixed(0)} s`);
  out.push(`  ${rep.killed} lines stopped at their timeout; ${rep.imports.tried} exports given to import (${rep.imports.accepted} accepted, ${rep.imports.rejected} refused); ${rep.probes} hazard lines probed; ${rep.workers} worker${rep.workers === 1 ? '' : 's'}`);
  out.push(`  lines over 1 s of real time: ${rep.slowWall} (not counted as failures below: the machine's load; a line over 1 s of CPU time is)`);
  out.push('');
  const w = Math.max(...FAILURE_KINDS.map((k) => k.length));
  out.push(`${'failures'.padEnd(w)}  ${OWNERS.map((o) => OWNER_TITLE[o].padStart(22)).join('')}`);
  for (const k of FAILURE_KINDS) {
    out.push(`${k.padEnd(w)}  ${OWNERS.map((o) => String(rep.counts[o]?.[k] ?? 0).padStart(22)).join('')}`);
  }
  out.push(`${'total'.padEnd(w)}  ${OWNERS.map((o) => String(total(rep.counts[o])).padStart(22)).join('')}`);
  out.push('');
  out.push(`heap after gc() per 10,000 lines: ${rep.heap.length ? rep.heap.map((h) => `${h.mb.toFixed(0)} MB`).join(', ') : '(fewer than 10,000 lines)'}`);
  const limit = opts.distinct ?? 40;
  if (rep.distinct.length) {
    out.push('');
    out.push(`distinct failures (${rep.distinct.length}${rep.distinct.length > limit ? `, the first ${limit}` : ''}):`);
    for (const d of rep.distinct.slice(0, limit)) {
      const f = d.first;
      out.push(`  ${String(d.count).padStart(5)} × [${f.owner}] ${f.kind}: ${f.detail.replace(/\s+/g, ' ').slice(0, 140)}`);
      out.push(`          repro: ${f.line.replace(/\n/g, '\\n').slice(0, 200)}${f.line.length > 200 ? '…' : ''}  (session ${f.session}, line ${f.n})`);
    }
  }
  return `${out.join('\n')}\n`;
}
