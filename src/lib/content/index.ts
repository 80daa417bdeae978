/**
 * Contents that may be lazy (see types.ts): bytes, or a size plus a
 * generator, made into bytes only when read. Used by the filesystems, tar,
 * pipes, docker save/load/export/import/cp and the sandbox's persistence.
 */
export type { Content, LazyContent } from './types';
export {
  CHUNK,
  Concat,
  concatContent,
  contentChunks,
  contentParts,
  contentSize,
  isLazy,
  materialize,
  sliceContent,
  Synthetic,
  synthetic,
  Zeros,
  zeros,
} from './lazy';
export { type ContentJson, ContentJsonError, contentBlob, contentFromBlob, contentFromJson, describeContent, MAX_LAZY_SIZE } from './describe';
export { contentKey, contentSha256, contentSha256Async } from './hash';
export { contentCrc32, type GzipHeader, Gzipped, gunzipped, gzipContent } from './gzip';
