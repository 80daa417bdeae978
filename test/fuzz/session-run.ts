/**
 * One fuzz session: a fresh runner session (src/runner/session.ts, as the
 * fidelity suite drives it), a few hundred generated lines through runStep
 * with the oracles after each, then the session's export given to import in
 * corrupted forms, the list commands, and removing everything.
 */
import { plain } from '../../src/runner/render';
import { createSession, type Session } from '../../src/runner/session';
import { runStep, settle, type StepOutcome, type StepRunner } from '../../src/runner/step-driver';
import { storeInvariants } from '../property/invariants';
import { dockerLine } from './docker-lines';
import type { Failure, FailureKind } from './failure';
import { fuzzImports, type ImportStats } from './import-check';
import type { FuzzLine } from './line';
import { outputProblems, taintOf } from './oracles';
import { Rng } from './rng';
import { setupLine, shellLine } from './shell-lines';
import { tutorialLine } from './tutorial-lines';

/** simulated seconds a line may run before the runner kills it (the fidelity suite's is 180) */
export const STEP_TIMEOUT_S = 20;
/** time a line may take (CPU time of the process: real time depends on what else the machine runs) */
export const SLOW_MS = 1000;
/** how much of a step's output is kept for the oracles */
const MAX_OUTPUT = 256 * 1024;

export interface SessionOptions {
  seed: number;
  lines: number;
  /** corrupted exports given to import at the end (0: none) */
  imports: number;
  /**
   * sessions running at the same time in other threads of this process: their
   * CPU time is in process.cpuUsage() too (Node 20 has no per-thread figure),
   * at most their number × the line's real time, which is taken off
   */
  concurrent?: number;
  /** run these lines (after the setup ones) instead of generated ones: a probe of one hazard */
  script?: FuzzLine[];
  /** called before each line runs (the watchdog's repro) */
  onLine?(n: number, line: FuzzLine): void;
  onFailure(f: Failure): void;
}

export interface SessionStats {
  lines: number;
  killed: number;
  /** lines over SLOW_MS of real time (a failure only when over SLOW_MS of CPU time: the machine may be loaded) */
  slowWall: number;
  wallMs: number;
  imports: ImportStats;
  /** lines per generator */
  kinds: Record<string, number>;
}

export function pickLine(r: Rng, n: number): FuzzLine {
  if (n < 4) return setupLine(r);
  const gen = r.weighted([
    [40, dockerLine],
    [25, tutorialLine],
    [20, shellLine],
    [15, setupLine],
  ] as const);
  return gen(r);
}

/** what a probe's session has before its line runs */
const PROBE_SETUP: readonly FuzzLine[] = ['docker pull busybox', 'docker run -d --name c1 busybox sleep 1000'].map((line) => ({ line, kind: 'setup', template: 'probe setup' }));

const FORCE_RMI = /\b(?:rmi|image\s+(?:rm|remove))\b/;
const FORCE_FLAG = /\s(?:-\w*f\w*|--force(?:=true)?)(?:\s|$)/;

