/**
 * Docker command lines built from the CLI's own command tables
 * (src/cli/commands): a command, some of its flags with plausible or hostile
 * values by flag name and type, and positionals of the kind the command takes.
 */
import { allCommands } from '../../src/cli/commands';
import type { CommandSpec, FlagSpec } from '../../src/cli/framework/command';
import { hostile } from './hostile';
import type { Rng } from './rng';
import { shq } from './rng';
import type { FuzzLine } from './line';
import { CONTAINER_COMMANDS, CONTAINERS, FILTER_KEYS, FILTER_VALUES, FLAG_VALUES, IMAGES, NETWORKS, VOLUMES } from './vocabulary';

interface Leaf {
  path: string[];
  spec: CommandSpec;
}

function leaves(specs: readonly CommandSpec[], prefix: string[] = []): Leaf[] {
  const out: Leaf[] = [];
  for (const spec of specs) {
    const path = [...prefix, spec.use.split(' ')[0] as string];
    if (spec.run) out.push({ path, spec });
    if (spec.subcommands) out.push(...leaves(spec.subcommands, path));
  }
  return out;
}

export const DOCKER_LEAVES: readonly Leaf[] = leaves(allCommands);

const GLOBALS: readonly string[][] = [['-D'], ['-l', 'debug'], ['-l', 'nope'], ['-H', 'tcp://10.0.0.1:2375'], ['--config', '/tmp/dcfg'], ['--context', 'nope'], ['--tls'], ['-v']];

/** a word that names something of `kind` in this session (or sometimes does not) */
function thing(r: Rng, kind: 'image' | 'container' | 'volume' | 'network' | 'any'): string {
  if (r.chance(0.08)) return hostile(r, 'string');
  switch (kind) {
    case 'image':
      return r.chance(0.1) ? '$(docker images -q | head -1)' : r.pick(IMAGES);
    case 'container':
      return r.chance(0.15) ? r.pick(['$(docker ps -lq)', '$(docker ps -aq | head -1)', '$(docker ps -q)']) : r.pick(CONTAINERS);
    case 'volume':
      return r.chance(0.1) ? '$(docker volume ls -q | head -1)' : r.pick(VOLUMES);
    case 'network':
      return r.pick(NETWORKS);
    default:
      return thing(r, r.pick(['image', 'container', 'volume', 'network'] as const));
  }
}

/** a shell word: a $(…) stays unquoted so that it runs */
function word(w: string): string {
  return w.startsWith('$(') ? w : shq(w);
}

function positionals(r: Rng, path: string[], spec: CommandSpec): string[] {
  const verb = path[path.length - 1] as string;
  const group = path.length > 1 ? (path[0] as string) : '';
  const many = (k: Parameters<typeof thing>[1]) => Array.from({ length: r.int(1, 3) }, () => word(thing(r, k)));
  const cmd = () => (r.chance(0.1) ? [shq(hostile(r))] : (r.pick(CONTAINER_COMMANDS) as string[]).map(shq));
  if (group === 'volume') return verb === 'create' ? (r.chance(0.7) ? [word(thing(r, 'volume'))] : []) : verb === 'ls' || verb === 'prune' ? [] : many('volume');
  if (group === 'network') {
    if (verb === 'connect' || verb === 'disconnect') return [word(thing(r, 'network')), word(thing(r, 'container'))];
    if (verb === 'create') return [word(r.chance(0.8) ? r.pick(['n1', 'n2', 'n3']) : hostile(r))];
    return verb === 'ls' || verb === 'prune' ? [] : many('network');
  }
  switch (verb) {
    case 'run':
    case 'create':
      return [word(thing(r, 'image')), ...cmd()];
    case 'exec':
      return [word(thing(r, 'container')), ...(r.chance(0.9) ? (r.pick(CONTAINER_COMMANDS.filter((c) => c.length > 0)) as string[]).map(shq) : [])];
    case 'commit':
      return [word(thing(r, 'container')), ...(r.chance(0.7) ? [shq(r.pick(FLAG_VALUES.tag as string[]))] : [])];
    case 'cp':
      return r.pick([
        ['c1:/etc/hostname', '.'],
        ['c1:/etc', '/tmp/etc-copy'],
        ['./ctx', 'c1:/tmp/'],
        ['/srv/work', 'web:/'],
        ['c1:/nope', '.'],
        ['-', 'c1:/tmp'],
        ['c1:/../../..', '/tmp/x'],
        [shq(hostile(r)), 'c1:/tmp'],
      ]);
    case 'port':
      return [word(thing(r, 'container')), ...(r.chance(0.5) ? [shq(r.pick(['80', '80/tcp', '80/udp', 'x', '-1', '65536']))] : [])];
    case 'rename':
      return [word(thing(r, 'container')), word(r.pick(['c9', 'web', '', 'new-name', '__proto__']))];
    case 'tag':
      return [word(thing(r, 'image')), shq(r.pick(FLAG_VALUES.tag as string[]))];
    case 'import':
      return [shq(r.pick(['out.tar', '-', 'nope.tar', 'http://example.com/x.tar'])), ...(r.chance(0.5) ? [shq(r.pick(FLAG_VALUES.tag as string[]))] : [])];
    case 'load':
    case 'version':
    case 'info':
    case 'df':
    case 'events':
    case 'prune':
    case 'ls':
    case 'images':
    case 'ps':
      return verb === 'ls' && group === 'image' && r.chance(0.3) ? [word(thing(r, 'image'))] : verb === 'images' && r.chance(0.3) ? [word(thing(r, 'image'))] : [];
    case 'build':
      return [shq(r.pick(['ctx', '.', 'nope', '-', '/', 'https://github.com/docker/nope.git', 'ctx/Dockerfile']))];
    case 'login':
    case 'logout':
      return r.chance(0.5) ? [shq(r.pick(['localhost:5000', 'docker.io', 'nope.example', '']))] : [];
    case 'search':
      return [shq(r.chance(0.8) ? r.pick(['busybox', 'nginx', 'ubuntu', 'x']) : hostile(r))];
    case 'history':
    case 'pull':
    case 'push':
    case 'save':
      return [word(thing(r, 'image'))];
    case 'rmi':
    case 'rm':
      return group === 'image' || verb === 'rmi' ? many('image') : many('container');
    case 'inspect':
      return group === 'image' ? many('image') : group === 'container' ? many('container') : many('any');
    case 'stats':
      return r.chance(0.5) ? many('container') : [];
    default:
      return spec.args?.kind === 'none' ? [] : many('container');
  }
}

