/**
 * How a layer travels through a simulated registry: the blob's bytes are a
 * JSON document with the layer's files (contents base64), so a layer pushed
 * to a `registry` container and pulled back has the same files. The blob is
 * still addressed by the compressed digest docker would compute.
 */
import { textDecoder, textEncoder } from '../../../api/fs';
import { type ContentJson, contentFromJson, describeContent, isLazy } from '../../../lib/content';
import type { LayerEntry, LayerFiles } from '../../fs/layer-entry';
import type { LayerPayload } from '../remote';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

export function base64Decode(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (B64.indexOf(clean[i]) << 18) |
      (B64.indexOf(clean[i + 1] ?? 'A') << 12) |
      (B64.indexOf(clean[i + 2] ?? 'A') << 6) |
      B64.indexOf(clean[i + 3] ?? 'A');
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** a file's bytes travel as base64, a lazy content as its descriptor */
type WireEntry = Omit<LayerEntry, 'data'> & { path: string; data?: string; lazy?: ContentJson };

export function encodeLayer(layer: LayerPayload): Uint8Array {
  const files: WireEntry[] = [];
  for (const [path, e] of layer.files) {
    if (e.kind === 'file' && e.data) {
      const { data, ...rest } = e;
      files.push(isLazy(data) ? { ...rest, path, lazy: describeContent(data) } : { ...rest, path, data: base64Encode(data) });
    } else files.push({ ...e, path } as WireEntry);
  }
  return textEncoder.encode(
    JSON.stringify({ dockyardLayer: 1, diffId: layer.diffId, size: layer.size, tarSize: layer.tarSize, files }),
  );
}

export function decodeLayer(bytes: Uint8Array): LayerPayload | undefined {
  try {
    const doc = JSON.parse(textDecoder.decode(bytes)) as {
      dockyardLayer?: number;
      diffId: string;
      size: number;
      tarSize: number;
      files: WireEntry[];
    };
    if (doc.dockyardLayer !== 1) return undefined;
    const files: LayerFiles = new Map();
    for (const w of doc.files) {
      const { path, data, lazy, ...rest } = w;
      const e = rest as LayerEntry;
      if (e.kind === 'file' && lazy !== undefined) files.set(path, { ...e, data: contentFromJson(lazy) });
      else if (e.kind === 'file' && data !== undefined) files.set(path, { ...e, data: base64Decode(data) });
      else files.set(path, e);
    }
    return { diffId: doc.diffId, size: doc.size, tarSize: doc.tarSize, files };
  } catch {
    return undefined;
  }
}
