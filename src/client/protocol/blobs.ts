/**
 * Bytes inside operation arguments and results: taken out as numbered blobs
 * (sent as `blob` frames in chunks) and put back where {"$blob": n} stands.
 */
import { LIMITS } from './limits';

export interface BlobRef {
  $blob: number;
}

export function isBlobRef(x: unknown): x is BlobRef {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  return keys.length === 1 && keys[0] === '$blob' && Number.isInteger((x as BlobRef).$blob);
}

/** a copy of `value` with every Uint8Array replaced by a reference into `blobs`; functions and undefined dropped */
export function extractBlobs(value: unknown, blobs: Uint8Array[] = []): { value: unknown; blobs: Uint8Array[] } {
  const walk = (v: unknown): unknown => {
    if (v instanceof Uint8Array) {
      blobs.push(v);
      return { $blob: blobs.length - 1 };
    }
    if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === 'function' ? undefined : walk(x)));
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined || typeof x === 'function' || x instanceof AbortSignal) continue;
        out[k] = walk(x);
      }
      return out;
    }
    return v;
  };
  return { value: walk(value), blobs };
}

/** `value` with each {"$blob": n} replaced by blobs[n]; an unknown reference throws */
export function insertBlobs(value: unknown, blobs: ReadonlyMap<number, Uint8Array>): unknown {
  const walk = (v: unknown): unknown => {
    if (isBlobRef(v)) {
      const b = blobs.get(v.$blob);
      if (!b) throw new Error(`unknown blob ${v.$blob}`);
      return b;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value);
}

/** the references `value` holds (their numbers) */
export function blobRefs(value: unknown, out = new Set<number>()): Set<number> {
  if (isBlobRef(value)) out.add(value.$blob);
  else if (Array.isArray(value)) for (const x of value) blobRefs(x, out);
  else if (typeof value === 'object' && value !== null) for (const x of Object.values(value)) blobRefs(x, out);
  return out;
}

/** Split bytes into chunks of at most LIMITS.chunk (an empty payload is one empty chunk). */
export function* chunks(data: Uint8Array): Generator<{ data: Uint8Array; last: boolean }> {
  if (data.length === 0) {
    yield { data, last: true };
    return;
  }
  for (let i = 0; i < data.length; i += LIMITS.chunk) {
    const end = Math.min(data.length, i + LIMITS.chunk);
    yield { data: data.subarray(i, end), last: end === data.length };
  }
}

/** Reassembles the chunks of numbered blobs, refusing more than `limit` bytes in all. */
export class BlobAssembler {
  private readonly parts = new Map<number, Uint8Array[]>();
  private readonly done = new Map<number, Uint8Array>();
  private total = 0;

  constructor(private readonly limit: number = LIMITS.payload) {}

  /** false when the limit is passed */
  add(blob: number, data: Uint8Array, last: boolean): boolean {
    if (this.done.has(blob)) return false;
    this.total += data.length;
    if (this.total > this.limit) return false;
    const list = this.parts.get(blob) ?? [];
    list.push(data.slice());
    this.parts.set(blob, list);
    if (last) {
      const size = list.reduce((n, p) => n + p.length, 0);
      const whole = new Uint8Array(size);
      let at = 0;
      for (const p of list) {
        whole.set(p, at);
        at += p.length;
      }
      this.done.set(blob, whole);
      this.parts.delete(blob);
    }
    return true;
  }

  complete(refs: Set<number>): boolean {
    for (const r of refs) if (!this.done.has(r)) return false;
    return true;
  }

  get blobs(): ReadonlyMap<number, Uint8Array> {
    return this.done;
  }
}
