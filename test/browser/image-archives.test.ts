/**
 * Image archives of realistic size in the learner's app (issue 9 item 13):
 * `docker save nginx | gzip > nginx.tar.gz` and `docker load < nginx.tar.gz`
 * with the 187 MB nginx of the learner catalog. The archive and its gzip file
 * are lazy contents (src/lib/content): their sizes show at once, and nothing
 * makes their bytes unless a program reads them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { outputOf, run, waitForPrompt } from './support/terminal';

describe('docker save | gzip and docker load in the app', () => {
  let b: Browser;

  beforeAll(async () => {
    b = await launch({ width: 1600, height: 1000 });
    await b.page.goto(inject('baseUrl'));
    await waitForPrompt(b.page);
    await run(b.page, 'docker pull nginx', 'Status: Downloaded newer image for nginx:latest', 60_000);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('saves nginx through gzip into the home folder and loads it back', async () => {
    const { page } = b;
    await run(page, 'docker save nginx | gzip > nginx.tar.gz && docker save -o nginx.tar nginx');
    const ls = outputOf(await run(page, 'ls -l nginx.tar nginx.tar.gz', /nginx\.tar\.gz$/m), 'ls -l nginx.tar nginx.tar.gz');
    const sizes = ls.split('\n').map((l) => Number(l.split(/\s+/)[4]));
    expect(sizes[0]).toBeGreaterThan(150_000_000);
    expect(sizes[1]).toBeGreaterThan(40_000_000);
    expect(sizes[1]).toBeLessThan(sizes[0] as number);
    await run(page, 'docker rmi nginx', /^Untagged: nginx:latest$/m);
    const load = outputOf(await run(page, 'docker load < nginx.tar.gz', 'Loaded image: nginx:latest', 60_000), 'docker load < nginx.tar.gz');
    expect(load).toContain('Loaded image: nginx:latest');
    const images = outputOf(await run(page, 'docker images nginx --format "{{.Repository}}:{{.Tag}} {{.Size}}"', /^nginx:latest /m), 'docker images nginx --format "{{.Repository}}:{{.Tag}} {{.Size}}"');
    expect(images).toMatch(/^nginx:latest 18\dMB$/);
  });
});
