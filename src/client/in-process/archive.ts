/** ArchiveApi over the in-process engine (diff, commit, export, import, save, load, cp, top, stats). */
import { ClientError } from '../../api/errors';
import { containerCommit } from '../../engine/archive/ops/commit';
import { containerStatPath, copyFromContainer, copyToContainer } from '../../engine/archive/ops/copy';
import { containerChanges } from '../../engine/archive/ops/diff';
import { containerExport } from '../../engine/archive/ops/export';
import { imageImport } from '../../engine/archive/ops/import';
import { imageLoad } from '../../engine/archive/ops/load';
import { imageSave } from '../../engine/archive/ops/save';
import { containerStats } from '../../engine/archive/ops/stats';
import { containerTop } from '../../engine/archive/ops/top';
import type { Engine } from '../../engine/engine';
import { InvalidReferenceError, parseNormalizedNamed } from '../../lib/reference';
import type { ArchiveApi } from '../api/archive';
import { call } from '../errors';

/** the Go client validates references before sending (no "Error response from daemon" prefix) */
function validateReference(ref: string | undefined): void {
  if (!ref) return;
  try {
    const named = parseNormalizedNamed(ref);
    if (named.digest) throw new ClientError('InvalidParameter', 'refusing to create a tag with a digest reference', '');
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new ClientError('InvalidParameter', err.message, err.message);
    throw err;
  }
}

export function archiveClient(engine: Engine): ArchiveApi {
  const pathTarget = (container: string, path: string) => ({ object: 'container:path', id: `${container}:${path}` });
  return {
    containerDiff: (container) => call(() => containerChanges(engine, container)),
    containerCommit: async (container, options) => {
      validateReference(options.reference);
      return call(() => ({ Id: containerCommit(engine, container, options) }));
    },
    containerExport: (container) => call(() => containerExport(engine, container)),
    imageImport: async (source, ref, options = {}) => {
      validateReference(ref);
      return call(() => imageImport(engine, source, ref, options));
    },
    imageSave: (refs) => call(() => imageSave(engine, refs)),
    imageLoad: (tar, options = {}) => call(() => imageLoad(engine, tar, options)),
    copyToContainer: (container, path, content, options = {}) =>
      call(() => copyToContainer(engine, container, path, content, options), pathTarget(container, path)),
    copyFromContainer: (container, path) => call(() => copyFromContainer(engine, container, path), pathTarget(container, path)),
    containerStatPath: (container, path) => call(() => containerStatPath(engine, container, path), pathTarget(container, path)),
    containerTop: (container, psArgs) => call(() => containerTop(engine, container, psArgs)),
    containerStats: (container, options) => call(() => containerStats(engine, container, options)),
  };
}
