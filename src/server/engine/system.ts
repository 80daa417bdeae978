/** SystemApi and BuildApi on a real engine. */
import { ClientError } from '../../api/errors';
import type { BuildApi } from '../../client/api/build';
import type { SystemApi } from '../../client/api/system';
import { call } from '../../client/errors';
import { getTimestamp } from '../../engine/system/timestamp';
import { refuse } from '../policy/refusal';
import { registryConfigHeader } from './auth';
import { checkCaps } from './caps';
import { type EngineContext, filtersParam } from './engine-context';
import { sessionFilters } from './ownership';
import { readJsonLines } from './transport';

/** Unix seconds with nanoseconds, as the Go client sends since/until */
const unixParam = (ms: number) => (ms / 1000).toFixed(9);

export function systemClient(ctx: EngineContext): SystemApi {
  const { t, policy } = ctx;
  return {
    info: () => call(() => t.json('GET', '/info')),
    serverVersion: () => call(() => t.json('GET', '/version')),
    diskUsage: () => call(() => t.json('GET', '/system/df')),
    events: async (o, onEvent, signal) => {
      let since: number | undefined;
      let until: number | undefined;
      try {
        const now = Date.now();
        since = o.since ? getTimestamp(o.since, now) : undefined;
        until = o.until ? getTimestamp(o.until, now) : undefined;
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        throw new ClientError('InvalidParameter', msg, msg);
      }
      return call(async () => {
        const res = await t.stream('GET', '/events', {
          query: {
            since: since !== undefined ? unixParam(since) : undefined,
            until: until !== undefined ? unixParam(until) : undefined,
            filters: filtersParam(sessionFilters(policy, o.filters)),
          },
        });
        await readJsonLines(res, (e) => onEvent(e as never), signal);
      });
    },
    ping: () =>
      call(async () => {
        const r = await t.json<unknown>('GET', '/_ping');
        return typeof r === 'string' ? r : 'OK';
      }),
  };
}

export function buildClient(ctx: EngineContext): BuildApi {
  const { t } = ctx;
  return {
    imageBuild: (context, o, onMessage, signal) =>
      call(async () => {
        if (o.networkMode && !['', 'default', 'bridge', 'none'].includes(o.networkMode)) refuse(`RUN in the ${o.networkMode} network (docker build --network)`);
        await checkCaps(ctx, 'image');
        // no `remote`: the daemon never fetches a build context from a URL
        const res = await t.stream('POST', '/build', {
          query: {
            t: o.tags && o.tags.length > 0 ? o.tags : undefined,
            dockerfile: o.dockerfile || undefined,
            buildargs: o.buildArgs ? JSON.stringify(o.buildArgs) : undefined,
            labels: o.labels ? JSON.stringify(o.labels) : undefined,
            nocache: o.noCache ? '1' : undefined,
            rm: o.remove === false ? '0' : '1',
            forcerm: o.forceRemove ? '1' : undefined,
            pull: o.pullParent ? '1' : undefined,
            q: o.suppressOutput ? '1' : undefined,
            target: o.target || undefined,
            networkmode: o.networkMode || undefined,
            platform: o.platform || undefined,
            version: '1',
          },
          headers: registryConfigHeader(o.authConfigs),
          raw: context,
          signal,
        });
        await readJsonLines(res, (m) => onMessage(m as never), signal);
        return { OSType: String(res.headers.ostype ?? 'linux') };
      }),
  };
}
