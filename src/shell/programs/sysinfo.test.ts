import { describe, expect, it } from 'vitest';
import type { ProcessSpec } from '../../api/runtime';
import { BytesInput, CollectOutput } from '../io/streams';
import { createContainerRuntime } from '../runtime/container-runtime';
import { imageFs } from '../testing/catalog-fs';
import { FakeClock } from '../testing/harness';

async function run(argv: string[], user = 'root'): Promise<{ out: string; err: string; status: number }> {
  const out = new CollectOutput();
  const err = new CollectOutput();
  const spec: ProcessSpec = {
    argv,
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    cwd: '/',
    user,
    hostname: 'abc123def456',
    fs: imageFs('busybox', 'latest'),
    tty: false,
    init: false,
    io: { stdin: new BytesInput(''), stdout: out, stderr: err, interrupt: new AbortController().signal },
    clock: new FakeClock(),
    net: { resolve: () => undefined, http: async () => ({ error: 'refused' }), listen: () => () => {}, serveRegistry: () => () => {} },
    processes: () => [],
  };
  const status = await createContainerRuntime().spawn(spec).exited;
  return { out: out.text(), err: err.text(), status };
}

describe('busybox id, whoami, uname, df, kill', () => {
  it('id and whoami read /etc/passwd and /etc/group', async () => {
    expect((await run(['id'])).out).toMatch(/^uid=0\(root\) gid=0\(root\) groups=0\(root\)/);
    expect((await run(['id', '-u'], 'nobody')).out).toBe('65534\n');
    expect((await run(['whoami'], '65534')).out).toBe('nobody\n');
    const unknown = await run(['whoami'], '1000');
    expect([unknown.status, unknown.err]).toEqual([1, 'whoami: unknown uid 1000\n']);
  });

  it('uname tells the simulated host kernel; df the container mounts', async () => {
    expect((await run(['uname'])).out).toBe('Linux\n');
    expect((await run(['uname', '-a'])).out).toBe('Linux abc123def456 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64 GNU/Linux\n');
    expect((await run(['uname', '-r'])).out).toBe('6.1.0-18-amd64\n');
    const df = (await run(['df'])).out.split('\n');
    expect(df[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
    expect(df[1]).toMatch(/^overlay +\d+ +\d+ +\d+ +\d+% \/$/);
  });

  it('kill reports a missing process', async () => {
    const r = await run(['kill', '4242']);
    expect([r.status, r.err]).toEqual([1, "kill: can't kill pid 4242: No such process\n"]);
  });
});
