/**
 * Bind mounts both ways: what containers wrote into the session's workspace
 * (a bind source the daemon created, a registry's storage, `echo hi >
 * /data/x`) goes back to the learner's host filesystem as a typed diff.
 *
 * The ledger remembers, per learner path, the signature (type, size, mode,
 * owner, mtime/ctime in ns, inode) of what the learner already has: what the
 * learner's own writes put there, and what earlier diffs reported. A diff
 * walks the asked roots and lists what differs. The walk never follows a
 * symbolic link (links are neither reported nor entered; files are opened
 * with O_NOFOLLOW) and the real path of each root and directory must stay
 * inside the workspace. Files past DIFF_FILE_BYTES are listed as skipped;
 * past DIFF_BYTES or DIFF_ENTRIES the diff says `more` and the rest comes
 * with the next one (what was left out is not recorded).
 */
import { type BigIntStats, closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { posix } from 'node:path';
import { DaemonError } from '../../api/errors';
import { DIFF_BYTES, DIFF_ENTRIES, DIFF_FILE_BYTES, type WorkspaceDiff } from '../../client/protocol/workspace-api';
import type { WorkspacePaths } from '../policy/workspace-paths';

/** the most roots one diff may ask for */
const MAX_ROOTS = 64;
/** how deep a walk goes below a root */
const MAX_DEPTH = 64;

const signature = (st: BigIntStats): string => `${st.isDirectory() ? 'd' : 'f'}:${st.size}:${st.mode}:${st.uid}:${st.gid}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;

const inside = (p: string, root: string) => p === root || p.startsWith(root === '/' ? '/' : `${root}/`);

export class WorkspaceLedger {
  /** learner path → signature of what the learner has */
  private readonly known = new Map<string, string>();

  constructor(private readonly paths: WorkspacePaths) {}

  /** the learner now has what is at `learnerPath` on the server (a write of theirs landed there) */
  recordWrite(learnerPath: string): void {
    try {
      const st = lstatSync(this.paths.map(learnerPath), { bigint: true });
      if (st.isFile() || st.isDirectory()) this.known.set(learnerPath, signature(st));
    } catch {
      this.known.delete(learnerPath);
    }
  }

  /** the learner removed `learnerPath` (and everything below it) */
  recordRemove(learnerPath: string): void {
    for (const k of [...this.known.keys()]) if (inside(k, learnerPath)) this.known.delete(k);
  }

  diff(roots: string[]): WorkspaceDiff {
    const out: WorkspaceDiff = { changed: [], removed: [], skipped: [], more: false };
    if (roots.length > MAX_ROOTS) throw new DaemonError('InvalidParameter', `a workspace diff of more than ${MAX_ROOTS} folders`);
    const clean = [...new Set(roots.flatMap((r) => this.checkRoot(r)))].sort();
    // a root inside another is walked with it
    const tops = clean.filter((r) => !clean.some((o) => o !== r && inside(r, o)));
    const realRoot = existsSync(this.paths.hostRoot) ? realpathSync(this.paths.hostRoot) : this.paths.hostRoot;
    let bytes = 0;
    const seen = new Set<string>();
    const full = () => out.changed.length + out.removed.length + out.skipped.length >= DIFF_ENTRIES;

    const walk = (learner: string, server: string, depth: number) => {
      if (full()) {
        out.more = true;
        return;
      }
      let st: BigIntStats;
      try {
        st = lstatSync(server, { bigint: true });
      } catch {
        return;
      }
      if (!st.isDirectory() && !st.isFile()) return; // links, sockets, devices: never reported nor followed
      seen.add(learner);
      const sig = signature(st);
      const owner = { uid: Number(st.uid), gid: Number(st.gid), mode: Number(st.mode) & 0o7777, mtime: Number(st.mtimeMs) };
      if (st.isDirectory()) {
        // the directory itself must really be inside (no link swapped in above it)
        const real = realpathSync.native(server);
        if (real !== realRoot && !real.startsWith(`${realRoot}/`)) return;
        if (this.known.get(learner) !== sig) {
          out.changed.push({ type: 'dir', path: learner, ...owner });
          this.known.set(learner, sig);
        }
        if (depth >= MAX_DEPTH) return;
        let names: string[];
        try {
          names = readdirSync(server).sort();
        } catch {
          return;
        }
        for (const n of names) walk(`${learner}/${n}`, posix.join(server, n), depth + 1);
        return;
      }
      if (this.known.get(learner) === sig) return;
      const size = Number(st.size);
      if (size > DIFF_FILE_BYTES) {
        out.skipped.push({ path: learner, size });
        this.known.set(learner, sig);
        return;
      }
      if (bytes + size > DIFF_BYTES && out.changed.length > 0) {
        out.more = true;
        return;
      }
      const data = readNoFollow(server);
      if (!data) return;
      bytes += data.length;
      out.changed.push({ type: 'file', path: learner, ...owner, data });
      this.known.set(learner, sig);
    };

    for (const r of tops) walk(r, this.paths.map(r), 0);
    if (!out.more) {
      for (const k of [...this.known.keys()]) {
        if (full()) {
          out.more = true;
          break;
        }
        if (!seen.has(k) && tops.some((r) => inside(k, r))) {
          this.known.delete(k);
          // only the top of a removed tree
          if (!out.removed.some((p) => inside(k, p))) out.removed.push(k);
        }
      }
      out.removed = out.removed.filter((p) => !out.removed.some((o) => o !== p && inside(p, o)));
    }
    return out;
  }

  /** the root, normalised; none when it cannot be a bind source (not absolute, `/`, outside the workspace, the Docker socket) */
  private checkRoot(root: string): string[] {
    const clean = posix.normalize(root).replace(/\/+$/, '') || '/';
    if (!root.startsWith('/') || clean === '/') return [];
    try {
      this.paths.map(clean);
      return [clean];
    } catch {
      return [];
    }
  }
}

/** a file's bytes, refusing a link put in its place since it was listed; undefined if it went away or changed type */
function readNoFollow(path: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const want = Math.min(st.size, DIFF_FILE_BYTES);
    const buf = new Uint8Array(want);
    let got = 0;
    while (got < want) {
      const n = readSync(fd, buf, got, want - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === want ? buf : buf.slice(0, got);
  } finally {
    closeSync(fd);
  }
}
