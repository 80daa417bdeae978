/**
 * pax extended header records (POSIX.1-2001): "<len> <key>=<value>\n", where
 * <len> counts the whole record including its own digits.
 */
import { utf8 } from './header';
import { TarFormatError } from './types';

export function encodePaxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLen = utf8(body).length;
  let len = bodyLen + String(bodyLen).length;
  // adding the length's own digits can carry into one more digit
  if (String(len).length + bodyLen !== len) len = bodyLen + String(len).length;
  return `${len}${body}`;
}

export function encodePaxRecords(records: Record<string, string>): Uint8Array {
  let s = '';
  for (const key of Object.keys(records).sort()) s += encodePaxRecord(key, records[key]);
  return utf8(s);
}

const dec = new TextDecoder();

export function decodePaxRecords(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    if (data[i] === 0) break;
    let sp = i;
    while (sp < data.length && data[sp] !== 0x20) sp++;
    const len = Number.parseInt(dec.decode(data.subarray(i, sp)), 10);
    if (!Number.isFinite(len) || len <= 0 || i + len > data.length || data[i + len - 1] !== 0x0a) {
      throw new TarFormatError('archive/tar: invalid tar header');
    }
    const rec = dec.decode(data.subarray(sp + 1, i + len - 1));
    const eq = rec.indexOf('=');
    if (eq <= 0) throw new TarFormatError('archive/tar: invalid tar header');
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}
