/**
 * What the engine needs of an AbortSignal (the engine is type-checked without
 * the DOM library), and a signal that never aborts for processes nobody can
 * interrupt through ProcessIO (containers get signals through kill).
 */
import type { ProcessIO } from '../../api/io';

export interface Abortable {
  readonly aborted: boolean;
  addEventListener(type: 'abort', fn: (() => void) | { handleEvent(): void }, opts?: { once?: boolean }): void;
  removeEventListener(type: 'abort', fn: (() => void) | { handleEvent(): void }): void;
}

export const NEVER_ABORTED = {
  aborted: false,
  reason: undefined,
  onabort: null,
  addEventListener() {},
  removeEventListener() {},
  dispatchEvent: () => false,
  throwIfAborted() {},
} as unknown as ProcessIO['interrupt'];

/** a JSON-shaped deep copy (same result as a JSON round trip, without the text) */
export { cloneJson } from '../../lib/clone-json';
