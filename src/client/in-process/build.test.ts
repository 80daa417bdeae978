/**
 * docker build end to end: the CLI, the in-process client, the engine with the
 * stand-in Hub, and the shell's container runtime (so RUN really runs).
 * Expected texts are golden scenario 14 and dockerd 20.10.24's.
 */
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../cli/commands';
import { testContext } from '../../cli/framework/testing';
import { runDocker } from '../../cli/main';
import { VirtualClock } from '../../engine/core/clock';
import { SeededIds } from '../../engine/core/ids';
import { Engine } from '../../engine/engine';
import { standinCatalog } from '../../engine/images/test-engine';
import { createContainerRuntime } from '../../shell/runtime/container-runtime';
import { MemoryFs } from '../../shell/vfs/memory-fs';
import { createInProcessClient } from './index';

function sandbox() {
  const clock = new VirtualClock(Date.parse('2026-11-23T08:00:00Z'));
  const hostFs = new MemoryFs({ now: () => clock.now() });
  hostFs.mkdir('/work', { recursive: true });
  const engine = new Engine({ clock, ids: new SeededIds(3), hostFs, catalog: standinCatalog(), runtime: createContainerRuntime() });
  const client = createInProcessClient(engine);
  const docker = async (line: string, opts: { cwd?: string; stdin?: string; env?: Record<string, string> } = {}) => {
    const ctx = testContext({ client, hostFs, env: { HOME: '/root', ...(opts.env ?? {}) }, stdin: opts.stdin ?? '' });
    ctx.cwd = opts.cwd ?? '/work';
    const argv = line.match(/'[^']*'|"[^"]*"|\S+/g)?.map((w) => w.replace(/^'(.*)'$|^"(.*)"$/, '$1$2')) ?? [];
    const status = await runDocker(argv.slice(1), ctx, allCommands);
    return { status, out: ctx.stdout.text(), err: ctx.stderr.text() };
  };
  const write = (path: string, text: string) => {
    hostFs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    hostFs.writeFile(path, text);
  };
  return { engine, hostFs, docker, write, clock };
}

const HEX12 = /[0-9a-f]{12}/g;
const ids = (s: string) => s.replace(HEX12, '<ID12>');

