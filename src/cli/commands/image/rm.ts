import { CliError, type CommandSpec } from '../../framework/command';

const FLAGS: CommandSpec['flags'] = [
  { name: 'force', short: 'f', type: 'bool', usage: 'Force removal of the image' },
  { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
];

const run: CommandSpec['run'] = async (ctx, flags, args) => {
  const errs: string[] = [];
  for (const image of args) {
    try {
      const items = await ctx.client.imageRemove(image, { force: flags.bool('force'), noPrune: flags.bool('no-prune') });
      for (const d of items) {
        if (d.Untagged) ctx.io.stdout.write(`Untagged: ${d.Untagged}\n`);
        if (d.Deleted) ctx.io.stdout.write(`Deleted: ${d.Deleted}\n`);
      }
    } catch (err) {
      errs.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (errs.length) throw new CliError(errs.join('\n'));
};

export const imageRmCommand: CommandSpec = {
  use: 'rm [OPTIONS] IMAGE [IMAGE...]',
  aliases: ['rmi', 'remove'],
  short: 'Remove one or more images',
  args: { kind: 'min', n: 1 },
  flags: FLAGS,
  run,
};

/** docker rmi */
export const rmiCommand: CommandSpec = {
  use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  args: { kind: 'min', n: 1 },
  flags: FLAGS,
  run,
};
