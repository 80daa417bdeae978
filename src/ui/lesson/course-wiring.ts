/**
 * The lesson runner of a page, wired to the sandbox store (the sandbox, the
 * progress in `lessons`, pinned step starts), to the terminals (Run buttons,
 * Run solution) and to every finished command.
 */
import { CourseRunner, type CourseHost } from '../../course/runtime/course-runner';
import { isLessonProgress, type LessonProgress } from '../../course/runtime/progress';
import type { LessonEnv } from '../../course/runtime/setup';
import type { ExecResult } from '../../course/checks/context';
import type { SandboxSession } from '../../store/contract';
import type { SandboxStoreApi } from '../../store/create-store';
import { terminalHandle, whenTerminal } from '../terminal/terminal-registry';
import { courseStrings } from './course-strings';

/** the key of `lessons` that remembers the open lesson */
export const ACTIVE_KEY = '@active';
const HIDDEN_TERMINAL = 'lesson';
const DEFAULT_HOME = '/home/learner';

function captureIo() {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void) => ({
    isTTY: false,
    write(d: string | Uint8Array) {
      append(typeof d === 'string' ? d : new TextDecoder().decode(d));
    },
  });
  const stdin = {
    isTTY: false,
    read: async () => null,
    readLine: async () => null,
    readAll: async () => new Uint8Array(),
  };
  return {
    io: { stdin, stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), interrupt: new AbortController().signal },
    result: (status: number): ExecResult => ({ status, stdout: out, stderr: err }),
  };
}

export function sessionEnv(session: SandboxSession): LessonEnv {
  return {
    client: session.client,
    hostFs: session.hostFs,
    home: session.homeDir ?? DEFAULT_HOME,
    hub: session.hub,
    async exec(line) {
      const { io, result } = captureIo();
      try {
        return result(await session.run(HIDDEN_TERMINAL, line, io));
      } catch (e) {
        return { status: 1, stdout: '', stderr: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}

/** the tab of terminal "T2" (opened when needed), or the active one */
async function terminalFor(store: SandboxStoreApi, name: string | undefined): Promise<string> {
  const s = store.getState();
  const n = name ? Number(name.slice(1)) : NaN;
  if (!Number.isInteger(n) || n < 1) return s.activeTerminal;
  for (let guard = 0; guard < 8; guard++) {
    const tab = store.getState().terminals.find((t) => t.index === n);
    if (tab) return tab.id;
    if (Math.max(...store.getState().terminals.map((t) => t.index)) >= n) break;
    store.getState().addTerminal();
  }
  return store.getState().terminals.find((t) => t.index === n)?.id ?? s.activeTerminal;
}

/**
 * Type and run lines in a terminal, one after the other. A terminal busy with
 * a program (a container's shell after `docker run -it … sh`) gets them typed
 * with Enter, as the learner would: the program reads them.
 */
export async function runInTerminal(store: SandboxStoreApi, name: string | undefined, lines: string[]): Promise<void> {
  const id = await terminalFor(store, name);
  store.getState().selectTerminal(id);
  const h = terminalHandle(id) ?? (await whenTerminal(id));
  for (const [i, line] of lines.entries()) {
    if (h.running) {
      h.keys(lines.slice(i).map((l) => `${l}\r`).join(''));
      return;
    }
    await h.execute(line);
  }
}

const runners = new WeakMap<SandboxStoreApi, CourseRunner>();

export function courseRunner(store: SandboxStoreApi): CourseRunner {
  let runner = runners.get(store);
  if (runner) return runner;
  const host: CourseHost = {
    env: () => sessionEnv(store.getState().session),
    now: () => Date.now(),
    progress(id) {
      const v = store.getState().lessons[id];
      return isLessonProgress(v) ? (v as LessonProgress) : undefined;
    },
    saveProgress: (p) => store.getState().setLesson(p.lessonId, p),
    setActive: (id) => store.getState().setLesson(ACTIVE_KEY, id === undefined ? undefined : { lessonId: id }),
    async freshSandbox() {
      await store.getState().reset();
      store.setState({ notice: { level: 'info', text: courseStrings[store.getState().lang].startedFresh } });
    },
    pin: (k) => store.getState().pinSandbox(k),
    hasPin: (k) => store.getState().hasPinned(k),
    restorePin: (k) => store.getState().restorePinned(k),
    unpin: (k) => store.getState().unpin(k),
    runLines: (t, lines) => runInTerminal(store, t, lines),
  };
  runner = new CourseRunner(host);
  runners.set(store, runner);
  const r = runner;
  let seq = store.getState().lastCommand?.seq;
  let session = store.getState().session;
  store.subscribe((s) => {
    if (s.lastCommand && s.lastCommand.seq !== seq) {
      seq = s.lastCommand.seq;
      void r.commandFinished({ terminal: s.lastCommand.terminalId, line: s.lastCommand.line, status: s.lastCommand.status, at: Date.now() });
    }
    if (s.session !== session) {
      session = s.session;
      void r.sandboxChanged();
    }
  });
  return runner;
}

/** "#/lesson/<id>/<step>" → the lesson and step asked for */
export function parseLessonHash(hash: string): { id: string; step?: string } | undefined {
  const m = /^#\/lesson\/([a-z0-9][a-z0-9-]*)(?:\/([a-z0-9][a-z0-9-]*))?\/?$/.exec(hash);
  return m ? { id: m[1], step: m[2] } : undefined;
}
