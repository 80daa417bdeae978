/**
 * What docker's prune commands share: the "Deleted …:" block of a report and
 * the RunE around a prune (confirm unless --force, print the block, the total).
 */
import { humanSize } from '../../lib/units';
import type { CommandContext } from '../framework/command';
import { confirm } from './system/cli-output';

/** a RunPrune's result: bytes reclaimed and the report block ('' when nothing went) */
export type PruneResult = [spaceReclaimed: number, output: string];

/** "Deleted <what>:" and one line an item; '' for none */
export function deletedBlock(what: string, lines: readonly string[]): string {
  return lines.length ? `Deleted ${what}:\n${lines.map((l) => `${l}\n`).join('')}` : '';
}

/**
 * Ask `warning` unless `force` (a "no" ends quietly), prune, print the block
 * and a blank line and, with `total`, "Total reclaimed space: …".
 */
export async function runPruneCommand(
  ctx: CommandContext,
  opts: { force: boolean; warning: string; total: boolean },
  prune: () => Promise<PruneResult>,
): Promise<void> {
  if (!opts.force && !(await confirm(ctx, opts.warning))) return;
  const [space, output] = await prune();
  if (output) ctx.io.stdout.write(`${output}\n`);
  if (opts.total) ctx.io.stdout.write(`Total reclaimed space: ${humanSize(space)}\n`);
}
