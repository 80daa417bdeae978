/**
 * What the server knows of the session a request comes from: its mode, its
 * label (local mode: everything it creates carries it, lists and prunes are
 * filtered by it), its workspace, its limits, and a way to ask whether a
 * container or volume belongs to it.
 */
import type { ContainerLimits, SessionCaps } from './limits';
import type { WorkspacePaths } from './workspace-paths';

export const SESSION_LABEL = 'io.dockyard.session';

export interface SessionPolicy {
  /** 'daemon': the session has a dockerd of its own; 'local': the host's daemon, shared, labelled */
  mode: 'daemon' | 'local';
  sessionId: string;
  paths: WorkspacePaths;
  limits: ContainerLimits;
  caps: SessionCaps;
  /** does container `ref` (a name or ID) exist and belong to this session? */
  ownsContainer(ref: string): Promise<boolean>;
}
