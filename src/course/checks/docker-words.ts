/**
 * Which docker subcommand a command line ran, in its management-command
 * form: `docker rmi x` and `docker image remove x` are both "image rm",
 * `docker ps` is "container ls". The alias table follows docker/cli's
 * command tree (legacy top-level commands, `list`/`remove` aliases).
 */

const MANAGEMENT = new Set(['container', 'image', 'volume', 'network', 'system', 'builder', 'buildx', 'context', 'plugin', 'trust', 'manifest', 'checkpoint', 'config', 'node', 'secret', 'service', 'stack', 'swarm']);

/** top-level legacy commands → their management form */
const LEGACY: Record<string, string> = {
  attach: 'container attach',
  commit: 'container commit',
  cp: 'container cp',
  create: 'container create',
  diff: 'container diff',
  exec: 'container exec',
  export: 'container export',
  kill: 'container kill',
  logs: 'container logs',
  pause: 'container pause',
  port: 'container port',
  ps: 'container ls',
  rename: 'container rename',
  restart: 'container restart',
  rm: 'container rm',
  run: 'container run',
  start: 'container start',
  stats: 'container stats',
  stop: 'container stop',
  top: 'container top',
  unpause: 'container unpause',
  update: 'container update',
  wait: 'container wait',
  build: 'image build',
  history: 'image history',
  images: 'image ls',
  import: 'image import',
  load: 'image load',
  pull: 'image pull',
  push: 'image push',
  rmi: 'image rm',
  save: 'image save',
  tag: 'image tag',
  events: 'system events',
  info: 'system info',
};

const VERB_ALIASES: Record<string, string> = { list: 'ls', ps: 'ls', remove: 'rm' };

/** "rmi" → "image rm", "image remove" → "image rm", "version" → "version" */
export function canonicalSubcommand(words: readonly string[]): string {
  const [first, second] = words;
  if (first === undefined) return '';
  if (MANAGEMENT.has(first)) {
    if (second === undefined) return first;
    return `${first} ${VERB_ALIASES[second] ?? second}`;
  }
  return LEGACY[first] ?? first;
}

/** split a command line into simple commands and their words (quotes removed; enough to spot docker invocations) */
export function simpleCommands(line: string): string[][] {
  const out: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) out.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1);
      word += line.slice(i + 1, end < 0 ? line.length : end);
      inWord = true;
      i = end < 0 ? line.length : end;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') endWord();
    else if (ch === ';' || ch === '|' || ch === '&' || ch === '(' || ch === ')' || ch === '`') {
      endCommand();
      if (ch === '(' && line[i - 1] === '$') continue;
    } else if (ch === '$' && line[i + 1] === '(') {
      endCommand();
      i++;
    } else if (ch === '#' && !inWord) break;
    else {
      word += ch;
      inWord = true;
    }
  }
  endCommand();
  return out;
}

/** docker flags that take a value before the subcommand (`docker -H x ps`) */
const GLOBAL_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);

export interface DockerInvocation {
  /** "image rm" */
  subcommand: string;
  /** the words after `docker` */
  words: string[];
}

/** the docker invocations of a command line (sudo and env assignments skipped) */
export function dockerInvocations(line: string): DockerInvocation[] {
  const out: DockerInvocation[] = [];
  for (const cmd of simpleCommands(line)) {
    let i = 0;
    while (i < cmd.length && (/^[A-Za-z_]\w*=/.test(cmd[i]) || cmd[i] === 'sudo' || cmd[i] === 'command' || cmd[i] === 'time')) i++;
    if (cmd[i] !== 'docker' && !cmd[i]?.endsWith('/docker')) continue;
    const rest = cmd.slice(i + 1);
    let j = 0;
    while (j < rest.length && rest[j].startsWith('-')) j += GLOBAL_WITH_VALUE.has(rest[j]) ? 2 : 1;
    const args = rest.slice(j);
    const sub = canonicalSubcommand(args.filter((a, k) => k === 0 || (k === 1 && MANAGEMENT.has(args[0]) && !a.startsWith('-'))));
    out.push({ subcommand: sub, words: rest });
  }
  return out;
}
