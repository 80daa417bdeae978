/** The flags of `docker build` (docker/cli 20.10 NewBuildCommand), as data, with the legacy builder's visibility. */
import { InvalidReferenceError, parseNormalizedNamed } from '../../../lib/reference';
import type { FlagSpec } from '../../framework/command';

/** validateTag */
function validTag(v: string): string | undefined {
  try {
    parseNormalizedNamed(v);
    return undefined;
  } catch (err) {
    return err instanceof InvalidReferenceError ? err.message : String(err);
  }
}

/** opts.ValidateEnv */
function validEnv(v: string): string | undefined {
  return v.startsWith('=') ? `invalid environment variable: ${v}` : undefined;
}

/** opts.ValidateLabel */
function validLabel(v: string): string | undefined {
  return v.includes('=') ? undefined : `bad attribute format: ${v}`;
}

/** opts.ValidateExtraHost */
function validHost(v: string): string | undefined {
  const i = v.indexOf(':');
  return i <= 0 || i === v.length - 1 ? `bad format for add-host: "${v}"` : undefined;
}

export const buildFlags: FlagSpec[] = [
  { name: 'add-host', type: 'list', usage: 'Add a custom host-to-IP mapping (host:ip)', validate: validHost },
  { name: 'build-arg', type: 'list', usage: 'Set build-time variables', validate: validEnv },
  { name: 'cache-from', type: 'stringSlice', usage: 'Images to consider as cache sources', valueName: 'strings' },
  { name: 'cgroup-parent', type: 'string', usage: 'Optional parent cgroup for the container' },
  { name: 'compress', type: 'bool', usage: 'Compress the build context using gzip' },
  { name: 'cpu-period', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period' },
  { name: 'cpu-quota', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota' },
  { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
  { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
  { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
  { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', default: true },
  { name: 'file', short: 'f', type: 'string', usage: "Name of the Dockerfile (Default is 'PATH/Dockerfile')" },
  { name: 'force-rm', type: 'bool', usage: 'Always remove intermediate containers' },
  { name: 'iidfile', type: 'string', usage: 'Write the image ID to the file' },
  { name: 'isolation', type: 'string', usage: 'Container isolation technology' },
  { name: 'label', type: 'list', usage: 'Set metadata for an image', validate: validLabel },
  { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
  { name: 'memory-swap', type: 'bytes', usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" },
  { name: 'network', type: 'string', usage: 'Set the networking mode for the RUN instructions during build', default: 'default' },
  { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
  { name: 'output', short: 'o', type: 'stringArray', usage: 'Output destination (format: type=local,dest=path)', hidden: true },
  { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', hidden: true },
  { name: 'progress', type: 'string', usage: 'Set type of progress output (auto, plain, tty). Use plain to show container output', default: 'auto', hidden: true },
  { name: 'pull', type: 'bool', usage: 'Always attempt to pull a newer version of the image' },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
  { name: 'rm', type: 'bool', usage: 'Remove intermediate containers after a successful build', default: true },
  {
    name: 'secret',
    type: 'stringArray',
    usage: 'Secret file to expose to the build (only if BuildKit enabled): id=mysecret,src=/local/secret',
    hidden: true,
  },
  { name: 'security-opt', type: 'stringSlice', usage: 'Security options', valueName: 'strings' },
  { name: 'shm-size', type: 'bytes', usage: 'Size of /dev/shm' },
  { name: 'squash', type: 'bool', usage: 'Squash newly built layers into a single new layer', hidden: true },
  {
    name: 'ssh',
    type: 'stringArray',
    usage: 'SSH agent socket or keys to expose to the build (only if BuildKit enabled) (format: default|<id>[=<socket>|<key>[,<key>]])',
    hidden: true,
  },
  { name: 'stream', type: 'bool', usage: 'Stream attaches to server to negotiate build context', hidden: true },
  { name: 'tag', short: 't', type: 'list', usage: "Name and optionally a tag in the 'name:tag' format", validate: validTag },
  { name: 'target', type: 'string', usage: 'Set the target build stage to build.' },
  { name: 'ulimit', type: 'list', valueName: 'ulimit', usage: 'Ulimit options', defaultText: '[]' },
];
