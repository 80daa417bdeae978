import { describe, expect, it } from 'vitest';
import { dockerIn } from '../../src/runner/docker-exec';
import { createSession } from '../../src/runner/session';

describe('publishing ports', () => {
  it('-p 1-65535:1-65535 publishes every port on both IPs and takes them all back (one pass, not a scan per port)', async () => {
    const s = createSession();
    const run = await dockerIn(s, ['run', '-d', '--name', 'big', '-p', '1-65535:1-65535', 'busybox', 'sleep', '1000']);
    expect(run.stderr.replace(/\r/g, '')).not.toContain('Error');
    expect(run.exit).toBe(0);
    expect(s.engine.networks.mappings.length).toBe(2 * 65535);
    const taken = await dockerIn(s, ['run', '-d', '-p', '8080:80', 'busybox']);
    expect(taken.exit).toBe(125);
    expect(taken.stderr).toContain('Bind for 0.0.0.0:8080 failed: port is already allocated');
    expect(s.engine.networks.mappings.length).toBe(2 * 65535);
    expect((await dockerIn(s, ['rm', '-f', 'big'])).exit).toBe(0);
    expect(s.engine.networks.mappings).toEqual([]);
    expect(s.engine.networks.ports.state().every((p) => p.used.length === 0)).toBe(true);
  }, 60_000);

  it('builds a Dockerfile with EXPOSE 1-65535 twice (the fuzzer\'s slow lines), the image and its container showing every port', async () => {
    const s = createSession();
    s.hostFs.mkdir('/srv/work/ctx', { recursive: true });
    s.hostFs.writeFile('/srv/work/ctx/Dockerfile', 'FROM busybox\nEXPOSE 1-65535\nENV A=1\nCMD ["sleep", "1000"]\n');
    const first = await dockerIn(s, ['build', 'ctx']);
    expect(first.exit).toBe(0);
    expect(first.stdout).toContain('Step 2/4 : EXPOSE 1-65535');
    const again = await dockerIn(s, ['build', '--no-cache', '-t', 'mine', 'ctx']);
    expect(again.exit).toBe(0);
    expect(again.stdout).toContain('Successfully tagged mine:latest');
    const id = (await dockerIn(s, ['image', 'inspect', '-f', '{{.Id}}', 'mine'])).stdout.trim();
    expect(again.stdout).toContain(`Successfully built ${id.slice(7, 19)}`);
    const inspect = await dockerIn(s, ['image', 'inspect', '-f', '{{len .Config.ExposedPorts}} {{len .ContainerConfig.ExposedPorts}} {{.Config.Env}}', 'mine']);
    expect(inspect.stdout.trim()).toBe('65535 65535 [PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin A=1]');
    const json = JSON.parse((await dockerIn(s, ['image', 'inspect', '-f', '{{json .Config.ExposedPorts}}', 'mine'])).stdout) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 3)).toEqual(['1/tcp', '10/tcp', '100/tcp']);
    expect((await dockerIn(s, ['run', '-d', '--name', 'c1', 'mine'])).exit).toBe(0);
    const ps = await dockerIn(s, ['ps', '--format', '{{.Names}} {{.Ports}}']);
    expect(ps.stdout.trim()).toBe('c1 1-65535/tcp');
    expect((await dockerIn(s, ['inspect', '-f', '{{len .NetworkSettings.Ports}}', 'c1'])).stdout.trim()).toBe('65535');
  }, 60_000);
});
