/**
 * POST /build with the legacy builder (moby api/server/backend/build +
 * builder/dockerfile BuildManager): unpack the context, find and parse the
 * Dockerfile, run its stages, print "Successfully built <id>" and tag the
 * result ("Successfully tagged nginx:v3"). Errors before any output are
 * thrown as DaemonError (the client shows "Error response from daemon: …");
 * later ones as BuildError (the client sends them as the stream's error).
 */
import type { Content } from '../../../lib/content';
import { invalidParameter, systemError } from '../../../api/errors';
import type { JSONMessage } from '../../../api/jsonmessage';
import {
  familiarString,
  InvalidReferenceError,
  parseNormalizedNamed,
  type Reference,
  refString,
  withDefaultTag,
} from '../../../lib/reference';
import type { Engine } from '../../engine';
import { tagImage } from '../../images/ops/tag';
import type { Credentials } from '../../registry/remote';
import { BuildError } from '../build-error';
import { type Builder, dispatchStages } from '../builder';
import { BuildContext } from '../context/build-context';
import { ScopedFsError } from '../context/source-tree';
import { InstructionError, type Instruction, parseStages, type ParsedStages } from '../../../lib/dockerfile/instructions';
import { DockerfileParseError } from '../../../lib/dockerfile/node';
import { parseDockerfile } from '../../../lib/dockerfile/parser';
import { ImageProber } from '../image-cache';
import { BuildOutput } from '../output';
import { StageResults } from '../stage-sources';

export interface BuildRequest {
  /** the build context as a tar archive (what the CLI uploads) */
  context: Content;
  /** path of the Dockerfile inside the context (default "Dockerfile") */
  dockerfile?: string;
  tags?: string[];
  /** --build-arg: null = named without a value and not set in the client's environment */
  buildArgs?: Record<string, string | null>;
  labels?: Record<string, string>;
  noCache?: boolean;
  /** --rm, default true */
  remove?: boolean;
  forceRemove?: boolean;
  /** --pull */
  pullParent?: boolean;
  /** -q */
  suppressOutput?: boolean;
  target?: string;
  networkMode?: string;
  platform?: string;
  /** registry credentials the client sent (X-Registry-Config), by registry domain */
  credentials?: (domain: string) => Credentials | undefined;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** sanitizeRepoAndTags: parsed, deduplicated, default tag added */
function parseTags(tags: readonly string[]): Reference[] {
  const seen = new Set<string>();
  const out: Reference[] = [];
  for (const t of tags) {
    if (t === '') continue;
    let ref: Reference;
    try {
      ref = parseNormalizedNamed(t);
    } catch (err) {
      if (err instanceof InvalidReferenceError) throw invalidParameter(err.message);
      throw err;
    }
    if (ref.digest) throw systemError('build tag cannot contain a digest');
    const tagged = withDefaultTag(ref);
    const key = refString(tagged);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tagged);
  }
  return out;
}

/** withDockerfileFromContext + readAndParseDockerfile */
function loadDockerfile(ctx: BuildContext, requested: string): { name: string; text: string } {
  let name = requested;
  const exists = (n: string) => {
    try {
      return ctx.fs.exists(ctx.realPath(ctx.fullPath(n)));
    } catch (err) {
      if (err instanceof ScopedFsError) throw systemError(err.message);
      throw err;
    }
  };
  if (!exists(name)) {
    if (name === 'Dockerfile' && exists('dockerfile')) name = 'dockerfile';
    else throw systemError(`Cannot locate specified Dockerfile: ${requested}`);
  }
  const full = ctx.realPath(ctx.fullPath(name));
  if (ctx.fs.stat(full).type === 'dir') throw systemError(`read ${name}: is a directory`);
  const text = ctx.readText(name);
  if (text === '') throw invalidParameter(`the Dockerfile (${requested}) cannot be empty`);
  return { name, text };
}

function labelCommands(labels: Record<string, string>): Instruction[] {
  return Object.keys(labels)
    .sort()
    .map((k) => ({
      kind: 'label' as const,
      name: 'label',
      code: `LABEL ${k}=${labels[k]}`,
      labels: [{ key: k, value: labels[k] as string }],
      noExpand: true,
    }));
}

function prepare(req: BuildRequest): { ctx: BuildContext; parsed: ParsedStages; escapeToken: string; warnings: string[]; tags: Reference[] } {
  const tags = parseTags(req.tags ?? []);
  let ctx: BuildContext;
  try {
    ctx = BuildContext.fromTar(req.context);
  } catch (err) {
    throw systemError(err instanceof Error ? err.message : String(err));
  }
  const requested = req.dockerfile || 'Dockerfile';
  const df = loadDockerfile(ctx, requested);
  let file: ReturnType<typeof parseDockerfile>;
  try {
    file = parseDockerfile(df.text);
  } catch (err) {
    if (err instanceof DockerfileParseError) throw invalidParameter(`failed to parse ${requested}: ${err.message}`);
    throw err;
  }
  ctx.applyDockerignore(df.name);
  let parsed: ParsedStages;
  try {
    parsed = parseStages(file.nodes);
  } catch (err) {
    if (err instanceof DockerfileParseError || err instanceof InstructionError) throw invalidParameter(err.message);
    throw err;
  }
  if (req.target) {
    const i = parsed.stages.findIndex((s) => s.name.toLowerCase() === (req.target as string).toLowerCase());
    if (i < 0) throw invalidParameter(`failed to reach build target ${req.target} in Dockerfile`);
    parsed = { ...parsed, stages: parsed.stages.slice(0, i + 1) };
  }
  const last = parsed.stages[parsed.stages.length - 1];
  if (last && req.labels) last.commands.push(...labelCommands(req.labels));
  return { ctx, parsed, escapeToken: file.escapeToken, warnings: file.warnings, tags };
}

/** run a build; resolves with the image ID */
export async function buildImage(
  engine: Engine,
  req: BuildRequest,
  onMessage: (m: JSONMessage) => void,
  signal?: AbortSignal,
): Promise<string> {
  const { ctx, parsed, escapeToken, warnings, tags } = prepare(req);
  const out = new BuildOutput(onMessage, req.suppressOutput ?? false);
  const b: Builder = {
    engine,
    out,
    prober: new ImageProber(engine, req.noCache ?? false),
    options: { networkMode: req.networkMode ?? '', remove: req.remove ?? true, forceRemove: req.forceRemove ?? false },
    escapeToken,
    signal,
    tmpContainers: [],
    context: ctx,
    sources: { pullParent: req.pullParent ?? false, credentials: req.credentials },
    stages: new StageResults(),
  };
  try {
    if (warnings.length > 0) out.stderr(`${warnings.join('\n')}\n`);
    const args = new Map(Object.entries(req.buildArgs ?? {}));
    const state = await dispatchStages(b, parsed, args);
    if (!state.imageId) throw new BuildError('No image was generated. Is your Dockerfile empty?');
    out.stdout(`Successfully built ${short(state.imageId)}\n`);
    for (const t of tags) {
      tagImage(engine, state.imageId, t);
      out.stdout(`Successfully tagged ${familiarString(t)}\n`);
    }
    out.final(state.imageId);
    return state.imageId;
  } catch (err) {
    out.flushHeld();
    if (err instanceof BuildError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new BuildError(message);
  }
}

