/**
 * Where a container's processes write: the json-file log (one entry per
 * line, like dockerd's copier) and whoever is attached. With a TTY there is
 * one stream (stdout) and "\n" goes out as "\r\n", as a terminal's ONLCR does.
 */
import { textDecoder } from '../../api/fs';
import type { OutputStream } from '../../api/io';
import type { LogChunk } from '../../api/container';
import type { Clock } from '../core/clock';
import type { ContainerRecord } from './container-record';


function onlcr(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

function appendLog(c: ContainerRecord, entry: LogChunk): void {
  c.logs.push(entry);
  // no Set iterator when nobody follows the logs (a loop logs every round)
  if (c.logListeners.size !== 0) for (const l of c.logListeners) l(entry);
}

/** record output of the container's processes */
export function writeOutput(clock: Pick<Clock, 'now'>, c: ContainerRecord, stream: 'stdout' | 'stderr', data: string | Uint8Array): void {
  let text = typeof data === 'string' ? data : textDecoder.decode(data);
  if (text === '') return;
  if (c.Config.Tty) text = onlcr(text);
  const time = clock.now();
  if (c.listeners.size !== 0) for (const l of c.listeners) l({ stream, time, text });
  // one whole line after a whole line (`echo hi` in a loop): the entry is the text itself
  if (c.partial[stream] === '' && text.indexOf('\n') === text.length - 1) {
    appendLog(c, { stream, time, text });
    return;
  }
  let buf = c.partial[stream] + text;
  for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
    appendLog(c, { stream, time, text: buf.slice(0, nl + 1) });
    buf = buf.slice(nl + 1);
  }
  c.partial[stream] = buf;
}

/** the last unterminated line of each stream goes to the log when the process ends */
export function flushOutput(clock: Pick<Clock, 'now'>, c: ContainerRecord): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    if (c.partial[stream]) appendLog(c, { stream, time: clock.now(), text: c.partial[stream] });
    c.partial[stream] = '';
  }
}

/** an OutputStream for a process of `c` writing to `stream` (stderr folds into stdout with a TTY) */
export function outputStream(clock: Pick<Clock, 'now'>, c: ContainerRecord, stream: 'stdout' | 'stderr'): OutputStream {
  const target = c.Config.Tty ? 'stdout' : stream;
  return {
    isTTY: c.Config.Tty,
    columns: c.Config.Tty ? 80 : undefined,
    write: (data) => writeOutput(clock, c, target, data),
  };
}
