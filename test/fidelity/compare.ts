/**
 * The comparison of shared/fidelity/lib/compare.py: a simulator transcript is
 * normalized like the golden one, then compared step by step (exit code,
 * stdout/stderr with docker tables compared cell by cell, and Docker's column
 * width rule on the simulator's own raw tables).
 */
import { jsonCanon } from './json-canon';
import { byCodePoint, findTables, normalizeDoc, splitRow, type TranscriptDoc, type TranscriptStep } from './normalize';

export function canon(text: string): string {
  const j = /^\s*[[{]/.test(text) ? jsonCanon(text) : null;
  if (j !== null) return j + '\nLINES|' + text.split('\n').sort(byCodePoint).join('\n');
  const { lines, tables } = findTables(text);
  const out = [...lines];
  for (const { header: hi, starts, rows } of tables) {
    const header = splitRow(lines[hi], starts).map((c) => c.trim());
    out[hi] = 'TABLE| ' + header.join(' | ');
    for (const r of rows) out[r] = 'ROW| ' + splitRow(lines[r], starts).map((c) => c.trim()).join(' | ');
  }
  return out.join('\n');
}

const cpLen = (s: string) => Array.from(s).length;

export function widthFaults(text: string): string[] {
  const faults: string[] = [];
  const { lines, tables } = findTables(text);
  for (const { header: hi, starts, rows } of tables) {
    // busybox's `ps` inside a container prints its own fixed columns, not Docker's tabwriter
    if (/^PID {3}USER {5}/.test(lines[hi])) continue;
    const header = splitRow(lines[hi], starts);
    const minw = header.some((h) => h.trim() === 'PPID') ? 20 : 10;
    for (let k = 0; k < starts.length - 1; k++) {
      const width = starts[k + 1] - starts[k];
      const cells = [...rows.map((r) => splitRow(lines[r], starts)[k].trimEnd()), header[k].trimEnd()];
      const want = Math.max(Math.max(...cells.map(cpLen)) + 3, minw);
      if (width !== want) faults.push(`column '${header[k].trim()}' is ${width} wide, docker makes it ${want}`);
    }
  }
  return faults;
}

/** The ids a simulator put where the scenario says {{NAME}}, read off its own commands. */
export function capturedByTemplate(gsteps: TranscriptStep[], ssteps: { cmd?: string }[]): Record<string, string> {
  const vals: Record<string, string> = {};
  const n = Math.min(gsteps.length, ssteps.length);
  for (let i = 0; i < n; i++) {
    const t = gsteps[i].cmd_template;
    if (typeof t !== 'string' || !t) continue;
    let rx = t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const seen = new Set<string>();
    for (const m of t.matchAll(/\{\{(\w+)\}\}/g)) {
      const name = m[1];
      const grp = `\\{\\{${name}\\}\\}`;
      if (seen.has(name)) rx = rx.replace(grp, `\\k<${name}>`);
      else rx = rx.replace(grp, `(?<${name}>.+?)`);
      seen.add(name);
    }
    const mm = new RegExp(`^(?:${rx})$`).exec(ssteps[i].cmd ?? '');
    if (mm?.groups) for (const [k, v] of Object.entries(mm.groups)) if (v) vals[k] = v;
  }
  return vals;
}

function diffLines(a: string, b: string, limit = 6): string[] {
  const al = a.split('\n');
  const bl = b.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    const x = i < al.length ? al[i] : '<missing>';
    const y = i < bl.length ? bl[i] : '<missing>';
    if (x !== y) {
      out.push(`      want: ${JSON.stringify(y)}\n      got:  ${JSON.stringify(x)}`);
      if (out.length >= limit) break;
    }
  }
  return out;
}

export interface SimStep {
  cmd: string;
  stdout: string;
  stderr: string;
  exit: number | null;
}

export interface SimDoc {
  home?: string;
  cwd?: string;
  random_container_names?: string[];
  steps: SimStep[];
}

export interface ScenarioResult {
  name: string;
  passed: number;
  total: number;
  /** report lines (faults) */
  lines: string[];
  /** 1-based numbers of the steps that differ from the recording */
  failed: number[];
}

/**
 * Compare one simulator transcript with its normalized golden transcript.
 * `skip` holds 1-based step numbers left out of the figure (unstable steps).
 */
export function compareScenario(name: string, gold: TranscriptDoc, doc: SimDoc, skip = new Set<number>()): ScenarioResult {
  const gsteps = gold.steps;
  const sim = normalizeDoc({
    steps: doc.steps.map((s) => ({ screen: '', ...s })),
    home: doc.home,
    cwd: doc.cwd,
    random_container_names: doc.random_container_names ?? [],
    captured: capturedByTemplate(gsteps, doc.steps),
  });
  const ssteps = sim.steps;
  let ok = 0;
  const lines: string[] = [];
  const failed: number[] = [];
  for (let i = 0; i < gsteps.length; i++) {
    if (skip.has(i + 1)) continue;
    const g = gsteps[i];
    if (i >= ssteps.length) {
      lines.push(`  step ${i + 1} \`${g.cmd}\`: missing from the simulator's transcript`);
      failed.push(i + 1);
      continue;
    }
    const s = ssteps[i];
    const faults: string[] = [];
    if (s.exit !== g.exit) faults.push(`    exit ${s.exit ?? 'None'}, docker ${g.exit}`);
    for (const k of ['stdout', 'stderr'] as const) {
      const cs = canon(s[k] ?? '');
      const cg = canon(g[k]);
      if (cs !== cg) {
        faults.push(`    ${k} differs:`);
        faults.push(...diffLines(cs, cg));
      }
    }
    const raw = doc.steps[i];
    if (!('typed' in g)) {
      for (const k of ['stdout', 'stderr'] as const) for (const f of widthFaults(raw[k] ?? '')) faults.push(`    ${k}: ${f}`);
    }
    if (faults.length) {
      lines.push(`  step ${i + 1} \`${g.cmd}\`:`);
      lines.push(...faults);
      failed.push(i + 1);
    } else ok++;
  }
  if (ssteps.length > gsteps.length) lines.push(`  the simulator printed ${ssteps.length - gsteps.length} steps more than docker`);
  return { name, passed: ok, total: gsteps.length - skip.size, lines, failed };
}

export function figure(results: ScenarioResult[]): { passed: number; total: number; pct: number; text: string } {
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const total = results.reduce((a, r) => a + r.total, 0);
  const pct = total ? (100 * passed) / total : 0;
  return { passed, total, pct, text: `fidelity: ${passed}/${total} steps (${pct.toFixed(1)}%) in ${results.length} scenarios` };
}

/**
 * The steps KNOWN_DIFFERENCES.md lists as differing, by scenario: the rows of its first
 * table (`| scenario | step | …`). Anything else in the file is prose.
 */
export function parseKnownDifferences(markdown: string): Map<string, Set<number>> {
  const known = new Map<string, Set<number>>();
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*([\w.-]+)\s*\|\s*(\d+)\s*\|/.exec(line);
    if (!m) continue;
    const steps = known.get(m[1]) ?? new Set<number>();
    steps.add(Number(m[2]));
    known.set(m[1], steps);
  }
  return known;
}

/** What a scenario's result says against the list: differing steps not listed, listed steps that now match. */
export function againstKnown(r: ScenarioResult, listed: Set<number> = new Set()): { unlisted: number[]; nowMatching: number[] } {
  const failed = new Set(r.failed);
  return {
    unlisted: r.failed.filter((n) => !listed.has(n)),
    nowMatching: [...listed].filter((n) => !failed.has(n)).sort((a, b) => a - b),
  };
}
