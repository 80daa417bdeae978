/**
 * Parser for Go text/template (Go 1.19 grammar and error texts). Produces one tree per template
 * name ("" for the top level, plus {{define}}/{{block}} templates).
 */
import { TemplateError } from './errors';
import { type Item, type ItemType, isKeyword, lex } from './lexer';
import { parseNumber, unquote } from './literals';
import { type ArgNode, type CommandNode, type ListNode, type Node, nodeString, type PipeNode, type VariableRef } from './nodes';
import { goQuote } from './quote';

export interface Tree {
  name: string;
  root: ListNode;
}

/** Go's item.String() used in "unexpected …" messages. */
function itemString(it: Item): string {
  if (it.type === 'eof') return 'EOF';
  if (it.type === 'error') return it.val;
  if (isKeyword(it.type)) return `<${it.val}>`;
  if ([...it.val].length > 10) return goQuote([...it.val].slice(0, 10).join('')) + '...';
  return goQuote(it.val);
}

function isEmptyTree(n: Node): boolean {
  if (n.kind === 'list') return n.nodes.every(isEmptyTree);
  if (n.kind === 'text') return n.text.trim() === '';
  return false;
}

class Parser {
  private cursor = 0;
  private maxIdx = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;

  constructor(
    private readonly items: Item[],
    private readonly parseName: string,
    private readonly hasFunction: (name: string) => boolean,
    private readonly treeSet: Map<string, Tree>,
  ) {}

  // --- token stream -------------------------------------------------------------------------
  private next(): Item {
    const it = this.items[Math.min(this.cursor, this.items.length - 1)]!;
    if (this.cursor > this.maxIdx) this.maxIdx = this.cursor;
    this.cursor++;
    return it;
  }
  private backup(n = 1): void {
    this.cursor -= n;
  }
  private peek(): Item {
    const it = this.next();
    this.backup();
    return it;
  }
  private nextNonSpace(): Item {
    let it = this.next();
    while (it.type === 'space') it = this.next();
    return it;
  }
  private peekNonSpace(): Item {
    const it = this.nextNonSpace();
    this.backup();
    return it;
  }

