/**
 * The composition root for the browser: a clock that follows real time, IDs
 * seeded from the platform's random source, the simulator (engine + client +
 * shell, src/app/simulator.ts) and the React UI.
 */
import { createRoot } from 'react-dom/client';
import type { HubCatalog } from '../engine/registry/catalog';
import { SeededIds } from '../engine/core/ids';
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
    // the stand-in Docker Hub ships as its own chunk
    const catalog = (await import('../../test/fixtures/standin-hub.json')).default as unknown as HubCatalog;
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
