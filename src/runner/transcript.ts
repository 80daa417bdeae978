/**
 * Runs a whole scenario in one fresh session and builds the transcript the
 * fidelity comparison reads: {"home","cwd","random_container_names","steps":
 * [{"cmd","stdout","stderr","exit"}]} (plus the recorder's extra fields).
 * Never throws: a scenario that cannot run still yields a document with every step.
 */
import { plain, render } from './render';
import { parseScenario, type Scenario, type StepItem, substitute } from './scenario';
import { runStep, type StepRunner } from './step-driver';

export interface TranscriptSession extends StepRunner {
  readonly home: string;
  readonly cwd: string;
  /** names of every container that exists now */
  containerNames(): string[] | Promise<string[]>;
  /** `hubctl retag REPO FROM TO` / `hubctl reset` on the simulated Docker Hub */
  hubctl(args: string[]): Promise<{ exit: number; stdout: string; stderr: string }>;
}

export interface TranscriptStepDoc {
  n: number;
  cmd: string;
  cmd_template?: string;
  comment?: string;
  typed?: (string | { keys: string })[];
  stdout: string;
  stderr: string;
  exit: number;
  stdout_raw?: string;
  stderr_raw?: string;
  duration_s: number;
  killed_by_recorder?: true;
  notes?: string[];
}

export interface HiddenStepDoc {
  before_step: number;
  cmd: string;
  exit: number;
  stdout: string;
  stderr: string;
  captured?: Record<string, string>;
}

export interface TranscriptDoc {
  scenario: string;
  description: string[];
  simulator: string;
  terminal: { cols: number };
  home: string;
  cwd: string;
  random_container_names: string[];
  steps: TranscriptStepDoc[];
  hidden_steps?: HiddenStepDoc[];
  error?: string;
}

export interface TranscriptOptions {
  /** scenario name (file name without .sh) */
  name: string;
  /** what {{FID_DIR}} stands for in hidden commands */
  fidDir?: string;
  columns?: number;
  /** simulated seconds between two commands (the recorder needs about 0.15 s to start the next one) */
  gapSeconds?: number;
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const HUBCTL_RE = /(?:^|\/)hubctl(?:\.sh)?\s*(.*)$/;

export async function runTranscript(
  scenarioText: string,
  createSession: () => TranscriptSession | Promise<TranscriptSession>,
  opts: TranscriptOptions,
): Promise<TranscriptDoc> {
  const columns = opts.columns ?? 120;
  const gapMs = (opts.gapSeconds ?? 0.15) * 1000;
  const doc: TranscriptDoc = {
    scenario: opts.name,
    description: [],
    simulator: 'dockyard',
    terminal: { cols: columns },
    home: '',
    cwd: '',
    random_container_names: [],
    steps: [],
  };
  let scenario: Scenario;
  try {
    scenario = parseScenario(scenarioText);
  } catch (e) {
    doc.error = errText(e);
    return doc;
  }
  doc.description = scenario.description;

  let session: TranscriptSession | undefined;
  let sessionError = '';
  try {
    session = await createSession();
    doc.home = session.home;
    doc.cwd = session.cwd;
  } catch (e) {
    sessionError = errText(e);
    doc.error = `the simulator could not start: ${sessionError}`;
  }

  const vars: Record<string, string> = { FID_DIR: opts.fidDir ?? '/fidelity' };
  const hidden: HiddenStepDoc[] = [];
  for (const item of scenario.items) {
    const cmd = substitute(item.cmd, vars);
    if (item.kind === 'hidden' || item.kind === 'capture') {
      const h: HiddenStepDoc = { before_step: doc.steps.length + 1, cmd, exit: 1, stdout: '', stderr: '' };
      if (session) {
        try {
          const hub = item.kind === 'hidden' ? HUBCTL_RE.exec(cmd) : null;
          if (hub) {
            await session.clock.advance(gapMs, settleFor());
            const r = await session.hubctl(hub[1].split(/\s+/).filter(Boolean));
            Object.assign(h, r);
          } else {
            await session.clock.advance(gapMs, settleFor());
            const r = await runStep(session, cmd, { timeoutSeconds: 300, columns });
            h.exit = r.exit;
            h.stdout = render(r.stdoutRaw);
            h.stderr = render(r.stderrRaw);
            if (item.kind === 'capture') {
              vars[item.name] = plain(r.stdoutRaw).trim();
              h.captured = { [item.name]: vars[item.name] };
            }
          }
        } catch (e) {
          h.stderr = `dockyard: internal error: ${errText(e)}\n`;
        }
      } else h.stderr = sessionError;
      if (item.kind === 'capture' && !(item.name in vars)) {
        vars[item.name] = '';
        h.captured = { [item.name]: '' };
      }
      hidden.push(h);
      continue;
    }
    doc.steps.push(await runLearnerStep(session, sessionError, item, cmd, doc.steps.length + 1, columns, gapMs));
    if (session) await collectRandomNames(session, scenarioText, doc.random_container_names);
  }
  if (hidden.length) doc.hidden_steps = hidden;
  return doc;
}

async function runLearnerStep(
  session: TranscriptSession | undefined,
  sessionError: string,
  item: StepItem,
  cmd: string,
  n: number,
  columns: number,
  gapMs: number,
): Promise<TranscriptStepDoc> {
  const step: TranscriptStepDoc = { n, cmd, stdout: '', stderr: '', exit: 1, duration_s: 0 };
  if (cmd !== item.cmd) step.cmd_template = item.cmd;
  if (item.comment) step.comment = item.comment;
  if (!session) {
    step.stderr = `dockyard: the simulator could not start: ${sessionError}\n`;
    return step;
  }
  try {
    await session.clock.advance(gapMs + (item.sleep ?? 0) * 1000, settleFor());
    const r = await runStep(session, cmd, { inputs: item.input, timeoutSeconds: item.timeout ?? 180, columns });
    if (r.typed.length) step.typed = r.typed;
    step.stdout = render(r.stdoutRaw);
    step.stderr = render(r.stderrRaw);
    step.exit = r.exit;
    if (plain(r.stdoutRaw) !== step.stdout) step.stdout_raw = r.stdoutRaw;
    if (plain(r.stderrRaw) !== step.stderr) step.stderr_raw = r.stderrRaw;
    step.duration_s = Math.round(r.duration * 1000) / 1000;
    if (r.killed) step.killed_by_recorder = true;
  } catch (e) {
    step.stderr = `dockyard: internal error: ${errText(e)}\n`;
    step.exit = 1;
  }
  if (item.notes.length) step.notes = item.notes;
  return step;
}

/** record.py: generated names (adjective_surname) that the scenario never typed. */
async function collectRandomNames(session: TranscriptSession, scenarioText: string, into: string[]): Promise<void> {
  let names: string[] = [];
  try {
    names = await session.containerNames();
  } catch {
    return;
  }
  for (const name of names) {
    if (!into.includes(name) && /^[a-z]+_[a-z]+$/.test(name) && !scenarioText.includes(name)) into.push(name);
  }
}

function settleFor(): () => Promise<void> {
  return () => new Promise<void>((r) => setImmediate(() => setImmediate(r)));
}
