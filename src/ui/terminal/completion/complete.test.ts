import { describe, expect, it } from 'vitest';
import { allCommands } from '../../../cli/commands';
import { globalFlags } from '../../../cli/commands/root/global-flags';
import { type CompletionSource, applyCompletion, complete } from './complete';
import { wordsAtCursor } from './shell-words';

const files: Record<string, { name: string; dir: boolean }[]> = {
  '/home/learner': [
    { name: 'app', dir: true },
    { name: 'Dockerfile', dir: false },
    { name: 'docs', dir: true },
    { name: '.bashrc', dir: false },
    { name: 'my file.txt', dir: false },
  ],
  '/home/learner/app': [{ name: 'index.html', dir: false }],
  '/etc': [{ name: 'hosts', dir: false }],
};

const src: CompletionSource = {
  containers: async () => [
    { name: 'web', state: 'running' },
    { name: 'web-old', state: 'exited' },
    { name: 'db', state: 'paused' },
  ],
  images: async () => ['nginx:latest', 'nginx', 'nginx:1.25', 'alpine:latest', 'alpine'],
  volumes: async () => ['data', 'dbdata'],
  searchRepositories: async (prefix) => ['nginx', 'node', 'redis'].filter((n) => n.startsWith(prefix)),
  networks: async () => ['bridge', 'host', 'none', 'backend'],
  listDir: (p) => files[p] ?? [],
  cwd: () => '/home/learner',
  home: () => '/home/learner',
  commands: () => ['docker', 'cd', 'cat', 'curl', 'echo', 'ls'],
  docker: { commands: allCommands, globals: globalFlags('/home/learner/.docker') },
};

async function tab(line: string) {
  const cursor = Array.from(line).length;
  const req = await complete(line, cursor, src);
  return applyCompletion(req, cursor);
}
async function words(line: string): Promise<string[]> {
  const req = await complete(line, Array.from(line).length, src);
  return req.candidates.map((c) => c.word);
}

describe('shell words', () => {
  it('splits at separators and unquotes', () => {
    expect(wordsAtCursor('ls | docker ps -', 16)).toEqual({ words: ['docker', 'ps'], current: '-', start: 15, quote: undefined });
    expect(wordsAtCursor('echo "a b" c\\ d', 15).words).toEqual(['echo', 'a b']);
    expect(wordsAtCursor('echo "a b" c\\ d', 15).current).toBe('c d');
    expect(wordsAtCursor('cat "my f', 9)).toMatchObject({ current: 'my f', quote: '"', start: 4 });
    expect(wordsAtCursor('FOO=1 docker ', 13).words).toEqual(['docker']);
  });
});

describe('completion', () => {
  it('completes command names at the start of a line', async () => {
    expect(await tab('doc')).toEqual({ kind: 'replace', from: 0, to: 3, text: 'docker ' });
    expect(await tab('c')).toEqual({ kind: 'list', items: ['cat', 'cd', 'curl'] });
  });
  it('completes docker commands and subcommands from the CLI specs', async () => {
    expect(await words('docker ima')).toEqual(['image', 'images']);
    expect(await tab('docker vol')).toEqual({ kind: 'replace', from: 7, to: 10, text: 'volume ' });
    expect(await words('docker volume ')).toEqual(['create', 'inspect', 'ls', 'prune', 'rm']);
    expect(await tab('docker container sta')).toEqual({ kind: 'list', items: ['start', 'stats'] });
  });
  it('completes flags of the command, and global flags before it', async () => {
    expect(await words('docker ps --a')).toEqual(['--all']);
    expect(await words('docker run --rest')).toEqual(['--restart']);
    expect(await words('docker --log')).toEqual(['--log-level']);
    expect(await words('docker image ls -')).toContain('-q');
  });
  it('completes container names by state', async () => {
    expect(await words('docker stop ')).toEqual(['web']);
    expect(await words('docker start ')).toEqual(['web-old']);
    expect(await words('docker unpause ')).toEqual(['db']);
    expect(await words('docker rm -f web ')).toEqual(['db', 'web', 'web-old']);
    expect(await words('docker exec -it ')).toEqual(['web']);
    expect(await words('docker exec -it web ')).toEqual([]);
    expect(await tab('docker logs -f we')).toEqual({ kind: 'replace', from: 15, to: 17, text: 'web' });
  });
  it('completes image references for run, not the words after the image', async () => {
    expect(await words('docker run -d -p 8080:80 --name x ngi')).toEqual(['nginx', 'nginx:1.25', 'nginx:latest']);
    expect(await words('docker run alpine ')).toEqual([]);
    expect(await words('docker run alpine --')).toEqual([]);
    expect(await words('docker rmi al')).toEqual(['alpine', 'alpine:latest']);
    // run and pull also offer repositories from the registry
    expect(await words('docker pull n')).toEqual(['nginx', 'nginx:1.25', 'nginx:latest', 'node']);
    expect(await words('docker rmi n')).toEqual(['nginx', 'nginx:1.25', 'nginx:latest']);
  });
  it('completes flag values: networks, volumes, containers, fixed words', async () => {
    expect(await words('docker run --network b')).toEqual(['backend', 'bridge']);
    expect(await words('docker run --network=b')).toEqual(['--network=backend', '--network=bridge']);
    expect(await words('docker run -v d')).toEqual(['data', 'dbdata']);
    expect(await words('docker run -v ./')).toEqual(['./Dockerfile', './app/', './docs/', './my file.txt']);
    expect(await words('docker run --restart u')).toEqual(['unless-stopped']);
    expect(await words('docker network connect backend ')).toEqual(['db', 'web', 'web-old']);
  });
  it('completes paths, escaping spaces, directories without a space', async () => {
    expect(await tab('cat my')).toEqual({ kind: 'replace', from: 4, to: 6, text: 'my\\ file.txt ' });
    expect(await tab('cd a')).toEqual({ kind: 'replace', from: 3, to: 4, text: 'app/' });
    expect(await tab('cat app/')).toEqual({ kind: 'replace', from: 4, to: 8, text: 'app/index.html ' });
    expect(await tab('cat /etc/h')).toEqual({ kind: 'replace', from: 4, to: 10, text: '/etc/hosts ' });
    expect(await tab('cat ~/D')).toEqual({ kind: 'replace', from: 4, to: 7, text: '~/Dockerfile ' });
    expect(await tab('cat "my')).toEqual({ kind: 'replace', from: 4, to: 7, text: '"my file.txt" ' });
    expect(await words('cd ')).toEqual(['app/', 'docs/']);
    expect(await words('docker build ')).toEqual(['app/', 'docs/']);
    expect(await words('cat .b')).toEqual(['.bashrc']);
  });
  it('docker cp: containers with a colon, or host paths', async () => {
    expect(await tab('docker cp web')).toEqual({ kind: 'list', items: ['web-old:', 'web:'] });
    expect(await tab('docker cp web-')).toEqual({ kind: 'replace', from: 10, to: 14, text: 'web-old:' });
  });
  it('extends to the longest common prefix first', async () => {
    expect(await tab('docker run ng')).toEqual({ kind: 'replace', from: 11, to: 13, text: 'nginx' });
    expect(await tab('docker xyz ')).toEqual({ kind: 'none' });
  });
});
