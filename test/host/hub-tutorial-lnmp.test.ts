/**
 * Tutorial 001's Docker Hub section (lines ~275–330) typed in the learner's app
 * with the learner catalog: docker search wangxiong, docker pull
 * wangxiong/lnmp, the first docker login as wangxiong (which makes that Docker
 * ID), docker tag lnmp:v1 wangxiong/lnmp:v1.0, docker push, docker search
 * wangxiong/lnmp. The catalog's repository in the wangxiong namespace does not
 * stand in the way of that account; another account cannot push into it.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/app/simulator';
import { VirtualClock } from '../../src/engine/core/clock';
import { SeededIds } from '../../src/engine/core/ids';
import { APP_CATALOG_PATH } from '../../src/runner/lesson-sandbox';
import { loadCatalog } from '../../src/runner/session';
import { render } from '../../src/runner/render';
import { runStep } from '../../src/runner/step-driver';

function app() {
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8));
  const sim = createSimulator({ clock, ids: new SeededIds(7), catalog: loadCatalog(APP_CATALOG_PATH), home: '/root', cwd: '/root', cols: 120, hubAccounts: true });
  const s = { clock, run: sim.run };
  return async (line: string, inputs: string[] = []) => {
    const r = await runStep(s, line, { inputs: inputs.map((text) => ({ kind: 'stdin' as const, text })) });
    // the screen's text (progress lines redrawn in place), without the trailing blanks of Docker's progress lines
    const screen = (raw: string) => render(raw).replace(/ +$/gm, '');
    return { exit: r.exit, out: screen(r.stdoutRaw), err: screen(r.stderrRaw) };
  };
}

const SEARCH_HEAD = /^NAME\s+DESCRIPTION\s+STARS\s+OFFICIAL\s+AUTOMATED$/;

describe("tutorial 001's Docker Hub section with the learner catalog", () => {
  it('searches, pulls wangxiong/lnmp, logs in as wangxiong for the first time, tags, pushes and finds the push', async () => {
    const sh = app();

    const search = await sh('docker search wangxiong');
    expect(search.exit).toBe(0);
    const rows = search.out.trimEnd().split('\n');
    expect(rows[0]).toMatch(SEARCH_HEAD);
    expect(rows.slice(1).map((r) => r.split(/\s{2,}/))).toEqual([['wangxiong/lnmp', '利用Dockfile 定制的LNMP镜像', '0']]);

    const pull = await sh('docker pull wangxiong/lnmp');
    expect(pull.exit).toBe(0);
    const pulled = pull.out.trimEnd().split('\n');
    expect(pulled[0]).toBe('Using default tag: latest');
    expect(pulled[1]).toBe('latest: Pulling from wangxiong/lnmp');
    expect(pulled.filter((l) => /^[0-9a-f]{12}: Pull complete$/.test(l))).toHaveLength(6);
    expect(pulled.slice(-3)).toEqual([
      expect.stringMatching(/^Digest: sha256:[0-9a-f]{64}$/),
      'Status: Downloaded newer image for wangxiong/lnmp:latest',
      'docker.io/wangxiong/lnmp:latest',
    ]);

    // the tutorial's lnmp:v1 is this image, run with /bin/bash; nginx, MariaDB and php-fpm are in it
    expect((await sh('docker tag wangxiong/lnmp lnmp:v1')).exit).toBe(0);
    const ls = await sh('docker run --rm lnmp:v1 ls /usr/sbin/nginx /usr/libexec/mysqld /usr/sbin/php-fpm');
    expect([ls.exit, ls.out]).toEqual([0, '/usr/libexec/mysqld\n/usr/sbin/nginx\n/usr/sbin/php-fpm\n']);
    expect((await sh("docker image inspect -f '{{json .Config.Cmd}}' lnmp:v1")).out).toBe('["/bin/bash"]\n');

    const login = await sh('docker login', ['wangxiong', 'lnmp-secret']);
    expect(login.exit).toBe(0);
    expect(login.out).toMatch(/^Login with your Docker ID to push and pull images from Docker Hub\./);
    expect(login.out).toMatch(/\nUsername: wangxiong\nPassword:\n(?:[^\n]*\n)*Login Succeeded\n$/);

    expect((await sh('docker tag lnmp:v1 wangxiong/lnmp:v1.0')).exit).toBe(0);
    const images = (await sh('docker images')).out.split('\n');
    expect(images.filter((l) => /^(wangxiong\/lnmp|lnmp)\s/.test(l)).map((l) => l.split(/\s{2,}/).filter((_c, i) => i !== 3))).toEqual([
      ['lnmp', 'v1', expect.stringMatching(/^[0-9a-f]{12}$/), '795MB'],
      ['wangxiong/lnmp', 'latest', expect.stringMatching(/^[0-9a-f]{12}$/), '795MB'],
      ['wangxiong/lnmp', 'v1.0', expect.stringMatching(/^[0-9a-f]{12}$/), '795MB'],
    ]);

    // every layer is already in the Hub's wangxiong/lnmp: the push mounts none, it says so
    const push = await sh('docker push wangxiong/lnmp:v1.0');
    expect(push.exit).toBe(0);
    const pushed = push.out.trimEnd().split('\n');
    expect(pushed[0]).toBe('The push refers to repository [docker.io/wangxiong/lnmp]');
    expect(pushed.slice(1, -1).every((l) => /^[0-9a-f]{12}: Layer already exists$/.test(l))).toBe(true);
    expect(pushed.slice(1, -1)).toHaveLength(6);
    expect(pushed.at(-1)).toMatch(/^v1\.0: digest: sha256:[0-9a-f]{64} size: \d+$/);

    const found = await sh('docker search wangxiong/lnmp');
    expect(found.out.trimEnd().split('\n').slice(1).map((r) => r.split(/\s{2,}/))).toEqual([['wangxiong/lnmp', '利用Dockfile 定制的LNMP镜像', '0']]);

    // the pushed tag is on the Hub: it pulls back by name after removing it locally
    await sh('docker rmi wangxiong/lnmp:v1.0');
    const back = await sh('docker pull wangxiong/lnmp:v1.0');
    expect(back.out).toMatch(/Status: Image is up to date for wangxiong\/lnmp:v1\.0|Status: Downloaded newer image for wangxiong\/lnmp:v1\.0/);
  });

  it("another Docker ID cannot push into wangxiong/: Docker's denial", async () => {
    const sh = app();
    await sh('docker pull wangxiong/lnmp');
    expect((await sh('docker login -u learner1 -p pw-learner1')).exit).toBe(0);
    await sh('docker tag wangxiong/lnmp wangxiong/lnmp:v1.0');
    const denied = await sh('docker push wangxiong/lnmp:v1.0');
    // the repository exists and is readable, so its layers are found and the manifest is refused,
    // as the real daemon prints it (fidelity transcript 24, step 17: wangxiong/ubuntu pushed by another user)
    expect([denied.exit, denied.err]).toEqual([1, 'errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n\n']);
    expect(denied.out).toMatch(/^The push refers to repository \[docker\.io\/wangxiong\/lnmp\]\n([0-9a-f]{12}: Layer already exists\n){6}$/);
    // a repository of wangxiong's the Hub does not have yet: denied before any layer
    await sh('docker tag wangxiong/lnmp wangxiong/other:v1');
    const other = await sh('docker push wangxiong/other:v1');
    expect([other.exit, other.err]).toEqual([1, 'denied: requested access to the resource is denied\n']);
    // wangxiong's own first login still makes that account and may push
    await sh('docker logout');
    expect((await sh('docker login -u wangxiong -p pw-wangxiong')).exit).toBe(0);
    expect((await sh('docker push wangxiong/lnmp:v1.0')).out).toMatch(/v1\.0: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
  });
});
