/**
 * What the word at the cursor of a `docker …` command line can be, read from
 * the CLI's own command specs (src/cli/commands: commands are data): a command
 * or subcommand name, a flag, a flag's value, or a positional argument of a
 * known kind (a running container, an image, a volume…).
 */
import type { CommandSpec, FlagSpec } from '../../../cli/framework/command';

export type ArgKind =
  /** any container */
  | 'container'
  | 'running'
  | 'stopped'
  | 'paused'
  | 'image'
  /** a local image, or a repository on the registry (run, create, pull) */
  | 'pullable'
  | 'volume'
  | 'network'
  | 'path'
  | 'directory'
  /** `docker cp`: a container name followed by ':' or a host path */
  | 'cp'
  /** `docker inspect`: containers, images, volumes and networks */
  | 'object'
  | 'none';

export type Want =
  | { kind: 'words'; words: string[]; prefix: string }
  | { kind: ArgKind; prefix: string };

interface Args {
  kinds: ArgKind[];
  /** the last kind repeats (`docker rm a b c`) */
  repeat?: boolean;
}

const many = (k: ArgKind): Args => ({ kinds: [k], repeat: true });
const seq = (...kinds: ArgKind[]): Args => ({ kinds });

/** positional arguments by canonical command path (names after `docker`) */
const ARGS: Record<string, Args> = {
  'container attach': seq('running'),
  'container commit': seq('container', 'none'),
  'container cp': seq('cp', 'cp'),
  'container create': seq('pullable', 'none'),
  'container run': seq('pullable', 'none'),
  'container diff': seq('container'),
  'container exec': seq('running', 'none'),
  'container export': seq('container'),
  'container inspect': many('container'),
  'container kill': many('running'),
  'container logs': seq('container'),
  'container pause': many('running'),
  'container port': seq('container', 'none'),
  'container rename': seq('container', 'none'),
  'container restart': many('container'),
  'container rm': many('container'),
  'container start': many('stopped'),
  'container stats': many('running'),
  'container stop': many('running'),
  'container top': seq('running', 'none'),
  'container unpause': many('paused'),
  'container update': many('container'),
  'container wait': many('container'),
  'image build': seq('directory'),
  'image history': seq('image'),
  'image import': seq('path', 'none'),
  'image inspect': many('image'),
  'image ls': seq('image'),
  'image pull': seq('pullable'),
  'image push': seq('image'),
  'image rm': many('image'),
  'image save': many('image'),
  'image tag': seq('image', 'image'),
  'volume inspect': many('volume'),
  'volume rm': many('volume'),
  'network connect': seq('network', 'container'),
  'network disconnect': seq('network', 'container'),
  'network inspect': many('network'),
  'network rm': many('network'),
  inspect: many('object'),
};

/** top-level legacy commands and the management command they stand for */
const LEGACY: Record<string, string> = {
  images: 'image ls',
  rmi: 'image rm',
  build: 'image build',
  history: 'image history',
  import: 'image import',
  load: 'image load',
  pull: 'image pull',
  push: 'image push',
  save: 'image save',
  tag: 'image tag',
  ps: 'container ls',
};
const CONTAINER_LEGACY = [
  'attach', 'commit', 'cp', 'create', 'diff', 'exec', 'export', 'kill', 'logs', 'pause', 'port', 'rename',
  'restart', 'rm', 'run', 'start', 'stats', 'stop', 'top', 'unpause', 'update', 'wait',
];

/** values of flags, by long name */
const FLAG_VALUES: Record<string, ArgKind | string[]> = {
  network: 'network',
  net: 'network',
  'volumes-from': 'container',
  link: 'container',
  volume: 'volume',
  file: 'path',
  iidfile: 'path',
  cidfile: 'path',
  'env-file': 'path',
  'label-file': 'path',
  output: 'path',
  input: 'path',
  restart: ['no', 'always', 'on-failure', 'unless-stopped'],
  pull: ['always', 'missing', 'never'],
  'log-level': ['debug', 'info', 'warn', 'error', 'fatal'],
  type: ['container', 'image', 'network', 'volume'],
};

