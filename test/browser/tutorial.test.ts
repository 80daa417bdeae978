import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { ROOT } from './support/serve';
import { clearScreen, outputOf, run, screenText, typeLine, waitForPrompt, waitForScreen, waitForTyped } from './support/terminal';

const SHOTS = join(ROOT, 'docs/screenshots');

let b: Browser;

describe('tutorial', () => {
  beforeAll(async () => {
    // wide enough that docker ps's table fits on one line of the terminal (~150 columns)
    b = await launch({ width: 1600, height: 1000 });
    await b.page.goto(inject('baseUrl'));
    await waitForPrompt(b.page);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('pulls and runs nginx', async () => {
    const { page } = b;
    await run(page, 'docker pull nginx', 'Status: Downloaded newer image for nginx:latest');
    await run(page, 'docker run -d --name web -p 80:80 nginx', /^[0-9a-f]{64}$/);
    await page.getByRole('button', { name: 'open :80' }).click();
    const frame = page.frameLocator('iframe.preview-frame');
    await frame.getByText('Welcome to nginx!').first().waitFor();
  });

  it('changes the page with docker exec', async () => {
    const { page } = b;
    const exec = `docker exec web sh -c "echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html"`;
    expect(outputOf(await run(page, exec), exec)).toBe('');
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.frameLocator('iframe.preview-frame').getByText('Hello, Docker!').waitFor();
    await page.getByRole('button', { name: 'Close the preview' }).click();
    await run(page, 'docker diff web', 'C /usr/share/nginx/html/index.html');
  });

  it('commits and shows the history', async () => {
    const { page } = b;
    await run(page, 'docker commit web nginx:v2', /^sha256:[0-9a-f]{64}$/m);
    const shown = await run(page, 'docker history nginx:v2', /^<missing> .* ADD file:/m);
    const out = outputOf(shown, 'docker history nginx:v2').split('\n');
    expect(out[0]).toMatch(/^IMAGE {10}CREATED {2,}CREATED BY {2,}SIZE {6}COMMENT$/);
    expect(out[1]).toMatch(/^[0-9a-f]{12} {3}.* ago {3,}nginx -g daemon off; {2,}26B$/);
  });

  it('opens an interactive shell in the container', async () => {
    const { page } = b;
    await typeLine(page, 'docker exec -it web bash');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^root@[0-9a-f]{12}:\/#$/m);
    await page.keyboard.type('cat /usr/share/nginx/html/index.html');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^<h1>Hello, Docker!<\/h1>$/m);
    await page.keyboard.type('exit');
    await page.keyboard.press('Enter');
    await waitForPrompt(page);
  });

  it('builds a Dockerfile written in the editor', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'New file' }).click();
    const name = page.getByRole('textbox', { name: 'name, then Enter' });
    await name.fill('Dockerfile');
    await name.press('Enter');
    await page.locator('.ed-editor .monaco-editor').waitFor();
    await page.locator('.ed-editor .view-lines').click();
    await page.keyboard.type('FROM nginx\nRUN echo built by dockyard > /usr/share/nginx/html/built.txt\n');
    await page.keyboard.press('Control+S');
    await page.locator('.ed-status-save', { hasText: /^saved$/ }).waitFor();
    await page.getByRole('button', { name: /Build/ }).click();
    await waitForTyped(page, 'docker build -t learner:latest .');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'Successfully tagged learner:latest');
    await waitForPrompt(page);
    expect(outputOf(await screenText(page), 'docker build -t learner:latest .')).toMatch(
      /^Sending build context to Docker daemon {2}\S+\nStep 1\/2 : FROM nginx\n ---> [0-9a-f]{12}\nStep 2\/2 : RUN echo built by dockyard/,
    );
  });

  it('shows the images and the container in the state view', async () => {
    const { page } = b;
    const tags = page.locator('svg.sv-svg g.sv-tag text');
    await expect.poll(() => tags.allTextContents()).toEqual(expect.arrayContaining(['nginx:latest', 'nginx:v2', 'learner:latest']));
    // a box labelled "web", titled "web (<short ID>) Up …"
    const web = page.locator('svg.sv-svg g.sv-container', { has: page.locator('text', { hasText: /^web$/ }) });
    await expect.poll(() => web.first().locator('title').textContent()).toMatch(/^web \([0-9a-f]{12}\) Up /);
  });

  it('restores everything after a reload', async () => {
    const { page } = b;
    await page.reload();
    await waitForPrompt(page);
    // the terminal's screen comes back with the earlier output
    const restored = await screenText(page);
    expect(restored).toContain('Successfully tagged learner:latest');
    expect(restored).toContain('learner@dockyard:~$ docker build -t learner:latest .');
    // the engine: web still runs (brought back like dockerd's live-restore), the images are there
    const ps = outputOf(await run(page, 'docker ps -a', 'CONTAINER ID'), 'docker ps -a');
    expect(ps).toMatch(/^[0-9a-f]{12} {3}nginx .* Up .* 0\.0\.0\.0:80->80\/tcp, :::80->80\/tcp +web$/m);
    const images = outputOf(await run(page, 'docker images', 'REPOSITORY'), 'docker images');
    expect(images).toMatch(/^learner +latest /m);
    expect(images).toMatch(/^nginx +v2 /m);
    // the editor: the Dockerfile is still in the file tree, with what was typed
    await page.locator('.ed-tree').getByRole('button', { name: 'Dockerfile', exact: true }).waitFor();
    expect(outputOf(await run(page, 'cat Dockerfile', 'FROM nginx'), 'cat Dockerfile')).toBe(
      'FROM nginx\nRUN echo built by dockyard > /usr/share/nginx/html/built.txt',
    );
  });

  it('undoes and redoes a docker rm -f', async () => {
    const { page } = b;
    const psWeb = async () => outputOf(await run(page, 'docker ps -a', 'CONTAINER ID'), 'docker ps -a');
    await run(page, 'docker rm -f web', /^web$/m);
    expect(await psWeb()).not.toMatch(/ web$/m);
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForPrompt(page);
    expect(await psWeb()).toMatch(/ Up .* web$/m);
    // the open Dockerfile is shown from the restored sandbox's filesystem
    await expect.poll(async () => (await page.locator('.ed-editor .view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain('FROM nginx');
    await page.getByRole('button', { name: 'Redo' }).click();
    await waitForPrompt(page);
    expect(await psWeb()).not.toMatch(/ web$/m);
    // and back again, for the screenshots
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForPrompt(page);
    expect(await psWeb()).toMatch(/ Up .* web$/m);
  });

  it('takes the README screenshots', async () => {
    const { page } = b;
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'open :80' }).click();
    await page.frameLocator('iframe.preview-frame').getByText('Hello, Docker!').waitFor();
    await clearScreen(page);
    // typed as the learner would: a backslash and a t (a tab would ask for completion)
    await run(page, String.raw`docker ps --format 'table {{.Names}}\t{{.Image}}\t{{.Status}}'`, /^web +nginx +Up /m);
    await run(page, 'docker diff web', 'C /usr/share/nginx/html/index.html');
    const wide = join(SHOTS, 'dockyard-1280x720.png');
    await page.screenshot({ path: wide });
    expect(pngSize(wide)).toEqual({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Close the preview' }).click();

    await page.setViewportSize({ width: 760, height: 900 });
    await page.getByRole('tab', { name: 'Terminals' }).waitFor();
    await clearScreen(page);
    await run(page, 'docker images', 'REPOSITORY');
    await run(page, 'curl -s localhost', '<h1>Hello, Docker!</h1>');
    await run(page, 'docker run --rm busybox echo hello from busybox', 'hello from busybox', 60_000);
    const narrow = join(SHOTS, 'dockyard-narrow-760x900.png');
    await page.screenshot({ path: narrow });
    expect(pngSize(narrow)).toEqual({ width: 760, height: 900 });
  });

  it('threw no uncaught exception in the page', () => {
    expect(b.errors).toEqual([]);
  });
});

/** width and height from a PNG's IHDR chunk */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
