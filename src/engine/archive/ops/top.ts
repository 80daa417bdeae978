/**
 * GET /containers/{id}/top: `docker top` (moby daemon.ContainerTop): ps on
 * the host for the container's processes, parsed into titles and rows.
 */
import type { ContainerTopOKBody } from '../../../api/archive';
import { conflict, invalidParameter, systemError } from '../../../api/errors';
import type { ContainerRecord } from '../../containers/container-record';
import type { Engine } from '../../engine';
import { parsePsOutput, PsError, type PsProcess, runPs } from '../ps';

/** the containerd-shim's host PID: the parent of the container's PID 1 */
export function shimPid(c: ContainerRecord): number {
  const first = c.processes[0]?.hostPid ?? c.State.Pid;
  return Math.max(1, first - 21);
}

/** resident/virtual sizes a process of this program plausibly has (KiB) */
export function processMemory(argv: readonly string[]): { rss: number; vsz: number } {
  const name = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  const table: Record<string, [number, number]> = {
    sleep: [1376, 2268],
    sh: [1536, 2400],
    ash: [1536, 2400],
    bash: [3328, 4628],
    dash: [1024, 2616],
    nginx: [5120, 10248],
    httpd: [1408, 2400],
    'redis-server': [3840, 52784],
    mongod: [30720, 251840],
    registry: [11264, 722804],
  };
  const [rss, vsz] = table[name] ?? [1280, 2400];
  return { rss, vsz };
}

export function psProcesses(c: ContainerRecord): PsProcess[] {
  const shim = shimPid(c);
  const hostOf = new Map(c.processes.map((p) => [p.info.pid, p.hostPid]));
  return c.processes.map((p) => {
    const mem = processMemory(p.info.argv);
    return {
      pid: p.hostPid,
      ppid: hostOf.get(p.info.ppid) ?? shim,
      user: p.info.user || 'root',
      argv: p.info.argv,
      started: p.info.started,
      tty: p.info.tty,
      leader: p.info.pid === 1 || p.info.ppid === 0,
      rssKiB: mem.rss,
      vszKiB: mem.vsz,
    };
  });
}

/** moby validatePSArgs */
function validatePsArgs(psArgs: string): void {
  const re = /\s+(\S*)=\s*(PID\S*)/g;
  for (const m of psArgs.matchAll(re)) {
    if (m[1] !== 'pid') throw invalidParameter(`specifying "${m[1]}=${m[2]}" is not allowed`);
  }
}

export function containerTop(engine: Engine, ref: string, psArgs = ''): ContainerTopOKBody {
  const args = psArgs || '-ef';
  validatePsArgs(args);
  const c = engine.containers.resolve(ref);
  if (!c.State.Running) throw conflict(`Container ${c.ID} is not running`);
  if (c.State.Restarting) throw conflict(`Container ${c.ID} is restarting, wait until the container is running`);
  const procs = psProcesses(c);
  try {
    const out = runPs(args, procs, engine.clock.now());
    const body = parsePsOutput(out, procs.map((p) => p.pid));
    engine.events.emit(engine.clock.now(), 'container', 'top', c.ID, {
      ...(c.Config.Labels ?? {}),
      image: c.Config.Image,
      name: c.Name.slice(1),
    });
    return body;
  } catch (err) {
    if (err instanceof PsError) {
      throw systemError(err.message.startsWith('error:') ? `ps: ${err.message}` : err.message);
    }
    throw err;
  }
}
