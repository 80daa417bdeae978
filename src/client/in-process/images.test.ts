import { describe, expect, it, vi } from 'vitest';
import { imageCommands } from '../../cli/commands/image';
import { registryCommands } from '../../cli/commands/registry';
import { testContext } from '../../cli/framework/testing';
import { runDocker } from '../../cli/main';
import { testEngine } from '../../engine/images/test-engine';
import { MemoryFs } from '../../shell/vfs/memory-fs';
import type { EngineClient } from '../engine-client';
import { imageClient } from './images';

// the full command list imports every area; these tests pass their own list
vi.mock('../../cli/commands/index', () => ({ allCommands: [] }));

function setup() {
  const engine = testEngine();
  const client = imageClient(engine) as unknown as EngineClient;
  const hostFs = new MemoryFs();
  const run = async (argv: string, opts: { stdin?: string; tty?: boolean } = {}) => {
    const ctx = testContext({
      client,
      hostFs,
      stdin: opts.stdin,
      tty: opts.tty ? { columns: 120 } : undefined,
      env: { HOME: '/root' },
    });
    const status = await runDocker(argv.split(' ').slice(1), ctx, [...imageCommands, ...registryCommands]);
    return { status, out: ctx.stdout.text(), err: ctx.stderr.text() };
  };
  return { engine, run };
}

describe('docker image commands', () => {
  it('pull, images, rmi like the golden transcripts', async () => {
    const { run } = setup();
    const p = await run('docker pull centos');
    expect(p.out).toBe(
      'Using default tag: latest\nlatest: Pulling from library/centos\n1301ed1a9483: Pulling fs layer\n1301ed1a9483: Verifying Checksum\n1301ed1a9483: Download complete\n1301ed1a9483: Pull complete\nDigest: sha256:fade3fd7d71cc97b602b512f0daf00d84043fef94bb105e686abdd65b32c8224\nStatus: Downloaded newer image for centos:latest\ndocker.io/library/centos:latest\n',
    );
    await run('docker pull ubuntu:18.04');
    const ls = await run('docker images');
    // the CLI's "now" is the session's (testContext: TEST_EPOCH), never the machine's date
    expect(ls.out).toBe(
      [
        'REPOSITORY   TAG       IMAGE ID       CREATED          SIZE',
        'centos       latest    1ad4d8cf988a   32 minutes ago   4.34MB',
        'ubuntu       18.04     3ca392d5b762   32 minutes ago   6.6MB',
        '',
      ].join('\n'),
    );
    expect((await run('docker images ls')).out).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
    expect((await run('docker image ls -q ubuntu')).out).toBe('3ca392d5b762\n');
    const rm = await run('docker rmi centos');
    expect(rm.out.split('\n').slice(0, 2)).toEqual(['Untagged: centos:latest', expect.stringMatching(/^Untagged: centos@sha256:/)]);
    const again = await run('docker image rm centos');
    expect([again.status, again.err]).toEqual([1, 'Error: No such image: centos\n']);
    const bad = await run('docker pull ubuntu:18.04:latest');
    expect([bad.status, bad.err]).toEqual([1, 'invalid reference format\n']);
    const denied = await run('docker pull ubunut');
    expect(denied.err).toBe(
      "Error response from daemon: pull access denied for ubunut, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
    const h = await run('docker history ubuntu:18.04');
    expect(h.out.split('\n')[0]).toBe('IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT');
    expect(h.out).toContain('<missing>      ');
    expect(h.out).toContain('/bin/sh -c #(nop) ADD file:36bc381ffe70cac82…   6.6MB');
  });

  it('logs in, pushes to the user namespace and searches it', async () => {
    const { run } = setup();
    const wrong = await run('docker login', { stdin: 'wangxiong\nwrongpassword\n', tty: true });
    expect(wrong.err).toBe(
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n',
    );
    const ok = await run('docker login -u wangxiong --password-stdin', { stdin: 'dockerpassword\n' });
    expect(ok.out).toBe('Login Succeeded\n');
    expect(ok.err).toContain('WARNING! Your password will be stored unencrypted in /root/.docker/config.json.');
    await run('docker pull ubuntu:18.04');
    await run('docker tag ubuntu:18.04 username/ubuntu:18.04');
    const denied = await run('docker push username/ubuntu:18.04');
    expect(denied.out).toBe('The push refers to repository [docker.io/username/ubuntu]\na9caa10e9d30: Preparing\n3b30ef5045a6: Preparing\n');
    expect([denied.status, denied.err]).toEqual([1, 'denied: requested access to the resource is denied\n']);
    await run('docker tag ubuntu:18.04 wangxiong/ubuntu:18.04');
    const pushed = await run('docker push wangxiong/ubuntu:18.04');
    expect(pushed.out.split('\n').slice(-2)).toEqual([
      '18.04: digest: sha256:1d38e802e961ecbc7f81f8c8f68d7cbf5c95ac36b2f8097354703d3b7a9029ef size: 735',
      '',
    ]);
    expect((await run('docker search wangxiong')).out).toBe(
      'NAME               DESCRIPTION   STARS     OFFICIAL   AUTOMATED\nwangxiong/ubuntu                 0                    \n',
    );
    const lib = await run('docker push ubuntu:18.04');
    expect(lib.err).toBe('errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n\n');
    expect((await run('docker logout')).out).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    const s = await run('docker search --filter=stars=100 centos');
    expect(s.out).toBe(
      'NAME                      DESCRIPTION                                     STARS     OFFICIAL   AUTOMATED\n' +
        'centos                    The official build of CentOS.                   6449      [OK]       \n' +
        'ansible/centos7-ansible   Ansible on Centos7                              132                  [OK]\n' +
        'consol/centos-xfce-vnc    Centos container with "headless" VNC session…   126                  [OK]\n' +
        'jdeathe/centos-ssh        OpenSSH / Supervisor / EPEL/IUS/SCL Repos - …   117                  [OK]\n',
    );
  });

  it('formats with templates and prints inspect JSON', async () => {
    const { run } = setup();
    await run('docker pull centos');
    expect((await run('docker image ls --digests --format {{.Digest}} centos')).out).toBe(
      'sha256:fade3fd7d71cc97b602b512f0daf00d84043fef94bb105e686abdd65b32c8224\n',
    );
    expect((await run('docker image ls --format table{{.Repository}}\t{{.Tag}}')).out).toBe(
      'REPOSITORY   TAG\ncentos       latest\n',
    );
    const i = await run('docker image inspect centos');
    expect(i.out.startsWith('[\n    {\n        "Id": "sha256:1ad4d8cf988a')).toBe(true);
    expect(i.out).toContain('"Metadata": {\n            "LastTagTime": "0001-01-01T00:00:00Z"\n        }\n    }\n]\n');
    const f = await run('docker image inspect --format {{.Os}}/{{.Architecture}} centos');
    expect(f.out).toBe('linux/amd64\n');
    const missing = await run('docker image inspect nosuch');
    expect([missing.status, missing.out, missing.err]).toEqual([1, '[]\n', 'Error: No such image: nosuch\n']);
  });
});
