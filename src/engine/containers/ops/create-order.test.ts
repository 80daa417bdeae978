import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../api/errors';
import { containerTestEngine } from '../test-support';
import { createContainer } from './create';
import { inspectContainer } from './inspect';
import { startContainer } from './start';

function failure(fn: () => unknown): { kind: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DaemonError) return { kind: e.kind, message: e.message };
    throw e;
  }
  return { kind: 'none', message: 'no error' };
}

describe('container create: what is checked before the image is looked up', () => {
  it('memory, stop signal, healthcheck and --mount configs fail first, even for a missing image', async () => {
    const { engine } = await containerTestEngine();
    const missing = { Image: 'nosuchimage' };
    expect(failure(() => createContainer(engine, { config: missing, hostConfig: { Memory: 1024 * 1024 } })).message).toBe('Minimum memory limit allowed is 6MB');
    expect(failure(() => createContainer(engine, { config: { ...missing, StopSignal: 'NOPE' } })).message).toBe('Invalid signal: NOPE');
    expect(failure(() => createContainer(engine, { config: { ...missing, Healthcheck: { Interval: 500_000 } } })).message).toBe(
      'Interval in Healthcheck cannot be less than 1ms',
    );
    expect(failure(() => createContainer(engine, { config: missing, hostConfig: { Mounts: [{ Type: 'bind', Target: '/x' }] } })).message).toBe(
      'invalid mount config for type "bind": field Source must not be empty',
    );
    expect(failure(() => createContainer(engine, { config: missing, hostConfig: { Mounts: [{ Type: 'nfs' as 'bind', Target: '/x' }] } })).message).toBe(
      'invalid mount config for type "nfs": mount type unknown',
    );
  });

  it('the log driver, the name and volumes-from only after it (so a missing image is pulled first)', async () => {
    const { engine } = await containerTestEngine();
    const missing = { Image: 'nosuchimage' };
    expect(failure(() => createContainer(engine, { config: missing, hostConfig: { LogConfig: { Type: 'nosuch', Config: {} } } })).message).toBe(
      'No such image: nosuchimage:latest',
    );
    expect(failure(() => createContainer(engine, { config: missing, name: 'a' })).message).toBe('No such image: nosuchimage:latest');
    const busybox = { Image: 'busybox', Cmd: ['sleep', '1'] };
    expect(failure(() => createContainer(engine, { config: busybox, hostConfig: { LogConfig: { Type: 'nosuch', Config: {} } } })).message).toBe(
      'error looking up logging plugin nosuch: plugin "nosuch" not found',
    );
    expect(failure(() => createContainer(engine, { config: busybox, hostConfig: { LogConfig: { Type: 'json-file', Config: { bogus: '1' } } } })).message).toBe(
      "unknown log opt 'bogus' for json-file log driver",
    );
    // not a NotFound: docker run must not take it for a missing image
    expect(failure(() => createContainer(engine, { config: busybox, hostConfig: { VolumesFrom: ['nosuch'] } }))).toEqual({
      kind: 'InvalidParameter',
      message: 'No such container: nosuch',
    });
    // an unknown volume driver is a NotFound (docker run pulls again, then fails the same way)
    expect(failure(() => createContainer(engine, { config: busybox, hostConfig: { Mounts: [{ Type: 'volume', Target: '/x', VolumeOptions: { DriverConfig: { Name: 'nosuch' } } }] } })).kind).toBe(
      'NotFound',
    );
  });

  it('swap defaults to twice the memory limit', async () => {
    const { engine } = await containerTestEngine();
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['true'] }, hostConfig: { Memory: 64 * 1024 * 1024 } });
    expect(inspectContainer(engine, Id).HostConfig.MemorySwap).toBe(128 * 1024 * 1024);
  });

  it('--volumes-from shares the other container mounts, read-only with :ro', async () => {
    const { engine } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] }, hostConfig: { Binds: ['data:/data'] }, name: 'holder' });
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['true'] }, hostConfig: { VolumesFrom: ['holder:ro'] } });
    const m = inspectContainer(engine, Id).Mounts;
    expect(m).toEqual([expect.objectContaining({ Type: 'volume', Name: 'data', Destination: '/data', RW: false, Mode: '' })]);
  });

  it('a json-file max-size that does not parse fails the start, leaving the container created', async () => {
    const { engine } = await containerTestEngine();
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['true'] }, hostConfig: { LogConfig: { Type: 'json-file', Config: { 'max-size': 'abc' } } } });
    expect(failure(() => startContainer(engine, Id)).message).toBe("failed to initialize logging driver: invalid size: 'abc'");
    expect(inspectContainer(engine, Id).State).toMatchObject({ Status: 'created', ExitCode: 128 });
  });
});
