/**
 * One test per refusal of a container create request, each with the tricks
 * that get past socket proxies: case-folded and duplicate keys and fields
 * outside HostConfig die in the protocol's schema (they never reach the
 * policy); what the schema lets through is refused here with a Docker-style
 * error, and nothing is copied into the Engine request that the policy did not
 * build.
 */
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../api/errors';
import { OPERATIONS } from '../../client/protocol/operations';
import { buildCreateBody, type CreateRequest } from './container-create';
import { DEFAULT_CONTAINER_LIMITS, DEFAULT_SESSION_CAPS } from './limits';
import type { SessionPolicy } from './session-policy';
import { WorkspacePaths } from './workspace-paths';

const root = mkdtempSync(join(tmpdir(), 'dy-policy-'));
const hostRoot = join(root, 'host');
mkdirSync(join(hostRoot, 'src', 'webapp'), { recursive: true });
symlinkSync('/', join(hostRoot, 'src', 'escape'));
symlinkSync('/etc', join(hostRoot, 'etc-link'));

function policy(mode: 'daemon' | 'local' = 'daemon', own: string[] = ['mine']): SessionPolicy {
  return {
    mode,
    sessionId: 'abc123abc123',
    paths: new WorkspacePaths(hostRoot),
    limits: DEFAULT_CONTAINER_LIMITS,
    caps: DEFAULT_SESSION_CAPS,
    ownsContainer: async (r) => own.includes(r),
  };
}

const req = (hostConfig: CreateRequest['hostConfig'], config: CreateRequest['config'] = { Image: 'busybox' }): CreateRequest => ({ config, hostConfig, name: '' });

async function refusal(r: CreateRequest, p = policy()): Promise<string> {
  try {
    await buildCreateBody(r, p);
  } catch (err) {
    expect(err).toBeInstanceOf(DaemonError);
    expect((err as DaemonError).kind).toBe('Forbidden');
    return (err as DaemonError).message;
  }
  throw new Error('not refused');
}

/** what the protocol's schema says of containerCreate's raw JSON arguments */
function schemaAccepts(json: string): boolean {
  return OPERATIONS.containerCreate.args.safeParse(JSON.parse(json)).success;
}

describe('the schema stops the proxy-bypass spellings before any policy', () => {
  it.each([
    ['case-folded field', '[{"Image":"x"},{"privileged":true},null,""]'],
    ['HostConfig field at the top level of Config', '[{"Image":"x","Privileged":true},null,null,""]'],
    ['HostConfig nested in Config', '[{"Image":"x","HostConfig":{"Privileged":true}},null,null,""]'],
    ['a field no type knows', '[{"Image":"x"},{"Binds":[],"CapAddAll":true},null,""]'],
    ['a non-empty Devices list', '[{"Image":"x"},{"Devices":[{"PathOnHost":"/dev/sda"}]},null,""]'],
    ['a wrong type for a flag', '[{"Image":"x"},{"Privileged":1},null,""]'],
    ['volume driver options in a mount with a case-folded key', '[{"Image":"x"},{"Mounts":[{"Type":"volume","Target":"/x","volumeoptions":{}}]},null,""]'],
  ])('%s is refused', (_what, json) => {
    expect(schemaAccepts(json)).toBe(false);
  });

  it('duplicate keys: JSON.parse keeps the last one, the schema sees exactly that, and the policy refuses it', async () => {
    const args = JSON.parse('[{"Image":"x"},{"Privileged":false,"Privileged":true},null,""]');
    expect(schemaAccepts(JSON.stringify(args))).toBe(true);
    expect(await refusal(req(args[1]))).toMatch(/privileged mode/);
  });
});

