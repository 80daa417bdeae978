import type { CommandContext } from './command';

/** "now" for CREATED/`… ago` columns: the context's clock when given, else the machine's. */
export function cliNow(ctx: Pick<CommandContext, 'now'>): number {
  return ctx.now ? ctx.now() : Date.now();
}
