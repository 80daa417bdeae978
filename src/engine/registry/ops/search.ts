import { invalidParameter, systemError } from '../../../api/errors';
import type { ImageSearchOptions, ImageSearchResult } from '../../../api/image';
import { isSecureRegistry } from '../../daemon/daemon-config';
import type { Engine } from '../../engine';
import { validateFilters } from '../../system/filters';
import { dialError, splitHostPort } from '../distribution/client';
import { hostHttp } from '../../networks/ops/host-http';
import { RegistryError } from '../remote';
import { hubReachable } from './open-repository';

function boolFilter(values: string[] | undefined, name: string): boolean | undefined {
  if (!values || values.length === 0) return undefined;
  if (values.length === 1 && values[0] === 'true') return true;
  if (values.length === 1 && values[0] === 'false') return false;
  throw invalidParameter(`Invalid filter '${name}=[${values.join(' ')}]'`);
}

/** split "127.0.0.1:5000/ubuntu" into the index and the term, like registry.ParseSearchIndexInfo */
function splitTerm(term: string): { index: string; remote: string } {
  const i = term.indexOf('/');
  if (i > 0) {
    const head = term.slice(0, i);
    if (head.includes('.') || head.includes(':') || head === 'localhost') return { index: head, remote: term.slice(i + 1) };
  }
  return { index: '', remote: term };
}

/** GET /images/search (moby SearchRegistryForImages + registry.Service.Search) */
export async function searchImages(engine: Engine, term: string, opts: ImageSearchOptions = {}): Promise<ImageSearchResult[]> {
  const filters = opts.filters ?? {};
  validateFilters(filters, ['is-automated', 'is-official', 'stars']);
  const automated = boolFilter(filters['is-automated'], 'is-automated');
  const official = boolFilter(filters['is-official'], 'is-official');
  let minStars = 0;
  for (const s of filters.stars ?? []) {
    if (!/^[+-]?\d+$/.test(s)) throw invalidParameter(`Invalid filter 'stars=${s}'`);
    minStars = Math.max(minStars, Number(s));
  }
  const limit = opts.limit ?? 25;
  if (limit < 1 || limit > 100) throw invalidParameter(`Limit ${limit} is outside the range of [1, 100]`);
  const { index, remote } = splitTerm(term);
  let rows: ImageSearchResult[];
  if (index === '' || index === 'docker.io' || index === 'index.docker.io') {
    try {
      await hubReachable(engine, `https://index.docker.io/v1/search?q=${encodeURIComponent(remote)}&n=${limit}`);
    } catch (err) {
      throw systemError(err instanceof RegistryError ? err.message : String(err));
    }
    rows = engine.registries.hubSearch(remote, limit);
  } else {
    const { host, port } = splitHostPort(index);
    const path = `/v1/search?q=${encodeURIComponent(remote)}&n=${limit}`;
    const r = await hostHttp(engine, { method: 'GET', host, port, path, headers: {} });
    const secure = isSecureRegistry(engine.daemon.config, index);
    if ('error' in r) throw systemError(dialError(index, path, r, secure));
    if (secure) throw systemError(`Get "https://${index}${path}": http: server gave HTTP response to HTTPS client`);
    if (r.status !== 200) throw systemError(`Unexpected status code ${r.status}`);
    rows = [];
  }
  return rows.filter(
    (r) =>
      (automated === undefined || r.is_automated === automated) &&
      (official === undefined || r.is_official === official) &&
      r.star_count >= minStars,
  );
}
