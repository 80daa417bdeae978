/**
 * File and stream contents that may be lazy. Realistic image sizes (a 190 MB
 * `docker save nginx`) must not cost real bytes: a large synthetic file is a
 * size plus a generator, made into bytes only when a program reads them.
 *
 * Content is either plain bytes or a LazyContent. src/api/fs.ts declares the
 * same two types (the API layer imports nothing from here); they are
 * structurally identical, so either can be passed where the other is named.
 */

export interface LazyContent {
  /** tells a LazyContent from a Uint8Array (`isLazy`) */
  readonly lazy: true;
  /** bytes */
  readonly size: number;
  /** the bytes [start, end), made now: ask for chunks, not for the whole of a large content */
  read(start: number, end: number): Uint8Array;
  /** the part [start, end), lazy too (or plain bytes when it is small and known) */
  slice(start: number, end: number): Content;
}

export type Content = Uint8Array | LazyContent;
