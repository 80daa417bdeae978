/**
 * The SandboxFactory the store uses in the browser: fresh sandboxes (random
 * seed) and restored ones, all sharing one content-addressed blob table.
 */
import type { Clock } from '../../engine/core/clock';
import type { CatalogSource } from '../../engine/registry/registry-service';
import { BlobTable } from '../../engine/snapshot/blob-table';
import type { SandboxFactory } from '../../store/session-factory';
import { createSandboxSession, type LocalSandboxSession, type SandboxSessionOptions } from './create-session';

export interface SandboxFactoryOptions {
  clock: Clock;
  catalog: CatalogSource;
  home: string;
  cwd: string;
  cols: number;
  user?: string;
  /** a seed for each fresh sandbox (the browser: randomSeed from src/app/real-clock.ts) */
  newSeed(): number;
  /** see SimulatorOptions.wrapClient */
  wrapClient?: SandboxSessionOptions['wrapClient'];
  /** see SimulatorOptions.editor */
  editor?: SandboxSessionOptions['editor'];
}

export interface LocalSandboxFactory extends SandboxFactory {
  readonly blobs: BlobTable;
  fresh(): LocalSandboxSession;
  restore(snapshot: Parameters<SandboxFactory['restore']>[0], incoming?: Parameters<SandboxFactory['restore']>[1]): LocalSandboxSession;
}

export function createSandboxFactory(opts: SandboxFactoryOptions): LocalSandboxFactory {
  const blobs = new BlobTable();
  const base = { clock: opts.clock, catalog: opts.catalog, home: opts.home, cwd: opts.cwd, cols: opts.cols, user: opts.user, blobs, wrapClient: opts.wrapClient, editor: opts.editor };
  return {
    blobs,
    fresh: () => createSandboxSession({ ...base, seed: opts.newSeed() }),
    restore: (snapshot, incoming) => createSandboxSession({ ...base, from: snapshot, incoming }),
  };
}
