/** ContainerApi over the in-process engine. */
import { ClientError } from '../../api/errors';
import type { Engine } from '../../engine/engine';
import { getTimestamp } from '../../engine/system/timestamp';
import { attachContainer } from '../../engine/containers/ops/attach';
import { createContainer } from '../../engine/containers/ops/create';
import { execCreate, execInspect, execStart } from '../../engine/containers/ops/exec';
import { inspectContainer } from '../../engine/containers/ops/inspect';
import { killContainer } from '../../engine/containers/ops/kill';
import { listContainers } from '../../engine/containers/ops/list';
import { containerLogs } from '../../engine/containers/ops/logs';
import { pauseContainer } from '../../engine/containers/ops/pause';
import { pruneContainers } from '../../engine/containers/ops/prune';
import { removeContainer } from '../../engine/containers/ops/remove';
import { renameContainer } from '../../engine/containers/ops/rename';
import { restartContainer } from '../../engine/containers/ops/restart';
import { startContainer } from '../../engine/containers/ops/start';
import { stopContainer } from '../../engine/containers/ops/stop';
import { unpauseContainer } from '../../engine/containers/ops/unpause';
import { updateContainer } from '../../engine/containers/ops/update';
import { waitContainer } from '../../engine/containers/ops/wait';
import type { ContainerApi } from '../api/containers';
import { call } from '../errors';

const target = (id: string) => ({ object: 'container', id });

export function containerClient(engine: Engine): ContainerApi {
  return {
    containerCreate: (config, hostConfig, networkingConfig, name) =>
      call(() => createContainer(engine, { config, hostConfig, networkingConfig, name })),
    containerStart: (id) => call(() => startContainer(engine, id)),
    containerStop: (id, timeout) => call(() => stopContainer(engine, id, timeout)),
    containerKill: (id, signal = 'KILL') => call(() => killContainer(engine, id, signal)),
    containerRestart: (id, timeout) => call(() => restartContainer(engine, id, timeout)),
    containerPause: (id) => call(() => pauseContainer(engine, id)),
    containerUnpause: (id) => call(() => unpauseContainer(engine, id)),
    containerRemove: (id, options = {}) => call(() => removeContainer(engine, id, options), target(id)),
    containersPrune: (filters = {}) => call(() => pruneContainers(engine, filters)),
    containerRename: (id, newName) => call(() => renameContainer(engine, id, newName)),
    containerWait: (id, condition, signal) => call(() => waitContainer(engine, id, condition ?? 'not-running', signal)),
    containerLogs: async (id, options, onChunk, signal) => {
      // the client library converts --since/--until itself (moby client/container_logs.go): no daemon prefix
      const now = engine.clock.now();
      for (const key of ['since', 'until'] as const) {
        const v = options[key];
        if (!v) continue;
        try {
          getTimestamp(v, now);
        } catch (err) {
          const msg = `invalid value for "${key}": ${err instanceof Error ? err.message : String(err)}`;
          throw new ClientError('InvalidParameter', msg, msg);
        }
      }
      return call(() => containerLogs(engine, id, options, onChunk, signal), target(id));
    },
    containerList: (options = {}) => call(() => listContainers(engine, options)),
    containerInspect: (id, options = {}) => call(() => inspectContainer(engine, id, options.size ?? false), target(id)),
    containerExecCreate: (id, config) => call(() => execCreate(engine, id, config)),
    containerExecStart: (execId, io, signal) => call(() => execStart(engine, execId, io, signal)),
    containerExecInspect: (execId) => call(() => execInspect(engine, execId)),
    containerUpdate: (id, update) => call(() => updateContainer(engine, id, update)),
    containerAttach: (id, options, io, signal) => call(() => attachContainer(engine, id, options, io, signal)),
  };
}
