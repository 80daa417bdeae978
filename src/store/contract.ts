/**
 * The web app's state: one vanilla zustand store (zustand/vanilla createStore)
 * built from slices, read by React through a thin hook (src/ui/use-sandbox.ts).
 * The UI reaches Docker only through `SandboxSession.client` (the EngineClient
 * interface) and `run` (the host shell); it never imports src/engine.
 *
 * This file is the contract between the state/persistence code (src/store,
 * src/app) and the UI (src/ui). Extend it by adding, never by renaming.
 *
 * Wiring (src/app/start-app.tsx):
 *   const factory = createSandboxFactory({ clock: new RealClock(), catalog, home, cwd: home, cols: 120, newSeed: randomSeed }); // src/app/sandbox
 *   const store = await openSandboxStore({ factory, languages: navigator.languages });                                        // src/store/create-store
 *   root.render(<SandboxProvider store={store}><App /></SandboxProvider>);                                                    // src/ui/use-sandbox
 * In components: `useSandbox((s) => s.revision)`, `useSandbox((s) => s.undo)`; in handlers `useSandboxStore().getState()`.
 * Terminals: call commandStarted(id, line) before and commandFinished(id, line, status) after each
 * line; on start-up show scrollback[id] and, when runningCommands[id] is set, attach again to
 * runningAttached[id] or run it again when it only observes (`docker logs -f`), else say it ended. When `session` changes (undo, redo, reset,
 * import), abort what still runs on the old one and redraw the prompt from the new one.
 */
import type { FileSystem } from '../api/fs';
import type { ProcessIO } from '../api/io';
import type { EngineClient } from '../client/engine-client';
import type { HubControl } from '../course/runtime/setup';
import type { Lang } from '../ui/i18n';

/** One running sandbox as the UI sees it. Replaced wholesale by reset, undo/redo and import. */
export interface SandboxSession {
  readonly client: EngineClient;
  /** the learner's host filesystem (editor, file tree) */
  readonly hostFs: FileSystem;
  /** run one command line in the host shell of terminal `terminalId` (each terminal has its own cwd/env) */
  run(terminalId: string, line: string, io: ProcessIO): Promise<number>;
  /** the prompt terminal `terminalId` shows now */
  prompt(terminalId: string): string;
  /**
   * the container the command running in terminal `terminalId` is attached to
   * (`docker run -it`, `start -a`, `attach`: the ID or name it was given), if any
   */
  attachedContainer?(terminalId: string): string | undefined;
  /** subscribe to "something changed in the engine or the host FS" (events, file writes); returns unsubscribe */
  onChange(fn: (change: SandboxChange) => void): () => void;
  /** simulated time now (ms since the epoch) */
  now(): number;
  /** the learner's home directory ("~" of lesson files) */
  readonly homeDir?: string;
  /** lesson Hub events on the Hub this sandbox pulls from (absent when it cannot change) */
  readonly hub?: HubControl;
}

/** What changed, for the state view's highlight and the editor's refresh. */
export interface SandboxChange {
  kind: 'engine' | 'file';
  /** engine: event Type ("container", "image", "volume", "network"); file: the path */
  subject: string;
  /** engine: event Action; file: "write" | "delete" | "rename" | "mkdir" */
  action: string;
  /**
   * engine: the object ID (or name for volumes; image pull: the pulled image's
   * ID); file rename: the old path
   */
  id?: string;
  /** engine: the event's `name` attribute (container name, "ubuntu:latest" for image pull/tag, network name) */
  name?: string;
  /** engine: all the event's attributes (container commit: imageID, …) */
  attributes?: Record<string, string>;
}

export type ObjectKind = 'image' | 'layer' | 'container' | 'volume' | 'network' | 'registry' | 'repository';

export interface Selection {
  kind: ObjectKind;
  id: string;
}

export interface TerminalTab {
  id: string;
  /** "Terminal 1", "终端 1" — the number is stable */
  index: number;
}

