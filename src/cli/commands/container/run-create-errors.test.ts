import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../../../client/in-process/cli-sandbox.test-helper';
import { waitCanceledLine } from './run-support';

describe('docker create / run errors', () => {
  it('create prints a daemon error plainly and exits 1 (run says "docker: …." and exits 125)', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker create --name taken busybox true');
    const c = await docker('docker create --name taken busybox true');
    expect(c.err).toMatch(/^Error response from daemon: Conflict\. The container name "\/taken" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n$/);
    expect(c.status).toBe(1);
    const r = await docker('docker run --name taken busybox true');
    expect(r.err).toMatch(/^docker: Error response from daemon: Conflict\..*\nSee 'docker run --help'\.\n$/s);
    expect(r.status).toBe(125);
  });

  it('any NotFound from create makes the CLI pull and try again (an unknown volume driver)', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    const r = await docker('docker run --rm --mount type=volume,target=/x,volume-driver=nosuch busybox true');
    expect(r.err).toMatch(/^Unable to find image 'busybox:latest' locally\nlatest: Pulling from library\/busybox\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for busybox:latest\ndocker: Error response from daemon: create [0-9a-f]{64}: error looking up volume plugin nosuch: plugin "nosuch" not found\.\n/);
    expect(r.status).toBe(125);
  });

  it('the canceled wait is logrus\' colored line, the message padded to 44 columns and a space', () => {
    expect(waitCanceledLine(true, 0)).toBe('\x1b[31mERRO\x1b[0m[0000] error waiting for container: context canceled \n');
  });

  it('logs --since with a value that is no time is refused by the client, without the daemon prefix', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker create --name c1 busybox true');
    const r = await docker('docker logs --since yesterday c1');
    expect(r.err).toBe('invalid value for "since": failed to parse value as time or duration: "yesterday"\n');
    expect(r.status).toBe(1);
  });

  it('logs --details puts the log-opt labels before every line', async () => {
    const { docker, clock } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker run -d --name l1 --label env=dev --log-opt labels=env busybox echo detailed');
    await clock.advance(100);
    expect((await docker('docker logs --details l1')).out).toBe('env=dev detailed\n');
  });
});
