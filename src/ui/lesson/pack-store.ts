/**
 * Teachers' packs in this browser: loaded from a folder, a zip or a URL,
 * kept in IndexedDB (database "dockyard-packs") as their text files, parsed
 * again (lazily, with the lesson parser's chunk) on each visit.
 */
import * as idb from 'idb-keyval';
import type { LessonPack } from '../../course/format/load-pack';

export interface StoredPack {
  id: string;
  files: Record<string, string>;
  /** where it came from (a file name or a URL) */
  source: string;
}

let store: ReturnType<typeof idb.createStore> | undefined;
const db = () => {
  store ??= idb.createStore('dockyard-packs', 'packs');
  return store;
};

const parser = () => import('../../course/format/load-pack');
const zip = () => import('../../course/format/read-zip');

export async function storedPacks(): Promise<StoredPack[]> {
  try {
    const all = await idb.values<StoredPack>(db());
    return all.filter((p) => p && typeof p.id === 'string' && typeof p.files === 'object');
  } catch {
    return [];
  }
}

export async function parsePack(p: StoredPack): Promise<LessonPack> {
  const { loadPack } = await parser();
  return loadPack(p.files, p.id);
}

export async function savePack(p: StoredPack): Promise<void> {
  await idb.set(p.id, p, db());
}

export async function removePack(id: string): Promise<void> {
  await idb.del(id, db());
}

/** a pack from files the learner picked: a folder (webkitRelativePath) or one zip */
export async function packFromFiles(files: readonly File[]): Promise<StoredPack> {
  if (files.length === 1 && /\.zip$/i.test(files[0].name)) return packFromZip(new Uint8Array(await files[0].arrayBuffer()), files[0].name);
  const out: Record<string, string> = {};
  for (const f of files) {
    const path = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    if (/\.(ya?ml|md)$/i.test(path)) out[path] = await f.text();
  }
  return identify(out, files[0]?.name ?? 'pack');
}

export async function packFromZip(bytes: Uint8Array, source: string): Promise<StoredPack> {
  const { readZipTexts } = await zip();
  return identify(readZipTexts(bytes), source);
}

export async function packFromUrl(url: string): Promise<StoredPack> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  return packFromZip(new Uint8Array(await res.arrayBuffer()), url);
}

async function identify(files: Record<string, string>, source: string): Promise<StoredPack> {
  const base = source.replace(/^.*[/\\]/, '').replace(/\.zip$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'pack';
  const { loadPack } = await parser();
  const pack = loadPack(files, base);
  return { id: pack.id, files, source };
}
