/** Running command lines in a runner session (the host shell with docker), as the fidelity recorder does. */
import { join } from 'node:path';
import { render } from '../../src/runner/render';
import type { InputItem } from '../../src/runner/scenario';
import { createSession, type Session } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';

export const DEFAULT_CATALOG = join(import.meta.dirname, '..', '..', 'public', 'catalog', 'default-hub.json');

export interface Ran {
  out: string;
  err: string;
  exit: number;
  seconds: number;
}

/** run one line; `inputs` are typed once output is idle; the screen text of stdout/stderr comes back */
export async function sh(session: Session, line: string, inputs: InputItem[] = [], timeoutSeconds = 120): Promise<Ran> {
  const r = await runStep(session, line, { inputs, timeoutSeconds, columns: session.cols });
  return { out: render(r.stdoutRaw), err: render(r.stderrRaw), exit: r.exit, seconds: r.duration };
}

export function standinSession(): Session {
  return createSession();
}

export function learnerSession(): Session {
  return createSession({ catalogPath: DEFAULT_CATALOG });
}

export const line = (text: string): InputItem => ({ kind: 'stdin', text });
export const keys = (text: string): InputItem => ({ kind: 'keys', text });
