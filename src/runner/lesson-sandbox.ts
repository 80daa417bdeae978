/**
 * A lesson's sandbox in Node (lessons:check, course tests, the benchmark):
 * the web app's sandbox session (src/app/sandbox) on a virtual clock, with
 * the learner's terminals, a hidden shell for setup and `command:` checks,
 * the Hub's lesson events, and the log of what the "learner" ran.
 */
import type { CommandRecord, ExecResult } from '../course/checks/context';
import type { LessonEnv } from '../course/runtime/setup';
import { createSandboxSession, type LocalSandboxSession } from '../app/sandbox/create-session';
import { hubControl } from '../app/sandbox/hub-events';
import { VirtualClock } from '../engine/core/clock';
import type { HubCatalog } from '../engine/registry/catalog';
import { BlobTable } from '../engine/snapshot/blob-table';
import { plain } from './render';
import { DEFAULT_START, loadCatalog } from './session';
import { join } from 'node:path';
import { LESSONS_DIR } from './lesson-files';
import { runStep } from './step-driver';

/** the Hub the web app serves (lessons are written against it) */
export const APP_CATALOG_PATH = join(LESSONS_DIR, '..', 'public', 'catalog', 'default-hub.json');

export const LESSON_HOME = '/home/learner';

/** the terminal the hidden setup and `command:` checks run in */
export const HIDDEN_TERMINAL = 'lesson';

export interface LessonSandbox {
  readonly clock: VirtualClock;
  readonly session: LocalSandboxSession;
  readonly env: LessonEnv;
  readonly blobs: BlobTable;
  /** what the learner ran, in order */
  readonly commands: CommandRecord[];
  /** run a line as the learner would in terminal `terminal` (recorded in `commands`) */
  type(terminal: string, line: string): Promise<ExecResult>;
  dispose(): void;
}

async function runIn(session: LocalSandboxSession, clock: VirtualClock, terminal: string, line: string): Promise<ExecResult> {
  const out = await runStep({ clock, run: (l, io) => session.run(terminal, l, io) }, line, { timeoutSeconds: 600 });
  return { status: out.exit, stdout: plain(out.stdoutRaw), stderr: plain(out.stderrRaw) };
}

export function createLessonSandbox(opts: { catalog?: HubCatalog; seed?: number } = {}): LessonSandbox {
  const clock = new VirtualClock(DEFAULT_START);
  const blobs = new BlobTable();
  const session = createSandboxSession({
    clock,
    catalog: opts.catalog ?? loadCatalog(APP_CATALOG_PATH),
    home: LESSON_HOME,
    cwd: LESSON_HOME,
    cols: 120,
    blobs,
    seed: opts.seed ?? 7,
  });
  const commands: CommandRecord[] = [];
  const env: LessonEnv = {
    client: session.client,
    hostFs: session.hostFs,
    home: LESSON_HOME,
    exec: (line) => runIn(session, clock, HIDDEN_TERMINAL, line),
    hub: hubControl(session.simulator.engine),
  };
  return {
    clock,
    session,
    env,
    blobs,
    commands,
    async type(terminal, line) {
      const r = await runIn(session, clock, terminal, line);
      commands.push({ terminal, line, status: r.status, at: clock.now() });
      return r;
    },
    dispose: () => session.dispose(),
  };
}
