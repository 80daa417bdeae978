/**
 * Lexer for Go text/template (Go 1.19 rules, as built into docker 20.10): turns the template text
 * into items. Positions are UTF-16 offsets into the text; errors are items of type 'error'.
 */

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export interface Item {
  type: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: ReadonlyMap<string, ItemType> = new Map<string, ItemType>([
  ['.', 'dot'],
  ['block', 'block'],
  ['break', 'break'],
  ['continue', 'continue'],
  ['define', 'define'],
  ['else', 'else'],
  ['end', 'end'],
  ['if', 'if'],
  ['range', 'range'],
  ['nil', 'nil'],
  ['template', 'template'],
  ['with', 'with'],
]);

export function isKeyword(t: ItemType): boolean {
  return (
    t === 'block' ||
    t === 'break' ||
    t === 'continue' ||
    t === 'dot' ||
    t === 'define' ||
    t === 'else' ||
    t === 'end' ||
    t === 'if' ||
    t === 'nil' ||
    t === 'range' ||
    t === 'template' ||
    t === 'with'
  );
}

const LEFT_DELIM = '{{';
const RIGHT_DELIM = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';

export function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

const ALNUM = /^[\p{L}\p{Nd}_]$/u;
export function isAlphaNumeric(c: string): boolean {
  return c !== '' && ALNUM.test(c);
}

/** Go's %#U: `U+0023 '#'` (the quoted char only when printable). */
export function formatRuneU(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c);
  return printable ? `U+${hex} '${c}'` : `U+${hex}`;
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s[at] === '-' && at + 1 < s.length && isSpace(s[at + 1]!);
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return at + 1 < s.length && isSpace(s[at]!) && s[at + 1] === '-';
}

