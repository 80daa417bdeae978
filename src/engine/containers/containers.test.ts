import { describe, expect, it } from 'vitest';
import type { LogChunk } from '../../api/container';
import { DaemonError } from '../../api/errors';
import { stateText } from './container-state';
import { attachContainer } from './ops/attach';
import { createContainer } from './ops/create';
import { execCreate, execInspect, execStart } from './ops/exec';
import { inspectContainer } from './ops/inspect';
import { killContainer } from './ops/kill';
import { listContainers } from './ops/list';
import { containerLogs } from './ops/logs';
import { pauseContainer } from './ops/pause';
import { pruneContainers } from './ops/prune';
import { removeContainer } from './ops/remove';
import { renameContainer } from './ops/rename';
import { restartContainer } from './ops/restart';
import { startContainer } from './ops/start';
import { stopContainer } from './ops/stop';
import { unpauseContainer } from './ops/unpause';
import { waitContainer } from './ops/wait';
import { containerTestEngine, settle } from './test-support';

async function errorOf(p: unknown): Promise<string> {
  try {
    await (typeof p === 'function' ? (p as () => unknown)() : p);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return 'no error';
}

const text = (chunks: LogChunk[]) => chunks.map((c) => c.text).join('');

describe('containers', () => {
  it('creates with the image config merged, a random name and Created status', async () => {
    const { engine } = await containerTestEngine();
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['echo', 'hi'] }, hostConfig: { RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } } });
    expect(Id).toMatch(/^[0-9a-f]{64}$/);
    const j = inspectContainer(engine, Id.slice(0, 5));
    expect(j.Name).toMatch(/^\/[a-z]+_[a-z]+$/);
    expect(j.Path).toBe('echo');
    expect(j.Args).toEqual(['hi']);
    expect(j.State.Status).toBe('created');
    expect(j.State.StartedAt).toBe('0001-01-01T00:00:00Z');
    expect(j.Config.Hostname).toBe(Id.slice(0, 12));
    expect(j.Config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(Object.keys(j.HostConfig).slice(0, 6)).toEqual(['Binds', 'ContainerIDFile', 'LogConfig', 'NetworkMode', 'PortBindings', 'RestartPolicy']);
    expect(j.HostConfig.ShmSize).toBe(67108864);
    expect(j.NetworkSettings.Networks.bridge.NetworkID).toBe('');
    expect(listContainers(engine, { all: true })[0]?.Status).toBe('Created');
    expect(listContainers(engine)).toHaveLength(0);
  });

  it('rejects bad names, duplicate names and missing commands with docker texts', async () => {
    const { engine } = await containerTestEngine();
    expect(await errorOf(() => createContainer(engine, { config: { Image: 'busybox' }, name: 'a' }))).toBe(
      'Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    );
    const { Id } = createContainer(engine, { config: { Image: 'busybox' }, name: 'web' });
    expect(await errorOf(() => createContainer(engine, { config: { Image: 'busybox' }, name: 'web' }))).toBe(
      `Conflict. The container name "/web" is already in use by container "${Id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
    expect(await errorOf(() => createContainer(engine, { config: { Image: 'nosuch' } }))).toBe('No such image: nosuch:latest');
    expect(await errorOf(() => createContainer(engine, { config: { Image: 'busybox' }, hostConfig: { RestartPolicy: { Name: 'sometimes', MaximumRetryCount: 0 } } }))).toBe(
      "invalid restart policy 'sometimes'",
    );
  });

  it('runs a process, logs its output and records the exit', async () => {
    const { engine, clock } = await containerTestEngine();
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['echo', 'hello'] }, name: 'e1' });
    const waiting = waitContainer(engine, 'e1', 'next-exit');
    startContainer(engine, 'e1');
    expect((await waiting).StatusCode).toBe(0);
    const logs: LogChunk[] = [];
    await containerLogs(engine, Id, {}, (c) => logs.push(c));
    expect(text(logs)).toBe('hello\n');
    await clock.advance(5000);
    const c = engine.containers.resolve('e1');
    expect(stateText(c.State, clock.now())).toBe('Exited (0) 5 seconds ago');
    expect(engine.events.list().map((e) => e.Action)).toEqual(expect.arrayContaining(['create', 'start', 'die']));
  });

  it('maps exec failures to 127 / 126 and the runc texts', async () => {
    const { engine } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['foo'] }, name: 'bad' });
    expect(await errorOf(() => startContainer(engine, 'bad'))).toBe(
      'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
    );
    const c = engine.containers.resolve('bad');
    expect(c.State.ExitCode).toBe(127);
    expect(stateText(c.State, 0)).toBe('Created');
  });

  it('stops with SIGTERM then SIGKILL after the timeout of simulated time', async () => {
    const { engine, clock } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] }, name: 'keeper' });
    startContainer(engine, 'keeper');
    await clock.advance(3000);
    expect(stateText(engine.containers.resolve('keeper').State, clock.now())).toBe('Up 3 seconds');
    let stopped = false;
    const p = stopContainer(engine, 'keeper').then(() => {
      stopped = true;
    });
    await clock.advance(9000);
    expect(stopped).toBe(false);
    await clock.advance(1000);
    await p;
    expect(engine.containers.resolve('keeper').State.ExitCode).toBe(137);
    const kills = engine.events.list().filter((e) => e.Action === 'kill').map((e) => e.Actor.Attributes.signal);
    expect(kills).toEqual(['15', '9']);
    // stopping a stopped container is not an error
    await stopContainer(engine, 'keeper');
    expect(await errorOf(() => killContainer(engine, 'keeper'))).toBe(
      `Cannot kill container: keeper: Container ${engine.containers.resolve('keeper').ID} is not running`,
    );
    expect(await errorOf(() => killContainer(engine, 'nosuch'))).toBe('Cannot kill container: nosuch: No such container: nosuch');
    expect(await errorOf(() => killContainer(engine, 'keeper', 'FOO'))).toBe('Invalid signal: FOO');
  });

  it('stops at once when the stop signal is handled (nginx STOPSIGNAL SIGQUIT)', async () => {
    const { engine } = await containerTestEngine(['nginx']);
    createContainer(engine, { config: { Image: 'nginx' }, name: 'web' });
    startContainer(engine, 'web');
    await stopContainer(engine, 'web');
    expect(engine.containers.resolve('web').State.ExitCode).toBe(0);
  });

  it('refuses to remove a running container, force-removes it', async () => {
    const { engine } = await containerTestEngine();
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '100'] }, name: 'r1' });
    startContainer(engine, 'r1');
    expect(await errorOf(() => removeContainer(engine, 'r1'))).toBe(
      `You cannot remove a running container ${Id}. Stop the container before attempting removal or force remove`,
    );
    pauseContainer(engine, 'r1');
    expect(await errorOf(() => removeContainer(engine, 'r1'))).toBe(
      `You cannot remove a paused container ${Id}. Unpause and then stop the container before attempting removal or force remove`,
    );
    expect(stateText(engine.containers.resolve('r1').State, engine.clock.now())).toBe('Up Less than a second (Paused)');
    unpauseContainer(engine, 'r1');
    removeContainer(engine, 'r1', { force: true });
    expect(engine.containers.find('r1')).toBeUndefined();
    expect(await errorOf(() => removeContainer(engine, 'r1'))).toBe('No such container: r1');
  });

  it('pauses: sleeps do not end until unpause', async () => {
    const { engine, clock } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '2'] }, name: 'pp' });
    startContainer(engine, 'pp');
    pauseContainer(engine, 'pp');
    await clock.advance(5000);
    expect(engine.containers.resolve('pp').State.Running).toBe(true);
    unpauseContainer(engine, 'pp');
    await settle();
    expect(engine.containers.resolve('pp').State.Running).toBe(false);
    expect(await errorOf(() => unpauseContainer(engine, 'pp'))).toBe(`Container ${engine.containers.resolve('pp').ID} is not paused`);
  });

  it('restarts by policy with back-off and removes --rm containers', async () => {
    const { engine, clock } = await containerTestEngine();
    createContainer(engine, {
      config: { Image: 'busybox', Cmd: ['sh', '-c', 'exit 3'] },
      hostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } },
      name: 'flaky',
    });
    startContainer(engine, 'flaky');
    await settle();
    const c = engine.containers.resolve('flaky');
    expect(c.State.Restarting).toBe(true);
    expect(stateText(c.State, clock.now())).toBe('Restarting (3) Less than a second ago');
    await clock.advance(1000);
    expect(c.RestartCount).toBe(2);
    expect(c.State.Running).toBe(false);
    expect(stateText(c.State, clock.now())).toMatch(/^Exited \(3\)/);

    createContainer(engine, { config: { Image: 'busybox', Cmd: ['echo', 'bye'] }, hostConfig: { AutoRemove: true }, name: 'gone' });
    const removed = waitContainer(engine, 'gone', 'removed');
    startContainer(engine, 'gone');
    await removed;
    expect(engine.containers.find('gone')).toBeUndefined();
  });

  it('restart, rename, prune, list filters', async () => {
    const { engine, clock } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] }, name: 'a1' });
    startContainer(engine, 'a1');
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['echo', 'x'], Labels: { tier: 'db' } }, name: 'b1' });
    startContainer(engine, 'b1');
    await settle();
    const p = restartContainer(engine, 'a1', 1);
    await clock.advance(1000);
    await p;
    expect(engine.containers.resolve('a1').State.Running).toBe(true);
    renameContainer(engine, 'a1', 'a2');
    expect(engine.containers.find('a1')).toBeUndefined();
    expect(listContainers(engine, { filters: { name: ['a2'] } }).map((c) => c.Names)).toEqual([['/a2']]);
    expect(listContainers(engine, { filters: { status: ['exited'] } }).map((c) => c.Names)).toEqual([['/b1']]);
    expect(listContainers(engine, { all: true, filters: { label: ['tier=db'] } })).toHaveLength(1);
    expect(listContainers(engine, { latest: true })[0]?.Names).toEqual(['/b1']);
    expect(listContainers(engine, { all: true })[1]?.Command).toBe('sleep 1000');
    expect(await errorOf(() => listContainers(engine, { filters: { status: ['foo'] } }))).toBe("Invalid filter 'status=foo'");
    const report = pruneContainers(engine);
    expect(report.ContainersDeleted).toHaveLength(1);
    expect(engine.containers.list().map((c) => c.Name)).toEqual(['/a2']);
  });

  it('restart keeps a --rm container (moby turns AutoRemove off while it stops); one removed meanwhile is not started again', async () => {
    // found by the fuzzer: docker restart of a --rm container removed it, then started the removed record, whose bridge endpoint stayed behind
    const { engine, clock } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] }, hostConfig: { AutoRemove: true }, name: 'rm1' });
    startContainer(engine, 'rm1');
    await settle();
    const p = restartContainer(engine, 'rm1', 0);
    await clock.advance(100);
    await p;
    const c = engine.containers.resolve('rm1');
    expect(c.State.Running).toBe(true);
    expect(c.HostConfig.AutoRemove).toBe(true);
    const ids = new Set(engine.containers.list().map((x) => x.ID));
    for (const n of engine.networks.list()) for (const id of n.endpoints.keys()) expect(ids.has(id)).toBe(true);
    // the restart's stop is slow; docker rm -f comes first
    const slow = restartContainer(engine, 'rm1', 600);
    removeContainer(engine, 'rm1', { force: true });
    await clock.advance(100);
    expect(await errorOf(slow)).toBe('No such container: rm1');
    expect(engine.containers.list()).toHaveLength(0);
    for (const n of engine.networks.list()) expect([...n.endpoints.keys()]).toEqual([]);
    // stopped, then removed by its own exit: AutoRemove is on again
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] }, hostConfig: { AutoRemove: true }, name: 'rm2' });
    startContainer(engine, 'rm2');
    await settle();
    const stop = stopContainer(engine, 'rm2', 0);
    await clock.advance(100);
    await stop;
    expect(engine.containers.find('rm2')).toBeUndefined();
  });

  it('exec runs a second process; a missing program reports 126 on stdout', async () => {
    const { engine } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] }, name: 'xx' });
    startContainer(engine, 'xx');
    const out: string[] = [];
    const io = {
      stdin: { isTTY: false, read: async () => null, readLine: async () => null, readAll: async () => new Uint8Array() },
      stdout: { isTTY: false, write: (d: string | Uint8Array) => out.push(String(d)) },
      stderr: { isTTY: false, write: () => {} },
      interrupt: new AbortController().signal,
    };
    const { Id } = execCreate(engine, 'xx', { Cmd: ['echo', 'inside'], AttachStdout: true, AttachStderr: true });
    await execStart(engine, Id, io);
    expect(out.join('')).toBe('inside\n');
    expect(execInspect(engine, Id).ExitCode).toBe(0);
    const bad = execCreate(engine, 'xx', { Cmd: ['bash'], AttachStdout: true });
    await execStart(engine, bad.Id, io);
    expect(out.at(-1)).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\r\n',
    );
    expect(execInspect(engine, bad.Id).ExitCode).toBe(126);
    pauseContainer(engine, 'xx');
    expect(await errorOf(() => execCreate(engine, 'xx', { Cmd: ['ls'] }))).toBe('Container xx is paused, unpause the container before exec');
  });

  it('attach feeds stdin to the process and ends on the detach keys', async () => {
    const { engine } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['cat'], OpenStdin: true, AttachStdin: true, AttachStdout: true } , name: 'cat' });
    const inputs = ['one\n', '\x10\x11'];
    const out: string[] = [];
    const io = {
      stdin: {
        isTTY: false,
        read: async () => {
          const next = inputs.shift();
          return next === undefined ? null : new TextEncoder().encode(next);
        },
        readLine: async () => null,
        readAll: async () => new Uint8Array(),
      },
      stdout: { isTTY: false, write: (d: string | Uint8Array) => out.push(String(d)) },
      stderr: { isTTY: false, write: () => {} },
      interrupt: new AbortController().signal,
    };
    const attached = attachContainer(engine, 'cat', { stream: true, stdin: true, stdout: true, stderr: true }, io);
    startContainer(engine, 'cat');
    const r = await attached;
    expect(r.detached).toBe(true);
    expect(out.join('')).toBe('one\n');
    expect(engine.containers.resolve('cat').State.Running).toBe(true);
  });

  it('logs --tail and follow until the container stops', async () => {
    const { engine, clock } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['sh', '-c', 'while true; do echo hello world; sleep 1; done'] }, name: 'loop' });
    startContainer(engine, 'loop');
    await clock.advance(3500);
    const tail: LogChunk[] = [];
    await containerLogs(engine, 'loop', { tail: '2' }, (c) => tail.push(c));
    expect(tail).toHaveLength(2);
    const followed: LogChunk[] = [];
    const f = containerLogs(engine, 'loop', { follow: true, tail: '0' }, (c) => followed.push(c));
    await clock.advance(2000);
    const stop = stopContainer(engine, 'loop');
    await clock.advance(10_000);
    await stop;
    await f;
    expect(followed.length).toBeGreaterThanOrEqual(2);
    expect(engine.containers.resolve('loop').State.ExitCode).toBe(137);
  });

  it('inspect lists every field in the order docker prints (golden 18/19)', async () => {
    const { engine } = await containerTestEngine(['nginx:alpine']);
    createContainer(engine, {
      config: { Image: 'nginx:alpine', AttachStdout: false },
      hostConfig: { PublishAllPorts: true, Dns: [], DnsOptions: [], DnsSearch: [], BlkioWeightDevice: [], Devices: [], RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } },
      name: 'web',
    });
    startContainer(engine, 'web');
    const j = inspectContainer(engine, 'web');
    expect(Object.keys(j)).toEqual([
      'Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name',
      'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig',
      'GraphDriver', 'Mounts', 'Config', 'NetworkSettings',
    ]);
    expect(Object.keys(j.HostConfig).join(',')).toBe(
      'Binds,ContainerIDFile,LogConfig,NetworkMode,PortBindings,RestartPolicy,AutoRemove,VolumeDriver,VolumesFrom,CapAdd,CapDrop,CgroupnsMode,Dns,DnsOptions,DnsSearch,ExtraHosts,GroupAdd,IpcMode,Cgroup,Links,OomScoreAdj,PidMode,Privileged,PublishAllPorts,ReadonlyRootfs,SecurityOpt,UTSMode,UsernsMode,ShmSize,Runtime,ConsoleSize,Isolation,CpuShares,Memory,NanoCpus,CgroupParent,BlkioWeight,BlkioWeightDevice,BlkioDeviceReadBps,BlkioDeviceWriteBps,BlkioDeviceReadIOps,BlkioDeviceWriteIOps,CpuPeriod,CpuQuota,CpuRealtimePeriod,CpuRealtimeRuntime,CpusetCpus,CpusetMems,Devices,DeviceCgroupRules,DeviceRequests,KernelMemory,KernelMemoryTCP,MemoryReservation,MemorySwap,MemorySwappiness,OomKillDisable,PidsLimit,Ulimits,CpuCount,CpuPercent,IOMaximumIOps,IOMaximumBandwidth,MaskedPaths,ReadonlyPaths',
    );
    expect(Object.keys(j.Config).join(',')).toBe(
      'Hostname,Domainname,User,AttachStdin,AttachStdout,AttachStderr,ExposedPorts,Tty,OpenStdin,StdinOnce,Env,Cmd,Image,Volumes,WorkingDir,Entrypoint,OnBuild,Labels,StopSignal',
    );
    expect(j.Path).toBe('/docker-entrypoint.sh');
    expect(j.Args).toEqual(['nginx', '-g', 'daemon off;']);
    expect(j.State.Status).toBe('running');
    expect(j.NetworkSettings.IPAddress).toBe('172.17.0.2');
    expect(j.NetworkSettings.Ports['80/tcp']?.map((b) => b.HostIp)).toEqual(['0.0.0.0', '::']);
    expect(j.NetworkSettings.Networks.bridge.Gateway).toBe('172.17.0.1');
    expect(j.GraphDriver.Data?.LowerDir.split(':')).toHaveLength(6);
    expect(j.HostConfig.LogConfig).toEqual({ Type: 'json-file', Config: {} });
    // /etc/hosts names the container's address
    const hosts = new TextDecoder().decode(engine.containers.resolve('web').rootfs.readFile('/etc/hosts'));
    expect(hosts).toContain(`172.17.0.2\t${j.Config.Hostname}`);
  });

  it('errors are DaemonErrors with kinds', async () => {
    const { engine } = await containerTestEngine();
    try {
      startContainer(engine, 'nosuch');
    } catch (e) {
      expect(e).toBeInstanceOf(DaemonError);
      expect((e as DaemonError).kind).toBe('NotFound');
    }
  });
});
