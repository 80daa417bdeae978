/**
 * dockerd starting (cmd/dockerd start, daemon.NewDaemon, daemon.restore):
 * it reads /etc/docker/daemon.json from the host, and either exits at once
 * with the error on its stderr, or logs its start-up, applies the
 * configuration and brings back the containers whose restart policy says so:
 * `always` (also after a `docker stop`), `unless-stopped` unless stopped by
 * the user, `on-failure` when their exit code is not 0 (a fresh restart
 * manager: the retry count starts again). RestartCount is not increased.
 * With live restore, containers that kept running are left as they are.
 */
import { FsError } from '../../../api/fs';
import { runContainer } from '../../containers/lifecycle';
import type { ContainerRecord } from '../../containers/container-record';
import type { Engine } from '../../engine';
import { DAEMON_CONFIG_PATH, DOCKERD_FLAGS_SET, SERVER_GIT_COMMIT, SERVER_VERSION } from '../../system/daemon-facts';
import { readDaemonConfigFile } from '../config-file';
import { type DaemonConfig, defaultDaemonConfig } from '../daemon-config';
import { daemonLog } from '../daemon-log';
import { loadRegistrySettings } from '../registry-config';

/** the configuration file's bytes, undefined when there is none; an error line when it cannot be read */
function readConfigBytes(engine: Engine): Uint8Array | undefined | { error: string } {
  const fs = engine.hostFs;
  try {
    if (!fs.exists(DAEMON_CONFIG_PATH)) return undefined;
    if (fs.stat(DAEMON_CONFIG_PATH).type === 'dir') {
      return { error: `unable to configure the Docker daemon with file ${DAEMON_CONFIG_PATH}: read ${DAEMON_CONFIG_PATH}: is a directory` };
    }
    return fs.readFile(DAEMON_CONFIG_PATH);
  } catch (e) {
    const text = e instanceof FsError ? e.text.toLowerCase() : String(e);
    return { error: `unable to configure the Docker daemon with file ${DAEMON_CONFIG_PATH}: open ${DAEMON_CONFIG_PATH}: ${text}` };
  }
}

/** what the restart policy says after a daemon restart (restartmanager.ShouldRestart with a fresh manager) */
function restartsOnBoot(c: ContainerRecord): boolean {
  switch (c.HostConfig.RestartPolicy.Name) {
    case 'always':
      return true;
    case 'unless-stopped':
      return !c.hasBeenManuallyStopped;
    case 'on-failure':
      return c.State.ExitCode !== 0;
    default:
      return false;
  }
}

/**
 * Start the daemon. Resolves true once it is ready (sd_notify READY=1; the
 * caller then lets it log "API listen on …" with daemonListening), false when
 * it exited with status 1. Its lines go to engine.daemon.stderr.
 */
export async function startDaemon(engine: Engine): Promise<boolean> {
  const d = engine.daemon;
  if (d.running) return true;
  const fail = (line: string) => {
    d.stderr?.(line);
    return false;
  };
  const bytes = readConfigBytes(engine);
  if (bytes && 'error' in bytes) return fail(bytes.error);
  const file = bytes === undefined ? undefined : readDaemonConfigFile(bytes, DAEMON_CONFIG_PATH, DOCKERD_FLAGS_SET);
  if (file && !file.ok) return fail(file.message);
  const fc = file?.ok ? file.config : {};
  const config: DaemonConfig = defaultDaemonConfig();
  config.debug = fc.debug ?? false;
  config.liveRestore = fc.liveRestore ?? false;
  config.experimental = fc.experimental ?? false;
  config.logDriver = fc.logDriver ?? 'json-file';
  config.logLevel = config.debug ? 'debug' : (fc.logLevel ?? 'info');
  config.labels = fc.labels ?? [];
  config.dataRoot = fc.dataRoot ?? '/var/lib/docker';
  config.dns = fc.dns ?? [];
  d.config = config;
  for (const w of file?.ok ? file.warnings : []) daemonLog(engine, 'warning', w);
  daemonLog(engine, 'info', 'Starting up');
  const registry = loadRegistrySettings(fc.registryMirrors ?? [], fc.insecureRegistries ?? []);
  if ('warnings' in registry) for (const w of registry.warnings) daemonLog(engine, 'warning', w);
  if ('error' in registry) return fail(`failed to start daemon: ${registry.error}`);
  config.registryMirrors = registry.mirrors;
  config.insecureCidrs = registry.insecureCidrs;
  config.insecureNames = registry.insecureNames;

  loadingContainers(engine);
  d.running = true;
  for (const c of engine.containers.list()) {
    if (c.State.Running || c.State.Dead || !restartsOnBoot(c)) continue;
    c.hasBeenManuallyStopped = false;
    c.exitOnNext = false;
    c.restartDelay = 0;
    try {
      runContainer(engine, c);
    } catch (e) {
      daemonLog(engine, 'error', `Failed to start container ${c.ID}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  initialized(engine);
  return true;
}

function loadingContainers(engine: Engine): void {
  daemonLog(engine, 'info', '[graphdriver] using prior storage driver: overlay2');
  daemonLog(engine, 'info', 'Loading containers: start.');
  if (engine.containers.list().some((c) => c.State.Running)) {
    daemonLog(engine, 'info', 'There are old running containers, the network config will not take affect');
  } else {
    daemonLog(
      engine,
      'info',
      'Default bridge (docker0) is assigned with an IP address 172.17.0.0/16. Daemon option --bip can be used to set a preferred IP address',
    );
  }
}

function initialized(engine: Engine): void {
  daemonLog(engine, 'info', 'Loading containers: done.');
  daemonLog(engine, 'info', 'Docker daemon', { commit: SERVER_GIT_COMMIT, 'graphdriver(s)': 'overlay2', version: SERVER_VERSION });
  daemonLog(engine, 'info', 'Daemon has completed initialization');
}

/** the lines of a start that happened before anyone listened (the machine booted with dockerd up) */
export function logStartup(engine: Engine): void {
  daemonLog(engine, 'info', 'Starting up');
  loadingContainers(engine);
  initialized(engine);
}

/** after READY: the API socket is served */
export function daemonListening(engine: Pick<Engine, 'daemon' | 'clock'>): void {
  daemonLog(engine, 'info', 'API listen on /run/docker.sock');
}
