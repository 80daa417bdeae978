/** Sandbox snapshots of the engine: plain data + a content-addressed blob table. */
export { BlobTable, blobDigest, type BlobSink, type BlobSource, RecordingSink } from './blob-table';
export type { EngineSnapshot } from './engine-snapshot';
export { type FilesSnapshot, filesFromSnapshot, filesSnapshot } from './files-snapshot';
export { checkEngineSnapshot, restoreEngine } from './restore-engine';
export { shutdownEngine } from './respawn';
export { snapshotEngine } from './snapshot-engine';
