import { describe, expect, it, vi } from 'vitest';
import { ClientError } from '../api/errors';
import type { EngineClient } from '../client/engine-client';
import type { CommandSpec } from './framework/command';
import { CliError, StatusError } from './framework/command';
import { testContext } from './framework/testing';

// Expected texts captured from a real docker 20.10.24 (HOME=/root, stdin not a terminal).
const ROOT_HELP = "\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nOptions:\n      --config string      Location of client config files (default\n                           \"/root/.docker\")\n  -c, --context string     Name of the context to use to connect to the\n                           daemon (overrides DOCKER_HOST env var and\n                           default context set with \"docker context use\")\n  -D, --debug              Enable debug mode\n  -H, --host list          Daemon socket(s) to connect to\n  -l, --log-level string   Set the logging level\n                           (\"debug\"|\"info\"|\"warn\"|\"error\"|\"fatal\")\n                           (default \"info\")\n      --tls                Use TLS; implied by --tlsverify\n      --tlscacert string   Trust certs signed only by this CA (default\n                           \"/root/.docker/ca.pem\")\n      --tlscert string     Path to TLS certificate file (default\n                           \"/root/.docker/cert.pem\")\n      --tlskey string      Path to TLS key file (default\n                           \"/root/.docker/key.pem\")\n      --tlsverify          Use TLS and verify the remote\n  -v, --version            Print version information and quit\n\nManagement Commands:\n  builder     Manage builds\n  completion  Generate the autocompletion script for the specified shell\n  config      Manage Docker configs\n  container   Manage containers\n  context     Manage contexts\n  image       Manage images\n  manifest    Manage Docker image manifests and manifest lists\n  network     Manage networks\n  node        Manage Swarm nodes\n  plugin      Manage plugins\n  secret      Manage Docker secrets\n  service     Manage services\n  stack       Manage Docker stacks\n  swarm       Manage Swarm\n  system      Manage Docker\n  trust       Manage trust on Docker images\n  volume      Manage volumes\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  build       Build an image from a Dockerfile\n  commit      Create a new image from a container's changes\n  cp          Copy files/folders between a container and the local filesystem\n  create      Create a new container\n  diff        Inspect changes to files or directories on a container's filesystem\n  events      Get real time events from the server\n  exec        Run a command in a running container\n  export      Export a container's filesystem as a tar archive\n  history     Show the history of an image\n  images      List images\n  import      Import the contents from a tarball to create a filesystem image\n  info        Display system-wide information\n  inspect     Return low-level information on Docker objects\n  kill        Kill one or more running containers\n  load        Load an image from a tar archive or STDIN\n  login       Log in to a Docker registry\n  logout      Log out from a Docker registry\n  logs        Fetch the logs of a container\n  pause       Pause all processes within one or more containers\n  port        List port mappings or a specific mapping for the container\n  ps          List containers\n  pull        Pull an image or a repository from a registry\n  push        Push an image or a repository to a registry\n  rename      Rename a container\n  restart     Restart one or more containers\n  rm          Remove one or more containers\n  rmi         Remove one or more images\n  run         Run a command in a new container\n  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n  search      Search the Docker Hub for images\n  start       Start one or more stopped containers\n  stats       Display a live stream of container(s) resource usage statistics\n  stop        Stop one or more running containers\n  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n  top         Display the running processes of a container\n  unpause     Unpause all processes within one or more containers\n  update      Update configuration of one or more containers\n  version     Show the Docker version information\n  wait        Block until one or more containers stop, then print their exit codes\n\nRun 'docker COMMAND --help' for more information on a command.\n\nTo get more help with docker, check out our guides at https://docs.docker.com/go/guides/\n";
const ROOT_BAD_FLAG = "unknown shorthand flag: 'x' in -x\nSee 'docker --help'.\n\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nOptions:\n      --config string      Location of client config files (default\n                           \"/root/.docker\")\n  -c, --context string     Name of the context to use to connect to the\n                           daemon (overrides DOCKER_HOST env var and\n                           default context set with \"docker context use\")\n  -D, --debug              Enable debug mode\n  -H, --host list          Daemon socket(s) to connect to\n  -l, --log-level string   Set the logging level\n                           (\"debug\"|\"info\"|\"warn\"|\"error\"|\"fatal\")\n                           (default \"info\")\n      --tls                Use TLS; implied by --tlsverify\n      --tlscacert string   Trust certs signed only by this CA (default\n                           \"/root/.docker/ca.pem\")\n      --tlscert string     Path to TLS certificate file (default\n                           \"/root/.docker/cert.pem\")\n      --tlskey string      Path to TLS key file (default\n                           \"/root/.docker/key.pem\")\n      --tlsverify          Use TLS and verify the remote\n  -v, --version            Print version information and quit\n\nManagement Commands:\n  builder     Manage builds\n  config      Manage Docker configs\n  container   Manage containers\n  context     Manage contexts\n  image       Manage images\n  manifest    Manage Docker image manifests and manifest lists\n  network     Manage networks\n  node        Manage Swarm nodes\n  plugin      Manage plugins\n  secret      Manage Docker secrets\n  service     Manage services\n  stack       Manage Docker stacks\n  swarm       Manage Swarm\n  system      Manage Docker\n  trust       Manage trust on Docker images\n  volume      Manage volumes\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  build       Build an image from a Dockerfile\n  commit      Create a new image from a container's changes\n  cp          Copy files/folders between a container and the local filesystem\n  create      Create a new container\n  diff        Inspect changes to files or directories on a container's filesystem\n  events      Get real time events from the server\n  exec        Run a command in a running container\n  export      Export a container's filesystem as a tar archive\n  history     Show the history of an image\n  images      List images\n  import      Import the contents from a tarball to create a filesystem image\n  info        Display system-wide information\n  inspect     Return low-level information on Docker objects\n  kill        Kill one or more running containers\n  load        Load an image from a tar archive or STDIN\n  login       Log in to a Docker registry\n  logout      Log out from a Docker registry\n  logs        Fetch the logs of a container\n  pause       Pause all processes within one or more containers\n  port        List port mappings or a specific mapping for the container\n  ps          List containers\n  pull        Pull an image or a repository from a registry\n  push        Push an image or a repository to a registry\n  rename      Rename a container\n  restart     Restart one or more containers\n  rm          Remove one or more containers\n  rmi         Remove one or more images\n  run         Run a command in a new container\n  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n  search      Search the Docker Hub for images\n  start       Start one or more stopped containers\n  stats       Display a live stream of container(s) resource usage statistics\n  stop        Stop one or more running containers\n  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n  top         Display the running processes of a container\n  unpause     Unpause all processes within one or more containers\n  update      Update configuration of one or more containers\n  version     Show the Docker version information\n  wait        Block until one or more containers stop, then print their exit codes\n\nRun 'docker COMMAND --help' for more information on a command.\n\nTo get more help with docker, check out our guides at https://docs.docker.com/go/guides/\n\n";
const IMAGE_HELP = "\nUsage:  docker image COMMAND\n\nManage images\n\nCommands:\n  build       Build an image from a Dockerfile\n  history     Show the history of an image\n  import      Import the contents from a tarball to create a filesystem image\n  inspect     Display detailed information on one or more images\n  load        Load an image from a tar archive or STDIN\n  ls          List images\n  prune       Remove unused images\n  pull        Pull an image or a repository from a registry\n  push        Push an image or a repository to a registry\n  rm          Remove one or more images\n  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n\nRun 'docker image COMMAND --help' for more information on a command.\n";
const IMAGE_FOO = "\nUsage:  docker image COMMAND\n\nManage images\n\nCommands:\n  build       Build an image from a Dockerfile\n  history     Show the history of an image\n  import      Import the contents from a tarball to create a filesystem image\n  inspect     Display detailed information on one or more images\n  load        Load an image from a tar archive or STDIN\n  ls          List images\n  prune       Remove unused images\n  pull        Pull an image or a repository from a registry\n  push        Push an image or a repository to a registry\n  rm          Remove one or more images\n  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n\nRun 'docker image COMMAND --help' for more information on a command.\n";
const IMAGE_BAD_FLAG = "unknown flag: --foo\nSee 'docker image --help'.\n\nUsage:  docker image COMMAND\n\nManage images\n\nCommands:\n  build       Build an image from a Dockerfile\n  history     Show the history of an image\n  import      Import the contents from a tarball to create a filesystem image\n  inspect     Display detailed information on one or more images\n  load        Load an image from a tar archive or STDIN\n  ls          List images\n  prune       Remove unused images\n  pull        Pull an image or a repository from a registry\n  push        Push an image or a repository to a registry\n  rm          Remove one or more images\n  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n\nRun 'docker image COMMAND --help' for more information on a command.\n\n";
const PS_H = "Flag shorthand -h has been deprecated, please use --help\n\nUsage:  docker ps [OPTIONS]\n\nList containers\n\nOptions:\n  -a, --all             Show all containers (default shows just running)\n  -f, --filter filter   Filter output based on conditions provided\n      --format string   Pretty-print containers using a Go template\n  -n, --last int        Show n last created containers (includes all\n                        states) (default -1)\n  -l, --latest          Show the latest created container (includes all\n                        states)\n      --no-trunc        Don't truncate output\n  -q, --quiet           Only display container IDs\n  -s, --size            Display total file sizes\n";
const PULL_AB = "\"docker pull\" requires exactly 1 argument.\nSee 'docker pull --help'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nPull an image or a repository from a registry\n";
const ROOT_HELP_TTY120 = "\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nOptions:\n      --config string      Location of client config files (default \"/root/.docker\")\n  -c, --context string     Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and\n                           default context set with \"docker context use\")\n  -D, --debug              Enable debug mode\n  -H, --host list          Daemon socket(s) to connect to\n  -l, --log-level string   Set the logging level (\"debug\"|\"info\"|\"warn\"|\"error\"|\"fatal\") (default \"info\")\n      --tls                Use TLS; implied by --tlsverify\n      --tlscacert string   Trust certs signed only by this CA (default \"/root/.docker/ca.pem\")\n      --tlscert string     Path to TLS certificate file (default \"/root/.docker/cert.pem\")\n      --tlskey string      Path to TLS key file (default \"/root/.docker/key.pem\")\n      --tlsverify          Use TLS and verify the remote\n  -v, --version            Print version information and quit\n\nManagement Commands:\n  builder     Manage builds\n  completion  Generate the autocompletion script for the specified shell\n  config      Manage Docker configs\n  container   Manage containers\n  context     Manage contexts\n  image       Manage images\n  manifest    Manage Docker image manifests and manifest lists\n  network     Manage networks\n  node        Manage Swarm nodes\n  plugin      Manage plugins\n  secret      Manage Docker secrets\n  service     Manage services\n  stack       Manage Docker stacks\n  swarm       Manage Swarm\n  system      Manage Docker\n  trust       Manage trust on Docker images\n  volume      Manage volumes\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  build       Build an image from a Dockerfile\n  commit      Create a new image from a container's changes\n  cp          Copy files/folders between a container and the local filesystem\n  create      Create a new container\n  diff        Inspect changes to files or directories on a container's filesystem\n  events      Get real time events from the server\n  exec        Run a command in a running container\n  export      Export a container's filesystem as a tar archive\n  history     Show the history of an image\n  images      List images\n  import      Import the contents from a tarball to create a filesystem image\n  info        Display system-wide information\n  inspect     Return low-level information on Docker objects\n  kill        Kill one or more running containers\n  load        Load an image from a tar archive or STDIN\n  login       Log in to a Docker registry\n  logout      Log out from a Docker registry\n  logs        Fetch the logs of a container\n  pause       Pause all processes within one or more containers\n  port        List port mappings or a specific mapping for the container\n  ps          List containers\n  pull        Pull an image or a repository from a registry\n  push        Push an image or a repository to a registry\n  rename      Rename a container\n  restart     Restart one or more containers\n  rm          Remove one or more containers\n  rmi         Remove one or more images\n  run         Run a command in a new container\n  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n  search      Search the Docker Hub for images\n  start       Start one or more stopped containers\n  stats       Display a live stream of container(s) resource usage statistics\n  stop        Stop one or more running containers\n  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n  top         Display the running processes of a container\n  unpause     Unpause all processes within one or more containers\n  update      Update configuration of one or more containers\n  version     Show the Docker version information\n  wait        Block until one or more containers stop, then print their exit codes\n\nRun 'docker COMMAND --help' for more information on a command.\n\nTo get more help with docker, check out our guides at https://docs.docker.com/go/guides/\n";
const CONTAINER_PS_FOO = "unknown flag: --foo\nSee 'docker container ls --help'.\n";

