/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell source text, not templates */
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../api/fs';
import type { HttpHandler } from '../../api/net';
import { ExecError, type ProcessInfo, type ProcessSpec } from '../../api/runtime';
import { BytesInput, CollectOutput } from '../io/streams';
import { imageFs } from '../testing/catalog-fs';
import { FakeClock, settle } from '../testing/harness';
import { createContainerRuntime } from './container-runtime';
import { HELLO_MESSAGE } from './standins/services';

interface Setup {
  spec: ProcessSpec;
  out: CollectOutput;
  err: CollectOutput;
  clock: FakeClock;
  listeners: Map<number, HttpHandler>;
}

function setup(fs: FileSystem, argv: string[], opts: { stdin?: string; tty?: boolean; init?: boolean; env?: string[]; procs?: ProcessInfo[] } = {}): Setup {
  const clock = new FakeClock();
  const out = new CollectOutput(opts.tty ?? false, 80);
  const err = new CollectOutput(opts.tty ?? false);
  const stdin = new BytesInput(opts.stdin ?? '');
  Object.defineProperty(stdin, 'isTTY', { value: opts.tty ?? false });
  const listeners = new Map<number, HttpHandler>();
  const spec: ProcessSpec = {
    argv,
    env: opts.env ?? ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    cwd: '/',
    user: 'root',
    hostname: 'abc123def456',
    fs,
    tty: opts.tty ?? false,
    init: opts.init ?? true,
    io: { stdin, stdout: out, stderr: err, interrupt: new AbortController().signal },
    clock,
    net: {
      resolve: (n) => (n === 'busybox2' ? '172.18.0.2' : undefined),
      http: async () => ({ error: 'refused' }),
      listen: (port, h) => {
        listeners.set(port, h);
        return () => listeners.delete(port);
      },
      serveRegistry: (port) => {
        listeners.set(port, async () => ({ status: 200, statusText: 'OK', headers: {}, body: new Uint8Array(0) }));
        return () => listeners.delete(port);
      },
    },
    processes: () => opts.procs ?? [{ pid: 1, ppid: 0, user: 'root', argv, started: 0, tty: opts.tty ?? false }],
  };
  return { spec, out, err, clock, listeners };
}

const runtime = createContainerRuntime();

describe('container runtime: lookup and exec errors', () => {
  it('runs /bin/echo through busybox and hello-world', async () => {
    const s = setup(imageFs('ubuntu', '18.04'), ['/bin/echo', 'Hello world']);
    expect(await runtime.spawn(s.spec).exited).toBe(0);
    expect(s.out.text()).toBe('Hello world\n');
    const h = setup(imageFs('hello-world', 'latest'), ['/hello']);
    expect(await runtime.spawn(h.spec).exited).toBe(0);
    expect(h.out.text()).toBe(HELLO_MESSAGE);
  });

  it('throws runc errors for missing and non-executable programs', () => {
    const fs = imageFs('busybox', 'latest');
    const err = (argv: string[]) => {
      try {
        runtime.spawn(setup(fs, argv).spec);
      } catch (e) {
        return e instanceof ExecError ? [e.reason, e.message] : e;
      }
      return 'started';
    };
    expect(err(['foo'])).toEqual(['not-found', 'exec: "foo": executable file not found in $PATH']);
    expect(err(['/etc/passwd'])).toEqual(['permission-denied', 'exec: "/etc/passwd": permission denied']);
    expect(err(['bash'])).toEqual(['not-found', 'exec: "bash": executable file not found in $PATH']);
  });

  it('reports unknown commands like each shell', async () => {
    const bb = setup(imageFs('busybox', 'latest'), ['sh', '-c', 'foo']);
    expect(await runtime.spawn(bb.spec).exited).toBe(127);
    expect(bb.err.text()).toBe('sh: foo: not found\n');
    const dash = setup(imageFs('ubuntu', '18.04'), ['/bin/sh', '-c', 'foo']);
    expect(await runtime.spawn(dash.spec).exited).toBe(127);
    expect(dash.err.text()).toBe('/bin/sh: 1: foo: not found\n');
    const bash = setup(imageFs('ubuntu', '18.04'), ['bash', '-c', 'foo']);
    expect(await runtime.spawn(bash.spec).exited).toBe(127);
    expect(bash.err.text()).toBe('bash: line 1: foo: command not found\n');
  });
});

describe('container runtime: signals', () => {
  it('sh -c while-loop as PID 1: SIGTERM ignored, SIGINT ends it with 130', async () => {
    const s = setup(imageFs('ubuntu', '18.04'), ['/bin/sh', '-c', 'while true; do echo hello world; sleep 1; done']);
    const h = runtime.spawn(s.spec);
    await s.clock.advance(3500);
    expect(s.out.text()).toBe('hello world\n'.repeat(4));
    h.kill('SIGTERM');
    await s.clock.advance(1000);
    expect(s.out.text()).toBe('hello world\n'.repeat(5));
    h.kill('SIGINT');
    expect(await h.exited).toBe(130);
  });

  it('sleep as PID 1 ignores SIGTERM; SIGKILL gives 137; non-init dies with 143', async () => {
    const s = setup(imageFs('ubuntu', '18.04'), ['sleep', '1000']);
    const h = runtime.spawn(s.spec);
    let done = false;
    h.exited.then(() => {
      done = true;
    });
    h.kill('SIGTERM');
    await s.clock.advance(10000);
    expect(done).toBe(false);
    h.kill('SIGKILL');
    expect(await h.exited).toBe(137);
    const e = setup(imageFs('ubuntu', '18.04'), ['sleep', '1000'], { init: false });
    const h2 = runtime.spawn(e.spec);
    h2.kill('SIGTERM');
    expect(await h2.exited).toBe(143);
  });

  it('nginx entrypoint: three log lines, serves the default page, quits on SIGQUIT', async () => {
    const s = setup(imageFs('nginx', 'alpine'), ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    const h = runtime.spawn(s.spec);
    await settle();
    expect(s.out.text()).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n/docker-entrypoint.sh: Configuration complete; ready for start up\n',
    );
    const handler = s.listeners.get(80);
    expect(handler).toBeDefined();
    const res = await (handler as HttpHandler)({ method: 'GET', host: 'localhost', port: 80, path: '/', headers: {} });
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(res.body)).toContain('<title>Welcome to nginx!</title>');
    h.kill('SIGQUIT');
    expect(await h.exited).toBe(0);
    expect(s.listeners.has(80)).toBe(false);
  });

  it('registry entrypoint serves the registry API on 5000', async () => {
    const s = setup(imageFs('registry', 'latest'), ['/entrypoint.sh', '/etc/docker/registry/config.yml']);
    const h = runtime.spawn(s.spec);
    await settle();
    expect(s.listeners.has(5000)).toBe(true);
    h.kill('SIGKILL');
    expect(await h.exited).toBe(137);
  });
});

