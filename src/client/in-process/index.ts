/**
 * The EngineClient for the simulator: calls the engine in the same process.
 * Each domain lives in its own file; this only merges them. Every call first
 * connects to the daemon's socket (`connect`): while dockerd is down it fails
 * as the client library does ("Cannot connect to the Docker daemon at …").
 */
import type { Engine } from '../../engine/engine';
import type { EngineClient } from '../engine-client';
import { cannotConnectError } from '../errors';
import { archiveClient } from './archive';
import { buildClient } from './build';
import { containerClient } from './containers';
import { hostNetworkFor } from './host-network';
import { imageClient } from './images';
import { networkClient } from './networks';
import { systemClient } from './system';
import { volumeClient } from './volumes';

export interface InProcessClientOptions {
  /**
   * Reach the daemon before a call: resolves when it answers (a host may start
   * it first: socket activation), rejects with the connection error when not.
   * Default: the engine's daemon is up or the call fails.
   */
  connect?: () => Promise<void>;
}

/** the default connection: the daemon answers when it is up */
export function directConnect(engine: Engine): () => Promise<void> {
  return () => (engine.daemon.running ? Promise.resolve() : Promise.reject(cannotConnectError()));
}

export function createInProcessClient(engine: Engine, opts: InProcessClientOptions = {}): EngineClient {
  const connect = opts.connect ?? directConnect(engine);
  const calls: Record<string, unknown> = {
    ...imageClient(engine),
    ...containerClient(engine),
    ...archiveClient(engine),
    ...volumeClient(engine),
    ...networkClient(engine),
    ...systemClient(engine),
    ...buildClient(engine),
  };
  for (const [name, fn] of Object.entries(calls)) {
    if (typeof fn !== 'function') continue;
    const call = fn as (...args: unknown[]) => Promise<unknown>;
    calls[name] = async (...args: unknown[]) => {
      await connect();
      return call(...args);
    };
  }
  return { ...(calls as unknown as Omit<EngineClient, 'hostNetwork'>), hostNetwork: hostNetworkFor(engine) };
}