const calls: { path: string; args: string[]; all: boolean }[] = [];
let failWith: unknown;

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
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
  ],
  async run(ctx, flags, args) {
    calls.push({ path: ctx.commandPath, args, all: flags.bool('all') });
    if (failWith) throw failWith;
    await (ctx.client as unknown as { containerList(o: unknown): Promise<unknown> }).containerList({});
    ctx.io.stdout.write('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  },
};
const pull: CommandSpec = {
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Pull an image or a repository from a registry',
  args: { kind: 'exact', n: 1 },
  async run() {
    return 0;
  },
};
const run: CommandSpec = {
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Run a command in a new container',
  args: { kind: 'min', n: 1 },
  stopAtFirstArg: true,
  flags: [
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  ],
  async run(ctx, _flags, args) {
    calls.push({ path: ctx.commandPath, args, all: false });
    return 3;
  },
};
const sub = (use: string, short: string): CommandSpec => ({ use, short, run: async () => 0 });
const imageLs: CommandSpec = { ...sub('ls [OPTIONS] [REPOSITORY[:TAG]]', 'List images'), aliases: ['list'] };
const image: CommandSpec = {
  use: 'image',
  short: 'Manage images',
  subcommands: [
    sub('build [OPTIONS] PATH | URL | -', 'Build an image from a Dockerfile'),
    sub('history [OPTIONS] IMAGE', 'Show the history of an image'),
    sub('import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]', 'Import the contents from a tarball to create a filesystem image'),
    sub('inspect [OPTIONS] IMAGE [IMAGE...]', 'Display detailed information on one or more images'),
    sub('load [OPTIONS]', 'Load an image from a tar archive or STDIN'),
    imageLs,
    sub('prune [OPTIONS]', 'Remove unused images'),
    { ...pull },
    sub('push [OPTIONS] NAME[:TAG]', 'Push an image or a repository to a registry'),
    { ...sub('rm [OPTIONS] IMAGE [IMAGE...]', 'Remove one or more images'), aliases: ['rmi', 'remove'] },
    sub('save [OPTIONS] IMAGE [IMAGE...]', 'Save one or more images to a tar archive (streamed to STDOUT by default)'),
    sub('tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'),
  ],
};
const container: CommandSpec = {
  use: 'container',
  short: 'Manage containers',
  subcommands: [{ ...ps, use: 'ls [OPTIONS]', aliases: ['ps', 'list'] }, run],
};

vi.mock('./commands', () => ({ allCommands: [] }));
const { runDocker } = await import('./main');

const client = {
  async containerList() {
    return [];
  },
} as unknown as EngineClient;

async function docker(argv: string[], env?: Record<string, string>) {
  const ctx = testContext({ client, env });
  const status = await runDocker(argv, ctx, [image, container, ps, pull, run]);
  return { status, out: ctx.stdout.text(), err: ctx.stderr.text() };
}

describe('runDocker: root', () => {
  it('docker --help prints the root help on stdout', async () => {
    expect(await docker(['--help'])).toEqual({ status: 0, out: ROOT_HELP, err: '' });
    expect(await docker(['help'])).toEqual({ status: 0, out: ROOT_HELP, err: '' });
  });
  it('on a 120-column terminal, help wraps at 119', async () => {
    const ctx = testContext({ client, tty: { columns: 120 } });
    expect(await runDocker(['--help'], ctx, [])).toBe(0);
    expect(ctx.stdout.text()).toBe(ROOT_HELP_TTY120);
  });
  it('docker alone prints the root help on stderr, status 0', async () => {
    expect(await docker([])).toEqual({ status: 0, out: '', err: ROOT_HELP });
  });
  it('an unknown global flag prints the root usage, 125', async () => {
    expect(await docker(['-x'])).toEqual({ status: 125, out: '', err: ROOT_BAD_FLAG });
  });
  it('docker versoin', async () => {
    expect(await docker(['versoin'])).toEqual({
      status: 1,
      out: '',
      err: "docker: 'versoin' is not a docker command.\nSee 'docker --help'\n",
    });
  });
  it('docker -v / --version', async () => {
    const want = { status: 0, out: 'Docker version 20.10.24+dfsg1, build 297e128\n', err: '' };
    expect(await docker(['-v'])).toEqual(want);
    expect(await docker(['--version'])).toEqual(want);
    expect(await docker(['-v', 'x'])).toEqual(want);
    // with a command, -v is a global option that does nothing
    expect((await docker(['-v', 'ps'])).out).toContain('CONTAINER ID');
  });
  it('accepts -D, -l, --config, --context default, -H to the default socket', async () => {
    for (const argv of [
      ['-D', 'ps'],
      ['-l', 'debug', 'ps'],
      ['--config', '/tmp/x', 'ps'],
      ['--context', 'default', 'ps'],
      ['-H', 'unix:///var/run/docker.sock', 'ps'],
    ]) {
      expect((await docker(argv)).status).toBe(0);
    }
  });
  it('rejects what DockerCli.Initialize rejects', async () => {
    expect(await docker(['-l', 'foo', 'ps'])).toEqual({ status: 1, out: '', err: 'Unable to parse logging level: foo\n' });
    expect((await docker(['--context', 'foo', 'ps'])).err).toBe(
      'unable to resolve docker endpoint: context "foo" does not exist\n',
    );
    expect((await docker(['ps'], { HOME: '/root', DOCKER_CONTEXT: 'foo' })).status).toBe(1);
  });
  it('an unreachable -H fails when the command calls the daemon', async () => {
    expect(await docker(['-H', 'tcp://1.2.3.4:1', 'ps'])).toEqual({
      status: 1,
      out: '',
      err: 'Cannot connect to the Docker daemon at tcp://1.2.3.4:1. Is the docker daemon running?\n',
    });
  });
  it('refuses docker commands the sandbox does not implement', async () => {
    const r = await docker(['swarm', 'init']);
    expect(r.status).toBe(1);
    expect(r.err).toBe('docker: docker swarm is not supported in the Dockyard sandbox.\n');
    expect((await docker(['swarm', 'init'], { LANG: 'zh_CN.UTF-8' })).err).toContain('不支持');
    expect((await docker(['help', 'swarm'])).status).toBe(1);
  });
});

describe('runDocker: commands', () => {
  it('docker pull a b: argument count error, status 1', async () => {
    expect(await docker(['pull', 'a', 'b'])).toEqual({ status: 1, out: '', err: PULL_AB });
  });
  it('docker ps -h: deprecation notice then help, on stdout', async () => {
    expect(await docker(['ps', '-h'])).toEqual({ status: 0, out: PS_H, err: '' });
  });
  it('help before the command, help command, help of a subcommand via alias', async () => {
    const psHelp = await docker(['ps', '--help']);
    expect(await docker(['--help', 'ps'])).toEqual(psHelp);
    expect(await docker(['help', 'ps'])).toEqual(psHelp);
    expect((await docker(['image', 'list', '--help'])).out).toContain('Usage:  docker image ls [OPTIONS]');
    expect((await docker(['help', 'image', 'ls'])).out).toContain('Usage:  docker image ls [OPTIONS]');
    expect(await docker(['help', 'foo'])).toEqual({ status: 1, out: '', err: 'unknown help topic: foo\n' });
    expect(await docker(['help', 'image', 'foo'])).toEqual({ status: 1, out: '', err: 'unknown help topic: foo\n' });
  });
  it('management commands: help on stderr, unknown subcommand, bad flag', async () => {
    expect(await docker(['image'])).toEqual({ status: 0, out: '', err: IMAGE_HELP });
    expect(await docker(['image', '--help'])).toEqual({ status: 0, out: IMAGE_HELP, err: '' });
    expect(await docker(['image', 'foo'])).toEqual({ status: 1, out: '', err: IMAGE_FOO });
    expect(await docker(['image', '--foo'])).toEqual({ status: 125, out: '', err: IMAGE_BAD_FLAG });
    expect(await docker(['image', '--foo', 'ls'])).toEqual({ status: 125, out: '', err: IMAGE_BAD_FLAG });
    expect(await docker(['image', '--foo=1', 'ls'])).toEqual({ status: 1, out: '', err: 'unknown flag: --foo\n' });
  });
  it('names the canonical command path when called by alias', async () => {
    expect(await docker(['container', 'ps', '--foo'])).toEqual({ status: 125, out: '', err: CONTAINER_PS_FOO });
    calls.length = 0;
    await docker(['container', 'list', '-a']);
    expect(calls).toEqual([{ path: 'docker container ls', args: [], all: true }]);
  });
  it('docker run keeps the container command args and returns its status', async () => {
    calls.length = 0;
    const r = await docker(['run', '-it', 'ubuntu', 'ls', '-la']);
    expect(r.status).toBe(3);
    expect(calls).toEqual([{ path: 'docker run', args: ['ubuntu', 'ls', '-la'], all: false }]);
    expect((await docker(['run'])).err).toBe(
      '"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun a command in a new container\n',
    );
  });
  it('flag errors name the command, 125', async () => {
    expect(await docker(['ps', '-x'])).toEqual({
      status: 125,
      out: '',
      err: "unknown shorthand flag: 'x' in -x\nSee 'docker ps --help'.\n",
    });
    expect(await docker(['ps', '-D'])).toEqual({
      status: 125,
      out: '',
      err: "unknown shorthand flag: 'D' in -D\nSee 'docker ps --help'.\n",
    });
  });
});

describe('runDocker: errors thrown by commands', () => {
  const cases: [string, unknown, number, string][] = [
    ['CliError', new CliError('Error: No such container: x'), 1, 'Error: No such container: x\n'],
    ['CliError 125', new CliError('docker: bad.', 125), 125, 'docker: bad.\n'],
    ['StatusError without text', new StatusError(137), 137, ''],
    [
      'StatusError with text',
      new StatusError(125, "docker: Error response from daemon: No command specified.\nSee 'docker run --help'."),
      125,
      "docker: Error response from daemon: No command specified.\nSee 'docker run --help'.\n",
    ],
    [
      'ClientError',
      new ClientError('NotFound', 'Error: No such container: x', 'No such container: x'),
      1,
      'Error: No such container: x\n',
    ],
    ['any other error', new TypeError('boom'), 1, 'Error: boom\n'],
  ];
  it.each(cases)('%s', async (_name, e, status, err) => {
    failWith = e;
    try {
      expect(await docker(['ps'])).toEqual({ status, out: '', err });
    } finally {
      failWith = undefined;
    }
  });
});
