/** ArchiveApi on a real engine: diff, commit, export, import, save, load, cp, top, stats. */
import type { ContainerPathStat } from '../../api/archive';
import { ClientError } from '../../api/errors';
import type { ArchiveApi } from '../../client/api/archive';
import { call } from '../../client/errors';
import { familiarName, InvalidReferenceError, parseNormalizedNamed } from '../../lib/reference';
import { refuse } from '../policy/refusal';
import { checkCaps } from './caps';
import { type EngineContext, seg } from './engine-context';
import { assertContainer } from './ownership';
import { readAll, readJsonLines } from './transport';

/** repo and tag of a reference for the query, validated as the Go client does before sending */
function repoTag(ref: string | undefined): { repo?: string; tag?: string } {
  if (!ref) return {};
  try {
    const named = parseNormalizedNamed(ref);
    if (named.digest) throw new ClientError('InvalidParameter', 'refusing to create a tag with a digest reference', '');
    return { repo: familiarName(named), tag: named.tag ?? '' };
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new ClientError('InvalidParameter', err.message, err.message);
    throw err;
  }
}

function decodeStat(header: string | string[] | undefined): ContainerPathStat {
  const h = Array.isArray(header) ? header[0] : header;
  if (!h) throw new Error('unable to get resource stat from response: missing X-Docker-Container-Path-Stat');
  return JSON.parse(Buffer.from(h, 'base64').toString('utf8')) as ContainerPathStat;
}

export function archiveClient(ctx: EngineContext): ArchiveApi {
  const { t, policy } = ctx;
  const own = (id: string) => assertContainer(t, policy, id);
  const pathTarget = (container: string, path: string) => ({ object: 'container:path', id: `${container}:${path}` });
  return {
    containerDiff: (id) =>
      call(async () => {
        await own(id);
        return (await t.json('GET', `/containers/${seg(id)}/changes`)) ?? [];
      }),
    containerCommit: async (id, o) => {
      const { repo, tag } = repoTag(o.reference);
      return call(async () => {
        await own(id);
        await checkCaps(ctx, 'image');
        return t.json('POST', '/commit', {
          query: { container: id, repo, tag, comment: o.comment || undefined, author: o.author || undefined, changes: o.changes, pause: o.pause === false ? '0' : undefined },
          body: o.config ?? {},
        });
      });
    },
    containerExport: (id) =>
      call(async () => {
        await own(id);
        return readAll(await t.stream('GET', `/containers/${seg(id)}/export`));
      }),
    imageImport: async (source, ref, o = {}) => {
      if ('url' in source) refuse('importing from a URL the daemon would download (docker import URL)');
      const { repo, tag } = repoTag(ref);
      return call(async () => {
        await checkCaps(ctx, 'image');
        const res = await t.stream('POST', '/images/create', {
          query: { fromSrc: '-', repo, tag, message: o.message || undefined, changes: o.changes, platform: o.platform || undefined },
          raw: source.bytes,
        });
        let id = '';
        await readJsonLines(res, (m) => {
          const msg = m as { status?: string };
          if (msg.status) id = msg.status.trim();
          o.onMessage?.(m as never);
        });
        return id;
      });
    },
    imageSave: (refs) => call(async () => readAll(await t.stream('GET', '/images/get', { query: { names: refs } }))),
    imageLoad: (tar, o = {}) =>
      call(async () => {
        await checkCaps(ctx, 'image');
        const res = await t.stream('POST', '/images/load', { query: { quiet: o.quiet ? '1' : '0' }, raw: tar });
        await readJsonLines(res, (m) => o.onMessage?.(m as never));
      }),
    copyToContainer: (id, path, content, o = {}) =>
      call(async () => {
        await own(id);
        await t.json('PUT', `/containers/${seg(id)}/archive`, {
          query: { path, noOverwriteDirNonDir: o.allowOverwriteDirWithFile ? undefined : 'true', copyUIDGID: o.copyUIDGID ? 'true' : undefined },
          raw: content,
        });
      }, pathTarget(id, path)),
    copyFromContainer: (id, path) =>
      call(async () => {
        await own(id);
        const res = await t.stream('GET', `/containers/${seg(id)}/archive`, { query: { path } });
        const stat = decodeStat(res.headers['x-docker-container-path-stat']);
        return { content: await readAll(res), stat };
      }, pathTarget(id, path)),
    containerStatPath: (id, path) =>
      call(async () => {
        await own(id);
        return decodeStat((await t.head(`/containers/${seg(id)}/archive`, { path }))['x-docker-container-path-stat']);
      }, pathTarget(id, path)),
    containerTop: (id, psArgs) =>
      call(async () => {
        await own(id);
        return t.json('GET', `/containers/${seg(id)}/top`, { query: { ps_args: psArgs || undefined } });
      }),
    containerStats: (id, o) =>
      call(async () => {
        await own(id);
        const res = await t.stream('GET', `/containers/${seg(id)}/stats`, { query: { stream: o.stream ? '1' : '0' } });
        await readJsonLines(res, (s) => o.onStats(s as never), o.signal);
      }),
  };
}
