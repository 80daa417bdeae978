/**
 * When the learner's host filesystem hears of what containers wrote into bind
 * sources: after every engine call that may have let a container write there
 * (create, start, exec, attach, wait, stop/kill/restart/rm, cp into a
 * container, a push to a registry container), before the call returns, so the
 * next command line (`ls ~/webapp`, a lesson check, the file tree) sees it;
 * and when a container stops on its own (a `die` event), for detached
 * containers that write and exit. Nothing is asked while no bind source is
 * kept in step.
 */
import type { EngineClient } from '../engine-client';
import type { WorkspaceSync } from './workspace-sync';

/** the calls after which a container may have changed a bind source */
export const MAY_WRITE = [
  'containerCreate',
  'containerStart',
  'containerStop',
  'containerKill',
  'containerRestart',
  'containerRemove',
  'containerWait',
  'containerAttach',
  'containerExecStart',
  'copyToContainer',
  'imagePush',
] as const satisfies readonly (keyof EngineClient)[];

export interface PullingClient {
  /** the client whose writing calls pull afterwards */
  client: EngineClient;
  /** stop listening for container exits */
  stop(): void;
}

export function pullAfterWrites(client: EngineClient, sync: WorkspaceSync): PullingClient {
  let listening: AbortController | undefined;
  const listen = () => {
    if (listening || !sync.active) return;
    listening = new AbortController();
    const signal = listening.signal;
    client
      .events({ filters: { type: ['container'], event: ['die'] } }, () => void sync.pull(), signal)
      .catch(() => {})
      .finally(() => {
        // the stream ended by itself (not stopped): listen again on the next write
        if (listening?.signal === signal && !signal.aborted) listening = undefined;
      });
  };
  const wrapped: Record<string, unknown> = { ...client };
  for (const name of MAY_WRITE) {
    const fn = client[name] as (...a: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } finally {
        if (sync.active) {
          await sync.pull();
          listen();
        }
      }
    };
  }
  return {
    client: wrapped as unknown as EngineClient,
    stop: () => {
      listening?.abort();
      listening = undefined;
    },
  };
}
