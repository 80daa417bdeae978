/** The process table's limit: a fork bomb runs into it, the shells say so as bash and ash do, and everything stays alive. */
import { describe, expect, it } from 'vitest';
import type { ProcessSpec } from '../../api/runtime';
import { BytesInput, CollectOutput } from '../io/streams';
import { createShell } from '../shell';
import { imageFs } from '../testing/catalog-fs';
import { FakeClock, run, settle } from '../testing/harness';
import { MemoryFs } from '../vfs/memory-fs';
import { createContainerRuntime } from './container-runtime';
import { LocalProcessTable, MAX_PROCESSES } from './process-control';

function host() {
  const clock = new FakeClock();
  const fs = new MemoryFs({ now: () => clock.now() });
  fs.mkdir('/root');
  const processes = new LocalProcessTable(4242, () => clock.now());
  const sh = createShell({ fs, env: { HOME: '/root', USER: 'root' }, cwd: '/root', programs: {}, clock, processes });
  return { sh, clock, processes };
}

function containerSpec(argv: string[], stdin = '', tty = false) {
  const clock = new FakeClock();
  const out = new CollectOutput(tty, 80);
  const err = new CollectOutput(tty);
  const input = new BytesInput(stdin);
  Object.defineProperty(input, 'isTTY', { value: tty });
  const spec: ProcessSpec = {
    argv,
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    cwd: '/',
    user: 'root',
    hostname: 'c0ffee',
    fs: imageFs('busybox', 'latest'),
    tty,
    init: true,
    io: { stdin: input, stdout: out, stderr: err, interrupt: new AbortController().signal },
    clock,
    net: {
      resolve: () => undefined,
      http: async () => ({ error: 'refused' }),
      listen: () => () => {},
      serveRegistry: () => () => {},
    },
    processes: () => [{ pid: 1, ppid: 0, user: 'root', argv, started: 0, tty }],
  };
  return { spec, clock, out, err };
}

describe('the process limit', () => {
  it('a fork bomb on the host: bash retries, gives up, the prompt stays; kill -9 %1 ends the bomb', async () => {
    const { sh, clock, processes } = host();
    // one terminal: the bomb's jobs write where the line that started them wrote
    const t = { out: new CollectOutput(), err: new CollectOutput() };
    const io = { stdin: new BytesInput(''), stdout: t.out, stderr: t.err, interrupt: new AbortController().signal };
    expect(await sh.run(':(){ :|:& };:', io)).toBe(0);
    expect(t.err.text().startsWith('[1] 4243\n')).toBe(true);
    expect(processes.list().length).toBeLessThanOrEqual(MAX_PROCESSES);
    // the bomb goes on in the background while time passes and the shell answers
    const later = sh.run('sleep 20; echo still here', io);
    await clock.advance(20_000);
    expect(await later).toBe(0);
    expect(t.out.text()).toBe('still here\n');
    const errs = new Set(t.err.text().split('\n'));
    expect(errs.has('bash: fork: retry: Resource temporarily unavailable')).toBe(true);
    expect(errs.has('bash: fork: Resource temporarily unavailable')).toBe(true);
    expect(processes.list().length).toBeLessThanOrEqual(MAX_PROCESSES);
    // job 1 (`:|:`) ended at once; its process group lives on in the bomb's processes
    expect((await run(sh, 'jobs; kill -9 %1')).err).toBe('bash: kill: %1: no such job\n');
    expect(await run(sh, 'kill -9 -4243')).toEqual({ out: '', err: '', status: 0 });
    await clock.advance(20_000);
    await settle();
    // the login shell is all that is left
    expect(processes.list().map((p) => p.pid)).toEqual([4242]);
    expect((await run(sh, 'echo $((6 * 7))')).out).toBe('42\n');
  });

  it('a fork bomb in a busybox container: ash cannot fork, the container lives until it is killed', async () => {
    const s = containerSpec(['sh', '-c', ':(){ :|:& };:; sleep 30; echo after']);
    const h = createContainerRuntime().spawn(s.spec);
    await s.clock.advance(30_000);
    await settle();
    expect(s.err.text()).toContain("sh: can't fork: Resource temporarily unavailable\n");
    expect(s.out.text()).toBe('after\n');
    expect(await h.exited).toBe(0);
  });

  it('busybox sh jobs and notices in an interactive shell', async () => {
    const s = containerSpec(['sh'], 'sleep 50 &\njobs\nkill %1\n\nfalse &\nsleep 1\nexit\n', true);
    const h = createContainerRuntime().spawn(s.spec);
    await s.clock.advance(1000);
    expect(await h.exited).toBe(0);
    expect(s.out.text()).toBe('[1]+  Running                    sleep 50\n');
    expect(s.err.text()).toBe(
      '/ # / # / # [1]+  Terminated                 sleep 50\n/ # / # / # [1]+  Done(1)                    false\n/ # ',
    );
  });
});
