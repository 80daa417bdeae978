/**
 * What learners type: the steps of the fidelity scenarios (the shared ones
 * from the tutorials, ../shared/fidelity/scenarios, and test/fidelity's own),
 * as they are or mutated (a character lost or doubled, a word swapped,
 * replaced by a hostile value, cut short, piped, sent to the background).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../../src/runner/scenario';
import { hostile } from './hostile';
import type { FuzzLine } from './line';
import { type Rng, shq } from './rng';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCENARIO_DIRS = [join(root, '..', 'shared', 'fidelity', 'scenarios'), join(root, 'test', 'fidelity', 'scenarios')];

interface TutorialStep {
  cmd: string;
  inputs: FuzzLine['inputs'];
}

let cache: TutorialStep[] | undefined;

/** every learner step of every scenario found (each distinct command line once) */
export function tutorialSteps(): TutorialStep[] {
  if (cache) return cache;
  const seen = new Set<string>();
  const out: TutorialStep[] = [];
  for (const dir of SCENARIO_DIRS) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.sh')) continue;
      for (const item of parseScenario(readFileSync(join(dir, f), 'utf8')).items) {
        if (item.kind !== 'step' || item.cmd.includes('{{') || seen.has(item.cmd)) continue;
        seen.add(item.cmd);
        out.push({ cmd: item.cmd, inputs: item.input.length ? item.input : undefined });
      }
    }
  }
  if (out.length === 0) throw new Error(`no scenario found in ${SCENARIO_DIRS.join(' or ')}`);
  cache = out;
  return out;
}

type Mutation = (r: Rng, s: string) => string;

const words = (s: string) => s.split(' ');
const MUTATIONS: readonly (readonly [number, Mutation])[] = [
  [3, (r, s) => {
    const i = r.int(0, s.length - 1);
    return s.slice(0, i) + s.slice(i + 1);
  }],
  [2, (r, s) => {
    const i = r.int(0, s.length - 1);
    return s.slice(0, i) + s[i] + s.slice(i);
  }],
  [2, (r, s) => {
    const w = words(s);
    const i = r.int(0, w.length - 1);
    const j = r.int(0, w.length - 1);
    [w[i], w[j]] = [w[j] as string, w[i] as string];
    return w.join(' ');
  }],
  [4, (r, s) => {
    const w = words(s);
    w[r.int(1, Math.max(1, w.length - 1))] = shq(hostile(r));
    return w.join(' ');
  }],
  [2, (r, s) => {
    const w = words(s);
    w.splice(r.int(1, w.length), 0, shq(hostile(r)));
    return w.join(' ');
  }],
  [2, (r, s) => s.slice(0, r.int(1, s.length))],
  [1, (_r, s) => `${s} | head -2`],
  [1, (_r, s) => `${s} &`],
  [1, (_r, s) => `${s}; echo $?`],
  [1, (_r, s) => `${s} 2>&1 | wc -l`],
  [1, (_r, s) => `${s} > /dev/null && ${s}`],
  [1, (r, s) => s.replace(/\d+/, () => r.pick(['0', '-1', '65536', '99999999999', '']))],
  [1, (r, s) => s.replace(/[a-z]+/, (m) => m.toUpperCase()).replace(/^\s*$/, r.pick(['x']))],
];

export function tutorialLine(r: Rng): FuzzLine {
  const step = r.pick(tutorialSteps());
  if (r.chance(0.35)) return { line: step.cmd, kind: 'tutorial', template: step.cmd, inputs: step.inputs };
  let line = step.cmd;
  for (let i = r.int(1, 2); i > 0; i--) line = r.weighted(MUTATIONS)(r, line);
  return { line, kind: 'tutorial', template: step.cmd, inputs: r.chance(0.5) ? step.inputs : undefined };
}
