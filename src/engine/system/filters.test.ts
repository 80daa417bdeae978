import { describe, expect, it } from 'vitest';
import { boolValue, contains, exactMatch, matchKVList, validateFilters, values } from './filters';
import { matchPruneLabels } from './prune-labels';

describe('filters keyed by what users type', () => {
  it('an Object.prototype member is no filter and no label', () => {
    const f: Record<string, string[]> = { status: ['exited'] };
    for (const k of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(values(f, k)).toEqual([]);
      expect(contains(f, k)).toBe(false);
      expect(exactMatch(f, k, 'x')).toBe(true);
      expect(boolValue(f, k)).toBeUndefined();
    }
    const labels = { a: 'b' };
    expect(matchKVList({ label: ['constructor'] }, 'label', labels)).toBe(false);
    expect(matchKVList({ label: ['toString'] }, 'label', labels)).toBe(false);
    expect(matchPruneLabels({ label: ['constructor'] }, labels)).toBe(false);
    expect(matchPruneLabels({ 'label!': ['valueOf'] }, labels)).toBe(true);
  });

  it('a __proto__ key from JSON is a filter name like any other', () => {
    const f = JSON.parse('{"__proto__":["x"]}') as Record<string, string[]>;
    expect(values(f, '__proto__')).toEqual(['x']);
    expect(() => validateFilters(f, ['status'])).toThrow("Invalid filter '__proto__'");
    const labels = JSON.parse('{"__proto__":"1"}') as Record<string, string>;
    expect(matchKVList({ label: ['__proto__=1'] }, 'label', labels)).toBe(true);
  });
});
