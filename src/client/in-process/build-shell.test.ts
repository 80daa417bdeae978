/**
 * SHELL ["/bin/bash", "-o", "pipefail", "-c"]: RUN's shell form runs through
 * that shell with its options, as a Dockerfile that wants failing pipes to
 * fail the build writes it (end to end: CLI, client, engine, the shell's
 * container runtime; src/engine/build/shell-instruction.test.ts checks the
 * engine's part alone).
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
  const engine = new Engine({ clock, ids: new SeededIds(5), hostFs, catalog: standinCatalog(), runtime: createContainerRuntime() });
  const client = createInProcessClient(engine);
  const docker = async (argv: string[]) => {
    const ctx = testContext({ client, hostFs, env: { HOME: '/root' }, stdin: '' });
    ctx.cwd = '/work';
    const status = await runDocker(argv, ctx, allCommands);
    return { status, out: ctx.stdout.text(), err: ctx.stderr.text() };
  };
  const dockerfile = (text: string) => hostFs.writeFile('/work/Dockerfile', text);
  return { docker, dockerfile };
}

describe('SHELL with shell options', () => {
  it('bash -o pipefail -c: a failing pipe fails the RUN, the options reach the shell', async () => {
    const { docker, dockerfile } = sandbox();
    dockerfile('FROM ubuntu:18.04\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN set -o | grep pipefail > /opts; echo $- > /flags\nCMD cat /opts /flags\n');
    const ok = await docker(['build', '-t', 'pf', '.']);
    expect(ok.err).toBe('');
    expect(ok.status).toBe(0);
    expect((await docker(['run', '--rm', '--entrypoint', 'cat', 'pf', '/opts', '/flags'])).out).toBe('pipefail       \ton\nhBc\n');

    dockerfile('FROM ubuntu:18.04\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN false | echo piped\n');
    const failed = await docker(['build', '-t', 'pf2', '.']);
    expect(failed.status).toBe(1);
    expect(failed.out).toContain('piped\n');
    expect(failed.err).toBe("The command '/bin/bash -o pipefail -c false | echo piped' returned a non-zero code: 1\n");

    // without pipefail the same pipe succeeds
    dockerfile('FROM ubuntu:18.04\nSHELL ["/bin/bash", "-c"]\nRUN false | echo piped\n');
    expect((await docker(['build', '-t', 'pf3', '.'])).status).toBe(0);
  });

  it('sh -ec and bash -euo pipefail -c stop at the first failure', async () => {
    const { docker, dockerfile } = sandbox();
    dockerfile('FROM busybox\nSHELL ["/bin/sh", "-ec"]\nRUN echo one; false; echo two\n');
    const r = await docker(['build', '.']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/ ---> Running in [0-9a-f]{12}\none\n$/);
    expect(r.err).toBe("The command '/bin/sh -ec echo one; false; echo two' returned a non-zero code: 1\n");

    dockerfile('FROM ubuntu:18.04\nSHELL ["/bin/bash", "-euo", "pipefail", "-c"]\nRUN echo "${UNSET_VAR}"\n');
    const u = await docker(['build', '.']);
    expect(u.status).toBe(127);
    expect(u.out).toContain('bash: UNSET_VAR: unbound variable');
  });
});
