/**
 * One implementation per tool, two sets of words: GNU's (coreutils, procps,
 * findutils, gzip, diffutils on the host and in images that ship them) and
 * busybox's applets. Which one runs is decided by the file PATH finds: a
 * symlink to busybox runs the applet, a file named after the tool the GNU one.
 */
import type { Program, ProgramContext } from '../interpreter/types';

type Flavor = NonNullable<ProgramContext['flavor']>;

/** each flavoured program: the program it wraps and its flavour */
const wrapped = new WeakMap<Program, { base: Program; flavor: Flavor }>();

function withFlavor(p: Program, flavor: Flavor): Program {
  const w: Program = (ctx) => p(ctx.flavor === flavor ? ctx : { ...ctx, flavor });
  wrapped.set(w, { base: p, flavor });
  return w;
}

/**
 * run `p` with `ctx`, a context made for this call alone: a flavoured program
 * gets its flavour set on it, not on a copy (a loop runs `sleep 1` every round)
 */
export function runWithOwnContext(p: Program, ctx: ProgramContext): Promise<number> {
  const w = wrapped.get(p);
  if (w === undefined) return p(ctx);
  ctx.flavor = w.flavor;
  return w.base(ctx);
}

/** `p` as busybox's applet */
export function applet(p: Program): Program {
  return withFlavor(p, 'busybox');
}

/** `p` as the GNU tool */
export function gnu(p: Program): Program {
  return withFlavor(p, 'gnu');
}

/** every program of `table` in one flavour */
export function flavored(table: Record<string, Program>, flavor: Flavor): Record<string, Program> {
  const out: Record<string, Program> = {};
  for (const [name, p] of Object.entries(table)) out[name] = withFlavor(p, flavor);
  return out;
}