export interface SandboxState {
  lang: Lang;
  mode: 'simulator' | 'real';
  session: SandboxSession;
  /** bumps after every finished command and every SandboxChange: views re-read state when it moves */
  revision: number;
  /** IDs/names touched by the last command (for the state view's highlight) */
  lastChanges: SandboxChange[];
  /** the command line that created each object, by object ID/name (state view: "made by") */
  provenance: Record<string, string>;
  terminals: TerminalTab[];
  activeTerminal: string;
  openFiles: string[];
  activeFile?: string;
  selection?: Selection;
  canUndo: boolean;
  canRedo: boolean;
  /** storage (IndexedDB quota, …) problem to show; in-memory state is never lost because of it */
  storageError?: string;
  /** a message for the learner (import rejected, reset done), already translated */
  notice?: { level: 'info' | 'error'; text: string };

  // ---- added by the sandbox-state area (src/store/create-store.ts) ----

  /** false until the saved sandbox has been read from IndexedDB (openSandboxStore resolves after) */
  hydrated: boolean;
  /** serialized scrollback per terminal (xterm's serialize addon), saved by saveScrollback, restored after a reload */
  scrollback: Record<string, string>;
  /**
   * the command line still running in each terminal (commandStarted … commandFinished).
   * After a reload the terminal may run it again (e.g. `docker logs -f web`):
   * running containers were brought back (their PID 1 runs again, like dockerd's
   * live-restore) and the sandbox was saved as it was when the command started.
   */
  runningCommands: Record<string, string>;
  /**
   * per terminal, the container its running command is attached to
   * (SandboxSession.attachedContainer, noted when it attaches and starts, with
   * the sandbox saved then): a reload attaches to it again instead of running
   * the command again (src/ui/terminal/resume.ts)
   */
  runningAttached: Record<string, string>;
  /** lesson progress, by lesson ID (the lessons issue decides the values) */
  lessons: Record<string, unknown>;
  /** the last typeInTerminal request: the terminal `terminalId` types `text` once per new `seq` */
  typed?: { terminalId: string; text: string; seq: number };

  // ---- added by the lessons area ----

  /** the last command a terminal finished (the lesson runtime checks the state after each one); `seq` grows by one each time */
  lastCommand?: { terminalId: string; line: string; status: number; seq: number };
}

export interface SandboxActions {
  setLang(lang: Lang): void;
  addTerminal(): string;
  closeTerminal(id: string): void;
  selectTerminal(id: string): void;
  /** the terminal calls this after every command: takes the undo snapshot, records provenance, persists */
  commandFinished(terminalId: string, line: string, status: number): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** back to a fresh sandbox (the UI asks for confirmation first) */
  reset(): Promise<void>;
  /** the whole sandbox as a file (JSON, versioned) */
  exportSandbox(): Promise<Blob>;
  /** restore from a file; a malformed or foreign file is rejected with a notice and nothing is lost */
  importSandbox(file: Blob): Promise<boolean>;
  openFile(path: string): void;
  closeFile(path: string): void;
  setActiveFile(path: string | undefined): void;
  select(sel: Selection | undefined): void;
  /**
   * Type `text` at the prompt of the active terminal as if the learner typed it
   * (the editor's "Build" button: `cd /home/learner/app && docker build -t app:latest .`).
   * It is not run: the learner reviews it and presses Enter. A store-independent
   * event: the store forwards it to whichever terminal is active (ui-shell wires it).
   */
  typeInTerminal(text: string): void;
  dismissNotice(): void;

  // ---- added by the sandbox-state area (src/store/create-store.ts) ----

  /** the terminal calls this when it starts running a line (before commandFinished) */
  commandStarted(terminalId: string, line: string): void;
  /** keep a terminal's serialized scrollback (persisted; debounce it on your side, e.g. after each command) */
  saveScrollback(terminalId: string, text: string): void;
  /** lesson progress: set (or with `undefined`, remove) one lesson's state */
  setLesson(id: string, value: unknown): void;
  /** take the sandbox as it is now and write it to storage; resolves when written (or failed: see storageError) */
  saveNow(): Promise<void>;

  // ---- added by the lessons area ----

  /** keep the sandbox as it is now under `key` (a lesson step's start state), in memory */
  pinSandbox(key: string): void;
  /** is a sandbox kept under `key` */
  hasPinned(key: string): boolean;
  /** put the sandbox kept under `key` in place of the live one (an undo step, like reset); false when none is kept */
  restorePinned(key: string): Promise<boolean>;
  /** forget the sandbox kept under `key` */
  unpin(key: string): void;
}

export type SandboxStore = SandboxState & SandboxActions;
