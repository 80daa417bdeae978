/**
 * What the page showed when it went away, read straight from IndexedDB before
 * anything else of the app is loaded: the UI record the store persists
 * (src/store/idb-storage.ts: database "dockyard", object store "sandbox", key
 * "dockyard-sandbox", `{ state, version }`), of which the boot terminal needs
 * the language, the active terminal, its saved screen and the command that was
 * running in it. The store reads the same record again (with the sandbox) and
 * decides; this is only what the first frame shows.
 *
 * A database that does not exist is not created here: idb-keyval creates it
 * together with its object store, which it could not do if a database without
 * that store were already there.
 */
import type { Lang } from '../i18n';

export interface SavedScreen {
  lang?: Lang;
  /** the terminal that was active (the store's rule: a listed one, else the first) */
  terminalId: string;
  /** its tab's number ("Terminal 2") */
  terminalIndex: number;
  /** its serialized screen (xterm's serialize addon), ending with the prompt it showed */
  scrollback?: string;
  /** the command that was running in it */
  running?: string;
}

export const SANDBOX_DB = 'dockyard';
export const SANDBOX_STORE = 'sandbox';
export const SANDBOX_RECORD = 'dockyard-sandbox';
/** the first terminal's ID (src/store/create-store.ts FIRST_TERMINAL) */
export const FIRST_TERMINAL_ID = 't1';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** the parts of a persisted UI record the boot terminal uses; undefined when it is not one */
export function savedScreenOf(record: unknown): SavedScreen | undefined {
  let doc = record;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!isRecord(doc) || !isRecord(doc.state)) return undefined;
  const s = doc.state;
  const tabs = Array.isArray(s.terminals) ? s.terminals.filter((t) => isRecord(t) && typeof t.id === 'string' && typeof t.index === 'number') as { id: string; index: number }[] : [];
  const active = str(s.activeTerminal);
  const tab = tabs.find((t) => t.id === active) ?? tabs[0];
  const terminalId = tab?.id ?? FIRST_TERMINAL_ID;
  const pick = (v: unknown) => (isRecord(v) ? str(v[terminalId]) : undefined);
  return {
    lang: s.lang === 'en' || s.lang === 'zh-CN' ? s.lang : undefined,
    terminalId,
    terminalIndex: tab?.index ?? 1,
    scrollback: pick(s.scrollback),
    running: pick(s.runningCommands),
  };
}

/** reads the saved screen; undefined when nothing was saved or storage cannot be read */
export function readSavedScreen(idb: IDBFactory | undefined = globalThis.indexedDB): Promise<SavedScreen | undefined> {
  return new Promise((resolve) => {
    if (!idb) {
      resolve(undefined);
      return;
    }
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(SANDBOX_DB);
    } catch {
      resolve(undefined);
      return;
    }
    // no such database yet: leave it to idb-keyval to make (aborting the upgrade creates nothing)
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(undefined);
    req.onblocked = () => resolve(undefined);
    req.onsuccess = () => {
      const db = req.result;
      try {
        if (!db.objectStoreNames.contains(SANDBOX_STORE)) {
          db.close();
          resolve(undefined);
          return;
        }
        const get = db.transaction(SANDBOX_STORE, 'readonly').objectStore(SANDBOX_STORE).get(SANDBOX_RECORD);
        get.onsuccess = () => {
          db.close();
          resolve(savedScreenOf(get.result));
        };
        get.onerror = () => {
          db.close();
          resolve(undefined);
        };
      } catch {
        db.close();
        resolve(undefined);
      }
    };
  });
}
