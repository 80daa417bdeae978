/**
 * What the editor pane offers the rest of the page while it is mounted (it is
 * lazy-loaded, so others cannot import it): saving a tab's unsaved edits at
 * once, for a program that stops waiting on it. And what the editor host
 * tells the page: a program opened a file (show the editor), the learner
 * closed a file a program was waiting on (back to the terminal).
 */
export interface EditorPaneHandle {
  /** write the tab's unsaved edits now (vim handing the terminal back) */
  save(key: string): void;
}

export type EditorEvent = { type: 'opened'; key: string } | { type: 'returned'; key: string };

let pane: EditorPaneHandle | undefined;
const listeners = new Set<(e: EditorEvent) => void>();

export function registerEditorPane(handle: EditorPaneHandle): () => void {
  pane = handle;
  return () => {
    if (pane === handle) pane = undefined;
  };
}

export function saveInEditor(key: string): void {
  pane?.save(key);
}

export function onEditorEvent(fn: (e: EditorEvent) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function emitEditorEvent(e: EditorEvent): void {
  for (const fn of [...listeners]) fn(e);
}