  errorf(msg: string): never {
    const line = this.items[Math.min(this.maxIdx, this.items.length - 1)]!.line;
    throw new TemplateError(`template: ${this.parseName}:${line}: ${msg}`, 'parse');
  }
  private unexpected(it: Item, context: string): never {
    if (it.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== it.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (it.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(it)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(it)} in ${context}`);
  }
  private expect(type: ItemType, context: string): Item {
    const it = this.nextNonSpace();
    if (it.type !== type) this.unexpected(it, context);
    return it;
  }

  private add(name: string, root: ListNode): void {
    const old = this.treeSet.get(name);
    if (!old || isEmptyTree(old.root)) {
      this.treeSet.set(name, { name, root });
      return;
    }
    if (!isEmptyTree(root)) this.errorf(`template: multiple definition of template ${goQuote(name)}`);
  }

  // --- grammar ------------------------------------------------------------------------------
  parseTop(name: string): void {
    const root: ListNode = { kind: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const mark = this.cursor;
        this.next();
        if (this.nextNonSpace().type === 'define') {
          const p = this.sub();
          p.parseDefinition();
          this.join(p);
          continue;
        }
        this.cursor = mark;
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    this.add(name, root);
  }

  /** A parser for a nested {{define}}/{{block}} sharing this token stream. */
  private sub(): Parser {
    const p = new Parser(this.items, this.parseName, this.hasFunction, this.treeSet);
    p.cursor = this.cursor;
    p.maxIdx = this.maxIdx;
    return p;
  }
  private join(p: Parser): void {
    this.cursor = p.cursor;
    this.maxIdx = Math.max(this.maxIdx, p.maxIdx);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const tok = this.nextNonSpace();
    if (tok.type !== 'string' && tok.type !== 'rawString') this.unexpected(tok, context);
    const name = unquote(tok.val);
    if (name === null) this.errorf('invalid syntax');
    this.expect('rightDelim', context);
    const [root, end] = this.itemList();
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add(name, root);
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = { kind: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const it = this.nextNonSpace();
    if (it.type === 'text') return { kind: 'text', pos: it.pos, text: it.val };
    if (it.type === 'leftDelim') {
      this.actionLine = it.line;
      try {
        return this.action();
      } finally {
        this.actionLine = 0;
      }
    }
    this.unexpected(it, 'input');
  }

  private action(): Node {
    const it = this.nextNonSpace();
    switch (it.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue': {
        const t = this.nextNonSpace();
        if (t.type !== 'rightDelim') this.unexpected(t, `{{${it.type}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${it.type}}} outside {{range}}`);
        return { kind: it.type, pos: it.pos, line: it.line };
      }
      case 'else': {
        const peek = this.peekNonSpace();
        if (peek.type === 'if') return { kind: 'else', pos: peek.pos, line: peek.line };
        const t = this.expect('rightDelim', 'else');
        return { kind: 'else', pos: t.pos, line: t.line };
      }
      case 'end': {
        const t = this.expect('rightDelim', 'end');
        return { kind: 'end', pos: t.pos, line: t.line };
      }
      case 'if':
      case 'range':
      case 'with':
        return this.control(it.type);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const tok = this.peek();
    return { kind: 'action', pos: tok.pos, line: tok.line, pipe: this.pipeline('command', 'rightDelim') };
  }

  private control(context: 'if' | 'range' | 'with'): Node {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.kind === 'else') {
        if (context === 'if' && this.peek().type === 'if') {
          this.next();
          elseList = { kind: 'list', pos: next.pos, nodes: [this.control('if')] };
        } else {
          [elseList, next] = this.itemList();
          if (next.kind !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { kind: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private templateName(tok: Item, context: string): string {
    if (tok.type !== 'string' && tok.type !== 'rawString') this.unexpected(tok, context);
    const s = unquote(tok.val);
    if (s === null) this.errorf('invalid syntax');
    return s;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const tok = this.nextNonSpace();
    const name = this.templateName(tok, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { kind: 'template', pos: tok.pos, line: tok.line, name, pipe };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const tok = this.nextNonSpace();
    const name = this.templateName(tok, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const p = this.sub();
    const [root, end] = p.itemList();
    this.join(p);
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    p.add(name, root);
    return { kind: 'template', pos: tok.pos, line: tok.line, name, pipe };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { kind: 'pipe', pos: first.pos, line: first.line, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      const mark = this.cursor;
      this.next();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ kind: 'variable', pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
      } else if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ kind: 'variable', pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().type;
          if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else {
        this.cursor = mark;
      }
      break;
    }
    for (;;) {
      const tok = this.nextNonSpace();
      if (tok.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (tok.type) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(tok, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const k = c.args[0]!.kind;
      if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string')
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const tok = this.next();
      if (tok.type === 'space') continue;
      if (tok.type === 'rightDelim' || tok.type === 'rightParen') this.backup();
      else if (tok.type !== 'pipe') this.unexpected(tok, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
    }
    return { kind: 'chain', pos, node, fields };
  }

  private term(): ArgNode | null {
    const tok = this.nextNonSpace();
    switch (tok.type) {
      case 'identifier':
        if (!this.hasFunction(tok.val)) this.errorf(`function ${goQuote(tok.val)} not defined`);
        return { kind: 'identifier', pos: tok.pos, ident: tok.val };
      case 'dot':
        return { kind: 'dot', pos: tok.pos };
      case 'nil':
        return { kind: 'nil', pos: tok.pos };
      case 'variable':
        return this.lookupVar(tok.pos, tok.val);
      case 'field':
        return { kind: 'field', pos: tok.pos, ident: [tok.val.slice(1)] };
      case 'bool':
        return { kind: 'bool', pos: tok.pos, value: tok.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number': {
        const num = parseNumber(tok.val, tok.type);
        if (typeof num === 'string') this.errorf(num);
        return { kind: 'number', pos: tok.pos, num };
      }
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s = unquote(tok.val);
        if (s === null) this.errorf('invalid syntax');
        return { kind: 'string', pos: tok.pos, quoted: tok.val, text: s };
      }
    }
    this.backup();
    return null;
  }

  private lookupVar(pos: number, name: string): VariableRef {
    const ident = name.split('.');
    if (!this.vars.includes(ident[0]!)) this.errorf(`undefined variable ${goQuote(ident[0]!)}`);
    return { kind: 'variable', pos, ident };
  }
}

/** Parses `text`; returns every template it defines, keyed by name (the top level is `name`). */
export function parseTrees(name: string, text: string, hasFunction: (fn: string) => boolean): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const p = new Parser(lex(text), name, hasFunction, treeSet);
  p.parseTop(name);
  return treeSet;
}
