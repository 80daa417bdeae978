/**
 * Test helpers (not used outside tests): a real Engine over the stand-in Hub
 * catalog with a tiny fake ProcessRuntime that knows `echo`, `sleep N`,
 * `cat`, `sh -c 'exit N'`, `trap` (exits 128+n on any signal) and nginx-like
 * `serve` (exits 0 on SIGQUIT/SIGTERM).
 */
import { ExecError, type ProcessHandle, type ProcessRuntime, type ProcessSpec } from '../../api/runtime';
import { VirtualClock } from '../core/clock';
import { SeededIds } from '../core/ids';
import { Engine } from '../engine';
import { UnionFs } from '../fs/union-fs';
import { standinCatalog } from '../images/test-engine';
import { pullImage } from '../images/ops/pull';
import type { CatalogSource } from '../registry/registry-service';
import { SIGNALS } from './signals';

const CATCHABLE_BY_INIT = new Set(['SIGKILL']);

function signalNumber(sig: string): number {
  return SIGNALS[sig.replace(/^SIG/, '')] ?? 15;
}

export class FakeRuntime implements ProcessRuntime {
  spawned: ProcessSpec[] = [];
  spawn(spec: ProcessSpec): ProcessHandle {
    const [cmd = '', ...args] = spec.argv;
    const name = cmd.split('/').pop() as string;
    if (!['echo', 'sleep', 'cat', 'sh', 'trap', 'serve', 'docker-entrypoint.sh', 'nginx'].includes(name)) {
      throw new ExecError('not-found', `exec: "${cmd}": executable file not found in $PATH`);
    }
    if (cmd === '/etc/passwd') throw new ExecError('permission-denied', `exec: "${cmd}": permission denied`);
    this.spawned.push(spec);
    let finish: (code: number) => void = () => {};
    const exited = new Promise<number>((r) => {
      finish = r;
    });
    let done = false;
    const end = (code: number) => {
      if (done) return;
      done = true;
      finish(code);
    };
    const abort = new AbortController();
    const out = spec.io.stdout;
    const run = async () => {
      if (name === 'echo') {
        out.write(`${args.join(' ')}\n`);
        return 0;
      }
      if (name === 'sleep') {
        await spec.clock.sleep(Number(args[0] ?? '0') * 1000, abort.signal);
        return 0;
      }
      if (name === 'cat') {
        for (;;) {
          const line = await spec.io.stdin.readLine();
          if (line === null) return 0;
          out.write(`${line}\n`);
        }
      }
      if (name === 'sh') {
        const m = /exit (\d+)/.exec(args.join(' '));
        if (args.join(' ').includes('echo hello')) {
          for (;;) {
            out.write('hello world\n');
            await spec.clock.sleep(1000, abort.signal);
          }
        }
        return m ? Number(m[1]) : 0;
      }
      // trap / serve / nginx: run until a signal
      await new Promise<void>(() => {});
      return 0;
    };
    run().then(end, () => {});
    return {
      exited,
      kill: (sig: string) => {
        if (sig === 'SIGKILL') {
          abort.abort();
          end(137);
          return;
        }
        if (name === 'trap' || (name === 'sh' && sig === 'SIGINT')) {
          abort.abort();
          end(128 + signalNumber(sig));
          return;
        }
        if (['serve', 'nginx', 'docker-entrypoint.sh'].includes(name) && (sig === 'SIGQUIT' || sig === 'SIGTERM')) {
          abort.abort();
          end(0);
          return;
        }
        if (spec.init && !CATCHABLE_BY_INIT.has(sig)) return; // PID 1 ignores signals it has no handler for
        abort.abort();
        end(128 + signalNumber(sig));
      },
    };
  }
}

export interface ContainerTestEngine {
  engine: Engine;
  clock: VirtualClock;
  runtime: FakeRuntime;
}

export async function containerTestEngine(images: string[] = ['busybox']): Promise<ContainerTestEngine> {
  const t = await lazyHubEngine(standinCatalog());
  for (const ref of images) await pullImage(t.engine, ref, { onMessage: () => {} });
  return t;
}

/** an engine whose Hub is served from `catalog` (a loader: loaded on first use of the Hub, as in the web app) */
export async function lazyHubEngine(catalog: CatalogSource): Promise<ContainerTestEngine> {
  const clock = new VirtualClock(Date.parse('2026-11-23T08:00:00Z'));
  const runtime = new FakeRuntime();
  const engine = new Engine({ clock, ids: new SeededIds(3), hostFs: new UnionFs([]), catalog, runtime });
  return { engine, clock, runtime };
}

/** let promise chains settle */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
