/**
 * After a reload, what becomes of the command that was running when the page
 * went away. A command that changes state is never run again (a second
 * `docker run` would leave another container, or fail on its name):
 * - attached to a container that still runs (`docker run -it`, `start -a`,
 *   `attach`): attach to it again, as `docker attach` would;
 * - a command that only looks (`docker logs -f`, `docker events`, `ping`):
 *   run it again;
 * - anything else ended with the page, and the terminal says so.
 */
import type { EngineClient } from '../../client/engine-client';
import type { Command, List, Redirect, Word } from '../../shell/parser/ast';
import { parseScript } from '../../shell/parser/parser';

export type ResumePlan = { kind: 'attach'; container: string } | { kind: 'rerun' } | { kind: 'ended' };

/** docker verbs (with their management command) that change nothing */
const DOCKER_LOOKS = new Set([
  'logs', 'events', 'stats', 'top', 'ps', 'images', 'inspect', 'version', 'info', 'wait', 'port', 'history', 'search', 'diff', 'attach',
  'container logs', 'container ls', 'container ps', 'container list', 'container inspect', 'container stats', 'container top',
  'container wait', 'container port', 'container diff', 'container attach',
  'image ls', 'image list', 'image inspect', 'image history', 'system events', 'system df', 'system info',
  'volume ls', 'volume list', 'volume inspect', 'network ls', 'network list', 'network inspect',
]);

/** host programs that change nothing (without a redirection to a file) */
const HOST_LOOKS = new Set(['sleep', 'ping', 'tail', 'cat', 'echo', 'printf', 'ls', 'grep', 'head', 'wc', 'top', 'true', 'false', 'pwd', 'date', 'env', 'watch']);

function literal(w: Word): string | undefined {
  let s = '';
  for (const p of w.parts) {
    if (p.kind !== 'lit') return undefined;
    s += p.text;
  }
  return s;
}

function looksOnlyList(list: List): boolean {
  return list.every((ao) => [ao.first, ...ao.rest.map((r) => r.pipeline)].every((pl) => pl.commands.every(looksOnlyCommand)));
}

/** a redirection that writes no file: input, a descriptor copy, /dev/null */
function harmless(r: Redirect): boolean {
  return ['<', '<<', '<<-', '<<<', '<&', '>&'].includes(r.op) || literal(r.target) === '/dev/null';
}

function looksOnlyCommand(c: Command): boolean {
  if (!c.redirects.every(harmless)) return false;
  switch (c.type) {
    case 'simple': {
      const argv = c.words.map(literal);
      if (argv.length === 0 || argv.some((a) => a === undefined)) return false;
      const [name, ...args] = argv as string[];
      if (name !== 'docker') return HOST_LOOKS.has(name);
      const verb = args[0]?.startsWith('-') ? undefined : args[0];
      if (verb === undefined) return false;
      return DOCKER_LOOKS.has(verb) || DOCKER_LOOKS.has(`${verb} ${args[1] ?? ''}`);
    }
    case 'group':
    case 'subshell':
      return looksOnlyList(c.body);
    case 'if':
      return c.clauses.every((k) => looksOnlyList(k.cond) && looksOnlyList(k.body)) && (!c.otherwise || looksOnlyList(c.otherwise));
    case 'while':
    case 'until':
      return looksOnlyList(c.cond) && looksOnlyList(c.body);
    case 'for':
      return (c.items ?? []).every((w) => literal(w) !== undefined) && looksOnlyList(c.body);
    default:
      return false;
  }
}

/** does the command line only look at things (running it again changes nothing)? */
export function looksOnly(line: string): boolean {
  try {
    return looksOnlyList(parseScript(line));
  } catch {
    return false;
  }
}

/**
 * The plan for `line`, running when the page went away; `attached` is the
 * container it was attached to (SandboxState.runningAttached).
 */
export async function planResume(line: string, attached: string | undefined, client: Pick<EngineClient, 'containerInspect'>): Promise<ResumePlan> {
  if (attached !== undefined) {
    try {
      const c = await client.containerInspect(attached);
      if (c.State.Running && !c.State.Paused) return { kind: 'attach', container: c.Name.replace(/^\//, '') };
    } catch {
      // gone: the sandbox was saved before it existed, or it was removed
    }
    return { kind: 'ended' };
  }
  return looksOnly(line) ? { kind: 'rerun' } : { kind: 'ended' };
}
