/** The terminals, editor and small UI actions of the store. */
import type { SandboxActions } from './contract';
import { flushChanges, type GetState, managed, type SetState, type StoreRuntime } from './store-runtime';

type TerminalActions = Pick<
  SandboxActions,
  'addTerminal' | 'closeTerminal' | 'selectTerminal' | 'saveScrollback' | 'typeInTerminal'
>;
type EditorActions = Pick<SandboxActions, 'openFile' | 'closeFile' | 'setActiveFile' | 'select'>;
type MiscActions = Pick<SandboxActions, 'setLang' | 'dismissNotice' | 'setLesson'>;

function without<T>(rec: Record<string, T>, key: string): Record<string, T> {
  if (!(key in rec)) return rec;
  const out = { ...rec };
  delete out[key];
  return out;
}

export function terminalsSlice(set: SetState, get: GetState, rt: StoreRuntime): TerminalActions {
  return {
    addTerminal() {
      const s = get();
      let index = Math.max(0, ...s.terminals.map((t) => t.index)) + 1;
      const ids = new Set(s.terminals.map((t) => t.id));
      while (ids.has(`t${index}`)) index++;
      const id = `t${index}`;
      set({ terminals: [...s.terminals, { id, index }], activeTerminal: id });
      return id;
    },
    closeTerminal(id) {
      const s = get();
      const i = s.terminals.findIndex((t) => t.id === id);
      if (i < 0 || s.terminals.length === 1) return;
      flushChanges(rt, set, get);
      managed(s).closeTerminal(id);
      rt.running.delete(id);
      const terminals = s.terminals.filter((t) => t.id !== id);
      const active = s.activeTerminal === id ? (terminals[Math.min(i, terminals.length - 1)]?.id ?? terminals[0].id) : s.activeTerminal;
      set({
        terminals,
        activeTerminal: active,
        scrollback: without(s.scrollback, id),
        runningCommands: without(s.runningCommands, id),
        runningAttached: without(s.runningAttached, id),
      });
    },
    selectTerminal(id) {
      if (get().terminals.some((t) => t.id === id)) set({ activeTerminal: id });
    },
    saveScrollback(id, text) {
      if (get().scrollback[id] === text) return;
      set((s) => ({ scrollback: { ...s.scrollback, [id]: text } }));
    },
    typeInTerminal(text) {
      set((s) => ({ typed: { terminalId: s.activeTerminal, text, seq: (s.typed?.seq ?? 0) + 1 } }));
    },
  };
}

export function editorSlice(set: SetState, get: GetState): EditorActions {
  return {
    openFile(path) {
      const s = get();
      set({ openFiles: s.openFiles.includes(path) ? s.openFiles : [...s.openFiles, path], activeFile: path });
    },
    closeFile(path) {
      const s = get();
      const i = s.openFiles.indexOf(path);
      if (i < 0) return;
      const openFiles = s.openFiles.filter((p) => p !== path);
      const activeFile = s.activeFile === path ? openFiles[Math.min(i, openFiles.length - 1)] : s.activeFile;
      set({ openFiles, activeFile });
    },
    setActiveFile(path) {
      if (path !== undefined && !get().openFiles.includes(path)) get().openFile(path);
      else set({ activeFile: path });
    },
    select(sel) {
      set({ selection: sel });
    },
  };
}

export function miscSlice(set: SetState, get: GetState): MiscActions {
  return {
    setLang(lang) {
      if (get().lang !== lang) set({ lang });
    },
    dismissNotice() {
      if (get().notice) set({ notice: undefined });
    },
    setLesson(id, value) {
      set((s) => {
        const lessons = { ...s.lessons };
        if (value === undefined) delete lessons[id];
        else lessons[id] = value;
        return { lessons };
      });
    },
  };
}
