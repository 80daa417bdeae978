/**
 * Parse tree of a Go template. String forms follow Go's text/template/parse Node.String(), which
 * appear in execution errors (`executing "" at <index . 5>: …`).
 */

export interface NumberValue {
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int: bigint;
  float: number;
  /** complex constants: real and imaginary parts */
  re: number;
  im: number;
}

export type Node =
  | { kind: 'text'; pos: number; text: string }
  | { kind: 'action'; pos: number; line: number; pipe: PipeNode }
  | ControlNode
  | { kind: 'template'; pos: number; line: number; name: string; pipe: PipeNode | null }
  | { kind: 'break' | 'continue'; pos: number; line: number }
  | ListNode
  | PipeNode
  | CommandNode
  | ArgNode
  | { kind: 'end' | 'else'; pos: number; line: number };

export interface ControlNode {
  kind: 'if' | 'range' | 'with';
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}

export interface ListNode {
  kind: 'list';
  pos: number;
  nodes: Node[];
}

export interface VariableRef {
  kind: 'variable';
  pos: number;
  ident: string[];
}

export interface PipeNode {
  kind: 'pipe';
  pos: number;
  line: number;
  isAssign: boolean;
  decl: VariableRef[];
  cmds: CommandNode[];
}

export interface CommandNode {
  kind: 'command';
  pos: number;
  args: ArgNode[];
}

export type ArgNode =
  | { kind: 'identifier'; pos: number; ident: string }
  | VariableRef
  | { kind: 'dot'; pos: number }
  | { kind: 'nil'; pos: number }
  | { kind: 'field'; pos: number; ident: string[] }
  | { kind: 'chain'; pos: number; node: ArgNode; fields: string[] }
  | { kind: 'bool'; pos: number; value: boolean }
  | { kind: 'number'; pos: number; num: NumberValue }
  | { kind: 'string'; pos: number; quoted: string; text: string }
  | PipeNode;

export function nodeString(n: Node): string {
  switch (n.kind) {
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with': {
      let s = `{{${n.kind} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`;
      return s + '{{end}}';
    }
    case 'template':
      return n.pipe ? `{{template ${JSON.stringify(n.name)} ${nodeString(n.pipe)}}}` : `{{template ${JSON.stringify(n.name)}}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) s = n.decl.map((v) => v.ident.join('.')).join(', ') + ' := ';
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.kind === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return n.ident.map((f) => '.' + f).join('');
    case 'chain': {
      const head = n.node.kind === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node);
      return head + n.fields.map((f) => '.' + f).join('');
    }
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.num.text;
    case 'string':
      return n.quoted;
  }
}
