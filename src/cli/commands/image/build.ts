/**
 * `docker build` / `docker image build` with the legacy builder (docker/cli
 * 20.10 runBuild without BuildKit): prepare the context (a host directory,
 * stdin, or a URL), upload it as a tar ("Sending build context to Docker
 * daemon  2.048kB"), show the daemon's stream, return a failing RUN's status.
 */
import type { Content } from '../../../api/fs';
import { contentSize } from '../../../lib/content';
import { readAllContent } from '../../../api/io';
import type { ImageBuildOptions } from '../../../api/build';
import type { OutputStream } from '../../../api/io';
import type { AuthConfig } from '../../../api/image';
import { humanSize } from '../../../lib/units';
import { CliError, type CommandContext, type CommandSpec, type ParsedFlags } from '../../framework/command';
import { jsonMessageSink } from '../../format/jsonmessage';
import { readConfig } from '../registry/auth-config';
import {
  absPath,
  addDockerfile,
  ContextError,
  contextFromStdin,
  keepBuildFiles,
  localContext,
  readExcludes,
  tarDirectory,
} from './build-context';
import { buildFlags } from './build-flags';
import { cloneGitContext, removeTree } from './build-git';
import { isGitUrl, isUrl, urlContextError } from './build-remote';

class Buffered implements OutputStream {
  readonly isTTY = false;
  text = '';
  private readonly dec = new TextDecoder();
  write(data: string | Uint8Array): void {
    this.text += typeof data === 'string' ? data : this.dec.decode(data);
  }
}

function randomHex(n: number): string {
  const bytes = new Uint8Array(Math.ceil(n / 2));
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, n);
}

/** the context tar and the Dockerfile's name in it */
async function prepareContext(ctx: CommandContext, specified: string, dockerfileName: string): Promise<{ tar: Content; relDockerfile: string }> {
  const fs = ctx.hostFs;
  let dockerfileCtx: Uint8Array | undefined;
  if (dockerfileName === '-') {
    if (specified === '-') throw new CliError("invalid argument: can't use stdin for both build context and dockerfile");
    dockerfileCtx = await ctx.io.stdin.readAll();
  }
  let tar: Content;
  let relDockerfile: string;
  try {
    if (specified === '-') {
      const r = contextFromStdin(await readAllContent(ctx.io.stdin), dockerfileName, ctx.now());
      tar = r.tar;
      relDockerfile = r.relDockerfile;
    } else if (fs.exists(absPath(ctx.cwd, specified))) {
      const r = localContext(fs, ctx.cwd, specified, dockerfileName);
      relDockerfile = r.relDockerfile;
      if (relDockerfile.startsWith('../')) {
        const abs = absPath(ctx.cwd, dockerfileName);
        try {
          dockerfileCtx = fs.readFile(abs);
        } catch {
          throw new CliError(`unable to open Dockerfile: open ${abs}: no such file or directory`);
        }
      }
      const excludes = keepBuildFiles(readExcludes(fs, r.contextDir), relDockerfile, dockerfileName === '-');
      tar = tarDirectory(fs, r.contextDir, excludes);
    } else if (isGitUrl(specified)) {
      const { root, contextDir } = cloneGitContext(fs, ctx.internet, specified);
      try {
        const r = localContext(fs, contextDir, contextDir, dockerfileName);
        relDockerfile = r.relDockerfile;
        tar = tarDirectory(fs, r.contextDir, keepBuildFiles(readExcludes(fs, r.contextDir), relDockerfile, dockerfileName === '-'));
      } finally {
        removeTree(fs, root);
      }
    } else if (isUrl(specified)) {
      throw urlContextError(specified);
    } else {
      throw new CliError(`unable to prepare context: path ${JSON.stringify(specified)} not found`);
    }
  } catch (err) {
    if (err instanceof ContextError) {
      if (err.message.startsWith('error checking context')) throw new CliError(err.message);
      throw new CliError(`unable to prepare context: ${err.message}`);
    }
    throw err;
  }
  if (dockerfileCtx) {
    relDockerfile = `.dockerfile.${randomHex(20)}`;
    tar = addDockerfile(tar, dockerfileCtx, relDockerfile, ctx.now());
  }
  return { tar, relDockerfile };
}

