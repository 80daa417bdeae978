import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIFF_FILE_BYTES } from '../../client/protocol/workspace-api';
import { packPath } from '../../client/remote/workspace-sync';
import { MemoryFs } from '../../shell/vfs/memory-fs';
import { WorkspacePaths } from '../policy/workspace-paths';
import { createWorkspace } from './workspace';

let dir: string;
let host: string;
let outside: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dy-wsdiff-'));
  host = join(dir, 'host');
  outside = join(dir, 'outside');
  mkdirSync(host);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret'), 'not yours');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const ws = () => createWorkspace(new WorkspacePaths(host), 64 * 1024 * 1024);

describe('workspaceDiff: what containers wrote in bind sources', () => {
  it('reports a source the daemon created and files written there, then only what changes', async () => {
    const w = ws();
    // the daemon makes the missing source of -v /src/webapp:…, a container writes into it
    mkdirSync(join(host, 'src/webapp'), { recursive: true });
    writeFileSync(join(host, 'src/webapp/x'), 'hi\n');
    const d1 = await w.workspaceDiff(['/src/webapp']);
    expect(d1.changed.map((e) => `${e.type} ${e.path}`)).toEqual(['dir /src/webapp', 'file /src/webapp/x']);
    expect(text((d1.changed[1] as { data: Uint8Array }).data)).toBe('hi\n');
    expect(d1.more).toBe(false);
    // nothing changed: nothing reported
    expect((await w.workspaceDiff(['/src/webapp'])).changed).toEqual([]);
    // a change and a removal
    writeFileSync(join(host, 'src/webapp/y'), 'new');
    rmSync(join(host, 'src/webapp/x'));
    const d3 = await w.workspaceDiff(['/src/webapp']);
    expect(d3.changed.filter((e) => e.type === 'file').map((e) => e.path)).toEqual(['/src/webapp/y']);
    expect(d3.removed).toEqual(['/src/webapp/x']);
  });

  it("does not send the learner's own writes back", async () => {
    const w = ws();
    const fs = new MemoryFs();
    fs.mkdir('/home/l/site', { recursive: true });
    fs.writeFile('/home/l/site/index.html', '<h1>hi</h1>');
    await w.workspaceWrite('/home/l', packPath(fs, '/home/l/site'));
    expect((await w.workspaceDiff(['/home/l/site'])).changed).toEqual([]);
    // the learner removes a file: not reported as removed
    await w.workspaceRemove('/home/l/site/index.html');
    expect((await w.workspaceDiff(['/home/l/site'])).removed).toEqual([]);
  });

  it('never follows nor reports a symbolic link a container made, and skips roots outside the workspace', async () => {
    const w = ws();
    mkdirSync(join(host, 'data'));
    symlinkSync(outside, join(host, 'data/escape'));
    symlinkSync(join(outside, 'secret'), join(host, 'data/secret'));
    symlinkSync(outside, join(host, 'linkroot'));
    const d = await w.workspaceDiff(['/data', '/linkroot', '/../outside', 'relative', '/']);
    expect(d.changed.map((e) => e.path)).toEqual(['/data']);
    expect(JSON.stringify(d)).not.toContain('not yours');
  });

  it('lists a file past the cap as skipped, and a diff past its byte cap says more', async () => {
    const w = ws();
    mkdirSync(join(host, 'big'));
    writeFileSync(join(host, 'big/huge'), '');
    truncateSync(join(host, 'big/huge'), DIFF_FILE_BYTES + 1);
    const d = await w.workspaceDiff(['/big']);
    expect(d.skipped).toEqual([{ path: '/big/huge', size: DIFF_FILE_BYTES + 1 }]);
    expect(d.changed.map((e) => e.path)).toEqual(['/big']);

    // three files of 7 MiB: two fit in one diff's 16 MiB, the third comes with the next
    mkdirSync(join(host, 'many'));
    for (const n of ['a', 'b', 'c']) {
      writeFileSync(join(host, `many/${n}`), '');
      truncateSync(join(host, `many/${n}`), 7 * 1024 * 1024);
    }
    const first = await w.workspaceDiff(['/many']);
    expect(first.more).toBe(true);
    expect(first.removed).toEqual([]);
    const second = await w.workspaceDiff(['/many']);
    expect(second.more).toBe(false);
    expect([...first.changed, ...second.changed].map((e) => e.path)).toEqual(['/many', '/many/a', '/many/b', '/many/c']);
  });

  it('refuses too many roots', async () => {
    await expect(ws().workspaceDiff(Array.from({ length: 65 }, (_, i) => `/r${i}`))).rejects.toThrow(/more than 64/);
  });
});
