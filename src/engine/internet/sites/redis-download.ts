/**
 * download.redis.io: the release tarball the tutorial's Dockerfile fetches
 * (releases/redis-5.0.3.tar.gz). Its Makefiles are text (redis-makefiles.ts);
 * its C sources are synthetic contents of a size each (never real bytes), so
 * the archive is a lazy gzip of a lazy tar.
 */
import type { Content } from '../../../api/fs';
import { gzipContent, synthetic } from '../../../lib/content';
import type { TarEntry } from '../../../lib/tar';
import { writeTarContent } from '../../../lib/tar';
import type { Site } from '../internet';
import {
  DEPS_MAKEFILE,
  HIREDIS_MAKEFILE,
  HIREDIS_OBJECTS,
  LINENOISE_MAKEFILE,
  LUA_CORE,
  LUA_LIB,
  LUA_MAKEFILE,
  LUA_PROGRAMS,
  SRC_MAKEFILE,
  SRC_OBJECTS,
  TOP_MAKEFILE,
} from './redis-makefiles';

const ROOT = 'redis-5.0.3';
/** the release's date (members' mtime) */
const RELEASED = Date.UTC(2018, 11, 12, 11, 40, 40);

/** a source file's size: 2–42 kB, fixed by its name */
function sourceSize(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return 2048 + ((h >>> 0) % 40_000);
}

function member(name: string, data?: Content | string, mode = 0o644): TarEntry {
  const base = { uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: RELEASED };
  if (data === undefined) return { name: `${ROOT}/${name}/`, type: 'dir', mode: 0o775, size: 0, ...base };
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const size = bytes instanceof Uint8Array ? bytes.length : bytes.size;
  return { name: `${ROOT}/${name}`, type: 'file', mode, size, data: bytes, ...base };
}

function sources(dir: string, objects: string[], headers: string[] = []): TarEntry[] {
  const out: TarEntry[] = [];
  for (const o of objects) {
    const path = `${dir}/${o.replace(/\.o$/, '.c')}`;
    out.push(member(path, synthetic(`${ROOT}/${path}`, sourceSize(path))));
  }
  for (const h of headers) out.push(member(`${dir}/${h}`, synthetic(`${ROOT}/${dir}/${h}`, sourceSize(`${dir}/${h}`))));
  return out;
}

export function redisTarEntries(): TarEntry[] {
  return [
    { ...member(''), name: `${ROOT}/` },
    member('Makefile', TOP_MAKEFILE),
    member('src'),
    member('src/Makefile', SRC_MAKEFILE),
    ...sources('src', SRC_OBJECTS, ['server.h', 'sds.h', 'dict.h', 'adlist.h', 'ae.h', 'anet.h', 'zmalloc.h']),
    member('deps'),
    member('deps/Makefile', DEPS_MAKEFILE),
    member('deps/hiredis'),
    member('deps/hiredis/Makefile', HIREDIS_MAKEFILE),
    ...sources('deps/hiredis', HIREDIS_OBJECTS, ['hiredis.h', 'sds.h', 'net.h']),
    member('deps/linenoise'),
    member('deps/linenoise/Makefile', LINENOISE_MAKEFILE),
    ...sources('deps/linenoise', ['linenoise.o', 'example.o'], ['linenoise.h']),
    member('deps/lua'),
    member('deps/lua/src'),
    member('deps/lua/src/Makefile', LUA_MAKEFILE),
    ...sources('deps/lua/src', [...LUA_CORE, ...LUA_LIB, ...LUA_PROGRAMS], ['lua.h', 'luaconf.h', 'lauxlib.h']),
  ];
}

export const REDIS_DOWNLOAD: Site = {
  host: 'download.redis.io',
  ip: '45.60.121.1',
  files: {
    '/releases/redis-5.0.3.tar.gz': {
      contentType: 'application/octet-stream',
      content: () => gzipContent(writeTarContent(redisTarEntries(), { format: 'gnu' }), { mtime: RELEASED }),
    },
  },
};
