/**
 * GET /containers/{id}/logs: the json-file log, filtered by stream,
 * --since/--until and --tail; with follow, new lines until the container
 * stops or the caller aborts.
 */
import type { Abortable } from '../abort';
import type { ContainerLogsOptions, LogChunk } from '../../../api/container';
import { invalidParameter } from '../../../api/errors';
import type { Engine } from '../../engine';
import { detailsPrefix, logAttributes } from '../log-config';
import { parseTimestamp } from '../timestamps';

export async function containerLogs(
  engine: Engine,
  ref: string,
  opts: ContainerLogsOptions,
  onChunk: (chunk: LogChunk) => void,
  signal?: Abortable,
): Promise<void> {
  const c = engine.containers.resolve(ref);
  if (!(opts.stdout ?? true) && !(opts.stderr ?? true)) throw invalidParameter('Bad parameters: you must choose at least one stream');
  if (c.HostConfig.LogConfig.Type === 'none') {
    throw invalidParameter('configured logging driver does not support reading');
  }
  const now = engine.clock.now();
  const since = opts.since ? parseTimestamp(opts.since, now) : undefined;
  const until = opts.until ? parseTimestamp(opts.until, now) : undefined;
  if (opts.since && since === undefined) throw invalidParameter(`invalid value for "since": failed to parse value as time or duration: "${opts.since}"`);
  if (opts.until && until === undefined) throw invalidParameter(`invalid value for "until": failed to parse value as time or duration: "${opts.until}"`);
  const wanted = (e: LogChunk) =>
    (e.stream === 'stdout' ? (opts.stdout ?? true) : (opts.stderr ?? true)) &&
    (since === undefined || e.time > since) &&
    (until === undefined || e.time <= until);
  if (opts.details) {
    // every line carries the logger's extra attributes ("k=v,… " or a lone space)
    const prefix = detailsPrefix(logAttributes(c));
    const plain = onChunk;
    onChunk = (e) => plain({ ...e, text: prefix + e.text });
  }
  let entries = c.logs.filter(wanted);
  const tail = opts.tail === undefined || opts.tail === '' || opts.tail === 'all' ? -1 : Number.parseInt(opts.tail, 10);
  if (!Number.isNaN(tail) && tail >= 0) entries = tail === 0 ? [] : entries.slice(-tail);
  for (const e of entries) onChunk(e);
  const follow = opts.follow && (c.State.Running || c.State.Restarting) && !(until !== undefined && until <= now);
  if (!follow || signal?.aborted) return;
  await new Promise<void>((resolve) => {
    const onLog = (e: LogChunk) => {
      if (wanted(e)) onChunk(e);
    };
    const finish = () => {
      c.logListeners.delete(onLog);
      c.exitListeners.delete(onExit);
      c.removeListeners.delete(finish);
      resolve();
    };
    const onExit = (_code: number, final: boolean) => {
      if (final) finish();
    };
    c.logListeners.add(onLog);
    c.exitListeners.add(onExit);
    c.removeListeners.add(finish);
    signal?.addEventListener('abort', finish, { once: true });
  });
}
