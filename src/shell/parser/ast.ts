/** The shell's syntax tree (POSIX sh subset plus a few bash forms). */

export type WordPart =
  /** literal text; quoted text is never split or globbed */
  | { kind: 'lit'; text: string; quoted: boolean }
  /** $name, ${name}, ${name:-word}, ${#name}, ${name%pat} … */
  | { kind: 'param'; name: string; quoted: boolean; op?: ParamOp; arg?: Word }
  /** $(…) or `…` */
  | { kind: 'cmd'; body: List; quoted: boolean }
  /** $((…)) */
  | { kind: 'arith'; expr: string; quoted: boolean }
  /** ~ or ~user at the start of a word */
  | { kind: 'tilde'; user: string };

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'len';

export interface Word {
  parts: WordPart[];
  /** the source text of the word */
  raw: string;
}

export type RedirectOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** the file descriptor redirected (default 1 for output, 0 for input) */
  fd: number;
  op: RedirectOp;
  target: Word;
  /** here-document body (for << and <<-) */
  heredoc?: Word;
}

export interface Assign {
  name: string;
  value: Word;
}

interface WithRedirects {
  redirects: Redirect[];
}

export interface SimpleCommand extends WithRedirects {
  type: 'simple';
  assigns: Assign[];
  words: Word[];
  line: number;
}
export interface GroupCommand extends WithRedirects {
  type: 'group' | 'subshell';
  body: List;
}
export interface IfCommand extends WithRedirects {
  type: 'if';
  clauses: { cond: List; body: List }[];
  otherwise?: List;
}
export interface LoopCommand extends WithRedirects {
  type: 'while' | 'until';
  cond: List;
  body: List;
}
export interface ForCommand extends WithRedirects {
  type: 'for';
  name: string;
  /** undefined: "$@" */
  items?: Word[];
  body: List;
}
export interface CaseCommand extends WithRedirects {
  type: 'case';
  word: Word;
  items: { patterns: Word[]; body: List }[];
}
export interface FunctionDef extends WithRedirects {
  type: 'function';
  name: string;
  body: Command;
}

export type Command = SimpleCommand | GroupCommand | IfCommand | LoopCommand | ForCommand | CaseCommand | FunctionDef;

export interface Pipeline {
  bang: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
  /** a newline (or the end) follows: the complete command bash reads and runs at once ends here */
  endsLine?: boolean;
  /** its source text (what `jobs` shows for a compound command) */
  text?: string;
}

export type List = AndOr[];
