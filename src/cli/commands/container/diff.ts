/** docker container diff CONTAINER: one "C|A|D /path" line per change. */
import { CliError, type CommandSpec } from '../../framework/command';

const KIND = ['C', 'A', 'D'] as const;

export const containerDiffCommand: CommandSpec = {
  use: 'diff CONTAINER',
  short: "Inspect changes to files or directories on a container's filesystem",
  args: { kind: 'exact', n: 1 },
  async run(ctx, _flags, args) {
    let changes: Awaited<ReturnType<typeof ctx.client.containerDiff>>;
    try {
      changes = await ctx.client.containerDiff(args[0]);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    ctx.io.stdout.write(changes.map((c) => `${KIND[c.Kind]} ${c.Path}\n`).join(''));
  },
};

/** docker diff */
export const diffCommand: CommandSpec = { ...containerDiffCommand };
