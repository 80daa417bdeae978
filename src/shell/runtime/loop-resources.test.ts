import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileSystem } from '../../api/fs';
import type { ProcessSpec } from '../../api/runtime';
import { SubFs } from '../../engine/fs/sub-fs';
import { UnionFs } from '../../engine/fs/union-fs';
import { render } from '../../runner/render';
import { createSession } from '../../runner/session';
import { runStep } from '../../runner/step-driver';
import { LiteAbortController } from '../io/lite-signal';
import { BytesInput, CollectOutput } from '../io/streams';
import { imageFs } from '../testing/catalog-fs';
import { FakeClock } from '../testing/harness';
import { MemoryFs } from '../vfs/memory-fs';
import { createContainerRuntime } from './container-runtime';
import { resolveInContainer } from './resolve';

/** live 'abort' listeners per signal (real AbortSignals and the runtime's light ones) */
class ListenerCount {
  readonly live = new Map<object, number>();
  max = 0;
  private readonly restore: (() => void)[] = [];

  install(): void {
    for (const proto of [EventTarget.prototype, Object.getPrototypeOf(new LiteAbortController().signal) as object]) {
      const target = proto as { addEventListener: (...a: unknown[]) => void; removeEventListener: (...a: unknown[]) => void };
      const add = target.addEventListener;
      const remove = target.removeEventListener;
      const count = this;
      const seen = new WeakMap<object, Set<unknown>>();
      target.addEventListener = function (this: object, ...a: unknown[]) {
        if (a[0] === 'abort') {
          const s = seen.get(this) ?? new Set();
          seen.set(this, s);
          if (!s.has(a[1]) && !(this as AbortSignal).aborted) {
            s.add(a[1]);
            count.bump(this, 1);
          }
        }
        return add.apply(this, a);
      };
      target.removeEventListener = function (this: object, ...a: unknown[]) {
        if (a[0] === 'abort' && seen.get(this)?.delete(a[1])) count.bump(this, -1);
        return remove.apply(this, a);
      };
      this.restore.push(() => {
        target.addEventListener = add;
        target.removeEventListener = remove;
      });
    }
  }

  uninstall(): void {
    for (const r of this.restore) r();
  }

  private bump(signal: object, d: number): void {
    const n = (this.live.get(signal) ?? 0) + d;
    this.live.set(signal, n);
    if (n > this.max) this.max = n;
  }
}

function spec(fs: FileSystem, argv: string[], clock: FakeClock, out: CollectOutput): ProcessSpec {
  return {
    argv,
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    cwd: '/',
    user: 'root',
    hostname: 'abc123def456',
    fs,
    tty: false,
    init: true,
    io: { stdin: new BytesInput(''), stdout: out, stderr: out, interrupt: new AbortController().signal },
    clock,
    net: {
      resolve: () => undefined,
      http: async () => ({ error: 'refused' }),
      listen: () => () => {},
      serveRegistry: () => () => {},
    },
    processes: () => [{ pid: 1, ppid: 0, user: 'root', argv, started: 0, tty: false }],
  };
}

