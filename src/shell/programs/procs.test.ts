import { describe, expect, it } from 'vitest';
import type { ProcessInfo } from '../../api/runtime';
import { containerRun } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';

const PROCS: ProcessInfo[] = [
  { pid: 1, ppid: 0, user: 'root', argv: ['sleep', '3600'], started: 0, tty: false },
  { pid: 8, ppid: 0, user: '65534', argv: ['sh'], started: 0, tty: false },
  // the engine lists the exec'd process itself
  { pid: 9, ppid: 0, user: 'root', argv: ['ps'], started: 0, tty: false },
];

describe('ps, top, free', () => {
  it("busybox ps lists the container's processes with /etc/passwd names", async () => {
    const r = await containerRun(['ps'], { processes: PROCS });
    expect(r.out).toBe('PID   USER     COMMAND\n    1 root     sleep 3600\n    8 nobody   sh\n    9 root     ps\n');
  });

  it('procps formats on the host: ps, ps aux, ps -ef', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'ps')).out).toMatch(/^ {4}PID TTY {10}TIME CMD\n {3}4242 pts\/0 {4}00:00:00 bash\n +\d+ pts\/0 {4}00:00:00 ps\n$/);
    const aux = (await run(sh, 'ps aux')).out.split('\n');
    expect(aux[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(aux.some((l) => /^root +\d+ .* \/usr\/sbin\/dockerd -H fd:\/\//.test(l))).toBe(true);
    expect((await run(sh, 'ps -ef')).out.split('\n')[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
  });

  it('top -b -n 1 prints one frame; free prints the simulated RAM', async () => {
    const { sh } = hostShell();
    const t = (await run(sh, 'top -b -n 1')).out;
    expect(t).toMatch(/^top - \d\d:\d\d:\d\d up {1,2}3:17, {2}1 user, {2}load average: 0\.00, 0\.01, 0\.00\nTasks: +\d+ total/);
    expect(t).toContain('MiB Mem :   3932.0 total,');
    expect(t).toContain('    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n');
    expect((await run(sh, 'free')).out).toBe(
      '               total        used        free      shared  buff/cache   available\nMem:         4026368      612844     2467120        1228      946404     3187104\nSwap:              0           0           0\n',
    );
    expect((await run(sh, 'free -h')).out.split('\n')[1]).toBe('Mem:           3.8Gi       598Mi       2.4Gi       1.2Mi       924Mi       3.0Gi');
    const bb = await containerRun(['top', '-b', '-n', '1'], { processes: PROCS });
    expect(bb.out).toMatch(/^Mem: 612844K used, 2467120K free/);
    expect(bb.out).toContain('  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n    1     0 root     S ');
  });
});