function lineAt(text: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Scans the whole input; the result always ends with an 'eof' or an 'error' item. */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  let lineCursor = 0;
  let lineCount = 1;
  const lineOf = (p: number): number => {
    if (p < lineCursor) return lineAt(input, p);
    for (; lineCursor < p; lineCursor++) if (input.charCodeAt(lineCursor) === 10) lineCount++;
    return lineCount;
  };
  const emit = (type: ItemType): void => {
    items.push({ type, pos: start, val: input.slice(start, pos), line: lineOf(start) });
    start = pos;
  };
  const fail = (msg: string): Item[] => {
    items.push({ type: 'error', pos: start, val: msg, line: lineOf(start) });
    return items;
  };
  /** Next code point (or '' at eof), without consuming. */
  const peekChar = (): string => {
    if (pos >= input.length) return '';
    const cp = input.codePointAt(pos)!;
    return String.fromCodePoint(cp);
  };
  const nextChar = (): string => {
    const c = peekChar();
    pos += c.length;
    return c;
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (input.startsWith(RIGHT_DELIM, pos)) return { delim: true, trim: false };
    if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT_DELIM, pos + 2)) return { delim: true, trim: true };
    return { delim: false, trim: false };
  };
  const atTerminator = (): boolean => {
    const r = peekChar();
    if (r === '' || isSpace(r)) return true;
    if (r === '.' || r === ',' || r === '|' || r === ':' || r === ')' || r === '(') return true;
    return r === RIGHT_DELIM[0];
  };
  const skipLeftSpaces = (): void => {
    while (pos < input.length && isSpace(input[pos]!)) pos++;
  };

  // Main loop: alternate between text and actions.
  for (;;) {
    // lexText
    const x = input.indexOf(LEFT_DELIM, pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      emit('eof');
      return items;
    }
    pos = x;
    let textEnd = pos;
    if (hasLeftTrimMarker(input, pos + LEFT_DELIM.length)) {
      while (textEnd > start && isSpace(input[textEnd - 1]!)) textEnd--;
    }
    if (textEnd > start) {
      const save = pos;
      pos = textEnd;
      emit('text');
      pos = save;
    }
    start = pos;
    // lexLeftDelim
    pos += LEFT_DELIM.length;
    const trimLeft = hasLeftTrimMarker(input, pos);
    const afterMarker = trimLeft ? 2 : 0;
    if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
      // lexComment
      pos += afterMarker;
      start = pos;
      pos += LEFT_COMMENT.length;
      const i = input.indexOf(RIGHT_COMMENT, pos);
      if (i < 0) return fail('unclosed comment');
      pos = i + RIGHT_COMMENT.length;
      const rd = atRightDelim();
      if (!rd.delim) return fail('comment ends before closing delimiter');
      if (rd.trim) pos += 2;
      pos += RIGHT_DELIM.length;
      if (rd.trim) skipLeftSpaces();
      start = pos;
      continue;
    }
    emit('leftDelim');
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    // lexInsideAction loop
    for (;;) {
      const rd = atRightDelim();
      if (rd.delim) {
        if (parenDepth !== 0) return fail('unclosed left paren');
        // lexRightDelim
        if (rd.trim) {
          pos += 2;
          start = pos;
        }
        pos += RIGHT_DELIM.length;
        emit('rightDelim');
        if (rd.trim) {
          skipLeftSpaces();
          start = pos;
        }
        break;
      }
      const r = nextChar();
      if (r === '') return fail('unclosed action');
      if (isSpace(r)) {
        // lexSpace: a run of spaces; careful about " -}}".
        pos -= r.length;
        let n = 0;
        while (pos < input.length && isSpace(input[pos]!)) {
          pos++;
          n++;
        }
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT_DELIM, pos + 1)) {
          pos--;
          if (n === 1) continue; // at the trim-marked delimiter
        }
        emit('space');
        continue;
      }
      if (r === '=') emit('assign');
      else if (r === ':') {
        if (nextChar() !== '=') return fail('expected :=');
        emit('declare');
      } else if (r === '|') emit('pipe');
      else if (r === '"') {
        for (;;) {
          const c = nextChar();
          if (c === '\\') {
            const e = nextChar();
            if (e !== '' && e !== '\n') continue;
            return fail('unterminated quoted string');
          }
          if (c === '' || c === '\n') return fail('unterminated quoted string');
          if (c === '"') break;
        }
        emit('string');
      } else if (r === '`') {
        for (;;) {
          const c = nextChar();
          if (c === '') return fail('unterminated raw quoted string');
          if (c === '`') break;
        }
        emit('rawString');
      } else if (r === '$') {
        if (atTerminator()) emit('variable');
        else {
          const err = lexFieldOrVariable('variable');
          if (err) return fail(err);
        }
      } else if (r === "'") {
        for (;;) {
          const c = nextChar();
          if (c === '\\') {
            const e = nextChar();
            if (e !== '' && e !== '\n') continue;
            return fail('unterminated character constant');
          }
          if (c === '' || c === '\n') return fail('unterminated character constant');
          if (c === "'") break;
        }
        emit('charConstant');
      } else if (r === '.' && pos < input.length && (input[pos]! < '0' || input[pos]! > '9')) {
        const err = lexFieldOrVariable('field');
        if (err) return fail(err);
      } else if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
        pos -= r.length;
        if (!scanNumber()) return fail(`bad number syntax: ${goQuoteSimple(input.slice(start, pos))}`);
        const sign = peekChar();
        if (sign === '+' || sign === '-') {
          if (!scanNumber() || input[pos - 1] !== 'i')
            return fail(`bad number syntax: ${goQuoteSimple(input.slice(start, pos))}`);
          emit('complex');
        } else emit('number');
      } else if (isAlphaNumeric(r)) {
        while (isAlphaNumeric(peekChar())) nextChar();
        const word = input.slice(start, pos);
        if (!atTerminator()) return fail(`bad character ${formatRuneU(peekChar())}`);
        const kw = KEYWORDS.get(word);
        if (kw) emit(kw);
        else if (word === 'true' || word === 'false') emit('bool');
        else emit('identifier');
      } else if (r === '(') {
        emit('leftParen');
        parenDepth++;
      } else if (r === ')') {
        emit('rightParen');
        parenDepth--;
        if (parenDepth < 0) return fail(`unexpected right paren ${formatRuneU(r)}`);
      } else if (r.length === 1 && r >= ' ' && r <= '~') {
        emit('char');
      } else {
        return fail(`unrecognized character in action: ${formatRuneU(r)}`);
      }
    }
  }

  function lexFieldOrVariable(type: 'field' | 'variable'): string | null {
    if (atTerminator()) {
      emit(type === 'variable' ? 'variable' : 'dot');
      return null;
    }
    let r = '';
    for (;;) {
      r = peekChar();
      if (!isAlphaNumeric(r)) break;
      nextChar();
    }
    if (!atTerminator()) return `bad character ${formatRuneU(r)}`;
    emit(type);
    return null;
  }

  function accept(valid: string): boolean {
    const c = peekChar();
    if (c !== '' && valid.includes(c)) {
      pos += c.length;
      return true;
    }
    return false;
  }
  function acceptRun(valid: string): void {
    while (accept(valid)) {
      /* absorb */
    }
  }
  function scanNumber(): boolean {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peekChar())) {
      nextChar();
      return false;
    }
    return true;
  }
}

/** Go's %q for plain printable strings (used in lexer messages only). */
function goQuoteSimple(s: string): string {
  return JSON.stringify(s);
}
