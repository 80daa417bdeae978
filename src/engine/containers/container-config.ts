/**
 * A new container's Config: the client's config merged with the image's
 * (moby daemon.merge + mergeAndVerifyConfig), and the process it runs.
 */
import { invalidParameter } from '../../api/errors';
import type { ContainerConfig } from '../../api/container';
import { setOwn } from '../../lib/own';
import { hasPortKeys, keptPortMap, portMapSize, sortedPortMap, unionPortMaps } from '../core/port-runs';

function key(env: string): string {
  const i = env.indexOf('=');
  return i < 0 ? env : env.slice(0, i);
}

/** `user` as given by the client (Go zero values where it sent nothing) */
export function normalizeConfig(user: Partial<ContainerConfig>): ContainerConfig {
  const out: Partial<ContainerConfig> = {
    Hostname: user.Hostname ?? '',
    Domainname: user.Domainname ?? '',
    User: user.User ?? '',
    AttachStdin: user.AttachStdin ?? false,
    AttachStdout: user.AttachStdout ?? false,
    AttachStderr: user.AttachStderr ?? false,
  };
  if (user.ExposedPorts && hasPortKeys(user.ExposedPorts)) out.ExposedPorts = keptPortMap(user.ExposedPorts);
  Object.assign(out, {
    Tty: user.Tty ?? false,
    OpenStdin: user.OpenStdin ?? false,
    StdinOnce: user.StdinOnce ?? false,
    Env: user.Env && user.Env.length > 0 ? [...user.Env] : null,
    Cmd: user.Cmd && user.Cmd.length > 0 ? [...user.Cmd] : null,
  });
  if (user.Healthcheck) out.Healthcheck = user.Healthcheck;
  if (user.ArgsEscaped) out.ArgsEscaped = true;
  Object.assign(out, {
    Image: user.Image ?? '',
    Volumes: user.Volumes && Object.keys(user.Volumes).length > 0 ? { ...user.Volumes } : null,
    WorkingDir: user.WorkingDir ?? '',
    Entrypoint: user.Entrypoint && !(user.Entrypoint.length === 1 && user.Entrypoint[0] === '') ? [...user.Entrypoint] : user.Entrypoint ? [] : null,
  });
  if (user.NetworkDisabled) out.NetworkDisabled = true;
  if (user.MacAddress) out.MacAddress = user.MacAddress;
  out.OnBuild = user.OnBuild ?? null;
  out.Labels = user.Labels ?? null;
  if (user.StopSignal) out.StopSignal = user.StopSignal;
  if (user.StopTimeout !== undefined) out.StopTimeout = user.StopTimeout;
  if (user.Shell && user.Shell.length > 0) out.Shell = user.Shell;
  return out as ContainerConfig;
}

/** moby daemon.merge: fill what the user left empty from the image config (in place) */
export function mergeImageConfig(c: ContainerConfig, img: ContainerConfig | undefined): void {
  if (!img) return;
  if (!c.User) c.User = img.User;
  // big port sets (EXPOSE 1-65535) are merged as runs and shared (core/port-runs.ts)
  if (img.ExposedPorts && portMapSize(img.ExposedPorts) > 0) {
    c.ExposedPorts = unionPortMaps(c.ExposedPorts, img.ExposedPorts);
  } else if (c.ExposedPorts) {
    c.ExposedPorts = sortedPortMap(c.ExposedPorts);
  }
  if (!c.Env || c.Env.length === 0) {
    c.Env = img.Env ? [...img.Env] : null;
  } else {
    const have = new Set(c.Env.map(key));
    for (const e of img.Env ?? []) if (!have.has(key(e))) c.Env.push(e);
  }
  if (img.Labels && Object.keys(img.Labels).length > 0) c.Labels = { ...img.Labels, ...(c.Labels ?? {}) };
  if (!c.Entrypoint || c.Entrypoint.length === 0) {
    if (!c.Cmd || c.Cmd.length === 0) {
      c.Cmd = img.Cmd ? [...img.Cmd] : null;
      if (img.ArgsEscaped) c.ArgsEscaped = img.ArgsEscaped;
    }
    if (c.Entrypoint === null) c.Entrypoint = img.Entrypoint ? [...img.Entrypoint] : null;
  }
  if (img.Healthcheck) {
    // daemon.merge: the container's zero fields come from the image's healthcheck
    if (!c.Healthcheck) c.Healthcheck = { ...img.Healthcheck };
    else {
      const own = c.Healthcheck;
      const merged: NonNullable<ContainerConfig['Healthcheck']> = {};
      const test = own.Test && own.Test.length > 0 ? own.Test : img.Healthcheck.Test;
      if (test) merged.Test = [...test];
      for (const k of ['Interval', 'Timeout', 'StartPeriod', 'Retries'] as const) {
        const v = own[k] || img.Healthcheck[k];
        if (v) merged[k] = v;
      }
      c.Healthcheck = merged;
    }
  }
  if (!c.WorkingDir) c.WorkingDir = img.WorkingDir;
  if (!c.Volumes || Object.keys(c.Volumes).length === 0) {
    c.Volumes = img.Volumes && Object.keys(img.Volumes).length > 0 ? { ...img.Volumes } : c.Volumes;
  } else if (img.Volumes) {
    c.Volumes = { ...img.Volumes, ...c.Volumes };
  }
  if (!c.StopSignal && img.StopSignal) c.StopSignal = img.StopSignal;
  if (c.Labels) c.Labels = sortKeys(c.Labels);
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) setOwn(out, k, o[k] as T);
  return out;
}

/** daemon.getEntrypointAndArgs, after "No command specified" is ruled out */
export function entrypointAndArgs(c: ContainerConfig): { path: string; args: string[] } {
  const ep = c.Entrypoint ?? [];
  const cmd = c.Cmd ?? [];
  if (ep.length === 0 && cmd.length === 0) throw invalidParameter('No command specified');
  if (ep.length === 0) return { path: cmd[0] as string, args: cmd.slice(1) };
  return { path: ep[0] as string, args: [...ep.slice(1), ...cmd] };
}
