/**
 * A tar reader and writer over byte arrays (ustar with pax or GNU extensions),
 * with no dependency on the engine or the shell. Used by docker export/import,
 * save/load, cp, build contexts and the shell's `tar` program.
 */
export type { TarEntry, TarEntryType, TarWriteOptions } from './types';
export { NODATA_DEV, TarFormatError } from './types';
export { writeTar, writeTarContent } from './writer';
export { iterateTar, looksLikeTar, memberPath, readTar } from './reader';
