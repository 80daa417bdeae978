import type { Reference } from '../../../lib/reference';
import { isSecureRegistry } from '../../daemon/daemon-config';
import type { Engine } from '../../engine';
import { hostHttp } from '../../networks/ops/host-http';
import { DistributionRepository } from '../distribution/client';
import { type Credentials, RegistryError, type RemoteRepository } from '../remote';

/**
 * The Hub is there once its catalog is loaded (the web app loads it on first
 * use); when it cannot be had, the daemon could not reach Docker Hub: `url` is
 * the request dockerd would have made.
 */
export async function hubReachable(engine: Engine, url = 'https://registry-1.docker.io/v2/'): Promise<void> {
  try {
    await engine.registries.hubReady();
  } catch {
    const host = url.replace(/^[a-z]+:\/\//, '').split(/[/:?]/)[0];
    throw new RegistryError('unreachable', `Get "${url}": dial tcp: lookup ${host}: no such host`);
  }
}

/** the registry repository a reference lives in: the simulated Hub or a private registry */
export async function openRepository(engine: Engine, ref: Reference, auth?: Credentials): Promise<RemoteRepository> {
  if (ref.domain === 'docker.io') {
    await hubReachable(engine);
    return engine.registries.hubRepository(ref.path, auth);
  }
  const repo = new DistributionRepository((req) => hostHttp(engine, req), ref.domain, ref.path, isSecureRegistry(engine.daemon.config, ref.domain));
  await repo.ping();
  return repo;
}

/** GET /v2/ on a private registry (docker login to it) */
export async function pingRegistry(engine: Engine, domain: string): Promise<void> {
  await new DistributionRepository((req) => hostHttp(engine, req), domain, '', isSecureRegistry(engine.daemon.config, domain)).ping();
}
