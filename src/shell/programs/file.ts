/** file [-b] FILE…: what a file is, from its first bytes (the magic numbers the learner meets) */
import type { Program, ProgramContext } from '../interpreter/types';
import { isGzip } from './gzip';
import { abs, errText, parseArgs, usageError } from './util';

function describeBytes(data: Uint8Array): string {
  if (data.length === 0) return 'empty';
  if (isGzip(data)) {
    const flags = data[3];
    const mtime = (data[4] | (data[5] << 8) | (data[6] << 16) | (data[7] << 24)) >>> 0;
    let name = '';
    if (flags & 8) {
      let i = 10;
      if (flags & 4) i += 2 + (data[10] | (data[11] << 8));
      let j = i;
      while (j < data.length && data[j] !== 0) j++;
      name = new TextDecoder().decode(data.subarray(i, j));
    }
    const size = (data[data.length - 4] | (data[data.length - 3] << 8) | (data[data.length - 2] << 16) | (data[data.length - 1] << 24)) >>> 0;
    const parts = ['gzip compressed data'];
    if (name) parts.push(`was "${name}"`);
    if (mtime) parts.push(`last modified: ${new Date(mtime * 1000).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_m, d, day, mon, y, t) => `${d} ${mon} ${String(Number(day)).padStart(2)} ${t} ${y}`)}`);
    if (data[8] === 2) parts.push('max compression');
    parts.push('from Unix', `original size modulo 2^32 ${size}`);
    return parts.join(', ');
  }
  if (data.length >= 4 && data[0] === 0x7f && data[1] === 0x45 && data[2] === 0x4c && data[3] === 0x46) return 'ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, stripped';
  if (data.length > 262 && new TextDecoder().decode(data.subarray(257, 262)) === 'ustar') return 'POSIX tar archive';
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 3 && data[3] === 4) return 'Zip archive data';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(0, 65536));
  if (text.includes('\0') || text.includes('\uFFFD')) return 'data';
  const ascii = /^[\x07-\x0d\x1b\x20-\x7e]*$/.test(text);
  const kind = ascii ? 'ASCII text' : 'Unicode text, UTF-8 text';
  const firstLine = text.slice(0, text.indexOf('\n') + 1 || text.length);
  const script = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(firstLine);
  const lines: string[] = [];
  if (script) {
    const interp = (script[1].endsWith('/env') ? script[2] : script[1])?.replace(/^.*\//, '') ?? 'sh';
    const label = interp === 'sh' || interp === 'dash' || interp === 'ash' ? 'POSIX shell script' : interp === 'bash' ? 'Bourne-Again shell script' : `a ${script[1]}${script[2] ? ` ${script[2]}` : ''} script`;
    lines.push(`${label}, ${kind}${ascii ? '' : ''} executable`);
  } else lines.push(kind);
  if (text.split('\n').some((l) => l.length > 300)) lines[0] += ', with very long lines';
  if (!text.endsWith('\n') && text.length > 0 && !text.includes('\n')) lines[0] += ', with no line terminators';
  if (text.includes('\r\n')) lines[0] += ', with CRLF line terminators';
  return lines[0];
}

function describe(ctx: ProgramContext, name: string): string {
  const path = abs(ctx, name);
  let st: ReturnType<typeof ctx.fs.lstat>;
  try {
    st = ctx.fs.lstat(path);
  } catch (e) {
    return `cannot open \`${name}' (${errText(e)})`;
  }
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return `symbolic link to ${st.target}`;
  try {
    return describeBytes(ctx.fs.readFile(path));
  } catch (e) {
    return `regular file, no read permission${errText(e) ? '' : ''}`;
  }
}

export const file: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'bLiz', '', { brief: 'b', dereference: 'L' });
  if ('error' in a) return usageError(ctx, a.error);
  if (a.operands.length === 0) {
    ctx.io.stderr.write('Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n');
    return 1;
  }
  const width = Math.max(...a.operands.map((o) => o.length)) + 1;
  let out = '';
  for (const op of a.operands) out += a.flags.has('b') ? `${describe(ctx, op)}\n` : `${`${op}:`.padEnd(width + 1)}${describe(ctx, op)}\n`;
  ctx.io.stdout.write(out);
  return 0;
};
