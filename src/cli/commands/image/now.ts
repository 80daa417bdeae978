import type { CommandContext } from '../../framework/command';

/**
 * "now" for CREATED columns: the context's clock when the composition root
 * provides one (the simulator's clock), else the wall clock.
 */
export function cliNow(ctx: CommandContext): number {
  const c = ctx as CommandContext & { now?: () => number };
  return typeof c.now === 'function' ? c.now() : Date.now();
}
