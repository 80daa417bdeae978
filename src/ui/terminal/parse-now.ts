/**
 * xterm.js parses what is written in a timer of its own: the first write into
 * an empty write buffer schedules a `setTimeout`, later writes join it. Only
 * the first write after a key, into an empty buffer, is parsed at once. While
 * a shell loop prints, its last line is nearly always still waiting there when
 * Ctrl-C comes, so the prompt written in answer joined it and waited for that
 * timer, which comes 4–90 ms late in a busy page: the prompt was drawn one to
 * three frames after the key instead of in the next one (issue 11).
 *
 * parseNow runs xterm's own write loop at once over what waits (in order, with
 * the writes' callbacks; its 12 ms budget and its timer for the rest are kept).
 * It reaches into xterm 6.0.0's internals (`_core._writeBuffer._innerWrite`;
 * the public `writeSync` of earlier versions is gone, and its core twin
 * re-parses data the timer has already parsed). The version is pinned in
 * package.json, and parse-now.test.ts fails if the internals move. Without
 * them it does nothing: the write is parsed in xterm's timer, as before.
 */
import type { Terminal } from '@xterm/xterm';

interface WriteLoop {
  _innerWrite(lastTime?: number, promiseResult?: boolean): void;
  _writeBuffer: unknown[];
  _bufferOffset: number;
}

function writeLoop(term: Terminal): WriteLoop | undefined {
  const core = (term as unknown as { _core?: { _writeBuffer?: Partial<WriteLoop> } })._core;
  const wb = core?._writeBuffer;
  if (!wb || typeof wb._innerWrite !== 'function' || !Array.isArray(wb._writeBuffer) || typeof wb._bufferOffset !== 'number') return undefined;
  return wb as WriteLoop;
}

/** true when this xterm's write loop can be run from outside (the pinned version) */
export function canParseNow(term: Terminal): boolean {
  return writeLoop(term) !== undefined;
}

/** parse what waits in xterm's write buffer now, not in its timer; false when nothing was waiting or it cannot */
export function parseNow(term: Terminal): boolean {
  const wb = writeLoop(term);
  if (!wb || wb._writeBuffer.length <= wb._bufferOffset) return false;
  wb._innerWrite();
  return true;
}
