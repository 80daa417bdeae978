import { describe, expect, it } from 'vitest';
import { familiarMatch, pathMatch } from './match';
import { familiarName, familiarString, parseNormalizedNamed, refString, withDefaultTag } from './reference';

const err = (s: string) => {
  try {
    parseNormalizedNamed(s);
  } catch (e) {
    return (e as Error).message;
  }
  return 'ok';
};

describe('parseNormalizedNamed', () => {
  it('normalizes official images', () => {
    expect(refString(withDefaultTag(parseNormalizedNamed('ubuntu')))).toBe('docker.io/library/ubuntu:latest');
    expect(refString(parseNormalizedNamed('ubuntu:18.04'))).toBe('docker.io/library/ubuntu:18.04');
    expect(refString(parseNormalizedNamed('index.docker.io/ubuntu'))).toBe('docker.io/library/ubuntu');
  });
  it('keeps user and private registry names', () => {
    expect(refString(parseNormalizedNamed('username/ubuntu'))).toBe('docker.io/username/ubuntu');
    const r = parseNormalizedNamed('127.0.0.1:5000/ubuntu:latest');
    expect([r.domain, r.path, r.tag]).toEqual(['127.0.0.1:5000', 'ubuntu', 'latest']);
    expect(parseNormalizedNamed('localhost/x').domain).toBe('localhost');
  });
  it('parses digests', () => {
    const d = `sha256:${'a'.repeat(64)}`;
    const r = parseNormalizedNamed(`centos@${d}`);
    expect(r.digest).toBe(d);
    expect(familiarString(r)).toBe(`centos@${d}`);
  });
  it('gives docker error texts', () => {
    expect(err('ubuntu:18.04:latest')).toBe('invalid reference format');
    expect(err('Ubuntu')).toBe('invalid reference format: repository name must be lowercase');
    expect(err('')).toBe('invalid reference format');
    expect(err('a'.repeat(64))).toMatch(/cannot specify 64-byte hexadecimal strings/);
    expect(err('ubuntu@sha256:abc')).toBe('invalid reference format');
    expect(err(`ubuntu@sha256:${'A'.repeat(64)}`)).toBe('invalid checksum digest format');
    expect(err('-x')).toBe('invalid reference format');
  });
  it('separators: runs of dashes, one dot or underscore, two underscores', () => {
    expect(parseNormalizedNamed('a--b_c__d.e').path).toBe('library/a--b_c__d.e');
    for (const bad of ['a___b', 'a..b', 'a-', '_a', 'a._b']) expect(err(bad), bad).toBe('invalid reference format');
    expect(parseNormalizedNamed('my-host.example-1.com:5000/x').domain).toBe('my-host.example-1.com:5000');
  });
  it('refuses a long name with a tag over 128 characters at once (found by the fuzzer: the regexp backtracked 2^n ways)', () => {
    expect(err(`${'a'.repeat(300)}:${'a'.repeat(300)}`)).toBe('invalid reference format');
    expect(err(`${'a-'.repeat(300)}a:${'b'.repeat(200)}`)).toBe('invalid reference format');
    expect(err(`${'a'.repeat(300)}:1`)).toBe('repository name must not be more than 255 characters');
  });
  it('familiar forms', () => {
    expect(familiarName(parseNormalizedNamed('docker.io/library/ubuntu'))).toBe('ubuntu');
    expect(familiarString(parseNormalizedNamed('docker.io/username/ubuntu:18.04'))).toBe('username/ubuntu:18.04');
    expect(familiarString(parseNormalizedNamed('127.0.0.1:5000/ubuntu:latest'))).toBe('127.0.0.1:5000/ubuntu:latest');
  });
});

describe('match', () => {
  it('matches like path.Match', () => {
    expect(pathMatch('ubuntu', 'ubuntu')).toBe(true);
    expect(pathMatch('ub*', 'ubuntu')).toBe(true);
    expect(pathMatch('*', 'user/ubuntu')).toBe(false);
    expect(pathMatch('*/*', 'user/ubuntu')).toBe(true);
    expect(pathMatch('ubuntu:1?.04', 'ubuntu:18.04')).toBe(true);
    expect(pathMatch('[a-c]x', 'bx')).toBe(true);
    expect(pathMatch('[^a-c]x', 'bx')).toBe(false);
  });
  it('FamiliarMatch tries name:tag then name', () => {
    const r = parseNormalizedNamed('ubuntu:18.04');
    expect(familiarMatch('ubuntu', r)).toBe(true);
    expect(familiarMatch('ubuntu:18.04', r)).toBe(true);
    expect(familiarMatch('ubuntu:16.04', r)).toBe(false);
    expect(familiarMatch('ls', r)).toBe(false);
  });
});
