import { describe, expect, it } from 'vitest';
import { generateId, SeededIds } from './ids';

/** the generator as it was before cycles were left: the reference for the first 4,095 numbers */
function oldSequence(seed: number, n: number): number[] {
  let s0 = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let s1 = (Math.imul(seed, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0 || 2;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= x << 23;
    x ^= x >>> 17;
    x ^= y ^ (y >>> 26);
    s1 = x >>> 0;
    out.push((s0 + s1) >>> 0);
  }
  return out;
}

describe('SeededIds', () => {
  it('keeps the first 4,095 numbers of a seed', () => {
    for (const seed of [1, 7]) {
      const ids = new SeededIds(seed);
      const want = oldSequence(seed, 4095).map((v) => (v & 0xff).toString(16).padStart(2, '0')).join('');
      expect(ids.hex(4095)).toBe(want);
    }
  });

  it('draws no repeating byte windows past the first cycle', () => {
    const ids = new SeededIds(1);
    const text = ids.hex(40_000);
    const seen = new Set<string>();
    for (let i = 0; i + 64 <= text.length; i += 2) {
      const w = text.slice(i, i + 64);
      expect(seen.has(w)).toBe(false);
      seen.add(w);
    }
  });

  it('never repeats IDs past the first cycle', () => {
    const ids = new SeededIds(1);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const id = generateId(ids);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      ids.int(100);
    }
  });

  it('restores its position, cycle included', () => {
    const a = new SeededIds(3);
    a.hex(8000);
    const b = new SeededIds(99);
    b.restore(a.state());
    expect(b.hex(1000)).toBe(a.hex(1000));
    const c = new SeededIds(5);
    const [s0, s1] = a.state();
    c.restore([s0, s1]);
    expect(c.hex(16)).toBe(a.hex(16));
  });
});
