/**
 * docker/cli container/create.go createContainer: ContainerCreate, and when
 * the image is missing print "Unable to find image 'x:latest' locally", pull
 * it with progress on stderr and create again. Writes --cidfile.
 */
import type { ContainerCreateResponse } from '../../../api/container';
import { ClientError } from '../../../api/errors';
import { familiarString, InvalidReferenceError, parseNormalizedNamed, type Reference, withDefaultTag } from '../../../lib/reference';
import { CliError, type CommandContext } from '../../framework/command';
import { pullImageWithProgress } from '../image/pull-image';
import type { ContainerOptions } from './container-options';

/** reference.ParseAnyReference + TagNameOnly: the name to pull, undefined for an image ID */
function namedRefOf(image: string): Reference | undefined {
  if (/^[a-f0-9]{64}$/.test(image) || image.startsWith('sha256:')) return undefined;
  return withDefaultTag(parseNormalizedNamed(image));
}

/** apiclient.IsErrNotFound: any 404 from create makes the CLI pull the image and try again */
function isMissingImage(err: unknown): boolean {
  return err instanceof ClientError && err.kind === 'NotFound';
}

export async function createWithPull(ctx: CommandContext, opts: ContainerOptions): Promise<ContainerCreateResponse> {
  let named: Reference | undefined;
  try {
    named = namedRefOf(opts.config.Image ?? '');
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new CliError(err.message);
    throw err;
  }
  const create = () => ctx.client.containerCreate(opts.config, opts.hostConfig, opts.networkingConfig, opts.name);
  const pull = async () => {
    if (!named) return;
    await pullImageWithProgress(ctx, opts.config.Image ?? '', ctx.io.stderr);
  };
  if (opts.pull === 'always') await pull();
  let res: ContainerCreateResponse;
  try {
    res = await create();
  } catch (err) {
    if (!isMissingImage(err) || !named || opts.pull === 'never') throw err;
    ctx.io.stderr.write(`Unable to find image '${familiarString(named)}' locally\n`);
    await pull();
    res = await create();
  }
  for (const w of res.Warnings ?? []) ctx.io.stderr.write(`WARNING: ${w}\n`);
  const cidfile = opts.hostConfig.ContainerIDFile;
  if (cidfile) {
    const path = cidfile.startsWith('/') ? cidfile : `${ctx.cwd.replace(/\/$/, '')}/${cidfile}`;
    ctx.hostFs.writeFile(path, res.Id);
  }
  return res;
}