describe('docker build (legacy builder)', () => {
  it('builds FROM nginx + RUN like golden scenario 14, then hits the cache', async () => {
    const { docker, write } = sandbox();
    write('/work/mynginx/Dockerfile', "FROM nginx\nRUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html\n");
    const first = await docker('docker build -t nginx:v3 .', { cwd: '/work/mynginx' });
    expect(first.err).toBe('');
    expect(first.status).toBe(0);
    const lines = first.out.split('\n');
    expect(lines[0]).toBe('Sending build context to Docker daemon  2.048kB\r\r');
    expect(lines.slice(1, 3)).toEqual(['Step 1/2 : FROM nginx', 'latest: Pulling from library/nginx']);
    expect(ids(lines.slice(-9).join('\n'))).toBe(
      [
        'Status: Downloaded newer image for nginx:latest',
        ' ---> 0d8ab9f63c6e'.replace(HEX12, '<ID12>'),
        "Step 2/2 : RUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html",
        ' ---> Running in <ID12>',
        'Removing intermediate container <ID12>',
        ' ---> <ID12>',
        'Successfully built <ID12>',
        'Successfully tagged nginx:v3',
        '',
      ].join('\n'),
    );
    const second = await docker('docker build -t nginx:v3 .', { cwd: '/work/mynginx' });
    const built = /Successfully built ([0-9a-f]{12})/.exec(first.out)?.[1];
    expect(second.out).toBe(
      'Sending build context to Docker daemon  2.048kB\r\r\nStep 1/2 : FROM nginx\n ---> 0d8ab9f63c6e\n' +
        "Step 2/2 : RUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html\n ---> Using cache\n" +
        ` ---> ${built}\nSuccessfully built ${built}\nSuccessfully tagged nginx:v3\n`,
    );
    const hist = await docker('docker history nginx:v3');
    expect(hist.out.split('\n')[1]).toMatch(/^[0-9a-f]{12} .*\/bin\/sh -c echo '<h1>Hello, Docker!<\/h1>' > … {3}24B {7}$/);
    const run = await docker('docker run --rm nginx:v3 cat /usr/share/nginx/html/index.html');
    expect(run.out).toBe('<h1>Hello, Docker!</h1>\n');
  });

  it('COPY hashes like dockerd, RUN output streams, a changed file busts the cache from COPY on', async () => {
    const { docker, write } = sandbox();
    write('/work/myapp/hello.txt', 'hello from the image\n');
    write(
      '/work/myapp/Dockerfile',
      'FROM busybox\nLABEL com.example.version="0.1"\nENV GREETING=hi\nWORKDIR /app\nCOPY hello.txt /app/hello.txt\nRUN ls -l /app\nCMD ["cat", "/app/hello.txt"]\n',
    );
    const b1 = await docker('docker build -t myapp:v1 .', { cwd: '/work/myapp' });
    expect(b1.status).toBe(0);
    expect(b1.out.split('\n')[0]).toBe('Sending build context to Docker daemon  3.072kB\r\r');
    expect(ids(b1.out)).toContain(
      'Step 2/7 : LABEL com.example.version="0.1"\n ---> Running in <ID12>\nRemoving intermediate container <ID12>\n ---> <ID12>\n' +
        'Step 3/7 : ENV GREETING=hi\n',
    );
    expect(ids(b1.out)).toContain('Step 5/7 : COPY hello.txt /app/hello.txt\n ---> <ID12>\nStep 6/7 : RUN ls -l /app\n ---> Running in <ID12>\ntotal 4\n');
    expect(b1.out).toMatch(/-rw-r--r-- {4}1 root {5}root {12}21 \w{3} +\d+ \d\d:\d\d hello\.txt\n/);
    expect((await docker('docker run --rm myapp:v1')).out).toBe('hello from the image\n');
    const labelled = await docker('docker image ls -f label=com.example.version=0.1 --format {{.Repository}}:{{.Tag}}');
    expect(labelled.out).toBe('myapp:v1\n');

    write('/work/myapp/hello.txt', 'hello again\n');
    const b2 = await docker('docker build -t myapp:v1 .', { cwd: '/work/myapp' });
    expect(ids(b2.out)).toContain(
      'Step 2/7 : LABEL com.example.version="0.1"\n ---> Using cache\n ---> <ID12>\nStep 3/7 : ENV GREETING=hi\n ---> Using cache\n' +
        ' ---> <ID12>\nStep 4/7 : WORKDIR /app\n ---> Using cache\n ---> <ID12>\nStep 5/7 : COPY hello.txt /app/hello.txt\n ---> <ID12>\n' +
        'Step 6/7 : RUN ls -l /app\n ---> Running in <ID12>\n',
    );
    const hist = await docker('docker history --no-trunc --format {{.CreatedBy}}|{{.Size}} myapp:v1');
    expect(hist.out.split('\n').slice(0, 7)).toEqual([
      '/bin/sh -c #(nop)  CMD ["cat" "/app/hello.txt"]|0B',
      '/bin/sh -c ls -l /app|0B',
      '/bin/sh -c #(nop) COPY file:6c2e48456ba1a1c9b5d81ac1cdeeef99c20e2754e8a691320d2e251ac6677dae in /app/hello.txt |12B',
      '/bin/sh -c #(nop) WORKDIR /app|0B',
      '/bin/sh -c #(nop)  ENV GREETING=hi|0B',
      '/bin/sh -c #(nop)  LABEL com.example.version=0.1|0B',
      '/bin/sh -c #(nop)  CMD ["sh"]|0B',
    ]);
    const dangling = await docker('docker image ls -f dangling=true --format {{.Repository}}:{{.Tag}}');
    expect(dangling.out).toBe('<none>:<none>\n');
    const all = await docker('docker image ls -a --format {{.Repository}}:{{.Tag}}');
    const rows = all.out.trim().split('\n');
    expect(rows.filter((r) => r === '<none>:<none>')).toHaveLength(8);
    expect(rows).toContain('myapp:v1');
    expect(rows).toHaveLength(10);
  });

  it('a failing RUN: its status, the container left behind, stderr in red', async () => {
    const { docker, write } = sandbox();
    write('/work/f/Dockerfile', 'FROM busybox\nRUN echo out; echo err >&2; exit 3\n');
    const r = await docker('docker build -t build-test-fail .', { cwd: '/work/f' });
    expect(r.status).toBe(3);
    expect(r.err).toBe("The command '/bin/sh -c echo out; echo err >&2; exit 3' returned a non-zero code: 3\n");
    expect(r.out).toContain(' ---> Running in ');
    expect(r.out).toContain('out\n');
    expect(r.out).toContain('\x1b[91merr\n\x1b[0m');
    expect(r.out).not.toContain('Removing intermediate container');
    const ps = await docker('docker ps -a --format {{.Status}}|{{.Command}}');
    expect(ps.out).toMatch(/^Exited \(3\) .*\|"\/bin\/sh -c 'echo ou…"\n$/);
    expect((await docker('docker image ls -q build-test-fail')).out).toBe('');
  });

  it('reports docker errors with their texts and exit codes', async () => {
    const { docker, write } = sandbox();
    const missing = await docker('docker build .', { cwd: '/work' });
    expect([missing.status, missing.err]).toEqual([
      1,
      'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /work/Dockerfile: no such file or directory\n',
    ]);
    write('/work/e/Dockerfile', '');
    const empty = await docker('docker build .', { cwd: '/work/e' });
    expect(empty.out).toBe('Sending build context to Docker daemon  1.536kB\r\r\n');
    expect(empty.err).toBe('Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n');
    write('/work/p/Dockerfile', 'FROM busybox\nRUNN x\n');
    const bad = await docker('docker build .', { cwd: '/work/p' });
    expect([bad.status, bad.err]).toEqual([1, 'Error response from daemon: dockerfile parse error line 2: unknown instruction: RUNN\n']);
    write('/work/n/Dockerfile', 'RUN echo\n');
    expect((await docker('docker build .', { cwd: '/work/n' })).err).toBe('Error response from daemon: no build stage in current context\n');
    write('/work/c/Dockerfile', 'FROM busybox\nCOPY missing.txt /x\n');
    const cp = await docker('docker build .', { cwd: '/work/c' });
    expect([cp.status, cp.err]).toEqual([1, 'COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist\n']);
    write('/work/u/Dockerfile', 'FROM build-test-nosuch\n');
    const nosuch = await docker('docker build .', { cwd: '/work/u' });
    expect(nosuch.out).toBe('Sending build context to Docker daemon  2.048kB\r\r\nStep 1/1 : FROM build-test-nosuch\n');
    expect(nosuch.err).toBe(
      "pull access denied for build-test-nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
    expect((await docker('docker build nosuchdir')).err).toBe('unable to prepare context: path "nosuchdir" not found\n');
    const git = await docker('docker build -t hello-world https://github.com/docker-library/hello-world.git#master:amd64/hello-world');
    expect([git.status, git.err]).toEqual([
      1,
      "unable to prepare context: unable to 'git clone' to temporary context directory: error fetching: fatal: unable to access " +
        "'https://github.com/docker-library/hello-world.git/': Could not resolve host: github.com\n: exit status 128\n",
    ]);
    write('/work/h/Dockerfile', 'FROM busybox\nRUN <<EOF\necho hi\nEOF\n');
    expect((await docker('docker build .', { cwd: '/work/h' })).err).toBe(
      'Error response from daemon: dockerfile parse error line 3: unknown instruction: ECHO\n',
    );
  });

  it('build args, ARG before FROM, the unused-args warning, RUN committing files', async () => {
    const { docker, write } = sandbox();
    write('/work/a/Dockerfile', 'ARG X=1\nFROM busybox\nARG Y\nRUN echo $Y > /y.txt\n');
    await docker('docker pull busybox');
    const r = await docker('docker build --build-arg Y=yy --build-arg Z=zz --build-arg W -t build-test-b .', { cwd: '/work/a' });
    expect(r.status).toBe(0);
    expect(ids(r.out)).toContain('Step 1/4 : ARG X=1\nStep 2/4 : FROM busybox\n ---> <ID12>\nStep 3/4 : ARG Y\n');
    expect(r.out).toContain('[Warning] One or more build-args [W Z] were not consumed\nSuccessfully built');
    const hist = await docker('docker history --no-trunc --format {{.CreatedBy}} build-test-b');
    expect(hist.out.split('\n').slice(0, 2)).toEqual(['|1 Y=yy /bin/sh -c echo $Y > /y.txt', '/bin/sh -c #(nop)  ARG Y']);
    expect((await docker('docker run --rm build-test-b cat /y.txt')).out).toBe('yy\n');
  });

  it('multi-stage COPY --from, .dockerignore, -q, --iidfile, a Dockerfile on stdin, ONBUILD', async () => {
    const { docker, write, hostFs } = sandbox();
    write('/work/m/sub/a.txt', 'a\n');
    write('/work/m/secret.txt', 'no\n');
    write('/work/m/.dockerignore', 'secret.txt\n');
    write(
      '/work/m/Dockerfile',
      'FROM busybox AS base\nCOPY sub /s/\nONBUILD RUN echo triggered\nFROM base\nCOPY --from=base /s/a.txt /copied\n',
    );
    const r = await docker('docker build -t build-test-c .', { cwd: '/work/m' });
    expect(r.status).toBe(0);
    expect(ids(r.out)).toContain('Step 4/5 : FROM base\n# Executing 1 build trigger\n ---> Running in <ID12>\ntriggered\n');
    const hist = await docker('docker history --no-trunc --format {{.CreatedBy}} build-test-c');
    expect(hist.out.split('\n')[0]).toBe(
      '/bin/sh -c #(nop) COPY file:fadcbc099d58ee3d9d67c139a08db3e8b67410544353a5ffde75ab75eaad4dc3 in /copied ',
    );
    expect((await docker('docker run --rm build-test-c cat /copied')).out).toBe('a\n');

    write('/work/m/Dockerfile', 'FROM busybox\nCOPY secret.txt /\n');
    const ignored = await docker('docker build .', { cwd: '/work/m' });
    expect(ignored.err).toBe('COPY failed: file not found in build context or excluded by .dockerignore: stat secret.txt: file does not exist\n');

    write('/work/m/Dockerfile', 'FROM busybox\nLABEL a=b\n');
    const q = await docker('docker build -q --iidfile id.txt .', { cwd: '/work/m' });
    expect(q.out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(new TextDecoder().decode(hostFs.readFile('/work/m/id.txt'))).toBe(q.out);

    const stdin = await docker('docker build -t build-test-d -', { stdin: 'FROM busybox\nRUN echo from-stdin\n' });
    expect(stdin.out).toContain('Sending build context to Docker daemon  2.048kB\r\r\n');
    expect(stdin.out).toContain('from-stdin\n');
  });
});
