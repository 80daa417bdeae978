import { describe, expect, it } from 'vitest';
import { cleanPath, matchesPatterns, PatternMatcher, readDockerignore } from './dockerignore';

describe('.dockerignore (fileutils PatternMatcher)', () => {
  it('reads patterns like buildkit: comments, blanks, cleaning, leading slash', () => {
    expect(readDockerignore('# c\n\n /node_modules/ \n!keep.txt\n*.log\n./a/../b\n')).toEqual(['node_modules', '!keep.txt', '*.log', 'b']);
  });
  it('matches files, parent directories, ** and exceptions', () => {
    const pm = new PatternMatcher(['*.log', 'build', '**/tmp', '!important.log']);
    expect(pm.matches('x.log')).toBe(true);
    expect(pm.matches('important.log')).toBe(false);
    expect(pm.matches('sub/x.log')).toBe(false);
    expect(pm.matches('build/out/a.o')).toBe(true);
    expect(pm.matches('a/b/tmp')).toBe(true);
    expect(matchesPatterns('.', ['*'])).toBe(false);
    expect(matchesPatterns('Dockerfile', ['*'])).toBe(true);
  });
  it('cleans paths like Go', () => {
    expect([cleanPath('a//b/../c/'), cleanPath('/../x'), cleanPath('')]).toEqual(['a/c', '/x', '.']);
  });
});
