import { invalidParameter } from '../../../api/errors';
import { familiarString, InvalidReferenceError, parseNormalizedNamed, type Reference, withDefaultTag } from '../../../lib/reference';
import type { Engine } from '../../engine';
import { addReference } from '../../references/ops/add';
import { rfc3339Nano } from '../image-config';

/**
 * docker tag: point `ref` ("nginx:v2", "127.0.0.1:5000/ubuntu") at an image,
 * moving the tag if it pointed elsewhere. Emits the "tag" event.
 */
export function tagImage(engine: Engine, imageId: string, ref: string | Reference): void {
  let parsed: Reference;
  try {
    parsed = typeof ref === 'string' ? parseNormalizedNamed(ref) : ref;
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw invalidParameter(err.message);
    throw err;
  }
  if (parsed.digest) throw invalidParameter('refusing to create a tag with a digest reference');
  const tagged = withDefaultTag(parsed);
  addReference(engine, tagged, imageId);
  const img = engine.images.get(imageId);
  if (img) img.lastTagTime = rfc3339Nano(engine.clock.now());
  engine.events.emit(engine.clock.now(), 'image', 'tag', imageId, { name: familiarString(tagged) });
}
