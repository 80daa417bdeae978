import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  Concat,
  concatContent,
  contentBlob,
  contentChunks,
  contentFromBlob,
  contentFromJson,
  ContentJsonError,
  contentKey,
  contentSha256,
  contentSha256Async,
  contentSize,
  describeContent,
  isLazy,
  materialize,
  sliceContent,
  Synthetic,
  synthetic,
  Zeros,
  zeros,
} from './index';
import { SYNTH_BLOCK } from './synthetic';

const hex = (b: Uint8Array) => `sha256:${bytesToHex(sha256(b))}`;

/** byte equality (expect().toEqual walks large arrays element by element: slow) */
function same(a: Uint8Array | false, b: Uint8Array): boolean {
  if (a === false || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe('synthetic contents', () => {
  it('are deterministic: the same seed and size give the same bytes', () => {
    const a = materialize(synthetic('/usr/sbin/nginx', 100_000));
    const b = materialize(synthetic('/usr/sbin/nginx', 100_000));
    expect(same(a, b)).toBe(true);
    expect(same(materialize(synthetic('/usr/sbin/nginy', 100_000)), a)).toBe(false);
  });

  it('keep the first bytes of this layout (persisted sandboxes store only seed and size)', () => {
    expect(contentSha256(synthetic('/bin/sh', 65536 + 77))).toBe('sha256:b15b007f5e8d7e6ce83e3a575b55b5bb75e2ec425fcbfdbc7a45b7c47c297d28');
    expect(materialize(synthetic('/bin/sh', 100_000)).every((b) => b < 144)).toBe(true);
  });

  it('read any range without the bytes before it, equal to the same range of the whole', () => {
    const size = 3 * SYNTH_BLOCK + 1234;
    const c = synthetic('seed', size);
    const all = materialize(c);
    expect(all.length).toBe(size);
    for (const [s, e] of [
      [0, 1],
      [SYNTH_BLOCK - 7, SYNTH_BLOCK + 9],
      [5, size],
      [size - 3, size + 50],
      [2 * SYNTH_BLOCK, 3 * SYNTH_BLOCK],
    ]) {
      expect(same(isLazy(c) && c.read(s, e), all.slice(s, e))).toBe(true);
      expect(same(materialize(sliceContent(c, s, e)), all.slice(s, e))).toBe(true);
    }
  });

  it('compress like real binaries do (repeats inside each block)', async () => {
    const { deflateSync } = await import('fflate');
    const bytes = materialize(synthetic('/usr/lib/x.so', 4 * SYNTH_BLOCK));
    const ratio = deflateSync(bytes).length / bytes.length;
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(0.6);
  });

  it('are plain empty bytes when empty', () => {
    expect(isLazy(synthetic('x', 0))).toBe(false);
  });
});

describe('concatenation and slices', () => {
  const big = synthetic('a', 100_000);
  const small = new TextEncoder().encode('header');

  it('concatenates lazily and reads the bytes of the parts in order', () => {
    const c = concatContent([small, big, zeros(10_000), small]);
    expect(c).toBeInstanceOf(Concat);
    expect(contentSize(c)).toBe(6 + 100_000 + 10_000 + 6);
    const expected = new Uint8Array(contentSize(c));
    expected.set(small, 0);
    expected.set(materialize(big), 6);
    expected.set(small, 6 + 100_000 + 10_000);
    expect(same(materialize(c), expected)).toBe(true);
    expect(same(materialize(sliceContent(c, 3, 110_009)), expected.slice(3, 110_009))).toBe(true);
  });

  it('joins adjacent slices of one stream back into one part, and runs of zeros', () => {
    const whole = synthetic('s', 90_000) as Synthetic;
    const joined = concatContent([whole.slice(0, 40_000), whole.slice(40_000, 90_000)]);
    expect(joined).toBeInstanceOf(Synthetic);
    expect(same(materialize(joined), materialize(whole))).toBe(true);
    const z = concatContent([new Zeros(10_000), new Zeros(20_000)]);
    expect(z).toBeInstanceOf(Zeros);
    expect(contentSize(z)).toBe(30_000);
  });

  it('stays plain bytes when no part is lazy', () => {
    const c = concatContent([small, zeros(100), small]);
    expect(isLazy(c)).toBe(false);
    expect(contentSize(c)).toBe(112);
  });

  it('flattens nested concatenations', () => {
    const inner = concatContent([small, big]);
    const outer = concatContent([inner, small, inner]) as Concat;
    expect(outer.parts.every((p) => !(p instanceof Concat))).toBe(true);
    expect(contentSize(outer)).toBe(2 * contentSize(inner) + 6);
  });

  it('gives its bytes in chunks equal to the whole', () => {
    const c = concatContent([small, big]);
    const chunks = [...contentChunks(c, 4096)];
    expect(chunks.every((ch) => ch.length <= 4096)).toBe(true);
    expect(same(materialize(concatContent(chunks)), materialize(c))).toBe(true);
  });
});

describe('hashes', () => {
  const c = concatContent([new TextEncoder().encode('tar header'), synthetic('/usr/bin/redis-server', 3_000_000), zeros(1024)]);

  it('streaming sha256 equals sha256 of the materialized bytes', async () => {
    const want = hex(materialize(c));
    expect(contentSha256(c)).toBe(want);
    expect(await contentSha256Async(c, async () => undefined)).toBe(want);
    expect(contentSha256(new Uint8Array([1, 2, 3]))).toBe(hex(new Uint8Array([1, 2, 3])));
  });

  it('contentKey: the same description gives the same key, another content another key', () => {
    const again = concatContent([new TextEncoder().encode('tar header'), synthetic('/usr/bin/redis-server', 3_000_000), zeros(1024)]);
    expect(contentKey(again)).toBe(contentKey(c));
    expect(contentKey(synthetic('/usr/bin/redis-server', 3_000_001))).not.toBe(contentKey(c));
    expect(contentKey(c).startsWith('lazy:')).toBe(true);
  });
});

describe('descriptors (persistence)', () => {
  const c = concatContent([new TextEncoder().encode('x'.repeat(600)), synthetic('/bin/busybox', 1_000_000), zeros(20_000), synthetic('/bin/busybox', 50).slice(10, 40)]);

  it('round-trip through JSON and blobs to the same bytes, at a fraction of their size', () => {
    const json = JSON.parse(JSON.stringify(describeContent(c)));
    expect(same(materialize(contentFromJson(json)), materialize(c))).toBe(true);
    const blob = contentBlob(c as Concat);
    expect(blob.length).toBeLessThan(1000);
    expect(contentBlob(c as Concat)).toBe(blob);
    const back = contentFromBlob(blob);
    expect(contentSha256(back)).toBe(contentSha256(c));
  });

  it('refuse what they cannot be sure of', () => {
    const bad: unknown[] = [
      null,
      { t: 'q' },
      { t: 's', seed: 'x', size: -1 },
      { t: 's', seed: 'x', size: 2 ** 40 },
      { t: 's', seed: 5, size: 10 },
      { t: 'b', size: 3, z: '!!!' },
      { t: 'c', parts: [{ t: 'c', parts: [] }] },
      { t: 'c', parts: 'no' },
      { t: 'z', size: 1.5 },
    ];
    for (const b of bad) expect(() => contentFromJson(b), JSON.stringify(b)).toThrow(ContentJsonError);
    expect(() => contentFromBlob(new TextEncoder().encode('{"format":"other"}'))).toThrow(ContentJsonError);
    expect(() => contentFromBlob(new Uint8Array([0xff, 0xfe]))).toThrow(ContentJsonError);
    expect(() => contentFromBlob(new TextEncoder().encode('{"format":"dockyard-content","version":2,"content":{"t":"z","size":1}}'))).toThrow(
      ContentJsonError,
    );
  });
});
