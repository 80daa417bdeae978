/**
 * docker container cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-
 *                      docker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH
 * The CLI stats and tars/untars on the host; the daemon archives and
 * extracts inside the container. Prints nothing on success.
 */
import { GO_MODE_DIR, GO_MODE_SYMLINK } from '../../../api/archive';
import type { Content } from '../../../api/fs';
import { readAllContent, writeContentTo } from '../../../api/io';
import { readTar, TarFormatError, writeTarContent } from '../../../lib/tar';
import { CliError, type CommandContext, type CommandSpec } from '../../framework/command';
import {
  type CopyInfo,
  destinationInfo,
  extractToHost,
  hostEntries,
  prepareArchiveCopy,
  rebaseEntries,
  sourceInfo,
  splitPathDirEntry,
} from './cp-archive';
import { hostPath, validateOutputPath } from './host-output';

const DOCKER_TAR = { format: 'posix', typeBitsInMode: true } as const;

/** splitCpArg: "web:/x" → ["web", "/x"]; absolute or "./a:b" paths are local */
export function splitCpArg(arg: string): [string, string] {
  if (arg.startsWith('/')) return ['', arg];
  const i = arg.indexOf(':');
  if (i < 0 || arg.slice(0, i).startsWith('.')) return ['', arg];
  return [arg.slice(0, i), arg.slice(i + 1)];
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function fromContainer(ctx: CommandContext, container: string, srcPath: string, dst: string, followLink: boolean): Promise<void> {
  let dstPath = dst;
  if (dst !== '-') {
    dstPath = hostPath(ctx.cwd, dst);
    const bad = validateOutputPath(ctx, dst);
    if (bad) throw new CliError(bad);
  }
  let path = srcPath;
  let rebaseName: string | undefined;
  if (followLink) {
    try {
      const st = await ctx.client.containerStatPath(container, srcPath);
      if (((st.mode & GO_MODE_SYMLINK) >>> 0) !== 0) {
        let target = st.linkTarget;
        if (!target.startsWith('/')) target = `${splitPathDirEntry(srcPath)[0]}/${target}`;
        rebaseName = splitPathDirEntry(srcPath)[1];
        path = target;
      }
    } catch {
      // the copy below reports the error
    }
  }
  let res: Awaited<ReturnType<typeof ctx.client.copyFromContainer>>;
  try {
    res = await ctx.client.copyFromContainer(container, path);
  } catch (err) {
    throw new CliError(message(err));
  }
  if (dst === '-') {
    await writeContentTo(ctx.io.stdout, res.content);
    return;
  }
  const src: CopyInfo = { path, exists: true, isDir: ((res.stat.mode & GO_MODE_DIR) >>> 0) !== 0, rebaseName };
  let entries = readTar(res.content);
  if (rebaseName) entries = rebaseEntries(entries, splitPathDirEntry(path)[1], rebaseName);
  const prepared = prepareArchiveCopy(entries, src, destinationInfo(ctx.hostFs, dstPath));
  extractToHost(ctx.hostFs, prepared.dir, prepared.entries);
}

async function toContainer(ctx: CommandContext, src: string, container: string, dstPath: string, opts: { followLink: boolean; copyUIDGID: boolean }): Promise<void> {
  const dst: CopyInfo = { path: dstPath, exists: false, isDir: false };
  let dstStat: Awaited<ReturnType<typeof ctx.client.containerStatPath>> | undefined;
  try {
    dstStat = await ctx.client.containerStatPath(container, dstPath);
    if (((dstStat.mode & GO_MODE_SYMLINK) >>> 0) !== 0) {
      let target = dstStat.linkTarget;
      if (!target.startsWith('/')) target = `${splitPathDirEntry(dstPath)[0]}/${target}`;
      dst.path = target;
      dstStat = await ctx.client.containerStatPath(container, target);
    }
  } catch {
    dstStat = undefined;
  }
  if (dstStat) {
    dst.exists = true;
    dst.isDir = ((dstStat.mode & GO_MODE_DIR) >>> 0) !== 0;
  }
  let content: Content;
  let dir: string;
  if (src === '-') {
    if (!dst.isDir) throw new CliError(`destination "${container}:${dstPath}" must be a directory`);
    content = await readAllContent(ctx.io.stdin);
    dir = dst.path;
  } else {
    const info = sourceInfo(ctx.hostFs, hostPath(ctx.cwd, src), opts.followLink);
    const [srcDir, srcBase] = splitPathDirEntry(info.path);
    const top = srcBase === '.' ? srcDir : info.path.replace(/\/$/, '');
    let entries: ReturnType<typeof hostEntries>;
    try {
      entries = hostEntries(ctx.hostFs, top, info.rebaseName ?? srcBase);
    } catch (err) {
      throw new CliError(message(err));
    }
    const prepared = prepareArchiveCopy(entries, info, dst);
    content = writeTarContent(prepared.entries, DOCKER_TAR);
    dir = prepared.dir;
  }
  try {
    await ctx.client.copyToContainer(container, dir, content, { allowOverwriteDirWithFile: false, copyUIDGID: opts.copyUIDGID });
  } catch (err) {
    if (err instanceof TarFormatError) throw new CliError(err.message);
    throw new CliError(message(err));
  }
}

export const containerCpCommand: CommandSpec = {
  use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files/folders between a container and the local filesystem',
  long: `Use '-' as the source to read a tar archive from stdin
and extract it to a directory destination in a container.
Use '-' as the destination to stream a tar archive of a
container source to stdout.`,
  args: { kind: 'exact', n: 2 },
  flags: [
    { name: 'archive', short: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', short: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
  ],
  async run(ctx, flags, args) {
    if (args[0] === '') throw new CliError('source can not be empty');
    if (args[1] === '') throw new CliError('destination can not be empty');
    const [srcContainer, srcPath] = splitCpArg(args[0]);
    const [dstContainer, dstPath] = splitCpArg(args[1]);
    const followLink = flags.bool('follow-link');
    if (srcContainer && dstContainer) throw new CliError('copying between containers is not supported');
    if (srcContainer) return fromContainer(ctx, srcContainer, srcPath, dstPath, followLink);
    if (dstContainer) return toContainer(ctx, srcPath, dstContainer, dstPath, { followLink, copyUIDGID: flags.bool('archive') });
    throw new CliError('must specify at least one container source');
  },
};

/** docker cp */
export const cpCommand: CommandSpec = { ...containerCpCommand };