describe('refusals of container create', () => {
  it.each<[string, CreateRequest['hostConfig'], RegExp]>([
    ['privileged', { Privileged: true }, /^privileged mode \(--privileged\) is not allowed in Dockyard's real-engine sandbox$/],
    ['added capabilities', { CapAdd: ['SYS_ADMIN'] }, /adding capabilities/],
    ['device cgroup rules', { DeviceCgroupRules: ['c 1:3 mr'] }, /host devices/],
    ['the host network', { NetworkMode: 'host' }, /host's network namespace/],
    ['the host PID namespace', { PidMode: 'host' }, /host's PID namespace/],
    ['the host IPC namespace', { IpcMode: 'host' }, /host's IPC namespace/],
    ['the host UTS namespace', { UTSMode: 'host' }, /host's UTS namespace/],
    ['the host cgroup namespace', { CgroupnsMode: 'host' }, /host's cgroup namespace/],
    ['a user namespace mode', { UsernsMode: 'host' }, /user namespace/],
    ['seccomp off', { SecurityOpt: ['seccomp=unconfined'] }, /security options/],
    ['apparmor off, hidden after an allowed option', { SecurityOpt: ['no-new-privileges', 'apparmor=unconfined'] }, /security options/],
    ['unmasked paths', { MaskedPaths: [] }, /masked or read-only kernel paths/],
    ['writable /proc paths', { ReadonlyPaths: [] }, /masked or read-only kernel paths/],
    ['sysctls', { Sysctls: { 'kernel.core_pattern': '|/x' } }, /kernel parameters/],
    ['a cgroup parent', { CgroupParent: '/' }, /choosing a cgroup/],
    ['another runtime', { Runtime: 'runsc' }, /runtime/],
    ['a volume driver', { VolumeDriver: 'vieux/sshfs' }, /volume driver/],
    ['storage options', { StorageOpt: { size: '100G' } }, /storage driver options/],
    ['a logging driver that ships logs away', { LogConfig: { Type: 'syslog', Config: { 'syslog-address': 'tcp://10.0.0.1:514' } } }, /logging driver/],
    ['a log option other than rotation', { LogConfig: { Type: 'json-file', Config: { path: '/etc/x' } } }, /log option/],
    ['the Docker socket', { Binds: ['/var/run/docker.sock:/var/run/docker.sock'] }, /Docker socket/],
    ['the Docker socket through traversal', { Binds: ['/src/../var/run/docker.sock:/s'] }, /Docker socket/],
    ['the Docker socket by --mount', { Mounts: [{ Type: 'bind', Source: '/run/docker.sock', Target: '/s' }] }, /Docker socket/],
    ['a symlink out of the workspace', { Binds: ['/src/escape/etc:/x'] }, /outside the session's workspace/],
    ['a symlink to a host folder', { Mounts: [{ Type: 'bind', Source: '/etc-link', Target: '/x' }] }, /outside the session's workspace/],
    ['a relative bind source by --mount', { Mounts: [{ Type: 'bind', Source: 'etc', Target: '/x' }] }, /not an absolute path/],
    ['shared propagation', { Binds: ['/src/webapp:/x:rshared'] }, /propagation/],
    ['volume driver options (type=none,o=bind,device=/)', { Mounts: [{ Type: 'volume', Source: 'v', Target: '/x', VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device: '/' } } } }] }, /volume driver options/],
    ['a non-local volume driver in a mount', { Mounts: [{ Type: 'volume', Source: 'v', Target: '/x', VolumeOptions: { DriverConfig: { Name: 'rexray' } } }] }, /volume driver options/],
    ['memory above the cap', { Memory: 64 * 1024 ** 3 }, /memory limit/],
    ['CPUs above the cap', { NanoCpus: 64e9 }, /CPU/],
    ['CPU quota above the cap', { CpuQuota: 800000, CpuPeriod: 100000 }, /CPU/],
    ['a PID limit above the cap', { PidsLimit: 1_000_000 }, /PID limit/],
    ['unlimited PIDs', { PidsLimit: -1 }, /PID limit/],
    ['a huge /dev/shm', { ShmSize: 8 * 1024 ** 3 }, /shm/],
    ['a huge tmpfs', { Tmpfs: { '/t': 'size=100g' } }, /tmpfs/],
    ['disabling the OOM killer', { OomKillDisable: true }, /OOM killer/],
  ])('%s', async (_what, hostConfig, message) => {
    expect(await refusal(req(hostConfig))).toMatch(message);
  });

  it("namespaces and links of another session's containers (local mode)", async () => {
    const p = policy('local', ['mine']);
    expect(await refusal(req({ NetworkMode: 'container:theirs' }), p)).toMatch(/another session/);
    expect(await refusal(req({ PidMode: 'container:theirs' }), p)).toMatch(/another session/);
    expect(await refusal(req({ IpcMode: 'container:theirs' }), p)).toMatch(/another session/);
    expect(await refusal(req({ VolumesFrom: ['theirs:ro'] }), p)).toMatch(/another session/);
    expect(await refusal(req({ Links: ['theirs:db'] }), p)).toMatch(/another session/);
    await expect(buildCreateBody(req({ NetworkMode: 'container:mine', VolumesFrom: ['mine'] }), p)).resolves.toBeDefined();
  });
});

describe('the request the server builds', () => {
  it('maps bind sources into the workspace, fills in limits, labels local sessions, copies nothing it did not name', async () => {
    const body = await buildCreateBody(
      req(
        { Binds: ['/src/webapp:/usr/share/nginx/html:ro', 'data:/data'], PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, Tmpfs: { '/run': '' } },
        { Image: 'nginx', Labels: { a: 'b' } },
      ),
      policy('local'),
    );
    const h = body.HostConfig as Record<string, unknown>;
    expect(h.Binds).toEqual([`${hostRoot}/src/webapp:/usr/share/nginx/html:ro`, 'data:/data']);
    expect([h.Memory, h.NanoCpus, h.PidsLimit]).toEqual([DEFAULT_CONTAINER_LIMITS.memory, DEFAULT_CONTAINER_LIMITS.nanoCpus, DEFAULT_CONTAINER_LIMITS.pids]);
    expect(h.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '2' } });
    expect(h.Tmpfs).toEqual({ '/run': `size=${DEFAULT_CONTAINER_LIMITS.tmpfsBytes}` });
    expect(body.Labels).toEqual({ a: 'b', 'io.dockyard.session': 'abc123abc123' });
    expect(Object.keys(h).sort()).not.toContain('Privileged');
  });

  it('keeps what the learner asked within the caps', async () => {
    const body = await buildCreateBody(req({ Memory: 64 * 1024 * 1024, PidsLimit: 10, SecurityOpt: ['no-new-privileges'] }), policy());
    const h = body.HostConfig as Record<string, unknown>;
    expect([h.Memory, h.PidsLimit, h.SecurityOpt]).toEqual([64 * 1024 * 1024, 10, ['no-new-privileges']]);
    expect(body.Labels).toEqual({});
  });
});
