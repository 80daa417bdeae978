/** The learner's host network over the in-process engine: published ports and container addresses. */
import type { HostNetwork } from '../../api/net';
import type { Engine } from '../../engine/engine';
import { hostHttp } from '../../engine/networks/ops/host-http';

export function hostNetworkFor(engine: Engine): HostNetwork {
  return { http: (req) => hostHttp(engine, req), resolve: (host) => engine.internet?.resolve(host) };
}
