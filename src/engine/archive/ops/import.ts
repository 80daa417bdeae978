/**
 * POST /images/create?fromSrc=: `docker import` (moby ImportImage). The tar
 * becomes the only layer of an image with an empty config (plus --change),
 * history comment and image comment "Imported from -" (or --message).
 * This daemon is offline: a URL source fails like the recording machine's
 * daemon did (the proxy answered 502).
 */
import type { ImageImportOptions, ImageImportSource } from '../../../api/archive';
import { invalidParameter, systemError } from '../../../api/errors';
import { gunzipSync } from 'fflate';
import { type Content, gunzipped, isLazy, materialize } from '../../../lib/content';
import { readTar, TarFormatError } from '../../../lib/tar';
import type { Engine } from '../../engine';
import { emptyContainerConfig } from '../../images/image-config';
import { createImage } from '../../images/ops/create';
import { tagImage } from '../../images/ops/tag';
import { applyConfigChanges } from '../config-changes';
import { tarEntriesToLayer } from '../layer-tar';
import { parseReference } from './commit';

const GZIP = [0x1f, 0x8b];
const BZIP2 = [0x42, 0x5a, 0x68];
const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

function startsWith(c: Content, magic: number[]): boolean {
  const b = isLazy(c) ? c.read(0, magic.length) : c;
  return magic.every((m, i) => b[i] === m);
}

/**
 * DecompressStream for gzip: the archive inside (a lazy gzip file made here
 * gives back its tar without inflating); other contents as they are
 */
export function gunzipArchive(c: Content): Content {
  const lazyInner = gunzipped(c);
  if (lazyInner) return lazyInner;
  if (!startsWith(c, [...GZIP, 8])) return c;
  try {
    return gunzipSync(materialize(c));
  } catch {
    throw systemError('unexpected EOF');
  }
}

/** parse a layer/rootfs tarball (lazy members stay lazy; gzip read through); bzip2 and xz are not supported by this simulator */
export function parseLayerTar(input: Content) {
  const bytes = gunzipArchive(input);
  if (startsWith(bytes, GZIP) || startsWith(bytes, BZIP2) || startsWith(bytes, XZ)) {
    throw systemError('compressed archives are not supported by the Dockyard simulator: decompress it first');
  }
  try {
    return tarEntriesToLayer(readTar(bytes));
  } catch (err) {
    if (err instanceof TarFormatError) throw systemError(err.message);
    throw err;
  }
}

export function imageImport(engine: Engine, source: ImageImportSource, repo: string, opts: ImageImportOptions = {}): string {
  const named = repo ? parseReference(repo) : undefined;
  if (opts.platform && !/^linux(\/amd64)?$/.test(opts.platform)) {
    throw invalidParameter(`"${opts.platform}": unknown operating system or architecture: invalid argument`);
  }
  if ('url' in source) {
    throw systemError(`failed to GET ${source.url} with status 502 Bad Gateway:`);
  }
  const config = applyConfigChanges(emptyContainerConfig(), opts.changes ?? []);
  const files = parseLayerTar(source.bytes);
  const message = opts.message || 'Imported from -';
  const image = createImage(engine, {
    layers: files,
    config,
    history: { comment: message },
    comment: message,
    created: engine.clock.now(),
  });
  engine.events.emit(engine.clock.now(), 'image', 'import', image.id, { name: image.id });
  if (named) tagImage(engine, image.id, named);
  opts.onMessage?.({ status: image.id });
  return image.id;
}
