import { describe, expect, it } from 'vitest';
import { ancestors, normalizePath, splitPath } from './fs-path';

describe('fs-path', () => {
  it('splits paths without empty and "." components, keeping ".."', () => {
    expect(splitPath('')).toEqual([]);
    expect(splitPath('/')).toEqual([]);
    expect(splitPath('//a//b/')).toEqual(['a', 'b']);
    expect(splitPath('/./a/../b//c/.')).toEqual(['a', '..', 'b', 'c']);
    expect(splitPath('.hidden/..x/.../.')).toEqual(['.hidden', '..x', '...']);
    expect(splitPath('a')).toEqual(['a']);
  });

  it('normalizes and lists ancestors', () => {
    expect(normalizePath('/a/b/../c/')).toBe('/a/c');
    expect(normalizePath('../..')).toBe('/');
    expect(ancestors('/usr/local/bin/x')).toEqual(['/usr', '/usr/local', '/usr/local/bin']);
  });
});
