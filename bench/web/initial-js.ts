/**
 * The JavaScript a page load fetches before the learner can type: the module
 * scripts and modulepreload links of the built index.html (the lazy chunks,
 * Monaco and the editor worker, come later and are not counted), with their
 * gzip sizes (node:zlib, default level 6 as a web server compresses on the fly).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Asset {
  path: string;
  bytes: number;
  gzip: number;
}

/** the URLs of the scripts index.html loads (module scripts and modulepreload) and of its stylesheets */
export function initialAssets(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/g)) {
    const attrs = m[2] ?? '';
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
    if (m[1] === 'script' && attr('src')) scripts.push(attr('src') as string);
    else if (m[1] === 'link' && attr('rel') === 'modulepreload' && attr('href')) scripts.push(attr('href') as string);
    else if (m[1] === 'link' && attr('rel') === 'stylesheet' && attr('href')) styles.push(attr('href') as string);
  }
  return { scripts, styles };
}

function measure(dir: string, url: string): Asset {
  const body = readFileSync(join(dir, url.replace(/^\//, '')));
  return { path: url, bytes: body.length, gzip: gzipSync(body).length };
}

export function initialSizes(dir: string): { scripts: Asset[]; styles: Asset[] } {
  const { scripts, styles } = initialAssets(readFileSync(join(dir, 'index.html'), 'utf8'));
  return { scripts: scripts.map((u) => measure(dir, u)), styles: styles.map((u) => measure(dir, u)) };
}
