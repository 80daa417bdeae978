/**
 * The built-in lessons, compiled at build time: `import('virtual:dockyard-lessons')`
 * gives the LoadedLesson[] of lessons/ (a broken lesson is in the list with
 * its problems, and fails lessons:check). The app loads the module lazily,
 * after the prompt.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadBuiltinLessons } from '../../src/runner/lesson-files';

const ID = 'virtual:dockyard-lessons';
const RESOLVED = `\0${ID}`;

export function dockyardLessons(dir: string): Plugin {
  return {
    name: 'dockyard-lessons',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (name !== 'packs' && statSync(p).isDirectory()) for (const f of readdirSync(p)) this.addWatchFile(join(p, f));
      }
      return `export default ${JSON.stringify(loadBuiltinLessons(dir))};`;
    },
  };
}
