/**
 * Vite plugin: the built file name of a lazy chunk, written into the code
 * that needs it before anything imports that chunk (src/app/main.ts preloads
 * the editor's chunk, Monaco, with <link rel="modulepreload"> once the prompt
 * is drawn: it downloads and compiles while the app starts, and runs only when
 * the editor pane is first rendered). The placeholder string `marker` is
 * replaced by the path, relative to the base, of the chunk whose entry module
 * ends with `moduleSuffix`; by '' when there is no such chunk (and in the dev
 * server, where the placeholder stays and the page skips the preload).
 */
import type { Plugin } from 'vite';

export function chunkFile(marker: string, moduleSuffix: string): Plugin {
  return {
    name: 'dockyard-chunk-file',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const target = chunks.find((c) => c.facadeModuleId?.endsWith(moduleSuffix));
      for (const c of chunks) if (c.code.includes(marker)) c.code = c.code.replaceAll(marker, target?.fileName ?? '');
    },
  };
}
