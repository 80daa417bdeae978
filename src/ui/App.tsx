/**
 * The page: the top bar, the learner's notices, and the four areas (lesson,
 * terminals, editor, state view) in a resizable layout. The store comes from
 * <SandboxProvider> (src/ui/use-sandbox.ts), set up by src/app/start-app.tsx.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { HelpDialog } from './dialogs/HelpDialog';
import { ResetDialog } from './dialogs/ResetDialog';
import { onEditorEvent } from './editor/editor-registry';
import { AreaBoundary } from './layout/AreaBoundary';
import { type AreaId, AREAS, nextArea } from './layout/layout-model';
import { shortcutFor } from './layout/shortcuts';
import { Workspace } from './layout/Workspace';
import { LessonPanel } from './lesson/LessonPanel';
import { Notices } from './Notices';
import { StateView } from './state-view/StateView';
import { TerminalArea } from './terminal/TerminalArea';
import { terminalHandle, whenTerminal } from './terminal/terminal-registry';
import { cycleTab, tabAt } from './terminal/terminal-tabs';
import { TopBar } from './top-bar/TopBar';
import { useSandbox, useSandboxStore } from './use-sandbox';
import { useT } from './use-t';

// Monaco is big: the editor comes in its own chunk, after the page is up
const EditorPane = lazy(() => import('./editor/EditorPane'));

function focusArea(area: AreaId, activeTerminal: string): void {
  if (area === 'terminals') {
    const h = terminalHandle(activeTerminal);
    if (h) {
      h.focus();
      return;
    }
  }
  document.getElementById(`area-${area}`)?.focus();
}

export function App() {
  const t = useT();
  const lang = useSandbox((s) => s.lang);
  const store = useSandboxStore();
  const reset = useSandbox((s) => s.reset);
  const [resetOpen, setResetOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [narrowArea, setNarrowArea] = useState<AreaId>('terminals');
  const typedSeq = useSandbox((s) => s.typed?.seq);
  const firstTyped = useRef(typedSeq);
  const dialogs = useRef({ resetOpen, helpOpen });
  dialogs.current = { resetOpen, helpOpen };

  // the editor's Build button typed a command: on a narrow screen, show the terminal it is in
  useEffect(() => {
    if (typedSeq !== undefined && typedSeq !== firstTyped.current) setNarrowArea('terminals');
  }, [typedSeq]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.title} — ${t.tagline}`;
  }, [lang, t]);

  const focusTerminal = useCallback(() => {
    requestAnimationFrame(() => terminalHandle(store.getState().activeTerminal)?.focus());
  }, [store]);

  // vim FILE in a terminal: on a narrow screen show the editor; closing the file hands the keyboard back to the terminal
  useEffect(
    () =>
      onEditorEvent((e) => {
        if (e.type === 'opened') setNarrowArea('editor');
        else {
          setNarrowArea('terminals');
          focusTerminal();
        }
      }),
    [focusTerminal],
  );

  const showArea = useCallback(
    (area: AreaId) => {
      setNarrowArea(area);
      // after the tab's area is visible
      requestAnimationFrame(() => focusArea(area, store.getState().activeTerminal));
    },
    [store],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action) return;
      if (dialogs.current.resetOpen || dialogs.current.helpOpen) return;
      e.preventDefault();
      e.stopPropagation();
      const s = store.getState();
      if (action === 'help') setHelpOpen(true);
      else if (action === 'nextArea' || action === 'prevArea') {
        const here = (document.activeElement?.closest('[data-area]') as HTMLElement | null)?.dataset.area as AreaId | undefined;
        // wide layout: the areas shown, in page order
        const visible = [...document.querySelectorAll<HTMLElement>('section[data-area]')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => el.dataset.area as AreaId);
        const narrow = document.querySelector('.workspace.narrow') !== null;
        const next = nextArea(here, narrow ? AREAS : visible, action === 'prevArea');
        if (narrow) showArea(next);
        else focusArea(next, s.activeTerminal);
      } else if (action === 'newTerminal') {
        const id = s.addTerminal();
        setNarrowArea('terminals');
        void whenTerminal(id).then((h) => requestAnimationFrame(() => h.focus()));
      } else if (action === 'closeTerminal') {
        if (s.terminals.length > 1) {
          s.closeTerminal(s.activeTerminal);
          requestAnimationFrame(() => terminalHandle(store.getState().activeTerminal)?.focus());
        }
      } else if (action === 'nextTerminal' || action === 'prevTerminal') {
        const id = cycleTab(s.terminals, s.activeTerminal, action === 'nextTerminal' ? 1 : -1);
        if (id) {
          s.selectTerminal(id);
          requestAnimationFrame(() => terminalHandle(id)?.focus());
        }
      } else if (action === 'undo') {
        if (s.canUndo) void s.undo();
      } else if (action === 'redo') {
        if (s.canRedo) void s.redo();
      } else {
        const id = tabAt(s.terminals, action.terminal);
        if (id) {
          s.selectTerminal(id);
          setNarrowArea('terminals');
          requestAnimationFrame(() => terminalHandle(id)?.focus());
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, showArea]);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => showArea('terminals')}>
        {t.areaTerminals}
      </button>
      <TopBar onReset={() => setResetOpen(true)} onHelp={() => setHelpOpen(true)} onDone={focusTerminal} />
      <Notices />
      <main className="app-main">
        <Workspace
          narrowArea={narrowArea}
          onNarrowArea={showArea}
          areas={{
            lesson: (
              <AreaBoundary label={t.areaFailed}>
                <LessonPanel onRun={() => setNarrowArea('terminals')} />
              </AreaBoundary>
            ),
            terminals: (
              <AreaBoundary label={t.areaFailed}>
                <TerminalArea />
              </AreaBoundary>
            ),
            editor: (
              <AreaBoundary label={t.editorFailed}>
                <Suspense fallback={<p className="area-loading">{t.editorLoading}</p>}>
                  <EditorPane />
                </Suspense>
              </AreaBoundary>
            ),
            state: (
              <AreaBoundary label={t.areaFailed}>
                <StateView />
              </AreaBoundary>
            ),
          }}
        />
      </main>
      <ResetDialog open={resetOpen} onClose={() => setResetOpen(false)} onConfirm={() => void reset().then(focusTerminal)} />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
