/** POSIX basic/extended regular expressions → JavaScript RegExp source */

export function bracketEnd(re: string, i: number): number {
  let j = i + 1;
  if (re[j] === '^') j++;
  if (re[j] === ']') j++;
  while (j < re.length && re[j] !== ']') {
    if (re[j] === '[' && /[:.=]/.test(re[j + 1] ?? '')) {
      const close = re.indexOf(`${re[j + 1]}]`, j + 2);
      j = close < 0 ? j + 1 : close + 2;
    } else j++;
  }
  return j;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

function convertBracket(body: string): string {
  return body.replace(/\[:([a-z]+):\]/g, (_m, c: string) => (Object.hasOwn(POSIX_CLASSES, c) ? POSIX_CLASSES[c] : '')).replace(/\\/g, '\\\\');
}

/** convert a BRE (extended=false) or ERE to a JS regex source */
export function toJsRegex(re: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '[') {
      const end = bracketEnd(re, i);
      if (end >= re.length) {
        out += '\\[';
        continue;
      }
      let body = re.slice(i + 1, end);
      let neg = '';
      if (body.startsWith('^')) {
        neg = '^';
        body = body.slice(1);
      }
      out += `[${neg}${convertBracket(body)}]`;
      i = end;
    } else if (c === '\\') {
      const n = re[++i] ?? '\\';
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (/[1-9]/.test(n)) out += `\\${n}`;
      else if (n === 'w' || n === 'W' || n === 's' || n === 'S' || n === 'b' || n === 'B') out += `\\${n}`;
      else if (n === '<' || n === '>') out += '\\b';
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += /[A-Za-z0-9]/.test(n) ? n : `\\${n}`;
    } else if (!extended && '(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || (out === '^' && i === 1))) out += '\\*';
    else if (c === '{' && extended && !/^\{\d+(,\d*)?\}/.test(re.slice(i))) out += '\\{';
    else if (c === '/') out += '\\/';
    else out += c;
  }
  return out;
}
