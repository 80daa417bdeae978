import { describe, expect, it } from 'vitest';
import type { CommandSpec, FlagSpec } from './command';
import { flagUsagesWrapped } from './flag-usages';
import { helpString } from './help';
import { makeNode } from './tree';

// Expected texts captured from a real docker 20.10.24 (stdin not a terminal: wrap at 79).
const PS_HELP = "\nUsage:  docker ps [OPTIONS]\n\nList containers\n\nOptions:\n  -a, --all             Show all containers (default shows just running)\n  -f, --filter filter   Filter output based on conditions provided\n      --format string   Pretty-print containers using a Go template\n  -n, --last int        Show n last created containers (includes all\n                        states) (default -1)\n  -l, --latest          Show the latest created container (includes all\n                        states)\n      --no-trunc        Don't truncate output\n  -q, --quiet           Only display container IDs\n  -s, --size            Display total file sizes\n";
const IMAGE_LS_HELP = "\nUsage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n\nAliases:\n  ls, list\n\nOptions:\n  -a, --all             Show all images (default hides intermediate images)\n      --digests         Show digests\n  -f, --filter filter   Filter output based on conditions provided\n      --format string   Pretty-print images using a Go template\n      --no-trunc        Don't truncate output\n  -q, --quiet           Only show image IDs\n";
const VOLUME_RM_HELP = "\nUsage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]\n\nRemove one or more volumes. You cannot remove a volume that is in use by a container.\n\nAliases:\n  rm, remove\n\nExamples:\n\n$ docker volume rm hello\nhello\n\n\nOptions:\n  -f, --force   Force the removal of one or more volumes\n";
const LOGIN_HELP = "\nUsage:  docker login [OPTIONS] [SERVER]\n\nLog in to a Docker registry.\nIf no server is specified, the default is defined by the daemon.\n\nOptions:\n  -p, --password string   Password\n      --password-stdin    Take the password from stdin\n  -u, --username string   Username\n";
const STOP_HELP = "\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nStop one or more running containers\n\nOptions:\n  -t, --time int   Seconds to wait for stop before killing it (default 10)\n";
const IMAGE_HELP = "\nUsage:  docker image COMMAND\n\nManage images\n\nCommands:\n  build       Build an image from a Dockerfile\n  history     Show the history of an image\n  import      Import the contents from a tarball to create a filesystem image\n  inspect     Display detailed information on one or more images\n  load        Load an image from a tar archive or STDIN\n  ls          List images\n  prune       Remove unused images\n  pull        Pull an image or a repository from a registry\n  push        Push an image or a repository to a registry\n  rm          Remove one or more images\n  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n\nRun 'docker image COMMAND --help' for more information on a command.\n";
const PULL_HELP = `
Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]

Pull an image or a repository from a registry

Options:
  -a, --all-tags                Download all tagged images in the repository
      --disable-content-trust   Skip image verification (default true)
      --platform string         Set platform if server is multi-platform capable
  -q, --quiet                   Suppress verbose output
`;

const opts = { cols: 79, boldAdditional: false };
const root: CommandSpec = { use: 'docker [OPTIONS] COMMAND [ARG...]', short: 'A self-sufficient runtime for containers' };
const rootNode = makeNode(root);
const filter: FlagSpec = {
  name: 'filter',
  short: 'f',
  type: 'list',
  valueName: 'filter',
  usage: 'Filter output based on conditions provided',
};

const ps: CommandSpec = {
  use: 'ps [OPTIONS]',
  short: 'List containers',
  args: { kind: 'none' },
  flags: [
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
    { name: 'last', short: 'n', type: 'int', usage: 'Show n last created containers (includes all states)', default: -1 },
    { name: 'format', type: 'string', usage: 'Pretty-print containers using a Go template' },
    filter,
  ],
  run: async () => 0,
};

