/**
 * RegistryApi on the server: a registry's own distribution API, asked over the
 * session's host network (a private registry the session runs, `localhost:5000`,
 * is reached where its published port is). Docker Hub's API needs a token
 * service this server does not speak: it says so.
 */
import { DaemonError, type ErrorKind } from '../../api/errors';
import { textDecoder } from '../../api/fs';
import type { HostNetwork } from '../../api/net';
import type { RegistryCatalog, RegistryTagList } from '../../api/registry';
import type { RegistryApi } from '../../client/api/registry';
import { call } from '../../client/errors';
import { DEFAULT_DOMAIN, parseNormalizedNamed } from '../../lib/reference';

function fail(kind: ErrorKind, message: string): never {
  throw new DaemonError(kind, message);
}

async function getJson(net: HostNetwork, domain: string, path: string): Promise<unknown> {
  const i = domain.lastIndexOf(':');
  const host = i > 0 ? domain.slice(0, i) : domain;
  const port = i > 0 ? Number(domain.slice(i + 1)) : 443;
  const r = await net.http({ method: 'GET', host, port, path, headers: { Accept: 'application/json' } });
  if ('error' in r) fail('Unavailable', `Get "http://${domain}${path}": ${r.error === 'refused' ? 'connection refused' : r.error === 'unresolved' ? 'no such host' : 'timeout'}`);
  if (r.status === 404) fail('NotFound', 'repository name not known to registry');
  if (r.status !== 200) fail('System', `unexpected status code ${r.status}`);
  try {
    return JSON.parse(textDecoder.decode(r.body)) as unknown;
  } catch {
    return fail('System', `${domain}${path}: the registry did not answer with JSON`);
  }
}

export function registryClient(hostNetwork: HostNetwork): RegistryApi {
  const hub = () => fail('Unavailable', "Docker Hub's registry API is not read from this server");
  return {
    registryTags: (repository) =>
      call(async (): Promise<RegistryTagList> => {
        const ref = parseNormalizedNamed(repository);
        if (ref.domain === DEFAULT_DOMAIN) hub();
        const body = (await getJson(hostNetwork, ref.domain, `/v2/${ref.path}/tags/list`)) as Partial<RegistryTagList>;
        return { name: ref.path, tags: Array.isArray(body.tags) ? body.tags.filter((t) => typeof t === 'string').sort() : [] };
      }),
    registryCatalog: (registry) =>
      call(async (): Promise<RegistryCatalog> => {
        if (registry === DEFAULT_DOMAIN) hub();
        const body = (await getJson(hostNetwork, registry, '/v2/_catalog')) as Partial<RegistryCatalog>;
        return { repositories: Array.isArray(body.repositories) ? body.repositories.filter((r) => typeof r === 'string') : [] };
      }),
  };
}
