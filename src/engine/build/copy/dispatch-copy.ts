/**
 * COPY and ADD (moby dispatchCopy / dispatchAdd / performCopy): no container —
 * the files go into a new layer over the current image, and the step's cache
 * key and history say "COPY file:<hash> in <dest> ".
 */
import { generateId } from '../../core/ids';
import { UnionFs } from '../../fs/union-fs';
import { imageLayers } from '../../images/ops/layers';
import { BuildError } from '../build-error';
import type { SourceTree } from '../context/source-tree';
import type { Instruction } from '../../../lib/dockerfile/instructions';
import { commitLayer, probeCache, type StepRunner } from '../steps';
import { copyRunConfig, type DispatchState, withCmdCommentString } from '../state';
import { copyInfoInto, type Identity, normalizeDest, parseChown } from './copy-perform';
import { createCopyInstruction, sourceHash } from './copy-sources';

type CopyCommand = Extract<Instruction, { kind: 'add' | 'copy' }>;

export interface CopySources {
  /** the build context, when the build has one */
  context: SourceTree | undefined;
  /** COPY --from: the tree of a stage (by name or index) or an image; throws with moby's text */
  fromTree(from: string): Promise<SourceTree>;
}

export async function dispatchCopy(b: StepRunner, state: DispatchState, c: CopyCommand, sources: CopySources): Promise<void> {
  const cmdName = c.kind === 'add' ? 'ADD' : 'COPY';
  if (c.chmod !== '') {
    throw new BuildError(
      'the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled',
    );
  }
  let tree = sources.context;
  let fromImage = false;
  if (c.kind === 'copy' && c.from !== '') {
    try {
      tree = await sources.fromTree(c.from);
    } catch (err) {
      throw new BuildError(`invalid from flag value ${c.from}: ${err instanceof Error ? err.message : String(err)}`);
    }
    fromImage = true;
  }
  if (!tree) throw new BuildError(`${cmdName} failed: missing build context`);
  const { dest, infos } = createCopyInstruction(c.srcDest, cmdName, tree, !fromImage);

  const chownComment = c.chown !== '' ? `--chown=${c.chown}` : '';
  const comment = `${cmdName} ${chownComment}${sourceHash(infos)} in ${dest} `;
  const config = copyRunConfig(state.runConfig, withCmdCommentString(comment));
  if (probeCache(b, state, config)) return;

  const layers = state.imageId ? imageLayers(b.engine, state.imageId) : [];
  const fs = new UnionFs(layers, new Map(), { now: () => b.engine.clock.now() });
  const destPath = normalizeDest(state.runConfig.WorkingDir, dest);
  let owner: Identity | undefined = { uid: 0, gid: 0 };
  if (c.chown !== '') {
    try {
      owner = parseChown(fs, c.chown);
    } catch (err) {
      throw new BuildError(`unable to convert uid/gid chown string to host mapping: ${(err as Error).message}`);
    }
  } else if (fromImage) owner = undefined;
  let layerDir = '';
  const mergedDir = () => {
    layerDir ||= `/var/lib/docker/overlay2/${generateId(b.engine.ids)}/merged`;
    return layerDir;
  };
  for (const info of infos) {
    try {
      copyInfoInto(fs, destPath, info, { decompress: c.kind === 'add', owner, mergedDir });
    } catch (err) {
      throw new BuildError(`failed to copy files: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  commitLayer(b, state, fs.upper(), config);
}
