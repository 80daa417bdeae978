/**
 * SHELL ["/bin/bash", "-o", "pipefail", "-c"]: the engine's part. RUN's shell
 * form is the SHELL words plus the command line, given to the runtime as
 * they are (the options reach the shell); a non-zero status fails the build
 * with dockerd's text. The shell itself is checked end to end in
 * src/client/in-process/build-shell.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { JSONMessage } from '../../api/jsonmessage';
import type { ProcessHandle, ProcessRuntime, ProcessSpec } from '../../api/runtime';
import { writeTar } from '../../lib/tar';
import { VirtualClock } from '../core/clock';
import { SeededIds } from '../core/ids';
import { Engine } from '../engine';
import { UnionFs } from '../fs/union-fs';
import { standinCatalog } from '../images/test-engine';
import { buildImage } from './ops/build';

/** a runtime that records what it is asked to run and exits with what `status` says */
class RecordingRuntime implements ProcessRuntime {
  argvs: string[][] = [];
  constructor(private readonly status: (argv: string[]) => number) {}
  spawn(spec: ProcessSpec): ProcessHandle {
    this.argvs.push([...spec.argv]);
    return { exited: Promise.resolve(this.status(spec.argv)), kill: () => {} };
  }
}

function contextTar(dockerfile: string): Uint8Array {
  const data = new TextEncoder().encode(dockerfile);
  return writeTar([{ name: 'Dockerfile', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: data.length, data }]);
}

async function build(dockerfile: string, status: (argv: string[]) => number) {
  const runtime = new RecordingRuntime(status);
  const clock = new VirtualClock(Date.parse('2026-11-23T08:00:00Z'));
  const engine = new Engine({ clock, ids: new SeededIds(9), hostFs: new UnionFs([], new Map()), catalog: standinCatalog(), runtime });
  const messages: JSONMessage[] = [];
  let error: unknown;
  try {
    await buildImage(engine, { context: contextTar(dockerfile) }, (m) => messages.push(m));
  } catch (e) {
    error = e;
  }
  return { runtime, messages, error };
}

describe('SHELL and RUN', () => {
  it('runs the shell form through the SHELL words, options included', async () => {
    const r = await build('FROM ubuntu:18.04\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -s localhost | tee out\nRUN ["echo", "exec form"]\n', () => 0);
    expect(r.error).toBeUndefined();
    expect(r.runtime.argvs).toEqual([
      ['/bin/bash', '-o', 'pipefail', '-c', 'curl -s localhost | tee out'],
      ['echo', 'exec form'],
    ]);
  });

  it('a RUN whose shell fails (pipefail: the pipe failed) fails the build with its status', async () => {
    const r = await build('FROM busybox\nSHELL ["/bin/sh", "-euo", "pipefail", "-c"]\nRUN false | true\n', (argv) => (argv.includes('pipefail') ? 1 : 0));
    expect(r.error).toBeInstanceOf(Error);
    expect((r.error as Error).message).toBe("The command '/bin/sh -euo pipefail -c false | true' returned a non-zero code: 1");
  });
});
