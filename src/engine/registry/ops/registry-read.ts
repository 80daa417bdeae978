/**
 * What a registry itself says it holds, from its distribution API: the tags
 * of a repository (GET /v2/<name>/tags/list) and, where the registry offers
 * it, its catalog (GET /v2/_catalog). The simulated Docker Hub answers from
 * its storage with the Hub's rules (no catalog: the real Hub requires
 * authentication for it; hidden stand-in tags are not listed); a private
 * registry is asked over the simulated network, like push and pull do. Not
 * an Engine API endpoint: the state view reads registries through the
 * EngineClient with these (src/client/api/registry.ts).
 */
import { DaemonError } from '../../../api/errors';
import { textDecoder } from '../../../api/fs';
import type { RegistryCatalog, RegistryTagList } from '../../../api/registry';
import { DEFAULT_DOMAIN, InvalidReferenceError, parseNormalizedNamed } from '../../../lib/reference';
import type { Engine } from '../../engine';
import { hostHttp } from '../../networks/ops/host-http';
import { isHiddenTag } from '../catalog';
import { isSecureRegistry } from '../../daemon/daemon-config';
import { dialError, splitHostPort } from '../distribution/client';

const HUB_HOSTS = new Set([DEFAULT_DOMAIN, 'index.docker.io', 'registry-1.docker.io']);

async function getJson(engine: Engine, domain: string, path: string): Promise<unknown> {
  const { host, port } = splitHostPort(domain);
  const secure = isSecureRegistry(engine.daemon.config, domain);
  const r = await hostHttp(engine, { method: 'GET', host, port, path, headers: { Accept: 'application/json' } });
  if ('error' in r) throw new DaemonError('Unavailable', dialError(domain, path, r, secure));
  // the simulated registries speak plain HTTP, as push and pull find out (daemon.json insecure-registries)
  if (secure) throw new DaemonError('Unavailable', `Get "https://${domain}${path}": http: server gave HTTP response to HTTPS client`);
  const text = textDecoder.decode(r.body);
  if (r.status === 404) {
    let message = 'repository name not known to registry';
    try {
      message = (JSON.parse(text) as { errors?: { message?: string }[] }).errors?.[0]?.message ?? message;
    } catch {
      // not JSON: the default text
    }
    throw new DaemonError('NotFound', message);
  }
  if (r.status !== 200) throw new DaemonError('System', `unexpected status code ${r.status} from ${domain}${path}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DaemonError('System', `${domain}${path}: the registry did not answer with JSON`);
  }
}

export async function registryTags(engine: Engine, repository: string): Promise<RegistryTagList> {
  let ref: ReturnType<typeof parseNormalizedNamed>;
  try {
    ref = parseNormalizedNamed(repository);
  } catch (e) {
    if (e instanceof InvalidReferenceError) throw new DaemonError('InvalidParameter', e.message);
    throw e;
  }
  if (ref.domain === DEFAULT_DOMAIN) {
    const repo = engine.registries.hub.repo(ref.path);
    if (!repo || repo.tags.size === 0) throw new DaemonError('NotFound', 'repository name not known to registry');
    return { name: ref.path, tags: [...repo.tags.keys()].filter((t) => !isHiddenTag(t)).sort() };
  }
  const body = (await getJson(engine, ref.domain, `/v2/${ref.path}/tags/list`)) as Partial<RegistryTagList>;
  return { name: typeof body.name === 'string' ? body.name : ref.path, tags: Array.isArray(body.tags) ? body.tags.filter((t) => typeof t === 'string').sort() : [] };
}

export async function registryCatalog(engine: Engine, registry: string): Promise<RegistryCatalog> {
  if (HUB_HOSTS.has(registry)) throw new DaemonError('Unauthorized', 'unauthorized: authentication required');
  const body = (await getJson(engine, registry, '/v2/_catalog')) as Partial<RegistryCatalog>;
  return { repositories: Array.isArray(body.repositories) ? body.repositories.filter((r) => typeof r === 'string') : [] };
}
