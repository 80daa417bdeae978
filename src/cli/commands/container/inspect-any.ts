/**
 * docker inspect [--type TYPE] [-f FORMAT] [-s] NAME|ID...: tries a
 * container, an image, a network and a volume in that order (docker/cli
 * system/inspect.go; swarm objects are skipped outside a swarm). Unknown
 * names end as "Error: No such object: x".
 */
import { ClientError } from '../../../api/errors';
import { CliError, type CommandContext, type CommandSpec } from '../../framework/command';
import { printInspect } from './inspect-print';

const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

function isNotFound(err: unknown): boolean {
  return err instanceof ClientError && err.kind === 'NotFound';
}

function getters(ctx: CommandContext, size: boolean): Record<string, (ref: string) => Promise<unknown>> {
  const c = ctx.client;
  return {
    container: (ref) => c.containerInspect(ref, { size }),
    image: (ref) => c.imageInspect(ref),
    network: (ref) => c.networkInspect(ref),
    volume: (ref) => c.volumeInspect(ref),
  };
}

export const inspectAnyCommand: CommandSpec = {
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { kind: 'min', n: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
    { name: 'type', type: 'string', usage: 'Return JSON for specified type' },
  ],
  async run(ctx, flags, args) {
    const type = flags.string('type');
    if (type !== '' && !TYPES.includes(type)) throw new CliError(`"${type}" is not a valid value for --type`);
    const all = getters(ctx, flags.bool('size'));
    const order = type === '' ? ['container', 'image', 'network', 'volume'] : [type];
    await printInspect(ctx, args, flags.string('format'), async (ref) => {
      for (const t of order) {
        const get = all[t];
        if (!get) {
          if (t === 'plugin') throw new Error(`Error: No such plugin: ${ref}`);
          throw new Error(
            'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
          );
        }
        try {
          return await get(ref);
        } catch (err) {
          if (!isNotFound(err)) throw err;
          if (type !== '') throw new Error(`Error: No such ${type}: ${ref}`);
        }
      }
      throw new Error(`Error: No such object: ${ref}`);
    });
  },
};
