/** backslash escapes of echo -e, printf formats and printf %b */

/** decode escapes; `stop` is true when \c was met (echo -e / %b stop all output there) */
export function decodeEscapes(s: string, mode: 'echo' | 'printf'): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(Number.parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (n === '0' || (mode === 'printf' && /[1-7]/.test(n))) {
      const digits = mode === 'echo' || n === '0' ? /^[0-7]{0,3}/ : /^[0-7]{0,2}/;
      const m = digits.exec(s.slice(i + 1)) ?? [''];
      const oct = n === '0' ? m[0] : n + m[0];
      out += String.fromCharCode(Number.parseInt(oct || '0', 8) & 0xff);
      i += m[0].length;
    } else if (mode === 'printf' && (n === '"' || n === "'")) out += n;
    else out += `\\${n}`;
  }
  return { text: out, stop: false };
}
