/**
 * The server's EngineClient: the same interface as the simulator's in-process
 * client, on a real Docker Engine (API v1.41) through dockerode, every
 * request built by the server under the session's policy. The dispatcher
 * (src/client/protocol) serves it to the browser.
 */
import type { HostNetwork } from '../../api/net';
import type { EngineClient } from '../../client/engine-client';
import type { SessionPolicy } from '../policy/session-policy';
import { archiveClient } from './archive';
import { containerClient } from './containers';
import { imageClient } from './images';
import { buildClient, systemClient } from './system';
import type { EngineTransport } from './transport';
import { networkClient, volumeClient } from './volumes-networks';

export function createEngineClient(t: EngineTransport, policy: SessionPolicy, hostNetwork: HostNetwork): EngineClient {
  const ctx = { t, policy };
  return {
    ...imageClient(ctx),
    ...containerClient(ctx),
    ...archiveClient(ctx),
    ...volumeClient(ctx),
    ...networkClient(ctx),
    ...systemClient(ctx),
    ...buildClient(ctx),
    hostNetwork,
  };
}
