/** chown [-Rhf] OWNER[:GROUP] FILE…, chgrp [-Rhf] GROUP FILE… (GNU and busybox texts) */
import { FsError } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { joinPath } from '../vfs/path';
import { nameTables } from './accounts';
import { abs, errText, isBusybox, parseArgs, prog, usageError } from './util';

const NUMERIC = /^\d+$/;

interface Owner {
  uid?: number;
  gid?: number;
}

/** "user", "user:group", "user:", ":group", "user.group" → ids; an error text for an unknown name */
function parseOwner(ctx: ProgramContext, spec: string, groupOnly: boolean): Owner | { error: string } {
  const t = nameTables(ctx);
  const bb = isBusybox(ctx);
  const group = (g: string): number | { error: string } => {
    const gid = NUMERIC.test(g) ? Number(g) : t.gidOf(g);
    return gid ?? { error: bb ? `unknown group ${g}` : `invalid group: '${groupOnly ? g : spec}'` };
  };
  if (groupOnly) {
    const g = group(spec);
    return typeof g === 'number' ? { gid: g } : g;
  }
  const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec) ?? [spec, spec, undefined];
  const userPart = m[1] ?? '';
  const groupPart = m[2];
  const out: Owner = {};
  if (userPart !== '') {
    const uid = NUMERIC.test(userPart) ? Number(userPart) : t.uidOf(userPart);
    if (uid === undefined) return { error: bb ? `unknown user ${userPart}` : `invalid user: '${spec}'` };
    out.uid = uid;
    // "user:" means the user's login group
    if (groupPart === '') {
      const entry = NUMERIC.test(userPart) ? undefined : userPart;
      const gid = entry === undefined ? undefined : gidOfUser(ctx, entry);
      if (gid !== undefined) out.gid = gid;
    }
  }
  if (groupPart !== undefined && groupPart !== '') {
    const g = group(groupPart);
    if (typeof g !== 'number') return g;
    out.gid = g;
  }
  return out;
}

function gidOfUser(ctx: ProgramContext, name: string): number | undefined {
  try {
    const line = new TextDecoder()
      .decode(ctx.fs.readFile('/etc/passwd'))
      .split('\n')
      .find((l) => l.split(':')[0] === name);
    const gid = line?.split(':')[3];
    return gid !== undefined && NUMERIC.test(gid) ? Number(gid) : undefined;
  } catch {
    return undefined;
  }
}

async function changeOwner(ctx: ProgramContext, groupOnly: boolean): Promise<number> {
  const a = parseArgs(ctx.argv.slice(1), 'RhfvcHLP', '', { recursive: 'R', 'no-dereference': 'h', silent: 'f', quiet: 'f', verbose: 'v', changes: 'c' });
  if ('error' in a) return usageError(ctx, a.error);
  const name = prog(ctx);
  const bb = isBusybox(ctx);
  const [spec, ...files] = a.operands;
  if (spec === undefined) return usageError(ctx, 'missing operand');
  if (files.length === 0) return usageError(ctx, `missing operand after '${spec}'`);
  const owner = parseOwner(ctx, spec, groupOnly);
  if ('error' in owner) {
    ctx.io.stderr.write(`${name}: ${owner.error}\n`);
    return 1;
  }
  let status = 0;
  const quiet = a.flags.has('f');
  const apply = (path: string, shown: string, top: boolean) => {
    try {
      const st = top || a.flags.has('h') ? ctx.fs.lstat(path) : ctx.fs.lstat(path);
      if (st.type !== 'symlink' || top) {
        const cur = ctx.fs.stat(path);
        ctx.fs.chown(path, owner.uid ?? cur.uid, owner.gid ?? cur.gid);
      }
      if (a.flags.has('R') && st.type === 'dir') {
        for (const n of ctx.fs.readdir(path)) apply(joinPath(path, n), shown.endsWith('/') ? shown + n : `${shown}/${n}`, false);
      }
    } catch (e) {
      status = 1;
      if (quiet) return;
      if (bb) ctx.io.stderr.write(`${name}: ${shown}: ${errText(e)}\n`);
      else if (e instanceof FsError && e.code === 'ENOENT') ctx.io.stderr.write(`${name}: cannot access '${shown}': ${errText(e)}\n`);
      else ctx.io.stderr.write(`${name}: changing ${groupOnly ? 'group' : 'ownership'} of '${shown}': ${errText(e)}\n`);
    }
  };
  for (const f of files) apply(abs(ctx, f), f, true);
  return status;
}

export const chown: Program = (ctx) => changeOwner(ctx, false);
export const chgrp: Program = (ctx) => changeOwner(ctx, true);