function name(spec: CommandSpec): string {
  const i = spec.use.indexOf(' ');
  return i < 0 ? spec.use : spec.use.slice(0, i);
}

function canonical(path: string[]): string {
  const p = path.join(' ');
  if (LEGACY[p]) return LEGACY[p];
  if (path.length === 1 && CONTAINER_LEGACY.includes(p)) return `container ${p}`;
  return p;
}

function flagWords(flags: readonly FlagSpec[]): string[] {
  const out: string[] = [];
  for (const f of flags) {
    if (f.hidden || f.deprecated) continue;
    out.push(`--${f.name}`);
    if (f.short) out.push(`-${f.short}`);
  }
  out.push('--help');
  return out.sort();
}

function valueWant(flag: FlagSpec, prefix: string): Want {
  const v = FLAG_VALUES[flag.name];
  if (!v) return { kind: 'none', prefix };
  return Array.isArray(v) ? { kind: 'words', words: v, prefix } : { kind: v, prefix };
}

/**
 * `words`: the complete words after `docker`; `current`: the partial word.
 * `commands`: the CLI's top-level commands; `globals`: docker's global options.
 */
export function dockerWant(words: readonly string[], current: string, commands: readonly CommandSpec[], globals: readonly FlagSpec[]): Want {
  let subcommands: readonly CommandSpec[] | undefined = commands.filter((c) => !c.hidden);
  let flags: readonly FlagSpec[] = globals;
  let spec: CommandSpec | undefined;
  const path: string[] = [];
  let positionals = 0;
  let expecting: FlagSpec | undefined;
  let flagsDone = false;
  const find = (n: string) => flags.find((f) => f.name === n);
  const findShort = (s: string) => flags.find((f) => f.short === s);

  for (const w of words) {
    if (expecting) {
      expecting = undefined;
      continue;
    }
    const flagsAllowed = !flagsDone && !(spec?.stopAtFirstArg && positionals > 0);
    if (flagsAllowed && w === '--') {
      flagsDone = true;
      continue;
    }
    if (flagsAllowed && w.length > 1 && w.startsWith('-')) {
      if (w.startsWith('--')) {
        if (!w.includes('=')) {
          const f = find(w.slice(2));
          if (f && f.type !== 'bool') expecting = f;
        }
      } else {
        const letters = Array.from(w.slice(1));
        for (let k = 0; k < letters.length; k++) {
          const f = findShort(letters[k]!);
          if (f && f.type !== 'bool') {
            if (k === letters.length - 1) expecting = f;
            break;
          }
        }
      }
      continue;
    }
    if (subcommands && positionals === 0) {
      const sub: CommandSpec | undefined = subcommands.find((c) => name(c) === w || (c.aliases ?? []).includes(w));
      if (!sub) return { kind: 'none', prefix: '' };
      spec = sub;
      path.push(name(sub));
      flags = sub.flags ?? [];
      subcommands = sub.subcommands?.length ? sub.subcommands.filter((c) => !c.hidden) : undefined;
      continue;
    }
    positionals++;
  }

  if (expecting) return valueWant(expecting, '');
  const flagsAllowed = !flagsDone && !(spec?.stopAtFirstArg && positionals > 0);
  if (flagsAllowed && current.startsWith('-')) {
    const eq = current.indexOf('=');
    if (current.startsWith('--') && eq > 0) {
      const f = find(current.slice(2, eq));
      return f ? valueWant(f, current.slice(0, eq + 1)) : { kind: 'none', prefix: '' };
    }
    return { kind: 'words', words: flagWords(flags), prefix: '' };
  }
  if (subcommands && positionals === 0) return { kind: 'words', words: subcommands.map(name).sort(), prefix: '' };
  const args = ARGS[canonical(path)];
  if (!args) return { kind: 'none', prefix: '' };
  const kind = positionals < args.kinds.length ? args.kinds[positionals]! : args.repeat ? args.kinds[args.kinds.length - 1]! : 'none';
  return { kind, prefix: '' };
}
