import { conflict, invalidParameter } from '../../../api/errors';
import { familiarString, type Reference } from '../../../lib/reference';
import type { Engine } from '../../engine';

/**
 * refstore AddTag/AddDigest. A tag may move to another image unless it is a
 * digest reference (digests are immutable): "Cannot overwrite digest …".
 * Returns true when the reference changed.
 */
export function addReference(engine: Engine, ref: Reference, imageId: string): boolean {
  if (ref.tag && ref.digest) throw invalidParameter('refusing to create an ambiguous tag using digest reference');
  if (ref.path === 'library/scratch' && ref.domain === 'docker.io') {
    throw invalidParameter("'scratch' is a reserved name");
  }
  const old = engine.references.get(ref);
  if (old === imageId) return false;
  if (old && ref.digest) throw conflict(`Cannot overwrite digest ${familiarString(ref)}`);
  engine.references.set(ref, imageId);
  return true;
}
