/**
 * The words of the simple command the cursor is in, as the completer needs
 * them: the words before the cursor (quotes removed) and the word being typed,
 * with where it starts in the line. Command separators (; | && || & newline and
 * parentheses) start a new command; the word after `sudo`, `time` or an
 * assignment `A=b` is still the command name.
 */
export interface WordsAtCursor {
  /** completed words of the current simple command, unquoted */
  words: string[];
  /** the partial word at the cursor, unquoted */
  current: string;
  /** character index (code points) in the line where the partial word starts */
  start: number;
  /** the partial word is inside an open quote: '"' or "'" */
  quote?: '"' | "'";
}

const SEPARATORS = new Set([';', '|', '&', '(', ')', '\n']);

export function wordsAtCursor(line: string, cursor: number): WordsAtCursor {
  const chars = Array.from(line).slice(0, cursor);
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let start = 0;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < chars.length && '"\\$`'.includes(chars[i + 1]!)) word += chars[++i];
      else word += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if (SEPARATORS.has(c)) {
      words = [];
      word = '';
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      start = i;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < chars.length) word += chars[++i];
    else word += c;
  }
  if (!inWord) start = chars.length;
  // leading assignments and prefix commands do not count as the command
  while (words.length > 0 && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!) || words[0] === 'sudo' || words[0] === 'time')) words.shift();
  return { words, current: inWord ? word : '', start, quote };
}

/** a word as it must be typed on the command line (spaces and specials escaped) */
export function quoteWord(word: string, quote?: '"' | "'"): string {
  if (quote === "'") return word.replace(/'/g, `'\\''`);
  if (quote === '"') return word.replace(/(["\\$`])/g, '\\$1');
  return word.replace(/([\s"'\\$`&|;<>()*?[\]#])/g, '\\$1');
}
