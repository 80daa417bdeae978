/**
 * What a server offers besides the engine: the session's workspace, where the
 * learner's host folders are materialised so that bind mounts work on a real
 * engine, and from where what containers wrote there comes back. A backend
 * without it (the simulator in a Worker) refuses these calls.
 */
import { z } from 'zod';

export interface WorkspaceApi {
  /** extract a tar (names relative to `dir`) under the learner's host path `dir`, replacing files in place */
  workspaceWrite(dir: string, tar: Uint8Array): Promise<void>;
  /** remove the learner's host path `path` (file or tree) */
  workspaceRemove(path: string): Promise<void>;
  /** what changed under the learner's host paths `roots` since the learner last wrote or heard of it */
  workspaceDiff(roots: string[]): Promise<WorkspaceDiff>;
}

/** the most bytes of file contents one diff carries (the rest comes with the next: `more`) */
export const DIFF_BYTES = 16 * 1024 * 1024;
/** a file larger than this is never copied back (it is listed in `skipped`) */
export const DIFF_FILE_BYTES = 8 * 1024 * 1024;
/** the most entries one diff lists */
export const DIFF_ENTRIES = 4096;

const path = z.string().min(1).max(4096);
const stamp = z.number().int().min(0).max(2 ** 53);
const base = { path, mode: z.number().int().min(0).max(0o7777), uid: stamp, gid: stamp, mtime: stamp };

/** one entry of a diff: a directory, or a file with its contents */
export const diffEntry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('dir'), ...base }),
  z.strictObject({ type: z.literal('file'), ...base, data: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length <= DIFF_FILE_BYTES, 'expected bytes') }),
]);

/**
 * A typed diff of bind-source trees, in learner paths: what appeared or changed
 * (parents before children), what went away, the files too large to copy,
 * and whether more is waiting (the byte or entry cap was reached).
 */
export const workspaceDiffSchema = z.strictObject({
  changed: z.array(diffEntry).max(DIFF_ENTRIES),
  removed: z.array(path).max(DIFF_ENTRIES),
  skipped: z.array(z.strictObject({ path, size: stamp })).max(DIFF_ENTRIES),
  more: z.boolean(),
});

export type WorkspaceDiffEntry = z.infer<typeof diffEntry>;
export type WorkspaceDiff = z.infer<typeof workspaceDiffSchema>;
