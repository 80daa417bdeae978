/**
 * Health checks (moby daemon/health.go): while a container with a CMD or
 * CMD-SHELL healthcheck runs (and is not paused), its probe runs as an exec
 * `Interval` after the container started and then `Interval` after each probe
 * ended. A probe that runs past `Timeout` is killed and counts as a failure
 * (exit code -1). The status starts as "starting", becomes "healthy" on a
 * success and "unhealthy" after `Retries` failures in a row (failures inside
 * the start period do not count while still starting); each change is a
 * `health_status: …` event. The last 5 results are kept with up to 4096
 * bytes of output each.
 */
import { formatGoDuration } from '../../lib/go-duration';
import type { InputStream, OutputStream, ProcessIO } from '../../api/io';
import type { Engine } from '../engine';
import { NEVER_ABORTED } from './abort';
import type { ContainerRecord, HealthLogEntry } from './container-record';
import { emitContainerEvent } from './lifecycle';
import { execCreate, execStart } from './ops/exec';

const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
const MAX_LOG_ENTRIES = 5;
const MAX_OUTPUT_LEN = 4096;
const NS_PER_MS = 1_000_000;
const CLOSED_INPUT: InputStream = { isTTY: false, read: async () => null, readLine: async () => null, readAll: async () => new Uint8Array() };

/** the probe's argv: CMD runs its arguments, CMD-SHELL its string through the container's shell */
export function probeCommand(c: Pick<ContainerRecord, 'Config'>): string[] | null {
  const test = c.Config.Healthcheck?.Test;
  if (!test || test.length === 0) return null;
  if (test[0] === 'CMD') return test.slice(1);
  if (test[0] === 'CMD-SHELL') {
    const shell = c.Config.Shell && c.Config.Shell.length > 0 ? c.Config.Shell : ['/bin/sh', '-c'];
    return [...shell, ...test.slice(1)];
  }
  return null;
}

/** State.String()'s health part: "health: starting", "healthy", "unhealthy" */
export function healthText(status: string): string {
  return status === 'starting' ? 'health: starting' : status;
}

/** (re)start the health state and monitor of a container that just started */
export function initHealthMonitor(engine: Engine, c: ContainerRecord): void {
  if (!probeCommand(c)) return;
  stopHealthMonitor(c);
  if (c.State.Health) {
    c.State.Health.Status = 'starting';
    c.State.Health.FailingStreak = 0;
  } else {
    c.State.Health = { Status: 'starting', FailingStreak: 0, Log: [] };
  }
  updateHealthMonitor(engine, c);
}

/** run the monitor while the container runs unpaused, stop it otherwise */
export function updateHealthMonitor(engine: Engine, c: ContainerRecord): void {
  if (!c.State.Health) return;
  const want = c.State.Running && !c.State.Paused && !c.State.Restarting && probeCommand(c) !== null;
  if (!want) {
    stopHealthMonitor(c);
    return;
  }
  if (c.healthMonitor) return;
  const monitor = { stopped: false, cancel: () => {} };
  c.healthMonitor = {
    stop: () => {
      monitor.stopped = true;
      monitor.cancel();
    },
  };
  const interval = nsToMs(c.Config.Healthcheck?.Interval) || DEFAULT_INTERVAL_MS;
  const schedule = () => {
    monitor.cancel = engine.clock.setTimer(interval, () => {
      if (monitor.stopped) return;
      if (engine.containers.get(c.ID) !== c || !c.State.Running) {
        // removed or ended without passing through handleExit: nothing left to watch
        stopHealthMonitor(c);
        return;
      }
      void runProbe(engine, c, monitor).then((result) => {
        if (monitor.stopped || !result) return;
        handleProbeResult(engine, c, result);
        schedule();
      });
    });
  };
  schedule();
}

export function stopHealthMonitor(c: ContainerRecord): void {
  c.healthMonitor?.stop();
  c.healthMonitor = undefined;
}

function nsToMs(ns: number | undefined): number {
  return ns ? ns / NS_PER_MS : 0;
}

async function runProbe(engine: Engine, c: ContainerRecord, monitor: { stopped: boolean; cancel: () => void }): Promise<HealthLogEntry | null> {
  const argv = probeCommand(c);
  if (!argv) return null;
  const start = engine.clock.now();
  let id: string;
  try {
    id = execCreate(engine, c.ID, { Cmd: argv, AttachStdout: true, AttachStderr: true, User: c.Config.User, WorkingDir: c.Config.WorkingDir }).Id;
  } catch (err) {
    return { Start: start, End: engine.clock.now(), ExitCode: -1, Output: err instanceof Error ? err.message : String(err) };
  }
  let output = '';
  let truncated = false;
  const sink: OutputStream = {
    isTTY: false,
    write(data: string | Uint8Array) {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      const keep = Math.max(0, MAX_OUTPUT_LEN - output.length);
      output += text.slice(0, keep);
      if (keep < text.length) truncated = true;
    },
  };
  const io: ProcessIO = { stdin: CLOSED_INPUT, stdout: sink, stderr: sink, interrupt: NEVER_ABORTED };
  const timeoutMs = nsToMs(c.Config.Healthcheck?.Timeout) || DEFAULT_TIMEOUT_MS;
  const abort = new AbortController();
  let timedOut = false;
  const cancelTimeout = engine.clock.setTimer(timeoutMs, () => {
    timedOut = true;
    abort.abort();
  });
  const stopProbe = monitor.cancel;
  monitor.cancel = () => {
    stopProbe();
    abort.abort();
  };
  try {
    await execStart(engine, id, io, abort.signal, { killOnAbort: true });
  } catch (err) {
    cancelTimeout();
    return { Start: start, End: engine.clock.now(), ExitCode: -1, Output: err instanceof Error ? err.message : String(err) };
  }
  cancelTimeout();
  if (monitor.stopped) return null;
  if (timedOut) {
    return { Start: start, End: engine.clock.now(), ExitCode: -1, Output: `Health check exceeded timeout (${formatGoDuration(timeoutMs * NS_PER_MS)})` };
  }
  const exitCode = c.execs.get(id)?.ExitCode ?? -1;
  return { Start: start, End: engine.clock.now(), ExitCode: exitCode, Output: truncated ? `${output}...` : output };
}

function handleProbeResult(engine: Engine, c: ContainerRecord, result: HealthLogEntry): void {
  const h = c.State.Health;
  if (!h) return;
  const hc = c.Config.Healthcheck ?? {};
  const retries = hc.Retries && hc.Retries > 0 ? hc.Retries : DEFAULT_RETRIES;
  const old = h.Status;
  h.Log = [...h.Log, result].slice(-MAX_LOG_ENTRIES);
  if (result.ExitCode === 0) {
    h.FailingStreak = 0;
    h.Status = 'healthy';
  } else {
    const inStartPeriod = h.Status === 'starting' && result.Start - c.State.StartedAt < nsToMs(hc.StartPeriod);
    if (!inStartPeriod) {
      h.FailingStreak++;
      if (h.FailingStreak >= retries) h.Status = 'unhealthy';
    }
  }
  if (h.Status !== old) emitContainerEvent(engine, c, `health_status: ${h.Status}`);
}
