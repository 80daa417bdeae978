import type { CommandContext } from './command';

/** "now" for CREATED/`… ago` columns: always the session's clock, never the machine's. */
export function cliNow(ctx: Pick<CommandContext, 'now'>): number {
  return ctx.now();
}
