/**
 * Network endpoints (moby client): NetworkCreate, NetworkList,
 * NetworkInspect, NetworkRemove, NetworksPrune, NetworkConnect,
 * NetworkDisconnect. Every method rejects with ClientError; an unknown network
 * in inspect/remove is "Error: No such network: x".
 */
import type {
  NetworkConnectRequest,
  NetworkCreateRequest,
  NetworkCreateResponse,
  NetworkResource,
  NetworksPruneReport,
} from '../../api/network';
import type { FilterArgs } from '../../api/volume';

export interface NetworkApi {
  /** POST /networks/create */
  networkCreate(req: NetworkCreateRequest): Promise<NetworkCreateResponse>;
  /** GET /networks */
  networkList(filters?: FilterArgs): Promise<NetworkResource[]>;
  /** GET /networks/{id} */
  networkInspect(network: string): Promise<NetworkResource>;
  /** DELETE /networks/{id} */
  networkRemove(network: string): Promise<void>;
  /** POST /networks/prune */
  networksPrune(filters?: FilterArgs): Promise<NetworksPruneReport>;
  /** POST /networks/{id}/connect */
  networkConnect(network: string, req: NetworkConnectRequest): Promise<void>;
  /** POST /networks/{id}/disconnect */
  networkDisconnect(network: string, container: string, force?: boolean): Promise<void>;
}
