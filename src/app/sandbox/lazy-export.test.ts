import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock';
import type { HubCatalog } from '../../engine/registry/catalog';
import { BlobTable } from '../../engine/snapshot/blob-table';
import { contentKey, contentSize, isLazy } from '../../lib/content';
import { decodeSandboxFile, encodeSandboxFile } from '../../store/sandbox-file';
import { createSandboxSession, type LocalSandboxSession } from './create-session';
import { runIn } from './test-driver';

/** the learner catalog: images of realistic size (nginx: 187 MB) */
const catalog = JSON.parse(readFileSync(new URL('../../../public/catalog/default-hub.json', import.meta.url), 'utf8')) as HubCatalog;
const START = Date.UTC(2026, 10, 23, 8, 0, 0);

function session(clock: VirtualClock, blobs: BlobTable, from?: Parameters<typeof createSandboxSession>[0]['from']): LocalSandboxSession {
  return createSandboxSession({ clock, catalog, home: '/home/learner', cwd: '/home/learner', cols: 120, blobs, seed: 5, from });
}

describe('image tars in the home folder (lazy contents)', () => {
  it('cost their descriptors in the export file, and come back lazy and loadable', { timeout: 120_000 }, async () => {
    const clock = new VirtualClock(START);
    const blobs = new BlobTable();
    const a = session(clock, blobs);
    for (const line of ['docker pull nginx', 'docker save nginx -o nginx.tar', 'docker save nginx | cat > copy.tar', 'cp nginx.tar again.tar']) {
      const r = await runIn(a, clock, 'main', line);
      expect(r.status, `${line}\n${r.err}`).toBe(0);
    }
    const fs = a.simulator.hostFs;
    const tar = fs.readContent?.('/home/learner/nginx.tar');
    expect(tar && isLazy(tar)).toBe(true);
    const size = contentSize(tar ?? new Uint8Array());
    expect(size).toBeGreaterThan(150_000_000);
    expect((await runIn(a, clock, 'main', 'stat -c %s copy.tar again.tar')).out.replace(/\r/g, '')).toBe(`${size}\n${size}\n`);

    const text = encodeSandboxFile(a.snapshot(), blobs, { provenance: {}, lessons: {}, terminals: [{ id: 'main', index: 1 }], scrollback: {} }, new Date(START).toISOString());
    // three tars of 187 MB each, and the export file is small
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    const key = contentKey(tar ?? new Uint8Array());
    a.dispose();

    const decoded = decodeSandboxFile(text);
    if (!decoded.ok) throw new Error(decoded.reason);
    const blobs2 = new BlobTable();
    for (const [d, b] of decoded.blobs) expect(blobs2.add(d, b)).toBe(true);
    const b = session(new VirtualClock(START + 60_000), blobs2, decoded.snapshot);
    const back = b.simulator.hostFs.readContent?.('/home/learner/nginx.tar');
    expect(back && isLazy(back) && contentKey(back)).toBe(key);
    const clock2 = new VirtualClock(START + 60_000);
    const r = await runIn(b, clock2, 'main', 'docker rmi nginx && docker load -i copy.tar && docker images nginx --format "{{.Repository}}:{{.Tag}} {{.Size}}"');
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain('Loaded image: nginx:latest');
    expect(r.out).toMatch(/nginx:latest 18\dMB/);
    b.dispose();
  });

  it('docker save nginx | gzip > nginx.tar.gz costs nothing until read, and loads back (docker load reads gzip)', { timeout: 120_000 }, async () => {
    const clock = new VirtualClock(START);
    const a = session(clock, new BlobTable());
    for (const line of [
      'docker pull nginx',
      'docker save nginx | gzip > nginx.tar.gz',
      'docker rmi nginx',
      'docker load < nginx.tar.gz',
      'docker rmi nginx',
      'gunzip -c nginx.tar.gz | docker load',
      'docker create --name box nginx',
      'docker export box | gzip > box.tar.gz',
      'docker import box.tar.gz flat:1',
    ]) {
      const r = await runIn(a, clock, 'main', line);
      expect(r.status, `${line}\n${r.err}`).toBe(0);
    }
    const gz = a.simulator.hostFs.readContent?.('/home/learner/nginx.tar.gz');
    expect(gz && isLazy(gz)).toBe(true);
    // about a third of the 187 MB archive, like a real image's
    expect(contentSize(gz ?? new Uint8Array())).toBeGreaterThan(40_000_000);
    expect(contentSize(gz ?? new Uint8Array())).toBeLessThan(90_000_000);
    expect((await runIn(a, clock, 'main', 'docker images nginx --format "{{.Tag}} {{.Size}}"')).out).toMatch(/^latest 18\dMB/);
    expect((await runIn(a, clock, 'main', 'docker images flat --format "{{.Tag}} {{.Size}}"')).out).toMatch(/^1 1\d\dMB/);
    a.dispose();
  });
});
