/**
 * `registry:` — a registry holds a repository (and a tag). A private
 * registry is asked over the learner's host network, as `curl
 * localhost:5000/v2/ubuntu/tags/list` would; Docker Hub through the engine's
 * search (the repository), and a tag there through the RepoDigests the push
 * left on the learner's image.
 */
import { textDecoder } from '../../api/fs';
import type { RegistryCheck } from '../format/check-schema';
import type { CheckPass, Outcome } from './context';
import { list, say } from './say';

const HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub', 'docker hub']);

export function isHub(registry: string): boolean {
  return HUB.has(registry.toLowerCase());
}

async function privateRegistry(c: RegistryCheck, pass: CheckPass, repoTag: string): Promise<Outcome> {
  const expect = say(`${c.registry} holds ${repoTag}`, `${c.registry} 里有 ${repoTag}`);
  const colon = c.registry.lastIndexOf(':');
  const host = colon > 0 ? c.registry.slice(0, colon) : c.registry;
  const port = colon > 0 ? Number(c.registry.slice(colon + 1)) : 443;
  const res = await pass.env.client.hostNetwork
    .http({ method: 'GET', host, port, path: `/v2/${c.repository}/tags/list`, headers: { Accept: 'application/json' } })
    .catch(() => ({ error: 'refused' as const }));
  if ('error' in res)
    return {
      ok: false,
      expect,
      problem: say(`nothing answers at ${c.registry} (is the registry container running and publishing that port?)`, `${c.registry} 没有响应（registry 容器在运行并发布了这个端口吗？）`),
    };
  if (res.status === 404) return { ok: false, expect, problem: say(`${c.registry} has no repository ${c.repository} yet`, `${c.registry} 里还没有仓库 ${c.repository}`) };
  if (res.status !== 200) return { ok: false, expect, problem: say(`${c.registry} answered ${res.status} ${res.statusText}`, `${c.registry} 返回了 ${res.status} ${res.statusText}`) };
  let tags: string[] = [];
  try {
    tags = ((JSON.parse(textDecoder.decode(res.body)) as { tags?: string[] | null }).tags ?? []).slice();
  } catch {
    tags = [];
  }
  if (c.tag !== undefined && !tags.includes(c.tag))
    return {
      ok: false,
      expect,
      problem: tags.length
        ? say(`${c.registry}/${c.repository} has no tag ${c.tag} (its tags: ${list(tags, 'en')})`, `${c.registry}/${c.repository} 没有标签 ${c.tag}（它的标签：${list(tags, 'zh-CN')}）`)
        : say(`${c.registry}/${c.repository} has no tag ${c.tag}`, `${c.registry}/${c.repository} 没有标签 ${c.tag}`),
    };
  return { ok: true, expect, problem: expect };
}

async function hub(c: RegistryCheck, pass: CheckPass, repoTag: string): Promise<Outcome> {
  const expect = say(`Docker Hub holds ${repoTag}`, `Docker Hub 上有 ${repoTag}`);
  const results = await pass.env.client.imageSearch(c.repository, { limit: 100 }).catch(() => []);
  if (!results.some((r) => r.name === c.repository))
    return { ok: false, expect, problem: say(`Docker Hub has no repository ${c.repository} yet`, `Docker Hub 上还没有仓库 ${c.repository}`) };
  if (c.tag !== undefined) {
    const img = await pass.image(`${c.repository}:${c.tag}`);
    const pushed = img?.RepoDigests?.some((d) => d.split('@')[0] === c.repository || d.split('@')[0] === `docker.io/${c.repository}`);
    if (!pushed) return { ok: false, expect, problem: say(`${c.repository}:${c.tag} has not been pushed to Docker Hub`, `${c.repository}:${c.tag} 还没有推送到 Docker Hub`) };
  }
  return { ok: true, expect, problem: expect };
}

export function registryCheck(c: RegistryCheck, pass: CheckPass): Promise<Outcome> {
  const repoTag = c.tag ? `${c.repository}:${c.tag}` : c.repository;
  return isHub(c.registry) ? hub(c, pass, repoTag) : privateRegistry(c, pass, repoTag);
}
