/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell source text, not templates */
import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../testing/harness';
import { activePattern } from './glob';
import { removePattern } from './remove-pattern';

const rm = (v: string, pat: string, op: '#' | '##' | '%' | '%%') => removePattern(v, activePattern(pat), op);

describe('${x#pat} ${x##pat} ${x%pat} ${x%%pat}', () => {
  it('removes the shortest or longest prefix or suffix, as bash does', () => {
    const path = '/usr/local/lib/a.tar.gz';
    expect(rm(path, '*/', '#')).toBe('usr/local/lib/a.tar.gz');
    expect(rm(path, '*/', '##')).toBe('a.tar.gz');
    expect(rm(path, '.*', '%')).toBe('/usr/local/lib/a.tar');
    expect(rm(path, '.*', '%%')).toBe('/usr/local/lib/a');
    expect(rm(path, '/*', '%')).toBe('/usr/local/lib');
    expect(rm(path, '*', '%%')).toBe('');
    expect(rm(path, '*', '%')).toBe(path);
    expect(rm(path, '*', '#')).toBe(path);
    expect(rm(path, '*', '##')).toBe('');
    expect(rm('abcabc', 'a?c', '#')).toBe('abc');
    expect(rm('abcabc', 'b*', '%')).toBe('abca');
    expect(rm('abcabc', 'b*', '%%')).toBe('a');
    expect(rm('abcabc', '[ab]*c', '##')).toBe('');
    expect(rm('xyz', 'q*', '#')).toBe('xyz');
    expect(rm('xyz', '*q', '%')).toBe('xyz');
  });

  it('counts an astral character as one character and never splits it', () => {
    expect(rm('a😀b', '?b', '%')).toBe('a');
    expect(rm('😀😀x', '?', '#')).toBe('😀x');
  });

  it('treats a bracket expression JavaScript rejects as matching nothing', () => {
    expect(rm('abc', '[z-a]*', '##')).toBe('abc');
  });

  it('takes one scan, not one per position, on a long value', async () => {
    // a megabyte value: a quadratic removal would take minutes
    const v = 'a'.repeat(1 << 20);
    expect(rm(v, '*b', '%')).toBe(v);
    expect(rm(v, 'b*', '#')).toBe(v);
    expect(rm(`${v}/x`, '*/', '##')).toBe('x');
    expect(rm(`x/${v}`, '*/', '#')).toBe(v);
    expect(rm(`${v}.gz`, '.gz', '%')).toBe(v);
    const { sh } = hostShell();
    expect((await run(sh, 'x=aaaaaaaaaa; x=$x$x$x$x$x$x$x$x$x$x; x=$x$x$x$x$x$x$x$x$x$x; x=$x$x$x$x$x$x$x$x$x$x; y=${x%b}; echo ${#x} ${#y} ${x%%a*}.')).out).toBe(
      '10000 10000 .\n',
    );
  });
});
