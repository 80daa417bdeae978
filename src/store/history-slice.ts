/**
 * Undo/redo through snapshots taken after each command that changed
 * something, reset to a fresh sandbox, export to a file and import from one.
 * Reset and import are undo steps too: nothing the learner had is lost.
 */
import type { SandboxActions, SandboxStore } from './contract';
import { storeMessages } from './messages';
import { applyProvenance } from './provenance';
import { decodeSandboxFile, encodeSandboxFile } from './sandbox-file';
import {
  collectBlobs,
  flushChanges,
  type GetState,
  type HistoryEntry,
  managed,
  pushPast,
  refreshSaved,
  replaceSession,
  type SetState,
  type StoreRuntime,
} from './store-runtime';

type HistoryActions = Pick<
  SandboxActions,
  'commandStarted' | 'commandFinished' | 'undo' | 'redo' | 'reset' | 'exportSandbox' | 'importSandbox' | 'saveNow'
>;

/** the live sandbox as an undo step */
function currentEntry(rt: StoreRuntime, get: GetState): HistoryEntry {
  refreshSaved(rt, get);
  return { snapshot: rt.dirty ? rt.saved : rt.present, provenance: get().provenance };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function historySlice(set: SetState, get: GetState, rt: StoreRuntime): HistoryActions {
  const notice = (level: 'info' | 'error', text: string) => set({ notice: { level, text } });
  const t = () => storeMessages(get().lang);

  const step = (from: HistoryEntry[], to: HistoryEntry[]) => {
    flushChanges(rt, set, get);
    const target = from[from.length - 1];
    if (!target) return;
    let next: ReturnType<typeof rt.factory.restore>;
    try {
      next = rt.factory.restore(target.snapshot);
    } catch (e) {
      notice('error', t().importDamaged(errorText(e)));
      return;
    }
    to.push(currentEntry(rt, get));
    from.pop();
    replaceSession(rt, set, get, next, target.snapshot, { provenance: target.provenance });
  };

  return {
    commandStarted(terminalId, line) {
      flushChanges(rt, set, get);
      rt.running.set(terminalId, []);
      // what a reload restores while this runs: the sandbox as the command found it
      refreshSaved(rt, get);
      set((s) => ({ runningCommands: { ...s.runningCommands, [terminalId]: line } }));
    },

    commandFinished(terminalId, line, status) {
      flushChanges(rt, set, get);
      const events = rt.running.get(terminalId) ?? rt.unowned;
      if (!rt.running.has(terminalId)) rt.unowned = [];
      rt.running.delete(terminalId);
      const before = get().provenance;
      const provenance = applyProvenance(before, events, line);
      const session = managed(get());
      let dropped = false;
      if (rt.dirty || session.changedSinceSnapshot()) {
        const snap = session.snapshot();
        dropped = pushPast(rt, { snapshot: rt.present, provenance: before });
        dropped = rt.future.length > 0 || dropped;
        rt.future = [];
        rt.present = snap;
        rt.saved = snap;
        rt.dirty = false;
      }
      rt.boundary = true;
      set((s) => {
        const runningCommands = { ...s.runningCommands };
        delete runningCommands[terminalId];
        const runningAttached = { ...s.runningAttached };
        delete runningAttached[terminalId];
        return {
          provenance,
          runningCommands,
          runningAttached,
          revision: s.revision + 1,
          canUndo: rt.past.length > 0,
          canRedo: rt.future.length > 0,
          lastCommand: { terminalId, line, status, seq: (s.lastCommand?.seq ?? 0) + 1 },
        };
      });
      if (dropped) collectBlobs(rt);
    },

    async undo() {
      step(rt.past, rt.future);
    },

    async redo() {
      step(rt.future, rt.past);
    },

    async reset() {
      flushChanges(rt, set, get);
      const next = rt.factory.fresh();
      pushPast(rt, currentEntry(rt, get));
      rt.future = [];
      replaceSession(rt, set, get, next, next.snapshot(), {
        provenance: {},
        openFiles: [],
        activeFile: undefined,
        selection: undefined,
        scrollback: {},
        notice: { level: 'info', text: t().reset },
      });
    },

    async exportSandbox() {
      flushChanges(rt, set, get);
      refreshSaved(rt, get);
      const s = get();
      const text = encodeSandboxFile(
        rt.saved,
        rt.factory.blobs,
        { provenance: s.provenance, lessons: s.lessons, terminals: s.terminals, scrollback: s.scrollback },
        new Date(s.session.now()).toISOString(),
      );
      return new Blob([text], { type: 'application/json' });
    },

    async importSandbox(file) {
      const m = t();
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        notice('error', m.importUnreadable(errorText(e)));
        return false;
      }
      const decoded = decodeSandboxFile(text);
      if (!decoded.ok) {
        if (decoded.reason === 'not-json') notice('error', m.importNotJson);
        else if (decoded.reason === 'foreign') notice('error', m.importForeign);
        else if (decoded.reason === 'newer') notice('error', m.importNewer(decoded.version ?? 0));
        else if (decoded.reason === 'damaged') notice('error', m.importDamaged(decoded.detail));
        return false;
      }
      // the whole file is checked, and the sandbox made, before any of its blobs is kept
      let next: ReturnType<typeof rt.factory.restore>;
      try {
        next = rt.factory.restore(decoded.snapshot, decoded.blobs);
      } catch (e) {
        notice('error', m.importDamaged(errorText(e)));
        return false;
      }
      flushChanges(rt, set, get);
      pushPast(rt, currentEntry(rt, get));
      rt.future = [];
      const x = decoded.extras;
      const extra: Partial<SandboxStore> = {
        provenance: x.provenance ?? {},
        lessons: x.lessons ?? get().lessons,
        scrollback: x.scrollback ?? {},
        openFiles: [],
        activeFile: undefined,
        selection: undefined,
        notice: { level: 'info', text: m.imported },
      };
      if (x.terminals) {
        extra.terminals = x.terminals;
        extra.activeTerminal = x.terminals[0]?.id ?? get().activeTerminal;
      }
      replaceSession(rt, set, get, next, decoded.snapshot, extra);
      return true;
    },

    async saveNow() {
      flushChanges(rt, set, get);
      refreshSaved(rt, get);
      set({});
      await rt.storage?.flush();
    },
  };
}
