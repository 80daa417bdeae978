import { type DaemonError, invalidParameter, notFound } from '../../../api/errors';
import {
  familiarString,
  InvalidReferenceError,
  parseNormalizedNamed,
  type Reference,
  validateDigest,
  withDefaultTag,
} from '../../../lib/reference';
import type { Engine } from '../../engine';
import type { ImageRecord } from '../image-store';

/** reference.ParseAnyReference: a 64-hex id, a "sha256:…" digest, or a name */
export function parseAnyReference(s: string): { ref?: Reference; digest?: string } {
  if (/^[a-f0-9]{64}$/.test(s)) return { digest: `sha256:${s}` };
  if (s.startsWith('sha256:')) {
    try {
      validateDigest(s);
      return { digest: s };
    } catch {
      // not a digest: parsed as a name below, like go-digest's Parse failing
    }
  }
  return { ref: parseNormalizedNamed(s) };
}

/** the daemon's ErrImageDoesNotExist text: "No such image: ubuntu:latest" */
export function noSuchImage(s: string): DaemonError {
  try {
    const any = parseAnyReference(s);
    if (any.ref) return notFound(`No such image: ${familiarString(withDefaultTag(any.ref))}`);
    return notFound(`No such image: ${any.digest}`);
  } catch {
    return notFound(`No such image: ${s}`);
  }
}

function wrapRefError(err: unknown): never {
  if (err instanceof InvalidReferenceError) throw invalidParameter(err.message);
  throw err;
}

/** the image a tag/digest reference names, or undefined */
export function imageByReference(engine: Engine, ref: Reference): ImageRecord | undefined {
  const id = engine.references.get(withDefaultTag(ref));
  return id ? engine.images.get(id) : undefined;
}

/**
 * moby GetImage: by name[:tag] / name@digest, by full ID (with or without
 * "sha256:"), or by a unique ID prefix. Throws NotFound "No such image: …"
 * (daemon text; the client shows "Error: No such image: <as typed>" where the
 * Go client wraps 404s) or InvalidParameter for a malformed reference.
 */
export function resolveImage(engine: Engine, refOrId: string): ImageRecord {
  let any: { ref?: Reference; digest?: string };
  try {
    any = parseAnyReference(refOrId);
  } catch (err) {
    wrapRefError(err);
  }
  if (any.digest) {
    const img = engine.images.get(any.digest);
    if (img) return img;
    throw noSuchImage(refOrId);
  }
  const byRef = imageByReference(engine, any.ref!);
  if (byRef) return byRef;
  if (/^(sha256:)?[a-f0-9]+$/.test(refOrId)) {
    const matches = engine.images.search(refOrId);
    if (matches.length === 1) return matches[0];
  }
  throw noSuchImage(refOrId);
}

/** resolveImage without throwing */
export function findImage(engine: Engine, refOrId: string): ImageRecord | undefined {
  try {
    return resolveImage(engine, refOrId);
  } catch {
    return undefined;
  }
}
