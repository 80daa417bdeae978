/** ContainerApi on a real engine: requests built from typed fields, the session's policy applied first. */
import type { Duplex } from 'node:stream';
import type { ContainerJSON, LogChunk } from '../../api/container';
import { DaemonError } from '../../api/errors';
import type { ContainerApi } from '../../client/api/containers';
import { call } from '../../client/errors';
import { buildCreateBody } from '../policy/container-create';
import { refuse } from '../policy/refusal';
import { checkCaps } from './caps';
import { type EngineContext, filtersParam, seg } from './engine-context';
import { assertContainer, containerOwned, sessionFilters } from './ownership';
import { demuxer, detachKeyBytes, runInteractive } from './streams';
import { readAll } from './transport';

const target = (id: string) => ({ object: 'container', id });
const flag = (b: boolean | undefined) => (b ? '1' : undefined);

export function containerClient(ctx: EngineContext): ContainerApi {
  const { t, policy } = ctx;
  const own = (id: string) => assertContainer(t, policy, id);
  // the daemon names a bind source by its path in the workspace: the learner knows it by their own
  const learnerPaths = <T>(p: Promise<T>) =>
    p.catch((e: unknown) => {
      throw e instanceof DaemonError ? new DaemonError(e.kind, policy.paths.unmapText(e.message)) : e;
    });
  const post = (id: string, verb: string, query?: Record<string, string | number | undefined>) =>
    call(async () => {
      await own(id);
      await t.json('POST', `/containers/${seg(id)}/${verb}`, { query });
    });
  const inspect = (id: string) => t.json<ContainerJSON>('GET', `/containers/${seg(id)}/json`);

  return {
    containerCreate: (config, hostConfig, networkingConfig, name) =>
      call(async () => {
        const body = await buildCreateBody({ config, hostConfig, networkingConfig, name }, { ...policy, ownsContainer: (r) => containerOwned(t, policy, r) });
        await checkCaps(ctx, 'container');
        return learnerPaths(t.json('POST', '/containers/create', { query: { name: name || undefined }, body }));
      }),
    containerStart: (id) =>
      call(async () => {
        await own(id);
        await ctx.barrier.pass();
        await learnerPaths(t.json('POST', `/containers/${seg(id)}/start`));
      }),
    containerStop: (id, timeout) => post(id, 'stop', { t: timeout }),
    containerKill: (id, signal = 'KILL') => post(id, 'kill', { signal }),
    containerRestart: (id, timeout) => post(id, 'restart', { t: timeout }),
    containerPause: (id) => post(id, 'pause'),
    containerUnpause: (id) => post(id, 'unpause'),
    containerRemove: (id, o = {}) =>
      call(async () => {
        await own(id);
        await t.json('DELETE', `/containers/${seg(id)}`, { query: { force: flag(o.force), v: flag(o.removeVolumes), link: flag(o.removeLinks) } });
      }, target(id)),
    containersPrune: (filters) => call(() => t.json('POST', '/containers/prune', { query: { filters: filtersParam(sessionFilters(policy, filters)) } })),
    containerRename: (id, newName) => post(id, 'rename', { name: newName }),
    containerWait: (id, condition, signal) => {
      const registered = ctx.barrier.hold();
      return call(async () => {
        try {
          await own(id);
          // the daemon sends the headers once the condition is registered, the body when it is met
          const res = await t.stream('POST', `/containers/${seg(id)}/wait`, { query: { condition: condition ?? undefined }, signal });
          registered();
          const body = Buffer.from(await readAll(res)).toString('utf8');
          return JSON.parse(body);
        } finally {
          registered();
        }
      });
    },
    containerLogs: (id, o, onChunk, signal) =>
      call(async () => {
        await own(id);
        const c = await inspect(id);
        const res = await t.stream('GET', `/containers/${seg(id)}/logs`, {
          query: {
            stdout: flag(o.stdout),
            stderr: flag(o.stderr),
            since: o.since || undefined,
            until: o.until || undefined,
            timestamps: flag(o.timestamps),
            follow: flag(o.follow),
            tail: o.tail || undefined,
            details: flag(o.details),
          },
        });
        const emit = (fd: 1 | 2, data: Uint8Array) => onChunk(logChunk(fd, data, o.timestamps === true));
        const feed = c.Config.Tty ? (d: Uint8Array) => emit(1, d) : demuxer(emit);
        const onAbort = () => res.destroy();
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          for await (const chunk of res) feed(chunk as Uint8Array);
        } catch (err) {
          if (!signal?.aborted) throw err;
        } finally {
          signal?.removeEventListener('abort', onAbort);
        }
      }, target(id)),
    containerList: (o = {}) =>
      call(() =>
        t.json('GET', '/containers/json', {
          query: {
            all: flag(o.all),
            limit: o.latest ? 1 : o.limit && o.limit > 0 ? o.limit : undefined,
            size: flag(o.size),
            filters: filtersParam(sessionFilters(policy, o.filters)),
          },
        }),
      ),
    containerInspect: (id, o = {}) =>
      call(async () => {
        await own(id);
        const c = await t.json<ContainerJSON>('GET', `/containers/${seg(id)}/json`, { query: { size: flag(o.size) } });
        // bind sources as the learner gave them: their host's paths, not the workspace's on the server
        const paths = policy.paths;
        for (const m of c.Mounts ?? []) if (m.Type === 'bind') m.Source = paths.unmap(m.Source);
        if (c.HostConfig?.Binds) c.HostConfig.Binds = c.HostConfig.Binds.map((b) => paths.unmapBind(b));
        for (const m of c.HostConfig?.Mounts ?? []) if (m.Type === 'bind' && m.Source) m.Source = paths.unmap(m.Source);
        return c;
      }, target(id)),
    containerExecCreate: (id, config) =>
      call(async () => {
        await own(id);
        if (config.Privileged) refuse('privileged exec (docker exec --privileged)');
        const body: Record<string, unknown> = {
          User: config.User,
          Tty: config.Tty,
          AttachStdin: config.AttachStdin,
          AttachStderr: config.AttachStderr,
          AttachStdout: config.AttachStdout,
          Detach: config.Detach,
          DetachKeys: config.DetachKeys,
          Env: config.Env,
          WorkingDir: config.WorkingDir,
          Cmd: config.Cmd,
          Privileged: false,
        };
        return t.json('POST', `/containers/${seg(id)}/exec`, { body });
      }),
    containerExecStart: (execId, io, signal) =>
      call(async () => {
        const e = await t.json<{ ProcessConfig: { tty: boolean }; OpenStdin: boolean; DetachKeys: string; ContainerID: string }>('GET', `/exec/${seg(execId)}/json`);
        await own(e.ContainerID);
        const sock = await t.hijack('POST', `/exec/${seg(execId)}/start`, { body: { Detach: false, Tty: e.ProcessConfig.tty } });
        if (e.ProcessConfig.tty && io.stdout.columns) resizeExec(ctx, execId, io.stdout.columns, 24);
        if ('onResize' in io) (io as { onResize(l: (c: number, r: number) => void): void }).onResize((c, r) => resizeExec(ctx, execId, c, r));
        return runInteractive(sock, io, { tty: e.ProcessConfig.tty, stdin: e.OpenStdin, detachKeys: detachKeyBytes(e.DetachKeys), signal });
      }),
    containerExecInspect: (execId) =>
      call(async () => {
        const e = await t.json<{ ContainerID: string }>('GET', `/exec/${seg(execId)}/json`);
        await own(e.ContainerID);
        return e as never;
      }),
    containerUpdate: (id, u) =>
      call(async () => {
        await own(id);
        const L = policy.limits;
        if (u.Memory && u.Memory > L.memory) refuse(`a memory limit above ${L.memory / 1024 / 1024} MiB (--memory)`);
        if (u.NanoCpus && u.NanoCpus > L.nanoCpus) refuse(`more than ${L.nanoCpus / 1e9} CPU (--cpus)`);
        if (u.PidsLimit !== undefined && (u.PidsLimit === null || u.PidsLimit <= 0 || u.PidsLimit > L.pids)) refuse(`a PID limit above ${L.pids} (--pids-limit)`);
        if (u.CpuQuota && u.CpuPeriod && u.CpuQuota / u.CpuPeriod > L.nanoCpus / 1e9) refuse(`more than ${L.nanoCpus / 1e9} CPU (--cpu-quota)`);
        const body: Record<string, unknown> = {};
        for (const k of ['BlkioWeight', 'CpuPeriod', 'CpuQuota', 'CpuRealtimePeriod', 'CpuRealtimeRuntime', 'CpuShares', 'NanoCpus', 'CpusetCpus', 'CpusetMems', 'KernelMemory', 'Memory', 'MemoryReservation', 'MemorySwap', 'PidsLimit', 'RestartPolicy'] as const) {
          if (u[k] !== undefined) body[k] = u[k];
        }
        return t.json('POST', `/containers/${seg(id)}/update`, { body });
      }),
    containerAttach: (id, o, io, signal) => {
      const hijacked = ctx.barrier.hold();
      return call(async () => {
        let sock: Duplex;
        let c: ContainerJSON;
        try {
          await own(id);
          c = await inspect(id);
          sock = await t.hijack('POST', `/containers/${seg(id)}/attach`, {
            query: { stream: flag(o.stream ?? true), stdin: flag(o.stdin), stdout: flag(o.stdout), stderr: flag(o.stderr), logs: flag(o.logs), detachKeys: o.detachKeys || undefined },
          });
        } finally {
          hijacked();
        }
        const resize = (cols: number, rows: number) => void t.json('POST', `/containers/${seg(id)}/resize`, { query: { h: rows, w: cols } }).catch(() => {});
        // as the docker CLI does: a running TTY container gets the terminal's size at once
        if (c.Config.Tty && c.State.Running && io.stdout.columns) resize(io.stdout.columns, 24);
        if ('onResize' in io) (io as { onResize(l: (c: number, r: number) => void): void }).onResize(resize);
        return runInteractive(sock, io, { tty: c.Config.Tty, stdin: o.stdin === true, detachKeys: detachKeyBytes(o.detachKeys), signal });
      });
    },
  };
}

function resizeExec(ctx: EngineContext, execId: string, cols: number, rows: number): void {
  void ctx.t.json('POST', `/exec/${seg(execId)}/resize`, { query: { h: rows, w: cols } }).catch(() => {});
}

const dec = new TextDecoder();

/** a log frame as the CLI takes it; with timestamps the daemon's RFC 3339 prefix becomes `time` */
function logChunk(fd: 1 | 2, data: Uint8Array, timestamps: boolean): LogChunk {
  let text = dec.decode(data);
  let time = Date.now();
  if (timestamps) {
    const sp = text.indexOf(' ');
    const parsed = sp > 0 ? Date.parse(text.slice(0, sp)) : Number.NaN;
    if (!Number.isNaN(parsed)) {
      time = parsed;
      text = text.slice(sp + 1);
    }
  }
  return { stream: fd === 2 ? 'stderr' : 'stdout', time, text };
}
