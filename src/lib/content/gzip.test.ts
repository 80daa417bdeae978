import { gunzipSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Deflated } from './deflate';
import { concatContent, contentBlob, contentCrc32, contentFromBlob, contentSize, Gzipped, gunzipped, gzipContent, isLazy, materialize, synthetic, zeros } from './index';
import { SYNTH_BLOCK } from './synthetic';

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const enc = new TextEncoder();
/** a tar-like content: headers as bytes, a synthetic member sliced mid-block, zero padding, a large zero run */
const inner = concatContent([
  enc.encode('x'.repeat(512)),
  synthetic('/usr/sbin/nginx', 5 * SYNTH_BLOCK + 777),
  zeros(300),
  enc.encode('y'.repeat(70_000)),
  synthetic('/lib/libc.so', 3 * SYNTH_BLOCK).slice(1000, 2 * SYNTH_BLOCK + 5),
  zeros(100_003),
]);

describe('lazy deflate and gzip', () => {
  it('a lazy deflate stream inflates to the content (any inflater)', () => {
    const d = new Deflated(inner);
    const bytes = materialize(d);
    expect(bytes.length).toBe(d.size);
    expect(same(inflateSync(bytes), materialize(inner))).toBe(true);
  });

  it('reads any range of the stream equal to the same range of the whole', () => {
    const d = new Deflated(inner);
    const all = materialize(d);
    for (const [s, e] of [
      [0, 10],
      [500, 9000],
      [d.size - 100, d.size],
      [12_345, 70_001],
    ]) {
      expect(same(d.read(s, e), all.slice(s, e))).toBe(true);
      expect(same(materialize(d.slice(s, e)), all.slice(s, e))).toBe(true);
    }
  });

  it('compresses a synthetic stream to about a third, zeros to almost nothing', () => {
    const big = synthetic('/usr/bin/x', 64 * SYNTH_BLOCK);
    const ratio = new Deflated(big).size / contentSize(big);
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.45);
    expect(new Deflated(zeros(10_000_000)).size).toBeLessThan(100_000);
  });

  it('a lazy gzip file has a size at once, gunzips with fflate, and gives back its content without inflating', () => {
    const gz = gzipContent(inner, { mtime: 1_700_000_000_000, name: 'nginx.tar' });
    expect(isLazy(gz)).toBe(true);
    const bytes = materialize(gz);
    expect(bytes.length).toBe(gz.size);
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([0x1f, 0x8b, 8]);
    expect(same(gunzipSync(bytes), materialize(inner))).toBe(true);
    expect(gunzipped(gz)).toBe(inner);
    expect(gunzipped(bytes)).toBeUndefined();
  });

  it('CRC-32 is gzip\'s', () => {
    expect(contentCrc32(enc.encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips through a descriptor blob, still lazy and the same bytes', () => {
    const gz = gzipContent(inner, { mtime: 0 });
    const back = contentFromBlob(contentBlob(gz));
    expect(back).toBeInstanceOf(Gzipped);
    expect(contentSize(back)).toBe(gz.size);
    expect(same(materialize(back), materialize(gz))).toBe(true);
  });
});
