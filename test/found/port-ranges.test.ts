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
});
