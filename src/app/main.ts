/**
 * The browser's entry: the first frame. It draws the app's frame and a
 * terminal whose prompt takes keys (src/ui/boot, src/ui/terminal/boot-terminal)
 * with nothing but xterm.js loaded, then fetches the rest: the Hub catalog
 * (parsed on first use of the Hub) and the app (start-app.tsx: the simulator,
 * the store, React and the UI), which adopts that terminal and plays the keys
 * typed meanwhile. Nothing here may import the app's other modules statically:
 * they would be fetched before the prompt.
 */
import { DEFAULT_CATALOG_PATH } from '../engine/registry/catalog-file';
import { bootScreen } from '../ui/boot/boot-screen';
import { readSavedScreen } from '../ui/boot/saved-screen';
import { buildSkeleton, showLabels } from '../ui/boot/skeleton';
import { dictionary, pickLang } from '../ui/i18n';
import { bootTerminalMessage, openBootTerminal } from '../ui/terminal/boot-terminal';
import './styles.css';

/** the editor's chunk (Monaco), as built (tools/build/chunk-file.ts); the placeholder in the dev server */
const EDITOR_CHUNK = '__DOCKYARD_EDITOR_CHUNK__';

/**
 * Download and compile the editor's chunk while the app starts, without
 * running it (<link rel="modulepreload">): a click on "Editor" soon after the
 * app is up then waits for Monaco to run, not for it to arrive.
 */
function preloadEditor(): void {
  if (!EDITOR_CHUNK || EDITOR_CHUNK.startsWith('__')) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = `${import.meta.env.BASE_URL}${EDITOR_CHUNK}`;
  document.head.append(link);
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Set in localStorage once the app has started on this origin: before that,
 * IndexedDB holds no saved screen, and a first visit does not wait for it
 * (opening IndexedDB in a new profile takes 100–200 ms).
 */
const STARTED_KEY = 'dockyard-started';

function startedBefore(): boolean {
  try {
    return localStorage.getItem(STARTED_KEY) !== null;
  } catch {
    // storage not readable: look in IndexedDB as well
    return true;
  }
}

async function boot(): Promise<void> {
  const frameEl = document.getElementById('boot');
  if (!frameEl) return;
  const saved = startedBefore() ? await readSavedScreen() : undefined;
  const languages = navigator.languages?.length ? navigator.languages : navigator.language;
  const lang = saved?.lang ?? pickLang(languages);
  // the page's language from the first frame on (the app keeps it in step with the learner's choice)
  document.documentElement.lang = lang;
  const t = dictionary(lang);
  const place = buildSkeleton(frameEl, t, saved?.terminalIndex ?? 1);
  await openBootTerminal(place, bootScreen(saved, t));
  // the prompt is drawn in the next frame: only then does the rest start (it would hold that frame up)
  await frame();
  await frame();
  // the frame's labels, in the UI font: held back until the prompt has been painted (skeleton.ts)
  showLabels();
  const fetchCatalog = () =>
    fetch(`${import.meta.env.BASE_URL}${DEFAULT_CATALOG_PATH}`).then((res) => {
      if (!res.ok) throw new Error(`${DEFAULT_CATALOG_PATH}: HTTP ${res.status}`);
      return res.text();
    });
  // fetched from now on, read on first use of the Hub; asked again (a new fetch) after a failure
  let prefetched: Promise<string> | undefined = fetchCatalog();
  // a failure is reported when the Hub is used, not as an unhandled rejection now
  prefetched.catch(() => undefined);
  const catalogText = () => {
    const p = prefetched ?? fetchCatalog();
    prefetched = undefined;
    return p;
  };
  try {
    const app = import('./start-app');
    preloadEditor();
    const { startApp } = await app;
    await startApp({ catalogText, languages });
    try {
      localStorage.setItem(STARTED_KEY, '1');
    } catch {
      // not writable: every visit looks in IndexedDB
    }
  } catch (e) {
    bootTerminalMessage(`${t.startFailed} ${e instanceof Error ? e.message : String(e)}`);
  }
}

void boot();
