/**
 * A vite plugin for the production build: writes a .gz and a .br file next to
 * every compressible file of the output folder (scripts, styles, HTML, JSON
 * such as the Hub catalog, SVG, fonts), so that a static host that serves
 * pre-compressed files (nginx `gzip_static`/`brotli_static`, Caddy
 * `precompressed`, …) sends them without compressing on each request.
 * Source maps are left alone; a compressed file is written only when smaller.
 * DOCKYARD_PRECOMPRESS=0 skips it (the browser suite's and benchmark's builds,
 * which serve the files uncompressed and count gzip sizes themselves).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:m?js|css|html|json|svg|txt|ttf|wasm)$/;
/** below this, compression gains little */
const MIN_BYTES = 1024;
/** brotli's best quality is slow on multi-megabyte chunks (Monaco): one step down above this */
const BEST_QUALITY_MAX = 1024 * 1024;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** writes FILE.gz and FILE.br for each compressible file under `dir`; returns how many files it compressed */
export function precompressFolder(dir: string): number {
  let n = 0;
  for (const path of [...files(dir)]) {
    if (!COMPRESSIBLE.test(path)) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    const gz = gzipSync(body, { level: 9 });
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: body.length <= BEST_QUALITY_MAX ? 11 : 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
    if (br.length < body.length) writeFileSync(`${path}.br`, br);
    n++;
  }
  return n;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'dockyard-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (process.env.DOCKYARD_PRECOMPRESS === '0') return;
      precompressFolder(outDir);
    },
  };
}
