/**
 * The terminals on the page by ID, so other parts of the UI can reach them:
 * the lesson panel runs a command in the active terminal, the editor's Build
 * button types one (the store's typeInTerminal), the app focuses one.
 */
export interface TerminalHandle {
  /** put text at the prompt without running it */
  type(text: string): void;
  /** keystrokes as if typed at the keyboard ("\r" is Enter): a running program reads them, as it would the learner's */
  keys(data: string): void;
  /** show and run a line as if typed; resolves with its status when the prompt is back */
  execute(line: string): Promise<number>;
  focus(): void;
  readonly running: boolean;
  /** find text in the scrollback (next match, or the previous one with `back`); false when none */
  find?(text: string, back?: boolean): boolean;
  clearFind?(): void;
}

const handles = new Map<string, TerminalHandle>();
const waiting = new Map<string, ((h: TerminalHandle) => void)[]>();

export function registerTerminal(id: string, handle: TerminalHandle): () => void {
  handles.set(id, handle);
  for (const f of waiting.get(id) ?? []) f(handle);
  waiting.delete(id);
  return () => {
    if (handles.get(id) === handle) handles.delete(id);
  };
}

export function terminalHandle(id: string): TerminalHandle | undefined {
  return handles.get(id);
}

/** the handle of terminal `id` once it is on the page (a tab just added mounts a moment later) */
export function whenTerminal(id: string): Promise<TerminalHandle> {
  const h = handles.get(id);
  if (h) return Promise.resolve(h);
  return new Promise((resolve) => {
    const list = waiting.get(id) ?? [];
    list.push(resolve);
    waiting.set(id, list);
  });
}