function flagValue(r: Rng, f: FlagSpec): string {
  if (f.name === 'filter') {
    if (r.chance(0.1)) return hostile(r);
    return `${r.pick(FILTER_KEYS)}=${r.pick(FILTER_VALUES)}`;
  }
  const known = FLAG_VALUES[f.name];
  if (f.name === 'format' && r.chance(0.5)) return hostile(r, 'template');
  if (known && r.chance(0.75)) return r.pick(known);
  switch (f.type) {
    case 'int':
    case 'uint':
      return hostile(r, 'number');
    case 'bytes':
      return r.chance(0.5) ? r.pick(['1m', '512k', '2g', '0', '-1b']) : hostile(r, 'number');
    case 'duration':
      return r.chance(0.5) ? r.pick(['1s', '10m', '-1s', '0', '1h2m', '5']) : hostile(r, 'number');
    default:
      return hostile(r);
  }
}

/** one flag as typed: --name value, --name=value, -s value, or a bool */
function flagWords(r: Rng, f: FlagSpec): string[] {
  const long = `--${f.name}`;
  if (f.type === 'bool') {
    if (r.chance(0.85)) return [f.short && r.chance(0.5) ? `-${f.short}` : long];
    return [`${long}=${r.pick(['false', 'true', '0', 'maybe', ''])}`];
  }
  const v = flagValue(r, f);
  if (r.chance(0.3)) return [`${long}=${shq(v)}`];
  return [f.short && r.chance(0.5) ? `-${f.short}` : long, shq(v)];
}

export function dockerLine(r: Rng): FuzzLine {
  const leaf = r.pick(DOCKER_LEAVES);
  const words = ['docker'];
  if (r.chance(0.04)) words.push(...r.pick(GLOBALS).map(shq));
  words.push(...leaf.path);
  const flags = (leaf.spec.flags ?? []).filter((f) => !f.deprecated);
  const verb = leaf.path[leaf.path.length - 1];
  const n = flags.length === 0 ? 0 : r.weighted([[4, 0], [4, 1], [3, 2], [2, 3], [1, 5]] as const);
  const chosen = new Set<FlagSpec>();
  for (let i = 0; i < n; i++) chosen.add(r.pick(flags));
  // a container that would run in the foreground: mostly detached, or interactive with something typed
  let inputs: FuzzLine['inputs'];
  if ((verb === 'run' || verb === 'start' || verb === 'exec' || verb === 'attach') && r.chance(0.7)) {
    const d = flags.find((f) => f.name === 'detach');
    if (d && r.chance(0.7)) chosen.add(d);
    else if (r.chance(0.5)) inputs = r.pick(INPUTS);
  }
  if (r.chance(0.03)) words.push(r.pick(['--', '-', '--bogus', '-Z', '---x']));
  for (const f of chosen) words.push(...flagWords(r, f));
  words.push(...positionals(r, leaf.path, leaf.spec));
  if (r.chance(0.03)) words.push(shq(hostile(r)));
  return { line: words.join(' '), kind: 'docker', template: `docker ${leaf.path.join(' ')}`, inputs };
}

const INPUTS: readonly NonNullable<FuzzLine['inputs']>[] = [
  [{ kind: 'stdin', text: 'echo hi' }, { kind: 'stdin', text: 'exit' }],
  [{ kind: 'keys', text: '\\x03' }],
  [{ kind: 'keys', text: '\\x04' }],
  [{ kind: 'keys', text: '\\x10\\x11' }],
  [{ kind: 'stdin', text: 'ls /; exit 4' }],
  [{ kind: 'wait', seconds: 2 }, { kind: 'keys', text: '\\x03' }, { kind: 'keys', text: '\\x03' }],
  [{ kind: 'stdin', text: 'y' }],
  [{ kind: 'stdin', text: 'while :; do :; done' }],
];