export async function runFuzzSession(opts: SessionOptions): Promise<SessionStats> {
  const r = new Rng(opts.seed);
  const s = createSession({ seed: opts.seed });
  const stats: SessionStats = { lines: 0, killed: 0, slowWall: 0, wallMs: 0, imports: { tried: 0, accepted: 0, rejected: 0 }, kinds: {} };
  const t0 = performance.now();
  let taint = '';
  const forceDeleted = new Set<string>();
  let n = 0;
  const fail = (kind: FailureKind, line: FuzzLine, detail: string) =>
    opts.onFailure({ kind, owner: line.owner ?? 'fuzz', template: line.template, line: line.line, detail, session: opts.seed, n });

  /** run one line with every per-line oracle; the outcome, or undefined when runStep itself threw */
  const step = async (line: FuzzLine, runner: StepRunner = s): Promise<StepOutcome | undefined> => {
    opts.onLine?.(n, line);
    const images = FORCE_RMI.test(line.line) && FORCE_FLAG.test(line.line) ? new Set(s.engine.images.all().map((i) => i.id)) : undefined;
    const typed = [line.line, ...(line.inputs ?? []).map((i) => ('text' in i ? i.text : ''))].join('\n');
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    let out: StepOutcome;
    try {
      out = await runStep(runner, line.line, { inputs: line.inputs, timeoutSeconds: STEP_TIMEOUT_S, maxOutputChars: MAX_OUTPUT });
    } catch (e) {
      fail('escape', line, `runStep threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.slice(0, 400));
      return undefined;
    }
    const wall = performance.now() - w0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 - (opts.concurrent ?? 0) * wall;
    if (out.killed) stats.killed++;
    if (out.error !== undefined) fail('escape', line, `${out.error instanceof Error ? out.error.message : String(out.error)}`);
    if (out.unstoppable) fail('unstoppable', line, 'still running after it was stopped');
    if (wall > SLOW_MS) stats.slowWall++;
    if (cpuMs > SLOW_MS) fail('slow', line, `${Math.round(cpuMs)} ms CPU, ${Math.round(wall)} ms real${out.killed ? ' (killed at the timeout)' : ''}`);
    const text = plain(out.stdoutRaw) + plain(out.stderrRaw);
    for (const p of outputProblems(text, typed, taint)) fail(p.kind, line, p.text.slice(0, 200));
    if (line.expect) {
      const e = line.expect;
      if (e.exit !== undefined && out.exit !== e.exit) fail('behaviour', line, `exit ${out.exit}, expected ${e.exit}: ${text.trim().slice(0, 160)}`);
      if (e.output && !e.output.test(text)) fail('behaviour', line, `printed ${JSON.stringify(text.slice(0, 160))}, expected ${e.output}`);
    }
    taint += taintOf(typed);
    if (images) for (const id of images) if (!s.engine.images.get(id)) forceDeleted.add(id);
    for (const b of storeInvariants(s.engine, forceDeleted)) fail('invariant', line, b);
    return out;
  };

  const total = opts.script ? PROBE_SETUP.length + opts.script.length : opts.lines;
  for (; n < total; n++) {
    const line = opts.script ? (n < PROBE_SETUP.length ? PROBE_SETUP[n] as FuzzLine : opts.script[n - PROBE_SETUP.length] as FuzzLine) : pickLine(r, n);
    stats.kinds[line.kind] = (stats.kinds[line.kind] ?? 0) + 1;
    await step(line);
    stats.lines++;
    // the recorder's gap between two commands
    await s.clock.advance(150, settle);
  }

  if (opts.imports > 0) {
    // each phase its own unit for the watchdog: a slow import is reported as one, not as the session's last line
    const phase = (what: string) => opts.onLine?.(n, { line: `import: ${what}`, kind: 'setup', template: `import: ${what.replace(/\d+/g, '#')}` });
    phase('the session\'s export');
    stats.imports = await fuzzImports(
      s,
      r,
      opts.imports,
      (f) => opts.onFailure({ kind: f.kind, owner: 'fuzz', template: `import: ${f.what.replace(/\d+/g, '#')}`, line: f.what, detail: f.detail, session: opts.seed, n }),
      phase,
    );
  }
  await endOfSession(s, step, fail);
  stats.wallMs = performance.now() - t0;
  return stats;
}

type Step = (line: FuzzLine, runner?: StepRunner) => Promise<StepOutcome | undefined>;
type Fail = (kind: FailureKind, line: FuzzLine, detail: string) => void;

const LIST_COMMANDS = [
  'docker ps -a',
  'docker ps -a --no-trunc --size',
  'docker ps -a --format "{{json .}}"',
  'docker images -a',
  'docker images --digests --no-trunc',
  'docker images --format "{{json .}}"',
  'docker volume ls',
  'docker network ls',
  'docker system df',
  'docker system df -v',
  'docker info > /dev/null',
  'if [ -n "$(docker ps -aq)" ]; then docker inspect $(docker ps -aq) > /dev/null; fi',
  'if [ -n "$(docker images -aq)" ]; then docker image inspect $(docker images -aq) > /dev/null; fi',
  'if [ -n "$(docker volume ls -q)" ]; then docker volume inspect $(docker volume ls -q) > /dev/null; fi',
  'docker network inspect $(docker network ls -q) > /dev/null',
];

const REMOVE_EVERYTHING = [
  'if [ -n "$(docker ps -aq)" ]; then docker rm -f $(docker ps -aq); fi',
  'docker system prune -a -f --volumes',
  'docker volume prune -f',
  'if [ -n "$(docker volume ls -q)" ]; then docker volume rm $(docker volume ls -q); fi',
  'docker network prune -f',
];

/** every list command succeeds; removing everything leaves an empty engine; the shell's history stays bounded */
async function endOfSession(s: Session, step: Step, fail: Fail): Promise<void> {
  // a terminal of its own: the checks must not run the functions and aliases the session defined (cd(){ cd; })
  const checker: StepRunner = { clock: s.clock, run: (line, io) => s.simulator.shell('fuzz-check').run(line, io) };
  const check = async (line: string) => {
    const fl: FuzzLine = { line, kind: 'setup', template: `check: ${line}` };
    const out = await step(fl, checker);
    if (out && out.exit !== 0) fail('invariant', fl, `exit ${out.exit}: ${(plain(out.stderrRaw) || plain(out.stdoutRaw)).trim().slice(0, 200)}`);
  };
  for (const line of LIST_COMMANDS) await check(line);
  for (const line of REMOVE_EVERYTHING) await check(line);
  const e = s.engine;
  const left = [
    ...e.containers.list().map((c) => `container ${c.Name}`),
    ...e.images.all().map((i) => `image ${i.id.slice(7, 19)}`),
    ...e.references.all().map((x) => `reference ${String(x.ref)}`),
    ...e.layers.all().map((l) => `layer ${l.chainId.slice(7, 19)}`),
    ...e.volumes.list().map((v) => `volume ${v.name}`),
    ...e.networks
      .list()
      .filter((n) => !['bridge', 'host', 'none'].includes(n.name))
      .map((n) => `network ${n.name}`),
  ];
  const end: FuzzLine = { line: REMOVE_EVERYTHING.join('; '), kind: 'setup', template: 'check: remove everything' };
  if (left.length) fail('invariant', end, `left after removing everything: ${left.slice(0, 6).join(', ')}${left.length > 6 ? ` and ${left.length - 6} more` : ''}`);
  for (const [id, sh] of s.simulator.shells()) {
    if (sh.history.length > 500) fail('invariant', { line: `history | wc -l  # terminal ${id}`, kind: 'setup', template: 'check: history size' }, `${sh.history.length} lines of history kept in memory (bash keeps HISTSIZE=500)`);
  }
}
