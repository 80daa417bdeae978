/** GET /containers/{id}/json: what `docker inspect` prints, field for field in Go's order. */
import { cloneJson } from '../abort';
import type { ContainerJSON, ContainerState } from '../../../api/container';
import type { Engine } from '../../engine';
import { orderedContainerConfig, rfc3339Nano, ZERO_TIME } from '../../images/image-config';
import { type ContainerRecord, visibleMounts } from '../container-record';
import { containerSizeRw } from '../container-size';
import { stateStatus } from '../container-state';

function time(ms: number): string {
  return ms === 0 ? ZERO_TIME : rfc3339Nano(ms);
}

export function inspectState(c: ContainerRecord): ContainerState {
  const s = c.State;
  return {
    Status: stateStatus(s),
    Running: s.Running,
    Paused: s.Paused,
    Restarting: s.Restarting,
    OOMKilled: s.OOMKilled,
    Dead: s.Dead,
    Pid: s.Pid,
    ExitCode: s.ExitCode,
    Error: s.Error,
    StartedAt: time(s.StartedAt),
    FinishedAt: time(s.FinishedAt),
    ...(s.Health
      ? {
          Health: {
            Status: s.Health.Status,
            FailingStreak: s.Health.FailingStreak,
            Log: s.Health.Log.map((r) => ({ Start: rfc3339Nano(r.Start), End: rfc3339Nano(r.End), ExitCode: r.ExitCode, Output: r.Output })),
          },
        }
      : {}),
  };
}

function graphDriver(engine: Engine, c: ContainerRecord): ContainerJSON['GraphDriver'] {
  const dir = c.layerId;
  const root = '/var/lib/docker/overlay2';
  const image = engine.images.get(c.Image);
  const lowers = [`${root}/${dir}-init/diff`];
  if (image?.chainId) {
    for (const l of [...engine.layers.chain(image.chainId)].reverse()) {
      lowers.push(`${root}/${l.cacheId}/diff`);
    }
  }
  return {
    Data: {
      LowerDir: lowers.join(':'),
      MergedDir: `${root}/${dir}/merged`,
      UpperDir: `${root}/${dir}/diff`,
      WorkDir: `${root}/${dir}/work`,
    },
    Name: 'overlay2',
  };
}

export function inspectRecord(engine: Engine, c: ContainerRecord, size = false): ContainerJSON {
  const base = `/var/lib/docker/containers/${c.ID}`;
  const out: ContainerJSON = {
    Id: c.ID,
    Created: rfc3339Nano(c.Created),
    Path: c.Path,
    Args: [...c.Args],
    State: inspectState(c),
    Image: c.Image,
    ResolvConfPath: `${base}/resolv.conf`,
    HostnamePath: `${base}/hostname`,
    HostsPath: `${base}/hosts`,
    LogPath: c.HostConfig.LogConfig.Type === 'json-file' ? `${base}/${c.ID}-json.log` : '',
    Name: c.Name,
    RestartCount: c.RestartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execs.size > 0 ? [...c.execs.values()].filter((e) => e.Running).map((e) => e.ID) : null,
    HostConfig: cloneJson(c.HostConfig),
    GraphDriver: graphDriver(engine, c),
    Mounts: visibleMounts(c),
    Config: orderedContainerConfig(cloneJson(c.Config)),
    NetworkSettings: cloneJson(c.NetworkSettings),
  };
  if (out.ExecIDs && out.ExecIDs.length === 0) out.ExecIDs = null;
  if (size) {
    const rw = containerSizeRw(c);
    const image = engine.images.get(c.Image);
    const json = out as unknown as Record<string, unknown>;
    const ordered: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) {
      ordered[k] = v;
      if (k === 'GraphDriver') {
        ordered.SizeRw = rw;
        ordered.SizeRootFs = rw + (image?.size ?? 0);
      }
    }
    return ordered as unknown as ContainerJSON;
  }
  return out;
}

export function inspectContainer(engine: Engine, ref: string, size = false): ContainerJSON {
  return inspectRecord(engine, engine.containers.resolve(ref), size);
}
