/**
 * Scenario files of the fidelity recorder (shared/fidelity/README.md, "Scenario
 * files"; parse_scenario() in lib/record.py): one learner command per line,
 * directive comments attached to the next command, hidden helpers and captures.
 */
export type InputItem = { kind: 'stdin'; text: string } | { kind: 'keys'; text: string } | { kind: 'wait'; seconds: number };

export interface StepItem {
  kind: 'step';
  cmd: string;
  comment?: string;
  input: InputItem[];
  notes: string[];
  timeout?: number;
  sleep?: number;
}

export interface HiddenItem {
  kind: 'hidden';
  cmd: string;
}

export interface CaptureItem {
  kind: 'capture';
  name: string;
  cmd: string;
}

export type ScenarioItem = StepItem | HiddenItem | CaptureItem;

export interface Scenario {
  description: string[];
  items: ScenarioItem[];
}

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

export function parseScenario(text: string): Scenario {
  const description: string[] = [];
  const items: ScenarioItem[] = [];
  let pendingComment: string[] = [];
  let pending: { input: InputItem[]; notes: string[]; timeout?: number; sleep?: number } = { input: [], notes: [] };
  let seenStep = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const s = line.trim();
    if (!s) continue;
    if (s.startsWith('#@')) {
      const body = s.slice(2).trim();
      const colon = body.indexOf(':');
      const key = (colon < 0 ? body : body.slice(0, colon)).trim();
      const val = colon < 0 ? '' : body.slice(colon + 1).trim();
      if (key === 'stdin' || key === 'keys') pending.input.push({ kind: key, text: val });
      else if (key === 'wait') pending.input.push({ kind: 'wait', seconds: toSeconds(val, s) });
      else if (key === 'note') pending.notes.push(val);
      else if (key === 'timeout' || key === 'sleep') pending[key] = toSeconds(val, s);
      else throw new ScenarioError(`unknown directive ${JSON.stringify(s)}`);
      continue;
    }
    if (s.startsWith('#!')) {
      items.push({ kind: 'hidden', cmd: s.slice(2).trim() });
      continue;
    }
    if (s.startsWith('#$')) {
      const body = s.slice(2);
      const at = body.indexOf(':=');
      const name = (at < 0 ? body : body.slice(0, at)).trim();
      const cmd = at < 0 ? '' : body.slice(at + 2).trim();
      items.push({ kind: 'capture', name, cmd });
      continue;
    }
    if (s.startsWith('#')) {
      const txt = s.slice(1).trim();
      if (!seenStep && items.length === 0) description.push(txt);
      else pendingComment.push(txt);
      continue;
    }
    seenStep = true;
    const step: StepItem = { kind: 'step', cmd: s, ...pending };
    if (pendingComment.length) step.comment = pendingComment.join(' / ');
    items.push(step);
    pendingComment = [];
    pending = { input: [], notes: [] };
  }
  return { description, items };
}

function toSeconds(val: string, line: string): number {
  const n = Number.parseFloat(val);
  if (!Number.isFinite(n) || n < 0) throw new ScenarioError(`bad number in ${JSON.stringify(line)}`);
  return n;
}

/** Python's `codecs.decode(val, "unicode_escape")` for the escapes scenarios use (\xNN, \n, \r, \t, \e, \\). */
export function decodeKeys(val: string): string {
  return val.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[nrt\\'"ae0])/g, (_m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"', a: '\x07', e: '\x1b', '0': '\0' };
    return map[e];
  });
}

/** Replace {{NAME}} by captured values, longest names first (record.py). */
export function substitute(cmd: string, vars: Record<string, string>): string {
  const keys = Object.keys(vars).sort((a, b) => b.length - a.length);
  for (const k of keys) cmd = cmd.replaceAll(`{{${k}}}`, vars[k]);
  return cmd;
}
