/** md5sum, sha1sum, sha256sum, sha512sum [-c] [FILE]… and base64 [-d] [-w COLS] [FILE] (GNU and busybox share these formats) */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from '../../lib/base64';
import { readContent } from '../../api/fs';
import { contentChunks, contentSha256, isLazy, type LazyContent } from '../../lib/content';
import type { Program, ProgramContext } from '../interpreter/types';
import { abs, decode, encode, isBusybox, lines, parseArgs, prog, readInputs, usageError } from './util';

const HASHES: Record<string, (b: Uint8Array) => Uint8Array> = {
  md5sum: md5,
  sha1sum: sha1,
  sha256sum: sha256,
  sha512sum: sha512,
};

const STREAMING: Record<string, { create(): { update(b: Uint8Array): unknown; digest(): Uint8Array } }> = {
  md5sum: md5,
  sha1sum: sha1,
  sha512sum: sha512,
};

/** the file's content when it is lazy (undefined otherwise, or when it cannot be read: readInputs says why) */
function lazyFile(ctx: ProgramContext, file: string): LazyContent | undefined {
  try {
    const p = abs(ctx, file);
    if (ctx.fs.stat(p).type === 'dir') return undefined;
    const c = readContent(ctx.fs, p);
    return isLazy(c) ? c : undefined;
  } catch {
    return undefined;
  }
}

/** hex digest of a lazy content: sha256 streamed and kept per content (lib/content), the others streamed */
function hashContent(name: string, c: LazyContent): string {
  const streaming = STREAMING[name];
  if (!streaming) return contentSha256(c).slice('sha256:'.length);
  const h = streaming.create();
  for (const chunk of contentChunks(c, 1 << 20)) h.update(chunk);
  return bytesToHex(h.digest());
}

export const checksum: Program = async (ctx) => {
  const name = prog(ctx);
  const hash = HASHES[name] ?? sha256;
  const a = parseArgs(ctx.argv.slice(1), 'cbtwsz', '', { check: 'c', binary: 'b', text: 't', warn: 'w', status: 's', quiet: 'q', strict: 'S' });
  if ('error' in a) return usageError(ctx, a.error);
  if (!a.flags.has('c')) {
    let failed = false;
    for (const file of a.operands.length ? a.operands : ['-']) {
      // a lazy file (an image tar) is hashed a chunk at a time, never made whole
      const lazy = file === '-' ? undefined : lazyFile(ctx, file);
      if (lazy) {
        ctx.io.stdout.write(`${hashContent(name, lazy)}  ${file}\n`);
        continue;
      }
      const r = await readInputs(ctx, [file]);
      failed ||= r.failed;
      for (const i of r.inputs) ctx.io.stdout.write(`${bytesToHex(hash(i.data))}  ${i.name}\n`);
    }
    return failed ? 1 : 0;
  }
  const { inputs, failed } = await readInputs(ctx, a.operands);
  let bad = 0;
  let status = failed ? 1 : 0;
  for (const inp of inputs) {
    for (const line of lines(decode(inp.data))) {
      const m = /^([0-9a-fA-F]+) [ *](.*)$/.exec(line);
      if (!m) continue;
      let data: Uint8Array;
      try {
        data = ctx.fs.readFile(abs(ctx, m[2]));
      } catch {
        ctx.io.stderr.write(isBusybox(ctx) ? `${name}: can't open '${m[2]}': No such file or directory\n` : `${name}: ${m[2]}: No such file or directory\n`);
        ctx.io.stdout.write(`${m[2]}: FAILED open or read\n`);
        status = 1;
        continue;
      }
      const ok = bytesToHex(hash(data)) === m[1].toLowerCase();
      if (!a.flags.has('s')) ctx.io.stdout.write(`${m[2]}: ${ok ? 'OK' : 'FAILED'}\n`);
      if (!ok) bad++;
    }
  }
  if (bad > 0) {
    if (!isBusybox(ctx)) ctx.io.stderr.write(`${name}: WARNING: ${bad} computed checksum${bad > 1 ? 's' : ''} did NOT match\n`);
    status = 1;
  }
  return status;
};

export const base64: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'di', 'w', { decode: 'd', 'ignore-garbage': 'i', wrap: 'w' });
  if ('error' in a) return usageError(ctx, a.error);
  if (a.operands.length > 1) return usageError(ctx, `extra operand '${a.operands[1]}'`);
  const { inputs, failed } = await readInputs(ctx, a.operands);
  if (failed || inputs.length === 0) return 1;
  const data = inputs[0].data;
  if (a.flags.has('d')) {
    const text = decode(data).replace(a.flags.has('i') ? /[^A-Za-z0-9+/=]/g : /\s/g, '');
    try {
      ctx.io.stdout.write(fromBase64(text));
      return 0;
    } catch {
      ctx.io.stderr.write(`${prog(ctx)}: invalid input\n`);
      return 1;
    }
  }
  const wrap = a.values.has('w') ? Number(a.values.get('w')) : 76;
  if (!Number.isInteger(wrap) || wrap < 0) {
    ctx.io.stderr.write(`${prog(ctx)}: invalid wrap size: '${a.values.get('w')}'\n`);
    return 1;
  }
  const text = toBase64(data);
  if (text === '') return 0;
  const out = wrap === 0 ? text : (text.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n');
  ctx.io.stdout.write(encode(`${out}\n`));
  return 0;
};