describe('a loop running a program every round', () => {
  let count: ListenerCount;
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  beforeEach(() => {
    count = new ListenerCount();
    count.install();
    warnings.length = 0;
    process.on('warning', onWarning);
  });
  afterEach(() => {
    count.uninstall();
    process.off('warning', onWarning);
  });

  it('1,000 rounds of `echo; sleep 1` leave no abort listeners behind', async () => {
    const clock = new FakeClock();
    const out = new CollectOutput(false);
    const script = 'i=0; while [ $i -lt 1000 ]; do echo "round $i"; sleep 1; i=$((i+1)); done; echo done';
    const p = createContainerRuntime().spawn(spec(imageFs('busybox', 'latest'), ['sh', '-c', script], clock, out));
    let peakDuring = 0;
    for (let s = 0; s <= 1000; s++) {
      await clock.advance(1000);
      for (const n of count.live.values()) peakDuring = Math.max(peakDuring, n);
    }
    expect(await p.exited).toBe(0);
    const lines = out.text().split('\n');
    expect(lines.length).toBe(1002);
    expect(lines[999]).toBe('round 999');
    expect(lines[1000]).toBe('done');
    // a listener per command would pile up on the shell's interrupt: 1,000 of them
    expect(count.max).toBeLessThanOrEqual(3);
    expect(peakDuring).toBeLessThanOrEqual(3);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});

describe('PATH lookups are kept while the filesystem does not change', () => {
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin' };

  it('the same lookup twice gives the same answer without looking again', () => {
    const fs = imageFs('busybox', 'latest');
    const a = resolveInContainer(fs, 'sleep', env, '/');
    expect(a).toMatchObject({ kind: 'program', path: '/bin/sleep' });
    expect(resolveInContainer(fs, 'sleep', env, '/')).toBe(a);
  });

  it('a program installed later is found; one that shadows another wins; chmod -x is seen', () => {
    const fs = imageFs('busybox', 'latest');
    expect(resolveInContainer(fs, 'hello-tool', env, '/')).toMatchObject({ kind: 'error', status: 127 });
    fs.writeFile('/usr/bin/hello-tool', '#!/bin/sh\necho hi\n', 0o755);
    expect(resolveInContainer(fs, 'hello-tool', env, '/')).toMatchObject({ kind: 'program', path: '/usr/bin/hello-tool' });

    expect(resolveInContainer(fs, 'sleep', env, '/')).toMatchObject({ path: '/bin/sleep' });
    fs.writeFile('/usr/local/bin/sleep', '#!/bin/sh\necho shadow\n', 0o755);
    expect(resolveInContainer(fs, 'sleep', env, '/')).toMatchObject({ path: '/usr/local/bin/sleep', interpreter: ['/bin/sh'] });

    fs.chmod('/usr/local/bin/sleep', 0o644);
    expect(resolveInContainer(fs, 'sleep', env, '/')).toMatchObject({ path: '/bin/sleep' });
    fs.chmod('/usr/bin/hello-tool', 0o644);
    expect(resolveInContainer(fs, 'hello-tool', env, '/')).toMatchObject({ kind: 'error', status: 126 });
  });

  it('a PATH with a relative entry depends on the working directory', () => {
    const fs = imageFs('busybox', 'latest');
    fs.mkdir('/work/bin', { recursive: true });
    fs.writeFile('/work/bin/tool', '#!/bin/sh\n', 0o755);
    const rel = { PATH: 'bin:/bin' };
    expect(resolveInContainer(fs, 'tool', rel, '/work')).toMatchObject({ path: '/work/bin/tool' });
    expect(resolveInContainer(fs, 'tool', rel, '/')).toMatchObject({ kind: 'error', status: 127 });
  });

  it('a filesystem that does not track changes is looked up every time', () => {
    const fs = imageFs('busybox', 'latest');
    const untracked = Object.create(fs) as FileSystem;
    Object.defineProperty(untracked, 'generation', { value: undefined });
    const a = resolveInContainer(untracked, 'sleep', env, '/');
    expect(resolveInContainer(untracked, 'sleep', env, '/')).not.toBe(a);
    expect(resolveInContainer(untracked, 'sleep', env, '/')).toEqual(a);
  });
});

describe('a running loop and programs installed by another process', () => {
  it('apt-get install curl (docker exec) while a loop runs curl every second: the next round finds it', async () => {
    const s = createSession({ catalogPath: fileURLToPath(new URL('../../../public/catalog/default-hub.json', import.meta.url)) });
    const step = async (line: string) => {
      const r = await runStep(s, line, { timeoutSeconds: 120, columns: s.cols });
      return { out: render(r.stdoutRaw), exit: r.exit };
    };
    expect((await step(`docker run -d --name box ubuntu sh -c 'while true; do curl -s http://localhost >/dev/null 2>&1; echo "curl $?"; sleep 1; done'`)).exit).toBe(0);
    await step('sleep 2');
    expect((await step('docker exec box apt-get update')).exit).toBe(0);
    expect((await step('docker exec box apt-get install -y curl')).exit).toBe(0);
    await step('sleep 2');
    const lines = (await step('docker logs box')).out.trim().split('\n');
    expect(lines[0]).toBe('curl 127');
    expect(lines.at(-1)).toBe('curl 7');
    expect(lines.at(-2)).toBe('curl 7');
  }, 60000);
});

describe('FileSystem.generation of a container filesystem', () => {
  it('changes with writes, in-place mode changes, mounts and what a mount shows', () => {
    const fs = new UnionFs([], new Map());
    fs.mkdir('/bin');
    fs.writeFile('/bin/tool', 'x', 0o644);
    let g = fs.generation();
    const changed = () => {
      const now = fs.generation();
      const moved = now !== g;
      g = now;
      return moved;
    };
    expect(changed()).toBe(false);
    fs.stat('/bin/tool');
    expect(changed()).toBe(false);
    fs.chmod('/bin/tool', 0o755);
    expect(changed()).toBe(true);
    const vol = new UnionFs([], new Map());
    fs.mount('/opt', vol);
    expect(changed()).toBe(true);
    vol.writeFile('/t', 'y');
    expect(changed()).toBe(true);
    fs.unmount('/opt');
    expect(changed()).toBe(true);
    const host = new MemoryFs();
    host.mkdir('/src');
    fs.mount('/srv', new SubFs(host, '/src'));
    expect(changed()).toBe(true);
    host.writeFile('/src/a', 'z');
    expect(changed()).toBe(true);
    fs.unlink('/bin/tool');
    expect(changed()).toBe(true);
  });
});
