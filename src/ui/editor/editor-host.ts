/**
 * The web app's EditorHost (src/api/editor.ts): `vim Dockerfile` in a
 * terminal opens a tab in the editor pane (the store's openFiles) and the
 * program waits until the learner closes that tab. A container's file is
 * fetched through the archive API first (SessionDocuments). Made once for
 * the page: the sandbox it edits is the store's session at the time of the
 * call (reset, undo and import replace it; a replaced session ends the wait).
 */
import { EditError, type EditorHost, type EditSession } from '../../api/editor';
import type { SandboxStore } from '../../store/contract';
import { fullLabel } from './document-keys';
import { documentsFor } from './documents';
import { emitEditorEvent, saveInEditor } from './editor-registry';
import { editorDictionaries } from './i18n';

export interface StoreLike {
  getState(): SandboxStore;
  subscribe(listener: (state: SandboxStore, previous: SandboxStore) => void): () => void;
}

export function createEditorHost(store: StoreLike): EditorHost {
  return {
    get lang() {
      return store.getState().lang === 'zh-CN' ? 'zh' : 'en';
    },
    async open({ target, program, name, readOnly }): Promise<EditSession> {
      const session = store.getState().session;
      const docs = documentsFor(session);
      let key: string;
      if (target.kind === 'container') key = await docs.loadContainerFile(target.container, target.path);
      else {
        key = target.path;
        if (docs.isDirectory(key)) throw new EditError(`"${target.path}" is a directory`);
        if (!docs.exists(key)) docs.markNew(key);
      }
      if (store.getState().session !== session) throw new EditError(`${target.path}: the sandbox was replaced`);
      docs.setReadOnly(key, readOnly === true);
      const state = store.getState();
      state.openFile(key);
      state.setActiveFile(key);
      emitEditorEvent({ type: 'opened', key });

      let waiting = true;
      let stop = () => {};
      const closed = new Promise<void>((resolve) => {
        const off = store.subscribe((s) => {
          const replaced = s.session !== session;
          if (!replaced && s.openFiles.includes(key)) return;
          off();
          // the learner closed the tab: the terminal gets the keyboard back, as after :wq
          if (!replaced && waiting) emitEditorEvent({ type: 'returned', key });
          resolve();
        });
        stop = () => {
          off();
          resolve();
        };
      });
      const t = editorDictionaries[state.lang];
      return {
        notice: (readOnly ? t.waitingReadOnly : t.waiting)(program, target.kind === 'host' && name ? name : fullLabel(key, (id) => docs.containerName(id))),
        closed,
        async detach() {
          waiting = false;
          stop();
          saveInEditor(key);
          // a refused write is shown in the editor's status line
          await docs.settled(key).catch(() => {});
        },
      };
    },
  };
}

/** an EditorHost whose implementation is set later (the store is made after the sandbox factory) */
export function lateEditorHost(): EditorHost & { bind(host: EditorHost): void } {
  let impl: EditorHost | undefined;
  return {
    get lang() {
      return impl?.lang ?? 'en';
    },
    open(request) {
      if (!impl) return Promise.reject(new EditError(`${request.program}: the editor is not ready yet`));
      return impl.open(request);
    },
    bind(host) {
      impl = host;
    },
  };
}
