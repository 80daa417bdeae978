import { describe, expect, it } from 'vitest';
import { cloneJson } from './clone-json';

const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('cloneJson', () => {
  it('copies like a JSON round trip', () => {
    const cases: unknown[] = [
      { a: 1, b: 'x', c: null, d: [1, 'two', null, { e: true }], f: { g: {} } },
      { u: undefined, fn: () => 1, n: Number.NaN, inf: Number.POSITIVE_INFINITY, z: -0, arr: [undefined, () => 2, Number.NaN] },
      { 2: 'b', 1: 'a', x: 'c' },
      [],
      'text',
      7,
      null,
      { d: new Date(0), m: new Map([[1, 2]]) },
      JSON.parse('{"__proto__": {"x": 1}, "y": 2}'),
      Object.assign(Object.create(null), { k: 'v' }),
      // biome-ignore lint/suspicious/noSparseArray: a hole is null in JSON
      [1, , 3],
    ];
    for (const v of cases) {
      const c = cloneJson(v);
      expect(c).toStrictEqual(roundTrip(v));
      expect(Object.keys(c ?? {})).toEqual(Object.keys(roundTrip(v) ?? {}));
    }
  });

  it('returns a deep copy', () => {
    const v = { a: { b: [1, 2] } };
    const c = cloneJson(v);
    c.a.b.push(3);
    expect(v.a.b).toEqual([1, 2]);
    expect(Object.is(cloneJson({ z: -0 }).z, 0)).toBe(true);
  });

  it('fails like JSON on cycles and bigint', () => {
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => cloneJson(cyc)).toThrow(TypeError);
    expect(() => cloneJson({ n: 1n })).toThrow(TypeError);
    expect(() => cloneJson(undefined)).toThrow();
  });
});
