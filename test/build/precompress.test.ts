import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../tools/build/precompress';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('pre-compressed build output', () => {
  it('writes .gz and .br next to compressible files that gain from it, and leaves maps and small files alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'assets'));
    const js = 'export const x = 1;\n'.repeat(500);
    writeFileSync(join(dir, 'assets', 'index-abc.js'), js);
    writeFileSync(join(dir, 'assets', 'index-abc.js.map'), js);
    writeFileSync(join(dir, 'tiny.css'), 'a{}');
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096, 7));
    expect(precompressFolder(dir)).toBe(1);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'index-abc.js.gz'))).toString()).toBe(js);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'index-abc.js.br'))).toString()).toBe(js);
    for (const f of ['assets/index-abc.js.map.gz', 'tiny.css.gz', 'logo.png.gz', 'logo.png.br']) expect(existsSync(join(dir, f))).toBe(false);
  });
});
