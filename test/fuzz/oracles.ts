/**
 * What no output may hold: a JavaScript stack trace, `undefined`,
 * `[object Object]`, `NaN`, or a JavaScript engine's error text (a learner
 * must see Docker's and bash's messages, never V8's).
 */

export interface OutputProblem {
  kind: 'stack-trace' | 'js-value' | 'js-error';
  /** the matched text */
  text: string;
}

const STACK = [/^\s+at (?:async )?\S+ \(.+:\d+:\d+\)\s*$/m, /^\s+at .+\.(?:ts|js|mjs):\d+:\d+\)?\s*$/m, /\(?(?:file:\/\/|node:internal\/)\S+:\d+:\d+/];

/** words a JS value turns into when it reaches a string by mistake; a line that typed the word itself is excused */
const JS_VALUES: readonly [string, RegExp][] = [
  ['undefined', /\bundefined\b/],
  ['NaN', /(?<![\w-])NaN(?![\w-])/],
  ['[object Object]', /\[object \w+\]/],
  ['Infinity', /(?<![\w-])-?Infinity\b/],
  ['[native code]', /\[native code\]|^function \w*\(\) \{/m],
];

const JS_ERRORS: readonly RegExp[] = [
  /Cannot read propert(?:y|ies) of (?:undefined|null)/,
  /Cannot set propert(?:y|ies) of/,
  /Cannot create property/,
  /Cannot convert (?:undefined|null|a Symbol|object|a BigInt)/,
  /Cannot access '[^']+' before initialization/,
  /\bis not a function\b/,
  /\bis not a constructor\b/,
  /\bis not iterable\b/,
  /\b\w+ is not defined\b/,
  /Maximum call stack size exceeded/,
  /Invalid string length/,
  /Invalid array length/,
  /Invalid time value/,
  /Invalid Date/,
  /Invalid regular expression: \//,
  /Unexpected end of JSON input/,
  /Unexpected token .{1,20} in JSON/,
  /is not valid JSON/,
  /Converting circular structure to JSON/,
  /Reduce of empty array/,
  /toFixed\(\) digits/,
  /Array buffer allocation failed/,
  /\b(?:RangeError|TypeError|ReferenceError|EvalError|URIError|AggregateError)\b/,
  /dockyard: internal error/,
  /Error: \[object/,
  /out of memory/i,
];

/**
 * The problems of one step's output. `typed`: the line and what was typed,
 * whose own words are excused; `typedBefore`: what the session typed earlier
 * (a container named NaN shows up in `docker ps` later: such words are excused
 * for the rest of the session).
 */
export function outputProblems(output: string, typed: string, typedBefore = ''): OutputProblem[] {
  const found: OutputProblem[] = [];
  for (const re of STACK) {
    const m = re.exec(output);
    if (m) {
      found.push({ kind: 'stack-trace', text: m[0].trim() });
      break;
    }
  }
  for (const [word, re] of JS_VALUES) {
    if (typed.includes(word) || typedBefore.includes(word)) continue;
    const m = re.exec(output);
    if (m && !typed.includes(m[0]) && !typedBefore.includes(m[0])) found.push({ kind: 'js-value', text: m[0] });
  }
  for (const re of JS_ERRORS) {
    const m = re.exec(output);
    if (m && !typed.includes(m[0])) found.push({ kind: 'js-error', text: m[0] });
  }
  return found;
}

/** the JS-value words a typed line holds (excused in the session's later output) */
export function taintOf(typed: string): string {
  return JS_VALUES.map(([w]) => w)
    .filter((w) => typed.includes(w))
    .join(' ');
}
