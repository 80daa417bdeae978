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

  it('-p 1-65535:1-65535/udp, docker port and ps on it, then -P with a big EXPOSE: the ports, their order and the errors as before', async () => {
    const s = createSession();
    s.hostFs.mkdir('/srv/work/ctx', { recursive: true });
    s.hostFs.writeFile('/srv/work/ctx/Dockerfile', 'FROM busybox\nEXPOSE 1-2000 5000-5002/udp\nCMD ["sleep", "1000"]\n');
    expect((await dockerIn(s, ['pull', 'busybox'])).exit).toBe(0);
    expect((await dockerIn(s, ['build', '-t', 'ex', 'ctx'])).exit).toBe(0);
    expect((await dockerIn(s, ['run', '-d', '--name', 'uu', '-p', '1-65535:1-65535/udp', 'busybox', 'sleep', '1000'])).exit).toBe(0);
    expect((await dockerIn(s, ['port', 'uu', '53/udp'])).stdout).toBe('0.0.0.0:53\r\n:::53\r\n');
    const all = (await dockerIn(s, ['port', 'uu'])).stdout.split('\r\n');
    expect(all.length).toBe(2 * 65535 + 1);
    expect(all.slice(0, 4)).toEqual(['1/udp -> 0.0.0.0:1', '1/udp -> :::1', '10/udp -> 0.0.0.0:10', '10/udp -> :::10']);
    expect(all.slice(-3)).toEqual(['9999/udp -> 0.0.0.0:9999', '9999/udp -> :::9999', '']);
    const ps = await dockerIn(s, ['ps', '--format', '{{.Names}} {{.Ports}}']);
    expect(ps.stdout).toBe('uu 0.0.0.0:1-65535->1-65535/udp, :::1-65535->1-65535/udp\r\n');
    // every udp ephemeral port is held: -P finds none for 5000-5002/udp and takes back the tcp ones it had
    const full = await dockerIn(s, ['run', '-d', '--name', 'ee', '-P', 'ex']);
    expect(full.exit).toBe(125);
    expect(full.stderr).toMatch(/failed programming external connectivity on endpoint ee \([0-9a-f]{64}\): Bind for all ports failed: all ports are allocated/);
    expect(s.engine.networks.mappings.length).toBe(2 * 65535);
    expect((await dockerIn(s, ['rm', '-f', 'uu', 'ee'])).stdout).toBe('uu\r\nee\r\n');
    expect(s.engine.networks.mappings).toEqual([]);
    expect((await dockerIn(s, ['run', '-d', '--name', 'ee', '-P', 'ex'])).exit).toBe(0);
    const port = async (p: string) => (await dockerIn(s, ['port', 'ee', p])).stdout;
    // keys in Go's string order (1, 10, 100, 1000, …), the pool going on after the ports the failed run took back; IPv4 and IPv6 pools apart
    expect(await port('1')).toBe('0.0.0.0:34216\r\n:::34216\r\n');
    expect(await port('10')).toBe('0.0.0.0:34217\r\n:::34217\r\n');
    expect(await port('2000/tcp')).toBe('0.0.0.0:35330\r\n:::35330\r\n');
    expect(await port('5001/udp')).toBe('0.0.0.0:32769\r\n:::32769\r\n');
    const ports = (await dockerIn(s, ['ps', '--format', '{{.Ports}}'])).stdout;
    expect(ports.startsWith('0.0.0.0:34216->1/tcp, :::34216->1/tcp, 0.0.0.0:35327->2/tcp, :::35327->2/tcp, ')).toBe(true);
    expect(ports.endsWith(', 0.0.0.0:32768->5000/udp, :::32768->5000/udp, 0.0.0.0:32769->5001/udp, :::32769->5001/udp, 0.0.0.0:32770->5002/udp, :::32770->5002/udp\r\n')).toBe(true);
  }, 60_000);
});
