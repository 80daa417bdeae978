/**
 * An EngineClient whose every call goes to the engine chosen now: the
 * simulator's in-process client or a real engine's remote one. Switching
 * changes where the next call goes; calls under way finish where they began,
 * and the simulator keeps its state while the real engine is in use.
 */
import type { HttpRequest } from '../api/net';
import type { EngineClient } from './engine-client';

export interface SwitchableClient {
  readonly client: EngineClient;
  current(): EngineClient;
  use(target: EngineClient): void;
}

export function createSwitchableClient(initial: EngineClient): SwitchableClient {
  let target = initial;
  const client = new Proxy({} as EngineClient, {
    get(_t, prop) {
      if (prop === 'hostNetwork') return { http: (req: HttpRequest) => target.hostNetwork.http(req) };
      const v = (target as unknown as Record<PropertyKey, unknown>)[prop];
      return typeof v === 'function' ? (...args: unknown[]) => (target as unknown as Record<PropertyKey, (...a: unknown[]) => unknown>)[prop](...args) : v;
    },
  });
  return {
    client,
    current: () => target,
    use(t) {
      target = t;
    },
  };
}
