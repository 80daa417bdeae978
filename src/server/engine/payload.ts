/**
 * The bytes a real engine is sent for a content argument (an image tar, a build
 * context, a cp archive). A lazy content arrives as its descriptor and is made
 * into bytes here: no larger than a payload of bytes may be (LIMITS.payload),
 * so a small descriptor cannot make the server allocate more than a client
 * could have sent.
 */
import type { Content } from '../../api/fs';
import { LIMITS } from '../../client/protocol/limits';
import { contentSize, materialize } from '../../lib/content';
import { refuse } from '../policy/refusal';

export function payloadBytes(c: Content): Uint8Array {
  if (contentSize(c) > LIMITS.payload) refuse(`a payload of more than ${LIMITS.payload} bytes`);
  return materialize(c);
}