function buildOptions(ctx: CommandContext, flags: ParsedFlags, relDockerfile: string): ImageBuildOptions {
  const buildArgs: Record<string, string | null> = {};
  for (const a of flags.list('build-arg')) {
    const i = a.indexOf('=');
    if (i >= 0) buildArgs[a.slice(0, i)] = a.slice(i + 1);
    else buildArgs[a] = a in ctx.env ? (ctx.env[a] as string) : null;
  }
  const labels: Record<string, string> = {};
  for (const l of flags.list('label')) {
    const i = l.indexOf('=');
    labels[i < 0 ? l : l.slice(0, i)] = i < 0 ? '' : l.slice(i + 1);
  }
  const authConfigs: Record<string, AuthConfig> = {};
  try {
    for (const [server, a] of Object.entries(readConfig(ctx).auths)) authConfigs[server] = { auth: a.auth, serveraddress: server };
  } catch {
    // no readable config file: no credentials, as docker does
  }
  return {
    tags: flags.list('tag'),
    dockerfile: relDockerfile === '-' ? '' : relDockerfile,
    buildArgs,
    labels,
    noCache: flags.bool('no-cache'),
    remove: flags.bool('rm'),
    forceRemove: flags.bool('force-rm'),
    pullParent: flags.bool('pull'),
    suppressOutput: flags.bool('quiet'),
    target: flags.string('target'),
    networkMode: flags.string('network'),
    platform: flags.string('platform'),
    authConfigs,
  };
}

async function runBuild(ctx: CommandContext, flags: ParsedFlags, args: string[]): Promise<void> {
  const quiet = flags.bool('quiet');
  const out = ctx.io.stdout;
  if (flags.bool('stream')) {
    ctx.io.stderr.write(`DEPRECATED: The experimental --stream flag has been removed and the build context
            will be sent non-streaming. Enable BuildKit instead with DOCKER_BUILDKIT=1
            to stream build context, see https://docs.docker.com/go/buildkit/

`);
  }
  const progBuff: OutputStream = quiet ? new Buffered() : out;
  const buildBuff: OutputStream = quiet ? new Buffered() : out;
  const iidfile = flags.string('iidfile');
  if (iidfile !== '') {
    const p = absPath(ctx.cwd, iidfile);
    if (ctx.hostFs.exists(p)) ctx.hostFs.unlink(p);
  }
  const { tar, relDockerfile } = await prepareContext(ctx, args[0] as string, flags.string('file'));
  progBuff.write(`Sending build context to Docker daemon ${humanSize(contentSize(tar)).padStart(8, ' ')}\r\r\n`);

  const sink = jsonMessageSink(buildBuff, quiet ? false : out.isTTY);
  let imageId = '';
  const dumpQuiet = () => {
    if (quiet) ctx.io.stderr.write((progBuff as Buffered).text + (buildBuff as Buffered).text);
  };
  try {
    await ctx.client.imageBuild(
      tar,
      buildOptions(ctx, flags, relDockerfile),
      (m) => {
        if (m.aux !== undefined) {
          const id = (m.aux as { ID?: unknown }).ID;
          if (typeof id === 'string') imageId = id;
          return;
        }
        sink.onMessage(m);
      },
      ctx.io.interrupt,
    );
  } catch (err) {
    if (quiet) ctx.io.stderr.write((progBuff as Buffered).text);
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  const streamErr = sink.error();
  if (streamErr) {
    dumpQuiet();
    throw new CliError(streamErr.message, streamErr.code || 1);
  }
  if (quiet) {
    imageId = (buildBuff as Buffered).text;
    out.write(imageId);
  }
  if (iidfile !== '') {
    if (imageId === '') throw new CliError(`Server did not provide an image ID. Cannot write ${iidfile}`);
    ctx.hostFs.writeFile(absPath(ctx.cwd, iidfile), imageId, 0o644);
  }
}

export const buildCommand: CommandSpec = {
  use: 'build [OPTIONS] PATH | URL | -',
  short: 'Build an image from a Dockerfile',
  args: { kind: 'exact', n: 1 },
  flags: buildFlags,
  run: async (ctx, flags, args) => {
    await runBuild(ctx, flags, args);
    return 0;
  },
};
