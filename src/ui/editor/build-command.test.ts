import { describe, expect, it } from 'vitest';
import { buildCommand, cwdFromPrompt, isDockerfile, repoNameFor } from './build-command';

describe('the Build button command', () => {
  it('builds in the Dockerfile directory, tagged after it', () => {
    expect(buildCommand('/home/learner/app/Dockerfile', '/home/learner/app')).toBe('docker build -t app:latest .');
    expect(buildCommand('/home/learner/app/Dockerfile', '/home/learner')).toBe('cd /home/learner/app && docker build -t app:latest .');
    expect(buildCommand('/home/learner/app/Dockerfile', undefined)).toBe('cd /home/learner/app && docker build -t app:latest .');
  });
  it('adds -f for other names and quotes what the shell would split', () => {
    expect(buildCommand('/home/learner/web/web.Dockerfile', '/home/learner/web')).toBe('docker build -f web.Dockerfile -t web:latest .');
    expect(buildCommand('/home/learner/My App/Dockerfile.dev', '/tmp')).toBe("cd '/home/learner/My App' && docker build -f Dockerfile.dev -t my-app:latest .");
    expect(buildCommand('/Dockerfile', '/')).toBe('docker build -t app:latest .');
  });
  it('makes a valid repository name from any directory name', () => {
    expect(repoNameFor('/x/Hello_World')).toBe('hello_world');
    expect(repoNameFor('/x/--A..B--')).toBe('a-b');
    expect(repoNameFor('/x/中文')).toBe('app');
  });
  it('recognizes Dockerfiles', () => {
    expect(['Dockerfile', 'dockerfile', 'Dockerfile.dev', 'web.Dockerfile', 'a.dockerfile'].map((n) => isDockerfile(`/x/${n}`))).toEqual([true, true, true, true, true]);
    expect(['Dockerfile2', 'README.md', 'Dockerfile-old'].map((n) => isDockerfile(`/x/${n}`))).toEqual([false, false, false]);
  });
  it('reads the cwd from the prompt', () => {
    expect(cwdFromPrompt('learner@dockyard:~$ ', '/home/learner')).toBe('/home/learner');
    expect(cwdFromPrompt('learner@dockyard:~/app$ ', '/home/learner')).toBe('/home/learner/app');
    expect(cwdFromPrompt('root@dockyard:/tmp# ', '/root')).toBe('/tmp');
    expect(cwdFromPrompt('> ', '/home/learner')).toBeUndefined();
  });
});
