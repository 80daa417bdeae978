/**
 * The tutorials' daemon.json steps as a learner types them: write
 * /etc/docker/daemon.json with sudo, `sudo systemctl daemon-reload`,
 * `sudo systemctl restart docker`, and see the mirror in `docker info`;
 * then the broken file the learner will write sooner or later, and how the
 * machine tells (systemctl, docker, journalctl) until it is fixed.
 * (Opening daemon.json in the editor instead of `sudo tee` is the editor's
 * part of issue 9.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { outputOf, run, screenText, waitForPrompt } from './support/terminal';

describe('daemon.json and the Docker service', () => {
  let b: Browser;

  beforeAll(async () => {
    b = await launch({ width: 1600, height: 1000 });
    await b.page.goto(inject('baseUrl'));
    await waitForPrompt(b.page);
    await run(b.page, 'docker run -d --name web --restart=always nginx', /^[0-9a-f]{64}$/m, 60_000);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('a registry mirror set in daemon.json shows after sudo systemctl restart docker; the container comes back', async () => {
    const { page } = b;
    await run(
      page,
      `echo '{ "registry-mirrors": ["https://hub-mirror.c.163.com"], "insecure-registries": ["192.168.199.100:5000"] }' | sudo tee /etc/docker/daemon.json`,
      /^\{ "registry-mirrors"/m,
    );
    await run(page, 'sudo systemctl daemon-reload');
    await run(page, 'sudo systemctl restart docker', undefined, 60_000);
    // docker info is longer than the screen: its end is what stays there
    const info = await run(page, 'docker info', 'Live Restore Enabled: false');
    expect(info).toContain(' Insecure Registries:\n  192.168.199.100:5000\n  127.0.0.0/8\n Registry Mirrors:\n  https://hub-mirror.c.163.com/');
    const ps = outputOf(await run(page, 'docker ps --format "{{.Names}} {{.Status}}"', /^web Up/m), 'docker ps --format "{{.Names}} {{.Status}}"');
    expect(ps).toMatch(/^web Up (Less than a second|\d+ seconds?)$/);
  });

  it('a broken daemon.json stops the daemon from starting, until the file is fixed and the service reset', async () => {
    const { page } = b;
    await run(page, `echo '{ "registry-mirrors": ["https://hub-mirror.c.163.com",] }' | sudo tee /etc/docker/daemon.json`, /^\{ "registry-mirrors"/m);
    const restart = outputOf(
      await run(page, 'sudo systemctl restart docker', 'Job for docker.service failed because the control process exited with error code.', 60_000),
      'sudo systemctl restart docker',
    );
    expect(restart).toBe(
      'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.',
    );
    const status = await run(page, 'systemctl status docker', 'Active: failed (Result: exit-code)');
    expect(status).toContain('× docker.service - Docker Application Container Engine');
    expect(status).toContain('docker.service: Start request repeated too quickly.');
    await run(page, 'docker ps', 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
    const why = outputOf(await run(page, 'journalctl -u docker --no-pager | grep unable | tail -1', 'unable to configure'), 'journalctl -u docker --no-pager | grep unable | tail -1');
    // the line is longer than the terminal: rows joined as it wrapped
    expect(why.replace(/\n/g, '')).toMatch(/dockerd\[\d+\]: unable to configure the Docker daemon with file \/etc\/docker\/daemon\.json: invalid character ']' looking for beginning of value$/);

    await run(page, `echo '{ "registry-mirrors": ["https://hub-mirror.c.163.com"] }' | sudo tee /etc/docker/daemon.json`, /^\{ "registry-mirrors"/m);
    await run(page, 'sudo systemctl reset-failed docker');
    await run(page, 'sudo systemctl restart docker', undefined, 60_000);
    await run(page, 'docker ps --format "{{.Names}} {{.Status}}"', /^web Up/m);
    expect(await screenText(page)).not.toContain('Uncaught');
  });

  it('threw no uncaught exception in the page', () => {
    expect(b.errors).toEqual([]);
  });
});
