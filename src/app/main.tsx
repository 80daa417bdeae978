/**
 * The composition root for the browser: a clock that follows real time, the
 * learner's Docker Hub catalog, the sandbox factory (simulator sessions,
 * src/app/sandbox), the store (src/store, restored from IndexedDB) and the
 * React UI.
 */
import { createRoot } from 'react-dom/client';
import { DEFAULT_CATALOG_PATH, parseCatalog } from '../engine/registry/default-catalog';
import { EngineModeController } from '../client/remote/engine-mode';
import { createSwitchableClient } from '../client/switchable';
import { openSandboxStore } from '../store/create-store';
import { EngineModeProvider } from '../ui/top-bar/engine-mode';
import { App } from '../ui/App';
import { dictionary, pickLang } from '../ui/i18n';
import { SandboxProvider } from '../ui/use-sandbox';
import { RealClock, randomSeed } from './real-clock';
import { createSandboxFactory } from './sandbox';
import './styles.css';

const HOME = '/home/learner';

async function boot(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) return;
  const languages = navigator.languages?.length ? navigator.languages : navigator.language;
  const t = dictionary(pickLang(languages));
  const status = document.getElementById('boot-status');
  if (status) status.textContent = t.loading;
  try {
    // the learner's Docker Hub: realistic images (public/catalog, made by tools/catalog)
    const res = await fetch(`${import.meta.env.BASE_URL}${DEFAULT_CATALOG_PATH}`);
    if (!res.ok) throw new Error(`${DEFAULT_CATALOG_PATH}: HTTP ${res.status}`);
    const catalog = parseCatalog(await res.text());
    // the top bar's "Real engine" switch: offered when a Dockyard server (npm run serve) reports an engine
    const engineMode = new EngineModeController();
    void engineMode.refresh();
    const factory = createSandboxFactory({
      wrapClient: (simulator, hostFs) => {
        const switchable = createSwitchableClient(simulator);
        engineMode.attach(switchable, simulator, hostFs);
        return switchable.client;
      },
      clock: new RealClock(),
      catalog,
      home: HOME,
      cwd: HOME,
      cols: 120,
      newSeed: randomSeed,
    });
    const store = await openSandboxStore({ factory, languages });
    // no StrictMode: its double effects in development would run a terminal's restored command twice
    createRoot(el).render(
      <SandboxProvider store={store}>
        <EngineModeProvider controller={engineMode}>
          <App />
        </EngineModeProvider>
      </SandboxProvider>,
    );
  } catch (e) {
    el.replaceChildren();
    const p = document.createElement('p');
    p.className = 'fatal';
    p.setAttribute('role', 'alert');
    p.textContent = `${t.startFailed} ${e instanceof Error ? e.message : String(e)}`;
    el.append(p);
  }
}

void boot();
