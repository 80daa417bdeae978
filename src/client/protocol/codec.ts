/**
 * Frames as a byte transport (a WebSocket) carries them: a frame without bytes
 * is a JSON text message; a frame with `data` (blob, stdin, out) is a binary
 * message: a 4-byte big-endian header length, the JSON header (the frame
 * without `data`), then the bytes. A MessagePort needs no codec: it clones
 * frames as they are.
 */
import type { Frame } from './frames';
import { MAX_FRAME_BYTES } from './limits';

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

export class FrameDecodeError extends Error {}

export function encodeFrame(frame: Frame): string | Uint8Array {
  if (!('data' in frame) || !(frame.data instanceof Uint8Array)) return JSON.stringify(frame);
  const { data, ...header } = frame;
  const h = enc.encode(JSON.stringify(header));
  const out = new Uint8Array(4 + h.length + data.length);
  new DataView(out.buffer).setUint32(0, h.length);
  out.set(h, 4);
  out.set(data, 4 + h.length);
  return out;
}

/** the frame object a message holds (not yet validated); throws FrameDecodeError on a malformed or oversized one */
export function decodeFrame(message: string | ArrayBuffer | Uint8Array): unknown {
  if (typeof message === 'string') {
    if (message.length > MAX_FRAME_BYTES) throw new FrameDecodeError('frame too large');
    return parseJson(message);
  }
  const bytes = message instanceof Uint8Array ? message : new Uint8Array(message);
  if (bytes.length > MAX_FRAME_BYTES) throw new FrameDecodeError('frame too large');
  if (bytes.length < 4) throw new FrameDecodeError('short binary frame');
  const hl = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (hl > bytes.length - 4) throw new FrameDecodeError('bad header length');
  let headerText: string;
  try {
    headerText = dec.decode(bytes.subarray(4, 4 + hl));
  } catch {
    throw new FrameDecodeError('header is not UTF-8');
  }
  const header = parseJson(headerText);
  if (typeof header !== 'object' || header === null || Array.isArray(header) || 'data' in header) {
    throw new FrameDecodeError('bad binary frame header');
  }
  return { ...header, data: bytes.slice(4 + hl) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FrameDecodeError('frame is not JSON');
  }
}
