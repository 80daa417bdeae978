/**
 * The composition root for the browser: a clock that follows real time, IDs
 * seeded from the platform's random source, the simulator (engine + client +
 * shell, src/app/simulator.ts) and the React UI.
 */
import { createRoot } from 'react-dom/client';
import { SeededIds } from '../engine/core/ids';
import { DEFAULT_CATALOG_PATH, parseCatalog } from '../engine/registry/default-catalog';
import { App } from '../ui/App';
import { dictionary, pickLang } from '../ui/i18n';
import { RealClock, randomSeed } from './real-clock';
import { createSimulator } from './simulator';
import './styles.css';

const HOME = '/home/learner';

async function boot(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) return;
  const lang = pickLang(navigator.languages?.length ? navigator.languages : navigator.language);
  document.documentElement.lang = lang;
  const t = dictionary(lang);
  document.title = t.title;
  const root = createRoot(el);
  el.textContent = t.loading;
  try {
    // the learner's Docker Hub: realistic images (public/catalog, made by tools/catalog)
    const res = await fetch(`${import.meta.env.BASE_URL}${DEFAULT_CATALOG_PATH}`);
    if (!res.ok) throw new Error(`${DEFAULT_CATALOG_PATH}: HTTP ${res.status}`);
    const catalog = parseCatalog(await res.text());
    const sim = createSimulator({
      clock: new RealClock(),
      ids: new SeededIds(randomSeed()),
      catalog,
      home: HOME,
      cwd: HOME,
      cols: 120,
    });
    root.render(<App t={t} run={sim.run} prompt={sim.prompt} />);
  } catch (e) {
    root.render(
      <p className="fatal">
        {t.startFailed} {e instanceof Error ? e.message : String(e)}
      </p>,
    );
  }
}

void boot();
