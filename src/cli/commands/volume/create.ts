/** docker volume create [OPTIONS] [VOLUME] */
import type { CommandSpec } from '../../framework/command';
import { CliError } from '../../framework/command';

/** opts.ConvertKVStringsToMap: "k=v" → k: v, "k" → k: "" */
export function kvMap(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) out[v] = '';
    else out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

export const volumeCreate: CommandSpec = {
  use: 'create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  args: { kind: 'max', n: 1 },
  flags: [
    { name: 'driver', short: 'd', type: 'string', usage: 'Specify volume driver name', default: 'local' },
    { name: 'label', type: 'list', usage: 'Set metadata for a volume' },
    { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
    { name: 'opt', short: 'o', type: 'list', usage: 'Set driver specific options', valueName: 'map', default: 'map[]' },
  ],
  async run(ctx, flags, args) {
    let name = flags.string('name');
    if (args.length === 1) {
      if (name !== '') throw new CliError('conflicting options: either specify --name or provide positional arg, not both');
      name = args[0];
    }
    const vol = await ctx.client.volumeCreate({
      Driver: flags.string('driver'),
      DriverOpts: kvMap(flags.list('opt')),
      Name: name,
      Labels: kvMap(flags.list('label')),
    });
    ctx.io.stdout.write(`${vol.Name}\n`);
  },
};
