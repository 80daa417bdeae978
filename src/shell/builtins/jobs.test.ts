/** Background jobs in an interactive shell: $!, jobs, kill %1, wait, fg, bg and the notices bash prints. */
import { describe, expect, it } from 'vitest';
import { hostShell, run, settle, testIO } from '../testing/harness';

describe('background jobs in the host shell (interactive bash)', () => {
  it('announces a job, lists it, kills it by PID or job spec and reports how it ended', async () => {
    const { sh } = hostShell();
    expect(await run(sh, 'sleep 1000 &')).toEqual({ out: '', err: '[1] 4243\n', status: 0 });
    expect((await run(sh, 'echo $!')).out).toBe('4243\n');
    expect((await run(sh, 'sleep 2000 &')).err).toBe('[2] 4244\n');
    expect((await run(sh, 'jobs')).out).toBe('[1]-  Running                 sleep 1000 &\n[2]+  Running                 sleep 2000 &\n');
    expect((await run(sh, 'jobs -l')).out).toBe('[1]-  4243 Running                 sleep 1000 &\n[2]+  4244 Running                 sleep 2000 &\n');
    expect((await run(sh, 'jobs -p %2')).out).toBe('4244\n');
    expect(await run(sh, 'kill $!')).toEqual({ out: '', err: '[2]+  Terminated              sleep 2000\n', status: 0 });
    expect(await run(sh, 'kill -9 %1')).toEqual({ out: '', err: '[1]+  Killed                  sleep 1000\n', status: 0 });
    expect(await run(sh, 'jobs')).toEqual({ out: '', err: '', status: 0 });
    expect(await run(sh, 'kill %1')).toEqual({ out: '', err: 'bash: kill: %1: no such job\n', status: 1 });
    expect(await run(sh, 'kill 4243')).toEqual({ out: '', err: 'bash: kill: (4243) - No such process\n', status: 1 });
  });

  it('reports a job that ended before the next prompt, with its exit status', async () => {
    const { sh, clock } = hostShell();
    expect((await run(sh, 'sleep 1 &')).err).toBe('[1] 4243\n');
    expect((await run(sh, '(exit 3) &')).err).toBe('[2] 4244\n');
    const t = testIO();
    const p = sh.run('sleep 2', t.io);
    await clock.advance(2000);
    expect(await p).toBe(0);
    expect(t.err.text()).toBe('[1]-  Done                    sleep 1\n[2]+  Exit 3                  ( exit 3 )\n');
    // a new job takes the number after the highest one still listed
    await run(sh, 'sleep 5 &');
    expect((await run(sh, 'sleep 6 &')).err).toMatch(/^\[2\] \d+\n$/);
  });

  it('wait %1 waits for the job and gives its status; an unknown job is an error', async () => {
    const { sh, clock } = hostShell();
    await run(sh, 'sleep 3 &');
    const t = testIO();
    const p = sh.run('wait %1; echo w=$?', t.io);
    await clock.advance(3000);
    expect(await p).toBe(0);
    expect(t.err.text()).toBe('[1]+  Done                    sleep 3\n');
    expect(t.out.text()).toBe('w=0\n');
    expect(await run(sh, 'wait %1; echo $?')).toEqual({ out: '127\n', err: 'bash: wait: %1: no such job\n', status: 0 });
    await run(sh, '(exit 4) &');
    // the job was reported, but `wait PID` still knows how its process ended
    expect((await run(sh, 'wait 4244; echo $?')).out).toBe('4\n');
  });

  it('fg shows the command and waits for it, Ctrl-C reaching it; bg finds it already running', async () => {
    const { sh } = hostShell();
    await run(sh, 'sleep 100 &');
    expect(await run(sh, 'bg')).toEqual({ out: '', err: 'bash: bg: job 1 already in background\n', status: 0 });
    const t = testIO();
    const p = sh.run('fg', t.io);
    await settle();
    t.controller.abort();
    expect(await p).toBe(130);
    expect(t.out.text()).toBe('sleep 100\n');
    expect(await run(sh, 'jobs; fg')).toEqual({ out: '', err: 'bash: fg: current: no such job\n', status: 1 });
    expect((await run(sh, 'fg %7')).err).toBe('bash: fg: %7: no such job\n');
  });

  it('kill %1 reaches every process of the job (its process group)', async () => {
    const { sh, clock } = hostShell();
    expect((await run(sh, 'while true; do sleep 1; done | cat &')).err).toBe('[1] 4243\n');
    await clock.advance(3000);
    expect(await run(sh, 'kill %1')).toEqual({ out: '', err: '[1]+  Terminated              while true; do sleep 1; done | cat\n', status: 0 });
    await clock.advance(3000);
    expect((await run(sh, 'jobs; echo $?')).out).toBe('0\n');
  });

  it('a non-interactive shell has no job control and prints no notices', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "bash -c 'sleep 9 & jobs; fg; echo $?; kill %1; wait %1; echo $?'")).toEqual({
      out: '[1]+  Running                 sleep 9 &\n1\n143\n',
      err: 'bash: line 1: fg: no job control\n',
      status: 0,
    });
  });

  it('closing the terminal hangs up its jobs', async () => {
    const { sh } = hostShell();
    const t = testIO();
    await sh.run('sleep 100 &', t.io);
    await run(sh, 'jobs');
    sh.close();
    await settle();
    // the job ended by SIGHUP (129)
    expect((await run(sh, 'wait %1; echo $?')).out).toBe('129\n');
  });
});
