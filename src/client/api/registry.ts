/**
 * What a registry says it holds, from its own distribution API (not an Engine
 * API endpoint; the state view's registry cards read it): a repository's tags
 * and a registry's catalog. The simulator answers for its Docker Hub and asks
 * private registries over its network; the real-engine server asks the
 * registries it can reach. Rejects with ClientError (NotFound: the registry
 * does not hold that repository; Unauthorized: Docker Hub lists no catalog).
 */
import type { RegistryCatalog, RegistryTagList } from '../../api/registry';

export interface RegistryApi {
  /** GET /v2/<name>/tags/list on the registry of `repository` ("nginx", "localhost:5000/myapp") */
  registryTags(repository: string): Promise<RegistryTagList>;
  /** GET /v2/_catalog on `registry` ("localhost:5000") */
  registryCatalog(registry: string): Promise<RegistryCatalog>;
}
