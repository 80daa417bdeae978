/**
 * A whole simulator for CLI tests: the engine over the stand-in Hub with the
 * shell's container runtime, the in-process client and a host filesystem;
 * `docker('docker run …')` runs one command line and returns its output.
 */
import { createInProcessClient } from '.';
import { VirtualClock } from '../../engine/core/clock';
import { SeededIds } from '../../engine/core/ids';
import { Engine } from '../../engine/engine';
import { standinCatalog } from '../../engine/images/test-engine';
import { createContainerRuntime } from '../../shell/runtime/container-runtime';
import { MemoryFs } from '../../shell/vfs/memory-fs';
import { testContext } from '../../cli/framework/testing';
import { runDocker } from '../../cli/main';
import { allCommands } from '../../cli/commands';

export function cliSandbox() {
  const clock = new VirtualClock(Date.parse('2026-11-23T08:00:00Z'));
  const hostFs = new MemoryFs({ now: () => clock.now() });
  hostFs.mkdir('/work', { recursive: true });
  const engine = new Engine({ clock, ids: new SeededIds(5), hostFs, catalog: standinCatalog(), runtime: createContainerRuntime() });
  const client = createInProcessClient(engine);
  const docker = async (line: string, opts: { tty?: boolean } = {}) => {
    const ctx = testContext({ client, hostFs, env: { HOME: '/root' }, tty: opts.tty ? { columns: 120 } : undefined });
    ctx.cwd = '/work';
    const argv = line.match(/'[^']*'|"[^"]*"|\S+/g)?.map((w) => w.replace(/^'(.*)'$|^"(.*)"$/s, '$1$2')) ?? [];
    const status = await runDocker(argv.slice(1), ctx, allCommands);
    return { status, out: ctx.stdout.text(), err: ctx.stderr.text() };
  };
  return { engine, clock, hostFs, docker };
}
