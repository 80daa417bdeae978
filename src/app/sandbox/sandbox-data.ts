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
import { anyObject, arr, checkDepth, int, num, obj, oneOf, opt, record, type Shape, ShapeError, str } from '../../lib/json-shape';

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

const fsAttrs = { mode: int(0, 0o7777), uid: int(0), gid: int(0), mtime: num };
const fsNode: Shape = (v, p) => {
  anyObject(v, p);
  const type = (v as { type?: unknown }).type;
  if (type === 'dir') obj({ ...fsAttrs, children: record(fsNode) })(v, p);
  else if (type === 'file') obj({ ...fsAttrs, data: opt(str), blob: opt(str) })(v, p);
  else if (type === 'symlink') obj({ ...fsAttrs, target: str })(v, p);
  else oneOf('dir', 'file', 'symlink')(type, `${p}.type`);
};
const shellState = obj({ cwd: str, env: record(str), history: arr(str) });

/** how deep the host filesystem's JSON may go (two levels a directory: about 250 directories deep) */
const MAX_HOST_FS_DEPTH = 512;

/** the checks data from storage or a file must pass before it is restored: its shape, then the engine's graph */
export function checkSandboxData(data: unknown): asserts data is SandboxData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not an object');
  const d = data as Record<string, unknown>;
  if (d.version !== SANDBOX_DATA_VERSION) fail(`unsupported data version ${String(d.version)}`);
  const fs = d.hostFs as Record<string, unknown> | undefined;
  if (typeof fs !== 'object' || fs === null || fs.type !== 'dir') fail('host filesystem missing');
  if (typeof d.shells !== 'object' || d.shells === null) fail('shells missing');
  try {
    checkDepth(d.hostFs, MAX_HOST_FS_DEPTH);
    fsNode(d.hostFs, 'hostFs');
    record(shellState)(d.shells, 'shells');
  } catch (e) {
    if (e instanceof ShapeError) fail(e.message);
    throw e;
  }
  if (d.host !== undefined && (typeof d.host !== 'object' || d.host === null || !Array.isArray((d.host as ServiceManagerSnapshot).journal))) {
    fail('bad host services');
  }
  checkEngineSnapshot(d.engine);
}
