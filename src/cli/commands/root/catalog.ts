/**
 * The top-level commands of docker 20.10.24 (Debian build, as `docker --help`
 * lists them): name, short description, management command or not. Commands
 * the sandbox implements come from allCommands; the others are listed in help
 * and refused docker-style when run.
 */
export interface RootCatalogEntry {
  name: string;
  short: string;
  management: boolean;
}

const ENTRIES: [string, string, boolean][] = [
  ['builder', 'Manage builds', true],
  ['completion', 'Generate the autocompletion script for the specified shell', true],
  ['config', 'Manage Docker configs', true],
  ['container', 'Manage containers', true],
  ['context', 'Manage contexts', true],
  ['image', 'Manage images', true],
  ['manifest', 'Manage Docker image manifests and manifest lists', true],
  ['network', 'Manage networks', true],
  ['node', 'Manage Swarm nodes', true],
  ['plugin', 'Manage plugins', true],
  ['secret', 'Manage Docker secrets', true],
  ['service', 'Manage services', true],
  ['stack', 'Manage Docker stacks', true],
  ['swarm', 'Manage Swarm', true],
  ['system', 'Manage Docker', true],
  ['trust', 'Manage trust on Docker images', true],
  ['volume', 'Manage volumes', true],
  ['attach', 'Attach local standard input, output, and error streams to a running container', false],
  ['build', 'Build an image from a Dockerfile', false],
  ['commit', "Create a new image from a container's changes", false],
  ['cp', 'Copy files/folders between a container and the local filesystem', false],
  ['create', 'Create a new container', false],
  ['diff', "Inspect changes to files or directories on a container's filesystem", false],
  ['events', 'Get real time events from the server', false],
  ['exec', 'Run a command in a running container', false],
  ['export', "Export a container's filesystem as a tar archive", false],
  ['history', 'Show the history of an image', false],
  ['images', 'List images', false],
  ['import', 'Import the contents from a tarball to create a filesystem image', false],
  ['info', 'Display system-wide information', false],
  ['inspect', 'Return low-level information on Docker objects', false],
  ['kill', 'Kill one or more running containers', false],
  ['load', 'Load an image from a tar archive or STDIN', false],
  ['login', 'Log in to a Docker registry', false],
  ['logout', 'Log out from a Docker registry', false],
  ['logs', 'Fetch the logs of a container', false],
  ['pause', 'Pause all processes within one or more containers', false],
  ['port', 'List port mappings or a specific mapping for the container', false],
  ['ps', 'List containers', false],
  ['pull', 'Pull an image or a repository from a registry', false],
  ['push', 'Push an image or a repository to a registry', false],
  ['rename', 'Rename a container', false],
  ['restart', 'Restart one or more containers', false],
  ['rm', 'Remove one or more containers', false],
  ['rmi', 'Remove one or more images', false],
  ['run', 'Run a command in a new container', false],
  ['save', 'Save one or more images to a tar archive (streamed to STDOUT by default)', false],
  ['search', 'Search the Docker Hub for images', false],
  ['start', 'Start one or more stopped containers', false],
  ['stats', 'Display a live stream of container(s) resource usage statistics', false],
  ['stop', 'Stop one or more running containers', false],
  ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', false],
  ['top', 'Display the running processes of a container', false],
  ['unpause', 'Unpause all processes within one or more containers', false],
  ['update', 'Update configuration of one or more containers', false],
  ['version', 'Show the Docker version information', false],
  ['wait', 'Block until one or more containers stop, then print their exit codes', false],
];

/**
 * cobra adds `completion` only when the command tree is executed: usage printed
 * for a bad global option (before that) does not list it.
 */
export const ADDED_AT_EXECUTE = new Set(['completion']);

export const ROOT_CATALOG: readonly RootCatalogEntry[] = ENTRIES.map(([name, short, management]) => ({
  name,
  short,
  management,
}));
