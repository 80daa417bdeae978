/** SystemApi over the in-process engine. */
import { ClientError } from '../../api/errors';
import type { Engine } from '../../engine/engine';
import { diskUsage } from '../../engine/system/ops/df';
import { streamEvents } from '../../engine/system/ops/events';
import { systemInfo } from '../../engine/system/ops/info';
import { serverVersion } from '../../engine/system/ops/version';
import { getTimestamp } from '../../engine/system/timestamp';
import type { SystemApi } from '../api/system';
import { call } from '../errors';

export function systemClient(engine: Engine): SystemApi {
  return {
    info: () => call(() => systemInfo(engine)),
    serverVersion: () => call(() => serverVersion(engine)),
    diskUsage: () => call(() => diskUsage(engine)),
    events: async (opts, onEvent, signal) => {
      // the client library converts since/until itself (moby client/events.go): its errors have no daemon prefix
      const now = engine.clock.now();
      let since: number | undefined;
      let until: number | undefined;
      try {
        since = opts.since ? getTimestamp(opts.since, now) : undefined;
        until = opts.until ? getTimestamp(opts.until, now) : undefined;
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        throw new ClientError('InvalidParameter', msg, msg);
      }
      return call(() => streamEvents(engine, { since, until, filters: opts.filters ?? {} }, onEvent, signal));
    },
    ping: () => call(() => 'OK'),
  };
}
