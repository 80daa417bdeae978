/** RegistryApi over the in-process engine: its Docker Hub, and private registries over its network. */
import type { Engine } from '../../engine/engine';
import { registryCatalog, registryTags } from '../../engine/registry/ops/registry-read';
import type { RegistryApi } from '../api/registry';
import { call } from '../errors';

export function registryClient(engine: Engine): RegistryApi {
  return {
    registryTags: (repository) => call(() => registryTags(engine, repository)),
    registryCatalog: (registry) => call(() => registryCatalog(engine, registry)),
  };
}
