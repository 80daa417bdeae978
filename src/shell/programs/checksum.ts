/** md5sum, sha1sum, sha256sum, sha512sum [-c] [FILE]… and base64 [-d] [-w COLS] [FILE] (GNU and busybox share these formats) */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from '../../lib/base64';
import type { Program } from '../interpreter/types';
import { abs, decode, encode, isBusybox, lines, parseArgs, prog, readInputs, usageError } from './util';

const HASHES: Record<string, (b: Uint8Array) => Uint8Array> = {
  md5sum: md5,
  sha1sum: sha1,
  sha256sum: sha256,
  sha512sum: sha512,
};

export const checksum: Program = async (ctx) => {
  const name = prog(ctx);
  const hash = HASHES[name] ?? sha256;
  const a = parseArgs(ctx.argv.slice(1), 'cbtwsz', '', { check: 'c', binary: 'b', text: 't', warn: 'w', status: 's', quiet: 'q', strict: 'S' });
  if ('error' in a) return usageError(ctx, a.error);
  const { inputs, failed } = await readInputs(ctx, a.operands);
  if (!a.flags.has('c')) {
    ctx.io.stdout.write(inputs.map((i) => `${bytesToHex(hash(i.data))}  ${i.name}\n`).join(''));
    return failed ? 1 : 0;
  }
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
