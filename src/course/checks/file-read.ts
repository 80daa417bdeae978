/**
 * Reading one file for a file check, through the client's archive endpoints
 * (what `docker cp` uses), so it works on a real engine too:
 * - in a container: stat the path (HEAD, no event), copy it only when its size
 *   or time changed since the last look;
 * - in an image: a container created from it and never started, copied from,
 *   removed; images never change, so once per image and path;
 * - in a volume: through a container that mounts it, else such a container
 *   made for the moment.
 * Resolves undefined when the file does not exist; `data` is undefined for a
 * file whose content the simulator does not know (stand-in binaries).
 */
import type { EngineClient } from '../../client/engine-client';
import { readTar } from '../../lib/tar';
import type { CheckPass } from './context';

export interface FoundFile {
  kind: 'file' | 'dir' | 'symlink';
  data?: Uint8Array;
}

const GO_MODE_DIR = 0x80000000;
const GO_MODE_SYMLINK = 0x08000000;

function fromTar(tar: Uint8Array): FoundFile | undefined {
  const first = readTar(tar)[0];
  if (!first) return undefined;
  if (first.type === 'dir') return { kind: 'dir' };
  if (first.type === 'symlink') return { kind: 'symlink' };
  return { kind: 'file', data: first.data };
}

async function copyOut(client: EngineClient, container: string, path: string): Promise<FoundFile | undefined> {
  try {
    const r = await client.copyFromContainer(container, path);
    return fromTar(r.content);
  } catch {
    return undefined;
  }
}

/** a file in a container (name or ID), cached by the container, path, size and time */
export async function containerFile(pass: CheckPass, container: string, path: string): Promise<FoundFile | undefined> {
  const client = pass.env.client;
  let stat: Awaited<ReturnType<EngineClient['containerStatPath']>>;
  try {
    stat = await client.containerStatPath(container, path);
  } catch {
    return undefined;
  }
  if ((stat.mode & GO_MODE_DIR) !== 0) return { kind: 'dir' };
  if ((stat.mode & GO_MODE_SYMLINK) !== 0 && !stat.linkTarget) return { kind: 'symlink' };
  const key = `${container}\0${path}\0${stat.size}\0${stat.mtime}`;
  const cache = pass.caches.containerFiles;
  if (cache.has(key)) {
    const data = cache.get(key);
    return data === null ? undefined : { kind: 'file', data };
  }
  const found = await copyOut(client, container, path);
  if (cache.size > 200) cache.clear();
  cache.set(key, found ? (found.data ?? new Uint8Array()) : null);
  return found;
}

/** make a container for a moment (never started), use it, remove it */
async function withScratch<T>(client: EngineClient, image: string, volume: string | undefined, use: (id: string) => Promise<T>): Promise<T | undefined> {
  let id: string | undefined;
  try {
    const hostConfig = volume ? { Mounts: [{ Type: 'volume' as const, Source: volume, Target: '/dockyard-check' }] } : undefined;
    id = (await client.containerCreate({ Image: image, Cmd: ['true'], Entrypoint: [] }, hostConfig, undefined, '')).Id;
    return await use(id);
  } catch {
    return undefined;
  } finally {
    if (id) await client.containerRemove(id, { force: true }).catch(() => undefined);
  }
}

/** a file in an image (ref or ID), once per image ID and path */
export async function imageFile(pass: CheckPass, image: string, path: string): Promise<FoundFile | undefined> {
  const img = await pass.image(image);
  if (!img) return undefined;
  const key = `${img.Id}\0${path}`;
  const cache = pass.caches.imageFiles;
  if (cache.has(key)) {
    const data = cache.get(key);
    return data === null ? undefined : { kind: 'file', data };
  }
  const found = await withScratch(pass.env.client, img.Id, undefined, (id) => copyOut(pass.env.client, id, path));
  if (found?.kind === 'dir') return found;
  cache.set(key, found ? (found.data ?? new Uint8Array()) : null);
  return found;
}

/** a file in a named volume ("/" is the volume's top) */
export async function volumeFile(pass: CheckPass, volume: string, path: string): Promise<FoundFile | undefined> {
  const rel = path.replace(/^\/+/, '');
  for (const c of await pass.containers()) {
    const m = c.Mounts.find((x) => x.Type === 'volume' && x.Name === volume);
    if (m) return containerFile(pass, c.Id, `${m.Destination.replace(/\/$/, '')}/${rel}`);
  }
  const images = await pass.images();
  const base = images[0];
  if (!base) return undefined;
  return withScratch(pass.env.client, base.Id, volume, (id) => copyOut(pass.env.client, id, `/dockyard-check/${rel}`));
}
