import type { Reference } from '../../../lib/reference';
import { isSecureRegistry } from '../../daemon/daemon-config';
import type { Engine } from '../../engine';
import { hostHttp } from '../../networks/ops/host-http';
import { DistributionRepository } from '../distribution/client';
import type { Credentials, RemoteRepository } from '../remote';

/** the registry repository a reference lives in: the simulated Hub or a private registry */
export async function openRepository(engine: Engine, ref: Reference, auth?: Credentials): Promise<RemoteRepository> {
  if (ref.domain === 'docker.io') return engine.registries.hubRepository(ref.path, auth);
  const repo = new DistributionRepository((req) => hostHttp(engine, req), ref.domain, ref.path, isSecureRegistry(engine.daemon.config, ref.domain));
  await repo.ping();
  return repo;
}

/** GET /v2/ on a private registry (docker login to it) */
export async function pingRegistry(engine: Engine, domain: string): Promise<void> {
  await new DistributionRepository((req) => hostHttp(engine, req), domain, '', isSecureRegistry(engine.daemon.config, domain)).ping();
}