describe('container runtime: busybox tools and interactive shells', () => {
  it('ps lists the process table in busybox format', async () => {
    const procs = [
      { pid: 1, ppid: 0, user: 'root', argv: ['/bin/bash'], started: 0, tty: true },
      { pid: 7, ppid: 0, user: 'root', argv: ['ps'], started: 0, tty: false },
    ];
    const s = setup(imageFs('ubuntu', '18.04'), ['ps'], { init: false, procs });
    expect(await runtime.spawn(s.spec).exited).toBe(0);
    expect(s.out.text()).toBe('PID   USER     COMMAND\n    1 root     /bin/bash\n    7 root     ps\n');
  });

  it('ping resolves names and prints busybox statistics', async () => {
    const s = setup(imageFs('busybox', 'latest'), ['ping', '-c', '2', 'busybox2']);
    const h = runtime.spawn(s.spec);
    await s.clock.advance(1000);
    expect(await h.exited).toBe(0);
    expect(s.out.text()).toMatch(
      /^PING busybox2 \(172\.18\.0\.2\): 56 data bytes\n64 bytes from 172\.18\.0\.2: seq=0 ttl=64 time=\d+\.\d{3} ms\n64 bytes from 172\.18\.0\.2: seq=1 ttl=64 time=\d+\.\d{3} ms\n\n--- busybox2 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d.]+\/[\d.]+\/[\d.]+ ms\n$/,
    );
    const bad = setup(imageFs('busybox', 'latest'), ['ping', '-c', '1', 'nosuch']);
    expect(await runtime.spawn(bad.spec).exited).toBe(1);
    expect(bad.err.text()).toBe("ping: bad address 'nosuch'\n");
  });

  it('interactive bash: prompt from .bashrc, exit status, history file', async () => {
    const fs = imageFs('ubuntu', '18.04');
    const s = setup(fs, ['/bin/bash'], { tty: true, stdin: 'hostname\ncd /tmp\nexit 3\n' });
    expect(await runtime.spawn(s.spec).exited).toBe(3);
    expect(s.out.text()).toBe('abc123def456\n');
    expect(s.err.text()).toBe('root@abc123def456:/# root@abc123def456:/# root@abc123def456:/tmp# exit\n');
    expect(new TextDecoder().decode(fs.readFile('/root/.bash_history'))).toBe('hostname\ncd /tmp\nexit 3\n');
  });

  it('busybox sh reads commands from a non-tty stdin without prompts; ls lists /', async () => {
    const s = setup(imageFs('busybox', 'latest'), ['sh'], { stdin: 'ls /\necho $0\n' });
    expect(await runtime.spawn(s.spec).exited).toBe(0);
    expect(s.out.text().split('\n').slice(0, 3)).toEqual(['bin', 'dev', 'etc']);
    expect(s.out.text().endsWith('sh\n')).toBe(true);
    expect(s.err.text()).toBe('');
  });

  it('interactive bash in a container: job notices, jobs -l, kill %1', async () => {
    const s = setup(imageFs('ubuntu', '18.04'), ['/bin/bash'], { tty: true, stdin: 'sleep 5 &\njobs -l\nkill %1\nexit\n' });
    expect(await runtime.spawn(s.spec).exited).toBe(0);
    expect(s.out.text()).toBe('[1]+  2 Running                 sleep 5 &\n');
    const p = 'root@abc123def456:/# ';
    expect(s.err.text()).toBe(`${p}[1] 2\n${p}${p}[1]+  Terminated              sleep 5\n${p}exit\n`);
  });

  it('busybox sh: ${A:?} ends it with 2, endless recursion crashes it (139), set -o pipefail works', async () => {
    const a = setup(imageFs('busybox', 'latest'), ['sh', '-c', 'echo ${A:?msg}; echo after']);
    expect(await runtime.spawn(a.spec).exited).toBe(2);
    expect(a.err.text()).toBe('sh: A: msg\n');
    const b = setup(imageFs('busybox', 'latest'), ['sh', '-c', 'f(){ f; }; f']);
    expect(await runtime.spawn(b.spec).exited).toBe(139);
    expect(b.err.text()).toBe('');
    const c = setup(imageFs('busybox', 'latest'), ['sh', '-o', 'pipefail', '-c', 'false | true; echo $?; set -o | grep pipefail']);
    expect(await runtime.spawn(c.spec).exited).toBe(0);
    expect(c.out.text()).toBe('1\npipefail        on\n');
  });
});
