import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';
import { KILL_REASON } from '../../src/api/io';
import { endsOnInterrupt, untilInterrupted } from '../../src/cli/framework/interrupt';

describe('Ctrl-C and docker commands', () => {
  it('most commands end at once with 130; attaching and streaming ones decide for themselves', async () => {
    expect(endsOnInterrupt('docker container stop')).toBe(true);
    expect(endsOnInterrupt('docker stop')).toBe(true);
    expect(endsOnInterrupt('docker image pull')).toBe(true);
    expect(endsOnInterrupt('docker wait')).toBe(true);
    expect(endsOnInterrupt('docker logs')).toBe(true);
    for (const p of ['docker run', 'docker container start', 'docker attach', 'docker exec']) {
      expect(endsOnInterrupt(p), p).toBe(false);
    }
    const never = new Promise<number>(() => {});
    const ac = new AbortController();
    const r = untilInterrupted(never, { interrupt: ac.signal });
    ac.abort();
    expect(await r).toBe(130);
    const failing = Promise.reject(new Error('late'));
    expect(await untilInterrupted(failing, { interrupt: ac.signal })).toBe(130);
    expect(await untilInterrupted(Promise.resolve(4), { interrupt: new AbortController().signal })).toBe(4);
    // an attached command lets Ctrl-C through to its container, but dies of a kill
    const ctrlC = new AbortController();
    ctrlC.abort();
    const attached = untilInterrupted(never, { interrupt: ctrlC.signal }, true);
    const kill = new AbortController();
    const killed = untilInterrupted(never, { interrupt: kill.signal }, true);
    kill.abort(KILL_REASON);
    expect(await killed).toBe(137);
    expect(await Promise.race([attached, new Promise((r) => setTimeout(() => r('still attached'), 20))])).toBe('still attached');
    // a Ctrl-C passed on to the container first, the kill (io.killed) later still ends it
    const passedOn = new AbortController();
    passedOn.abort();
    const later = new AbortController();
    const afterCtrlC = untilInterrupted(never, { interrupt: passedOn.signal, killed: later.signal }, true);
    later.abort(KILL_REASON);
    expect(await afterCtrlC).toBe(137);
  });

  it('a timed-out docker start -i of a running container is killed with its step', async () => {
    const s = createSession();
    await runStep(s, 'docker run -d --name box busybox sleep 1000', {});
    const r = await runStep(s, 'docker start -i box', { timeoutSeconds: 5 });
    expect(r.exit).toBe(137);
    expect(r.unstoppable).toBeUndefined();
    expect(s.engine.containers.find('box')?.State.Running).toBe(true);
  });

  it('a timed-out docker stop is stopped with its step; the daemon goes on stopping the container', async () => {
    const s = createSession();
    await runStep(s, 'docker run -d --name c1 busybox sh -c "trap \\"\\" TERM; sleep 1000"', {});
    const r = await runStep(s, 'docker stop -t 600 c1; echo never', { timeoutSeconds: 5 });
    expect(r.exit).toBe(137);
    expect(r.unstoppable).toBeUndefined();
    expect(r.stdoutRaw).toBe('');
    expect(s.engine.containers.find('c1')?.State.Running).toBe(true);
    // the grace period ends, the daemon kills it, nothing of the killed step runs on
    const later = await runStep(s, 'sleep 700; docker ps -aq --filter status=exited | wc -l', { timeoutSeconds: 800 });
    expect(later.stdoutRaw).toBe('1\r\n');
  });
});
