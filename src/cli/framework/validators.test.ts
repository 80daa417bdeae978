import { describe, expect, it } from 'vitest';
import { FlagSet, parseFlags } from './flags';
import { FILTER_FLAG, parseFilters, validateFilter } from './validators';

describe('filter flag', () => {
  it('accepts name=value and rejects the rest with docker text', () => {
    expect(validateFilter('dangling=true')).toBeUndefined();
    expect(validateFilter('')).toBeUndefined();
    expect(validateFilter('dangling')).toBe('bad format of filter (expected name=value)');
    expect(() => parseFlags(new FlagSet([FILTER_FLAG]), ['-f', 'x'], { interspersed: true })).toThrow(
      'invalid argument "x" for "-f, --filter" flag: bad format of filter (expected name=value)',
    );
  });
  it('groups values by lower-cased, trimmed name', () => {
    const r = parseFlags(new FlagSet([FILTER_FLAG]), ['-f', 'Label=a', '--filter', ' label = b', '-f', 'status=exited'], {
      interspersed: true,
    });
    expect(Object.fromEntries(parseFilters(r.flags.list('filter')))).toEqual({ label: ['a', 'b'], status: ['exited'] });
  });
});
