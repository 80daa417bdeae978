/**
 * Registries and their repositories. Which registries and repositories matter
 * comes from the local engine: RepoDigests name the repositories an image was
 * pulled from or pushed to, RepoTags with a registry host name the ones it is
 * tagged for, and a private registry is a container publishing the registry's
 * port (registry:2 run with -p 5000:5000); Docker Hub is always there. What
 * they hold comes from each registry's own API (readRegistries: its catalog
 * and tags through the EngineClient), so a local tag never pushed (nginx:v2)
 * is not shown as the registry's.
 */
import { ClientError } from '../../api/errors';
import type { EngineClient } from '../../client/engine-client';
import { DEFAULT_DOMAIN, familiarName, parseNormalizedNamed, type Reference } from '../../lib/reference';
import type { ContainerInfo, ImageInfo, RegistryInfo, RepositoryInfo } from './model';

function parse(ref: string): Reference | undefined {
  try {
    return parseNormalizedNamed(ref);
  } catch {
    return undefined;
  }
}

/** "localhost:5000" → 5000; "docker.io" → undefined */
export function registryPort(host: string): number | undefined {
  const m = /:(\d+)$/.exec(host);
  return m ? Number(m[1]) : undefined;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

function isLocalHost(host: string): boolean {
  return LOCAL_HOSTS.has(host.replace(/:\d+$/, ''));
}

function isRegistryImage(image: string): boolean {
  const r = parse(image);
  return r !== undefined && r.domain === DEFAULT_DOMAIN && r.path === 'library/registry';
}

export function deriveRegistries(images: readonly ImageInfo[], containers: readonly ContainerInfo[]): RegistryInfo[] {
  const registries = new Map<string, RegistryInfo>();
  const registry = (host: string): RegistryInfo => {
    let r = registries.get(host);
    if (!r) {
      r = { host, hub: host === DEFAULT_DOMAIN, repositories: [] };
      registries.set(host, r);
    }
    return r;
  };
  registry(DEFAULT_DOMAIN);
  const repos = new Map<string, RepositoryInfo>();
  const repository = (ref: Reference): RepositoryInfo => {
    const fullName = `${ref.domain}/${ref.path}`;
    let repo = repos.get(fullName);
    if (!repo) {
      repo = { fullName, name: familiarName(ref), registry: ref.domain, tags: [], localTags: [], digests: [], inRegistry: false, checked: false, images: [] };
      repos.set(fullName, repo);
    }
    return repo;
  };
  const addImage = (repo: RepositoryInfo, id: string) => {
    if (!repo.images.includes(id)) repo.images.push(id);
  };
  for (const img of images) {
    for (const d of img.repoDigests) {
      const ref = parse(d);
      if (!ref?.digest) continue;
      const repo = repository(ref);
      repo.inRegistry = true;
      if (!repo.digests.includes(ref.digest)) repo.digests.push(ref.digest);
      addImage(repo, img.id);
    }
  }
  for (const img of images) {
    for (const t of img.repoTags) {
      const ref = parse(t);
      if (!ref) continue;
      const known = repos.has(`${ref.domain}/${ref.path}`);
      // a name of the local engine only (my/nginx:v1 never pushed); a learner's own Hub repository (learner/web) is kept, to be asked
      if (ref.domain === DEFAULT_DOMAIN && !known && ref.path.startsWith('library/')) continue;
      const repo = repository(ref);
      if (ref.tag && !repo.localTags.includes(ref.tag)) repo.localTags.push(ref.tag);
      addImage(repo, img.id);
    }
  }
  for (const repo of repos.values()) registry(repo.registry).repositories.push(repo);
  // private registries served by a local container
  for (const c of containers) {
    const published = c.ports.filter((p) => p.PublicPort !== undefined).map((p) => p.PublicPort as number);
    if (published.length === 0) continue;
    let matched = false;
    for (const r of registries.values()) {
      const port = registryPort(r.host);
      if (r.containerId || port === undefined || !isLocalHost(r.host)) continue;
      if (published.includes(port)) {
        r.containerId = c.id;
        matched = true;
      }
    }
    if (!matched && isRegistryImage(c.image)) {
      const port = c.ports.find((p) => p.PrivatePort === 5000 && p.PublicPort !== undefined)?.PublicPort ?? published[0];
      const r = registry(`localhost:${port}`);
      if (!r.containerId) r.containerId = c.id;
    }
  }
  const list = [...registries.values()];
  for (const r of list) r.repositories.sort((a, b) => a.name.localeCompare(b.name));
  // Docker Hub first, then by host
  return list.sort((a, b) => (a.hub === b.hub ? a.host.localeCompare(b.host) : a.hub ? -1 : 1));
}

function errorText(e: unknown): string {
  if (e instanceof ClientError) return e.daemonMessage || e.message;
  return e instanceof Error ? e.message : String(e);
}

const notHeld = (e: unknown) => e instanceof ClientError && e.kind === 'NotFound';

/**
 * Ask each registry what it holds: a private registry's catalog adds the
 * repositories pushed from elsewhere; every repository's tags come from the
 * registry (tags/list). A repository the registry does not hold stays as
 * "tagged here, not pushed"; a registry that cannot be asked keeps what the
 * local engine knows and says why (RegistryInfo.error).
 */
export async function readRegistries(client: EngineClient, registries: readonly RegistryInfo[]): Promise<RegistryInfo[]> {
  return Promise.all(
    registries.map(async (r): Promise<RegistryInfo> => {
      const out: RegistryInfo = { ...r, repositories: r.repositories.map((repo) => ({ ...repo })) };
      if (!r.hub) {
        try {
          const catalog = await client.registryCatalog(r.host);
          for (const path of catalog.repositories) {
            const fullName = `${r.host}/${path}`;
            if (out.repositories.some((x) => x.fullName === fullName)) continue;
            out.repositories.push({ fullName, name: fullName, registry: r.host, tags: [], localTags: [], digests: [], inRegistry: true, checked: false, images: [] });
          }
        } catch (e) {
          out.error = errorText(e);
          return out;
        }
      }
      let failure: string | undefined;
      await Promise.all(
        out.repositories.map(async (repo) => {
          try {
            repo.tags = (await client.registryTags(repo.fullName)).tags;
            repo.inRegistry = true;
            repo.checked = true;
          } catch (e) {
            if (notHeld(e)) {
              repo.tags = [];
              repo.inRegistry = false;
              repo.checked = true;
            } else failure ??= errorText(e);
          }
        }),
      );
      if (failure !== undefined) out.error = failure;
      out.repositories.sort((a, b) => a.name.localeCompare(b.name));
      return out;
    }),
  );
}
