/** The HTTP listeners of container processes (what `nginx`, `registry` … serve on their ports). */
import type { HttpHandler } from '../../../api/net';
import type { NetworkEngine } from '../network-engine';

export function addListener(engine: Pick<NetworkEngine, 'networks'>, containerId: string, port: number, handler: HttpHandler): () => void {
  let ports = engine.networks.listeners.get(containerId);
  if (!ports) {
    ports = new Map();
    engine.networks.listeners.set(containerId, ports);
  }
  ports.set(port, handler);
  return () => {
    const cur = engine.networks.listeners.get(containerId);
    if (cur?.get(port) === handler) cur.delete(port);
  };
}

export function listenerOf(engine: Pick<NetworkEngine, 'networks'>, containerId: string, port: number): HttpHandler | undefined {
  return engine.networks.listeners.get(containerId)?.get(port);
}

/** drop every listener of a container (its processes are gone: stop, kill, removal) */
export function clearListeners(engine: Pick<NetworkEngine, 'networks'>, containerId: string): void {
  engine.networks.listeners.delete(containerId);
}
