import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { outputOf, run, waitForPrompt } from './support/terminal';

describe('import and export', () => {
  let b: Browser;
  let dir: string;
  let psBefore: string;

  const ps = async () => outputOf(await run(b.page, 'docker ps -a --format "{{.Names}} {{.Image}} {{.Status}}"', /^keep busybox /m), 'docker ps -a --format "{{.Names}} {{.Image}} {{.Status}}"');
  const importFile = async (name: string, content: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    // the top bar's Import (the lesson panel has file inputs of its own)
    await b.page.getByRole('navigation', { name: 'Sandbox controls' }).locator('input[type=file]').setInputFiles(file);
  };
  const alert = () => b.page.locator('.notices [role=alert] > span');
  const dismiss = async () => {
    await b.page.locator('.notices').getByRole('button', { name: 'Dismiss' }).click();
    await b.page.locator('.notices').waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dockyard-import-'));
    b = await launch({ width: 1600, height: 1000 });
    await b.page.goto(inject('baseUrl'));
    await waitForPrompt(b.page);
    await run(b.page, 'docker pull busybox', 'Status: Downloaded newer image for busybox:latest');
    await run(b.page, 'docker create --name keep busybox', /^[0-9a-f]{64}$/m);
    psBefore = await ps();
    expect(psBefore).toBe('keep busybox Created');
  });
  afterAll(async () => {
    await b?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a corrupt file with a notice and changes nothing', async () => {
    await importFile('garbage.json', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x7b, 0x00, 0xff, 0x0a]));
    await expect.poll(() => alert().textContent()).toBe(
      'This file is not a Dockyard sandbox: it is not valid JSON (it may be truncated or damaged). Nothing was changed.',
    );
    await waitForPrompt(b.page);
    expect(await ps()).toBe(psBefore);
    await dismiss();
  });

  it('refuses a JSON file Dockyard did not write', async () => {
    await importFile('package.json', JSON.stringify({ name: 'not-a-sandbox', version: '1.0.0' }));
    await expect.poll(() => alert().textContent()).toBe('This file was not exported by Dockyard (it has no "dockyard-sandbox" format marker). Nothing was changed.');
    expect(await ps()).toBe(psBefore);
    await dismiss();
  });

  it('exports the sandbox, refuses the file cut short, and imports it whole', async () => {
    const { page } = b;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dockyard-sandbox-\d{4}-\d\d-\d\d-\d{4}\.json$/);
    const exported = join(dir, 'exported.json');
    await download.saveAs(exported);
    const text = readFileSync(exported, 'utf8');
    expect(JSON.parse(text)).toBeTypeOf('object');

    await importFile('truncated.json', text.slice(0, Math.floor(text.length / 2)));
    await expect.poll(() => alert().textContent()).toMatch(/^This file is not a Dockyard sandbox: it is not valid JSON/);
    expect(await ps()).toBe(psBefore);
    await dismiss();

    // the real file, after a change it should undo
    await run(page, 'docker rm keep', /^keep$/m);
    await importFile('whole.json', text);
    await expect.poll(() => page.locator('.notices [role=status] > span').textContent()).toBe('Sandbox imported. Undo returns to the sandbox you had before.');
    expect(await ps()).toBe(psBefore);
  });

  it('threw no uncaught exception in the page', () => {
    expect(b.errors).toEqual([]);
  });
});
