/**
 * A whole sandbox as plain data: the engine, the learner's host filesystem and
 * each terminal's host shell (cwd, exported variables, history). File
 * contents are in the shared blob table by digest (SessionSnapshot.blobs).
 */
import { checkEngineSnapshot } from '../../engine/snapshot/restore-engine';
import type { EngineSnapshot } from '../../engine/snapshot/engine-snapshot';
import type { ServiceManagerSnapshot } from '../../shell/host/systemd/manager';
import type { MemoryFsSnapshot } from '../../shell/vfs/memory-fs';
import type { HostShellState } from '../simulator';

export const SANDBOX_DATA_VERSION = 1;

export interface SandboxData {
  version: number;
  engine: EngineSnapshot;
  hostFs: MemoryFsSnapshot;
  shells: Record<string, HostShellState>;
  /** the machine's services and journal (absent in sandboxes saved before they existed: the machine boots afresh) */
  host?: ServiceManagerSnapshot;
}

function fail(what: string): never {
  throw new Error(`sandbox: ${what}`);
}

/** the shape checks data from storage or a file must pass before it is restored */
export function checkSandboxData(data: unknown): asserts data is SandboxData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not an object');
  const d = data as Record<string, unknown>;
  if (d.version !== SANDBOX_DATA_VERSION) fail(`unsupported data version ${String(d.version)}`);
  const fs = d.hostFs as Record<string, unknown> | undefined;
  if (typeof fs !== 'object' || fs === null || fs.type !== 'dir') fail('host filesystem missing');
  if (typeof d.shells !== 'object' || d.shells === null) fail('shells missing');
  for (const [id, sh] of Object.entries(d.shells as Record<string, unknown>)) {
    const s = sh as Partial<HostShellState> | null;
    if (!s || typeof s.cwd !== 'string' || typeof s.env !== 'object' || s.env === null || !Array.isArray(s.history)) fail(`bad shell ${id}`);
  }
  if (d.host !== undefined && (typeof d.host !== 'object' || d.host === null || !Array.isArray((d.host as ServiceManagerSnapshot).journal))) {
    fail('bad host services');
  }
  checkEngineSnapshot(d.engine);
}
