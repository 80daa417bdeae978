/** `docker build URL#ref:dir`: how the CLI reads a git URL (moby's gitutils rules: parseRemoteURL, getRefAndSubdir). */
import { describe, expect, it } from 'vitest';
import { gitHost, parseGitUrl, refAndSubdir } from './build-git';

describe('git build contexts', () => {
  it("takes the ref (default master) and the folder from the URL's fragment", () => {
    expect(parseGitUrl('https://github.com/docker-library/hello-world.git#master:amd64/hello-world')).toEqual({
      remote: 'https://github.com/docker-library/hello-world.git',
      ref: 'master',
      subdir: 'amd64/hello-world',
    });
    expect(parseGitUrl('https://github.com/a/b.git')).toEqual({ remote: 'https://github.com/a/b.git', ref: 'master', subdir: '' });
    expect(parseGitUrl('https://github.com/a/b.git#v1.0')).toEqual({ remote: 'https://github.com/a/b.git', ref: 'v1.0', subdir: '' });
    expect(parseGitUrl('https://github.com/a/b.git#:docs')).toEqual({ remote: 'https://github.com/a/b.git', ref: 'master', subdir: 'docs' });
    // only the first ':' separates: a folder may hold more
    expect(refAndSubdir('dev:a:b')).toEqual({ ref: 'dev', subdir: 'a:b' });
  });

  it('adds https:// to a bare github.com/… and keeps git@host:path as it is', () => {
    expect(parseGitUrl('github.com/a/b#main')).toEqual({ remote: 'https://github.com/a/b', ref: 'main', subdir: '' });
    expect(parseGitUrl('git@github.com:a/b.git#main:x')).toEqual({ remote: 'git@github.com:a/b.git', ref: 'main', subdir: 'x' });
    expect(gitHost('git@GitHub.com:a/b.git')).toBe('github.com');
    expect(gitHost('git://example.org/x')).toBe('example.org');
    expect(gitHost('https://u:p@gitlab.com:8443/x.git')).toBe('gitlab.com');
  });
});
