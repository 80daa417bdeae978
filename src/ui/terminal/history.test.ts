import { describe, expect, it } from 'vitest';
import { History } from './history';

describe('History', () => {
  it('skips blank lines and immediate repeats, keeps a limit', () => {
    const h = new History(['a', 'a', ' ', 'b', 'a'], 3);
    expect(h.entries).toEqual(['a', 'b', 'a']);
    h.add('c');
    expect(h.entries).toEqual(['b', 'a', 'c']);
  });
  it('searches backwards from an index for a substring', () => {
    const h = new History(['docker ps -a', 'ls', 'docker ps', 'echo ps']);
    expect(h.searchBackward('docker')).toEqual({ index: 2, at: 0 });
    expect(h.searchBackward('docker', 1)).toEqual({ index: 0, at: 0 });
    expect(h.searchBackward('ps')).toEqual({ index: 3, at: 5 });
    expect(h.searchBackward('zzz')).toBeUndefined();
    expect(h.searchBackward('')).toBeUndefined();
  });
});
