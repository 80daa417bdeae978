import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/app/simulator';
import { VirtualClock } from '../../src/engine/core/clock';
import { SeededIds } from '../../src/engine/core/ids';
import { loadCatalog } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';
import { hubSignUpHint } from '../../src/cli/commands/registry/login';

const HUB_MESSAGE =
  "Login with your Docker ID to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com to create one.";

function app() {
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8));
  const sim = createSimulator({ clock, ids: new SeededIds(3), catalog: loadCatalog(), home: '/home/learner', cwd: '/home/learner', cols: 120, hubAccounts: true });
  const s = { clock, run: sim.run };
  return async (line: string, inputs: string[] = []) => {
    const r = await runStep(s, line, { inputs: inputs.map((text) => ({ kind: 'stdin' as const, text })) });
    return { exit: r.exit, out: r.stdoutRaw.replace(/\r\n/g, '\n'), err: r.stderrRaw.replace(/\r\n/g, '\n') };
  };
}

describe("the learner's Docker Hub: accounts made on first login", () => {
  it('says so before Username:, makes the account, then checks its password; pushes go to your own namespace', async () => {
    const sh = app();
    const first = await sh('docker login', ['learner1', 'my-password']);
    expect(first.exit).toBe(0);
    expect(first.out).toBe(`${HUB_MESSAGE}\n${hubSignUpHint({})}\nUsername: learner1\nPassword: \nLogin Succeeded\n`);
    await sh('docker logout');
    const wrong = await sh('docker login', ['learner1', 'dockerpassword']);
    expect(wrong.exit).toBe(1);
    expect(wrong.err).toBe('Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n');
    expect((await sh('docker login -u learner1 -p my-password')).exit).toBe(0);
    await sh('docker pull busybox');
    await sh('docker tag busybox learner1/busybox:v1');
    expect((await sh('docker push learner1/busybox:v1')).out).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    await sh('docker tag busybox someoneelse/busybox:v1');
    const denied = await sh('docker push someoneelse/busybox:v1');
    expect([denied.exit, denied.err]).toEqual([1, 'denied: requested access to the resource is denied\n']);
  });

  it('the hint is in Chinese when the learner works in Chinese', async () => {
    const sh = app();
    const r = await sh('LANG=zh_CN.UTF-8 docker login', ['learner2', 'pw']);
    expect(r.out.split('\n')[1]).toBe(hubSignUpHint({ LANG: 'zh_CN.UTF-8' }));
    expect(hubSignUpHint({ LANG: 'zh_CN.UTF-8' })).toMatch(/Docker ID/);
    expect(hubSignUpHint({ LANG: 'zh_CN.UTF-8' })).not.toBe(hubSignUpHint({}));
  });
});