const imageLs: CommandSpec = {
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
  aliases: ['list'],
  short: 'List images',
  args: { kind: 'max', n: 1 },
  flags: [
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { name: 'digests', type: 'bool', usage: 'Show digests' },
    filter,
    { name: 'format', type: 'string', usage: 'Pretty-print images using a Go template' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  ],
  run: async () => 0,
};

const sub = (use: string, short: string): CommandSpec => ({ use, short, run: async () => 0 });
const image: CommandSpec = {
  use: 'image',
  short: 'Manage images',
  args: { kind: 'none' },
  subcommands: [
    sub('build [OPTIONS] PATH | URL | -', 'Build an image from a Dockerfile'),
    sub('history [OPTIONS] IMAGE', 'Show the history of an image'),
    sub('import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]', 'Import the contents from a tarball to create a filesystem image'),
    sub('load [OPTIONS]', 'Load an image from a tar archive or STDIN'),
    imageLs,
    sub('prune [OPTIONS]', 'Remove unused images'),
    sub('pull [OPTIONS] NAME[:TAG|@DIGEST]', 'Pull an image or a repository from a registry'),
    sub('push [OPTIONS] NAME[:TAG]', 'Push an image or a repository to a registry'),
    { ...sub('rm [OPTIONS] IMAGE [IMAGE...]', 'Remove one or more images'), aliases: ['rmi', 'remove'] },
    sub('save [OPTIONS] IMAGE [IMAGE...]', 'Save one or more images to a tar archive (streamed to STDOUT by default)'),
    sub('tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'),
    sub('inspect [OPTIONS] IMAGE [IMAGE...]', 'Display detailed information on one or more images'),
    { ...sub('hid', 'Not listed'), hidden: true },
  ],
};

describe('help (cobra templates as docker 20.10 prints them)', () => {
  it('docker pull --help (golden, recorded on a 120-column terminal)', () => {
    const pull: CommandSpec = {
      use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
      short: 'Pull an image or a repository from a registry',
      flags: [
        { name: 'all-tags', short: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
        { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
        { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', default: true },
      ],
    };
    expect(helpString(makeNode(pull, rootNode), { cols: 119, boldAdditional: false })).toBe(PULL_HELP);
    // without a terminal docker wraps at 79
    expect(helpString(makeNode(pull, rootNode), opts)).toContain(
      '      --platform string         Set platform if server is multi-platform\n                                capable\n',
    );
  });
  it('docker ps --help: sorted flags, wrapping, (default -1)', () => {
    expect(helpString(makeNode(ps, rootNode), opts)).toBe(PS_HELP);
  });
  it('docker stop --help', () => {
    const stop: CommandSpec = {
      use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
      short: 'Stop one or more running containers',
      flags: [{ name: 'time', short: 't', type: 'int', usage: 'Seconds to wait for stop before killing it', default: 10 }],
    };
    expect(helpString(makeNode(stop, rootNode), opts)).toBe(STOP_HELP);
  });
  it('docker image ls --help: Aliases section', () => {
    expect(helpString(makeNode(imageLs, makeNode(image, rootNode)), opts)).toBe(IMAGE_LS_HELP);
  });
  it('docker image --help: subcommand list, hidden ones left out', () => {
    expect(helpString(makeNode(image, rootNode), opts)).toBe(IMAGE_HELP);
  });
  it('docker volume rm --help: Long and Examples', () => {
    const volume: CommandSpec = { use: 'volume COMMAND', short: 'Manage volumes', subcommands: [] };
    const rm: CommandSpec = {
      use: 'rm [OPTIONS] VOLUME [VOLUME...]',
      aliases: ['remove'],
      short: 'Remove one or more volumes',
      long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
      example: '\n$ docker volume rm hello\nhello\n',
      flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' }],
    };
    expect(helpString(makeNode(rm, makeNode(volume, rootNode)), opts)).toBe(VOLUME_RM_HELP);
  });
  it('docker login --help: multi-line Long', () => {
    const login: CommandSpec = {
      use: 'login [OPTIONS] [SERVER]',
      short: 'Log in to a Docker registry',
      long: 'Log in to a Docker registry.\nIf no server is specified, the default is defined by the daemon.',
      flags: [
        { name: 'username', short: 'u', type: 'string', usage: 'Username' },
        { name: 'password', short: 'p', type: 'string', usage: 'Password' },
        { name: 'password-stdin', type: 'bool', usage: 'Take the password from stdin' },
      ],
    };
    expect(helpString(makeNode(login, rootNode), opts)).toBe(LOGIN_HELP);
  });
});

describe('flagUsagesWrapped (pflag)', () => {
  const flags: FlagSpec[] = [
    {
      name: 'cgroupns',
      type: 'string',
      usage:
        "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)",
    },
    { name: 'health-interval', type: 'duration', usage: 'Time between running the check (ms|s|m|h)', defaultText: '0s' },
    { name: 'pull', type: 'string', usage: 'Pull image before running ("always"|"missing"|"never")', default: 'missing' },
    { name: 'health-start-period', type: 'duration', usage: 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h)', defaultText: '0s' },
  ];
  it('wraps like docker run --help, keeping embedded newlines', () => {
    expect(flagUsagesWrapped(flags, 79)).toBe(
      [
        '      --cgroupns string                Cgroup namespace to use',
        '                                       (host|private)',
        "                                       'host':    Run the container in",
        "                                       the Docker host's cgroup namespace",
        "                                       'private': Run the container in",
        '                                       its own private cgroup namespace',
        "                                       '':        Use the cgroup",
        '                                       namespace as configured by the',
        '                                                  default-cgroupns-mode',
        '                                       option on the daemon (default)',
        '      --health-interval duration       Time between running the check',
        '                                       (ms|s|m|h) (default 0s)',
        '      --pull string                    Pull image before running',
        '                                       ("always"|"missing"|"never")',
        '                                       (default "missing")',
        '      --health-start-period duration   Start period for the container to',
        '                                       initialize before starting',
        '                                       health-retries countdown',
        '                                       (ms|s|m|h) (default 0s)',
        '',
      ].join('\n'),
    );
  });
  it('does not wrap on a wide terminal', () => {
    expect(flagUsagesWrapped([flags[2]!], 200)).toBe(
      '      --pull string   Pull image before running ("always"|"missing"|"never") (default "missing")\n',
    );
  });
});
