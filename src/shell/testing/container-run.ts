/** Test helper: run a command line in a container of a catalog image through the real ProcessRuntime. */
import type { FileSystem } from '../../api/fs';
import type { ProcessInfo, ProcessSpec } from '../../api/runtime';
import { BytesInput, CollectOutput } from '../io/streams';
import { createContainerRuntime } from '../runtime/container-runtime';
import { imageFs } from './catalog-fs';
import { FakeClock } from './harness';

export interface ContainerRunOptions {
  user?: string;
  fs?: FileSystem;
  cwd?: string;
  stdin?: string;
  processes?: ProcessInfo[];
  hostname?: string;
}

export async function containerRun(argv: string[], opts: ContainerRunOptions = {}): Promise<{ out: string; err: string; status: number; fs: FileSystem }> {
  const out = new CollectOutput();
  const err = new CollectOutput();
  const fs = opts.fs ?? imageFs('busybox', 'latest');
  const spec: ProcessSpec = {
    argv,
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    cwd: opts.cwd ?? '/',
    user: opts.user ?? 'root',
    hostname: opts.hostname ?? 'abc123def456',
    fs,
    tty: false,
    init: false,
    io: { stdin: new BytesInput(opts.stdin ?? ''), stdout: out, stderr: err, interrupt: new AbortController().signal },
    clock: new FakeClock(),
    net: { resolve: () => undefined, http: async () => ({ error: 'refused' }), listen: () => () => {}, serveRegistry: () => () => {} },
    processes: () => opts.processes ?? [],
  };
  const status = await createContainerRuntime().spawn(spec).exited;
  return { out: out.text(), err: err.text(), status, fs };
}

/** `sh -c SCRIPT` in a busybox container */
export function sh(script: string, opts: ContainerRunOptions = {}) {
  return containerRun(['sh', '-c', script], opts);
}
