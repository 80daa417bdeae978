/**
 * What a server offers besides the engine: the session's workspace, where the
 * learner's host folders are materialised so that bind mounts work on a real
 * engine. A backend without it (the simulator in a Worker) refuses both calls.
 */
export interface WorkspaceApi {
  /** extract a tar (names relative to `dir`) under the learner's host path `dir`, replacing files in place */
  workspaceWrite(dir: string, tar: Uint8Array): Promise<void>;
  /** remove the learner's host path `path` (file or tree) */
  workspaceRemove(path: string): Promise<void>;
}
