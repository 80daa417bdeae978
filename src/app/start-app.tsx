/**
 * The app behind the first frame (src/app/main.ts loads it once the boot
 * terminal's prompt is on the screen): a clock that follows real time, the
 * learner's Docker Hub (its catalog read on first use of the Hub), the sandbox
 * factory (simulator sessions, src/app/sandbox), the store (src/store,
 * restored from IndexedDB) and the React UI. React renders into #root while it
 * is hidden; the page shows it when the active terminal's view has adopted the
 * boot terminal, in the same task, so the frame never shows a terminal-less page.
 */
import { createRoot } from 'react-dom/client';
import { EngineModeController } from '../client/remote/engine-mode';
import { createSwitchableClient } from '../client/switchable';
import type { HubCatalog } from '../engine/registry/catalog';
import { readCatalog } from '../engine/registry/default-catalog';
import { giveWayEvery } from '../shell/interpreter/pace';
import { openSandboxStore } from '../store/create-store';
import { App } from '../ui/App';
import { createEditorHost, lateEditorHost } from '../ui/editor/editor-host';
import { whenTerminal } from '../ui/terminal/terminal-registry';
import { bootTerminalId, whenBootTerminalAdopted } from '../ui/terminal/boot-terminal';
import { EngineModeProvider } from '../ui/top-bar/engine-mode';
import { SandboxProvider } from '../ui/use-sandbox';
import { frameTurn } from './frame-turn';
import { RealClock, randomSeed } from './real-clock';
import { createSandboxFactory } from './sandbox';

const HOME = '/home/learner';
/** the real time a busy shell loop runs before it lets the page draw and read keys (a share of a 16 ms frame) */
const LOOP_SLICE_MS = 10;
/** shows the app even if no terminal view adopts the boot terminal by then (a view that failed) */
const ADOPT_TIMEOUT_MS = 10_000;

export interface StartOptions {
  /** the Hub catalog's text (the first call: the fetch started with the first frame; later calls fetch again) */
  catalogText(): Promise<string>;
  languages: readonly string[] | string;
}

export async function startApp(opts: StartOptions): Promise<void> {
  const el = document.getElementById('root');
  if (!el) return;
  // parsed once, on first use of the Hub by any sandbox
  let catalog: Promise<HubCatalog> | undefined;
  const loadCatalog = () => {
    if (!catalog) {
      const p = opts.catalogText().then(readCatalog);
      // a failure is the Hub being unreachable for that command; the next use tries again
      p.catch(() => {
        if (catalog === p) catalog = undefined;
      });
      catalog = p;
    }
    return catalog;
  };
  // shell loops give way every slice, until a frame is drawn: the terminal and the state view keep drawing, Ctrl-C is read at once
  giveWayEvery(() => performance.now(), LOOP_SLICE_MS, frameTurn());
  // the top bar's "Real engine" switch: offered when a Dockyard server (npm run serve) reports an engine
  const engineMode = new EngineModeController();
  void engineMode.refresh();
  // vi/vim/nano open files in the editor pane: the host needs the store, made after the factory
  const editor = lateEditorHost();
  const factory = createSandboxFactory({
    wrapClient: (simulator, hostFs) => {
      const switchable = createSwitchableClient(simulator);
      engineMode.attach(switchable, simulator, hostFs);
      return switchable.client;
    },
    clock: new RealClock(),
    catalog: loadCatalog,
    home: HOME,
    cwd: HOME,
    cols: 120,
    newSeed: randomSeed,
    editor,
  });
  const store = await openSandboxStore({ factory, languages: opts.languages });
  editor.bind(createEditorHost(store));

  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    el.classList.remove('booting');
    document.getElementById('boot')?.remove();
  };
  if (bootTerminalId() === undefined) show();
  else whenBootTerminalAdopted(show);
  // no StrictMode: its double effects in development would run a terminal's restored command twice
  createRoot(el).render(
    <SandboxProvider store={store}>
      <EngineModeProvider controller={engineMode}>
        <App />
      </EngineModeProvider>
    </SandboxProvider>,
  );
  const active = store.getState().activeTerminal;
  await Promise.race([whenTerminal(active), new Promise((resolve) => setTimeout(resolve, ADOPT_TIMEOUT_MS))]);
  show();
}
