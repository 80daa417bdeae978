/**
 * Editor markers for a Dockerfile from the daemon's own parser (src/lib/dockerfile,
 * the same code `docker build` runs), with the daemon's texts:
 * "dockerfile parse error line 2: unknown instruction: RUNN". Every bad
 * instruction is flagged (the daemon stops at the first), plus the empty
 * continuation lines it warns about.
 */
import { InstructionError, parseInstruction } from '../../lib/dockerfile/instructions';
import { DockerfileParseError, type DockerfileNode } from '../../lib/dockerfile/node';
import { parseDockerfile } from '../../lib/dockerfile/parser';

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** 1-based, inclusive */
  startLine: number;
  endLine: number;
  /** what the daemon says (after "Error response from daemon: ") */
  message: string;
}

function lines(text: string): string[] {
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

function parseError(text: string): string | undefined {
  try {
    parseDockerfile(text);
    return undefined;
  } catch (e) {
    if (e instanceof DockerfileParseError) return e.message;
    throw e;
  }
}

/** the first line whose prefix already fails with `message` (the parser does not say where) */
function lineOf(all: string[], message: string): number {
  for (let k = 1; k <= all.length; k++) {
    if (parseError(`${all.slice(0, k).join('\n')}\n`) === message) return k;
  }
  return 1;
}

function isBlank(s: string): boolean {
  return /^[ \t\r\f\v]*$/.test(s);
}

/**
 * `fileName` is the name `docker build` reports in "failed to parse Dockerfile: …"
 * (the daemon names the file as the -f flag gave it, Dockerfile by default).
 */
export function diagnoseDockerfile(text: string, fileName = 'Dockerfile'): Diagnostic[] {
  if (text === '') return [{ severity: 'error', startLine: 1, endLine: 1, message: `the Dockerfile (${fileName}) cannot be empty` }];
  const all = lines(text.replace(/^\uFEFF/, ''));
  let nodes: DockerfileNode[];
  try {
    nodes = parseDockerfile(text).nodes;
  } catch (e) {
    if (!(e instanceof DockerfileParseError)) throw e;
    const line = e.message === 'file with no instructions' ? 1 : lineOf(all, e.message);
    return [{ severity: 'error', startLine: line, endLine: line, message: `failed to parse ${fileName}: ${e.message}` }];
  }
  const out: Diagnostic[] = [];
  let stage = false;
  for (const n of nodes) {
    try {
      const cmd = parseInstruction(n);
      if (!('kind' in cmd)) stage = true;
      else if (!stage && cmd.kind !== 'arg') {
        out.push({ severity: 'error', startLine: n.startLine, endLine: n.endLine, message: 'no build stage in current context' });
        stage = true; // the daemon stops here; flag it once
      }
    } catch (e) {
      if (!(e instanceof InstructionError)) throw e;
      out.push({ severity: 'error', startLine: n.startLine, endLine: n.endLine, message: `dockerfile parse error line ${n.startLine}: ${e.message}` });
    }
    for (let l = n.startLine + 1; l <= n.endLine; l++) {
      const raw = all[l - 1] ?? '';
      if (isBlank(raw)) {
        out.push({
          severity: 'warning',
          startLine: l,
          endLine: l,
          message: `[WARNING]: Empty continuation line found in:\n    ${n.original}\n[WARNING]: Empty continuation lines will become errors in a future release.`,
        });
      }
    }
  }
  return out;
}
