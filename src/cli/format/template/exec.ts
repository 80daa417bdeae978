/**
 * Executes parsed templates against JS data seen as Go values (see values.ts), following Go 1.19
 * text/template's evaluation rules and error texts.
 */
import { TemplateError } from './errors';
import { checkArgType, findProperty, goParamType } from './argtypes';
import { BUILTINS, type FuncDef, type ParamType } from './funcs';
import type { ArgNode, CommandNode, ControlNode, Node, NumberValue, PipeNode, VariableRef } from './nodes';
import { nodeString } from './nodes';
import type { Tree } from './parser';
import { sprint } from './print';
import { goQuote } from './quote';
import { GoComplex, GoFloat, isTrue, kindOf, mapGet, mapKeys, NilPointer, typeInfo, typeName, utf8Length } from './values';

export type MissingKey = 'default' | 'zero' | 'error';

export interface ExecContext {
  trees: ReadonlyMap<string, Tree>;
  funcs: ReadonlyMap<string, FuncDef>;
  text: string;
  parseName: string;
  missingKey: MissingKey;
}

const MISSING: unique symbol = Symbol('missingVal');
type Final = unknown;

class BreakSignal {}
class ContinueSignal {}

const MAX_DEPTH = 100000;

export class Executor {
  private out: string[] = [];
  private vars: { name: string; value: unknown }[] = [];
  private node: Node | null = null;
  /** the kind of the last object a field was read from (a row's fields are read one after another) */
  private lastReceiver: object | null = null;
  private lastKind: ReturnType<typeof kindOf> = 'invalid';
  private depth = 0;

  constructor(
    private readonly ctx: ExecContext,
    private tmplName: string,
  ) {}

  output(): string {
    return this.out.join('');
  }

  run(tree: Tree, data: unknown): void {
    const dot = data === null ? undefined : data;
    this.vars = [{ name: '$', value: dot }];
    this.walk(dot, tree.root);
  }

  private errorf(msg: string): never {
    const name = this.tmplName;
    if (!this.node) throw new TemplateError(`template: ${name}: ${msg}`, 'exec');
    const before = this.ctx.text.slice(0, this.node.pos);
    const nl = before.lastIndexOf('\n');
    const line = before.split('\n').length;
    const col = utf8Length(nl < 0 ? before : before.slice(nl + 1));
    const location = `${this.ctx.parseName}:${line}:${col}`;
    throw new TemplateError(`template: ${location}: executing ${goQuote(name)} at <${nodeString(this.node)}>: ${msg}`, 'exec');
  }

  private at(n: Node): void {
    this.node = n;
  }

  // --- variables ----------------------------------------------------------------------------
  private pop(mark: number): void {
    this.vars.length = mark;
  }
  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ------------------------------------------------------------------------------
  private walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.kind) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'text':
        this.out.push(node.text);
        return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        try {
          const val = this.evalPipeline(dot, node.pipe);
          if (isTrue(val)) this.walk(node.kind === 'with' ? val : dot, node.list);
          else if (node.elseList) this.walk(dot, node.elseList);
        } finally {
          this.pop(mark);
        }
        return;
      }
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkRange(dot: unknown, r: ControlNode): void {
    this.at(r);
    const mark0 = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const one = (index: unknown, elem: unknown): boolean => {
        if (r.pipe.decl.length > 0) this.vars[this.vars.length - 1]!.value = elem;
        if (r.pipe.decl.length > 1) this.vars[this.vars.length - 2]!.value = index;
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e instanceof BreakSignal) return false;
          if (!(e instanceof ContinueSignal)) throw e;
        } finally {
          this.pop(mark);
        }
        return true;
      };
      switch (kindOf(val)) {
        case 'slice': {
          const arr = val as unknown[];
          if (arr.length === 0) break;
          for (let i = 0; i < arr.length; i++) if (!one(i, arr[i])) break;
          return;
        }
        case 'map': {
          const keys = mapKeys(val as object);
          if (keys.length === 0) break;
          for (const k of keys) if (!one(k, mapGet(val as object, k))) break;
          return;
        }
        case 'invalid':
        case 'nil':
          break;
        default:
          this.errorf(`range can't iterate over ${sprint([val])}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.pop(mark0);
    }
  }

  private walkTemplate(dot: unknown, t: Extract<Node, { kind: 'template' }>): void {
    this.at(t);
    const tree = this.ctx.trees.get(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = { vars: this.vars, name: this.tmplName };
    this.depth++;
    this.tmplName = t.name;
    this.vars = [{ name: '$', value: newDot }];
    try {
      this.walk(newDot, tree.root);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.tmplName = saved.name;
    }
  }

  // --- evaluation ---------------------------------------------------------------------------
  private evalPipeline(dot: unknown, pipe: PipeNode | null): unknown {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value === null) value = undefined; // a nil interface{} becomes "no value"
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.vars.push({ name: v.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0]!;
    switch (first.kind) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first, first.num);
      case 'string':
        return first.text;
    }
  }

  private idealConstant(node: Node, n: NumberValue): unknown {
    this.at(node);
    if (n.isComplex) return new GoComplex(n.re, n.im);
    const hexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && n.text[0] !== "'" && /[.eEpP]/.test(n.text)) return new GoFloat(n.float);
    if (n.isInt) return Number.isSafeInteger(Number(n.int)) ? Number(n.int) : n.int;
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: unknown, field: Extract<ArgNode, { kind: 'field' }>, args: ArgNode[] | null, final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: Extract<ArgNode, { kind: 'chain' }>, args: ArgNode[] | null, final: Final): unknown {
    this.at(chain);
    if (chain.node.kind === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.fields, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableRef, args: ArgNode[] | null, final: Final): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: unknown, receiver: unknown, node: Node, ident: string[], args: ArgNode[] | null, final: Final): unknown {
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = this.evalField(dot, ident[i]!, node, null, MISSING, r);
    return this.evalField(dot, ident[ident.length - 1]!, node, args, final, r);
  }

  private evalField(dot: unknown, name: string, node: Node, args: ArgNode[] | null, final: Final, receiver: unknown): unknown {
    if (receiver === undefined) {
      if (this.ctx.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating ${typeName(receiver)}.${name}`);
    let kind: ReturnType<typeof kindOf>;
    if (typeof receiver === 'object' && receiver === this.lastReceiver) kind = this.lastKind;
    else {
      kind = kindOf(receiver);
      if (typeof receiver === 'object') {
        this.lastReceiver = receiver;
        this.lastKind = kind;
      }
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    /** the field's value when the receiver is a struct or a plain-object map (read once) */
    let own: unknown;
    if (kind === 'struct' || (kind === 'map' && !(receiver instanceof Map))) {
      const obj = receiver as object;
      let prop: { found: boolean; value: unknown };
      if (kind === 'struct') prop = findProperty(obj, name);
      else {
        const found = Object.hasOwn(obj, name);
        prop = { found, value: found ? (obj as Record<string, unknown>)[name] : undefined };
      }
      own = prop.value;
      if (prop.found && typeof prop.value === 'function') {
        const fn = prop.value as (...a: unknown[]) => unknown;
        const def: FuncDef = { params: Array.from({ length: fn.length }, () => 'any' as const), fn: (...a) => fn.apply(obj, a) };
        return this.evalCall(dot, def, false, node, name, args, final);
      }
      if (kind === 'struct') {
        if (!prop.found) this.errorf(`can't evaluate field ${name} in type ${typeName(receiver)}`);
        if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
        return prop.value === null ? new NilPointer() : prop.value;
      }
    }
    if (kind === 'map') {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const result = receiver instanceof Map ? mapGet(receiver, name) : own;
      if (result !== undefined) return result;
      if (this.ctx.missingKey === 'zero') return typeInfo(receiver as object)?.zero ?? null;
      if (this.ctx.missingKey === 'error') this.errorf(`map has no entry for key ${goQuote(name)}`);
      return undefined;
    }
    if (kind === 'ptrnil') this.errorf(`nil pointer evaluating ${typeName(receiver)}.${name}`);
    return this.errorf(`can't evaluate field ${name} in type ${typeName(receiver)}`);
  }

  private evalFunction(dot: unknown, node: Extract<ArgNode, { kind: 'identifier' }>, cmd: Node, args: ArgNode[] | null, final: Final): unknown {
    this.at(node);
    const name = node.ident;
    const fn = this.ctx.funcs.get(name);
    if (!fn) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, BUILTINS[name] === fn, cmd, name, args, final);
  }

  private evalCall(dot: unknown, def: FuncDef, isBuiltin: boolean, node: Node, name: string, args: ArgNode[] | null, final: Final): unknown {
    const argNodes = args ? args.slice(1) : [];
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    const numFixed = def.variadic ? def.params.length : argNodes.length;
    if (def.variadic) {
      if (numIn < def.params.length)
        return this.errorf(`wrong number of args for ${name}: want at least ${def.params.length} got ${argNodes.length}`);
    } else if (numIn !== def.params.length) {
      return this.errorf(`wrong number of args for ${name}: want ${def.params.length} got ${numIn}`);
    }
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: unknown;
      for (const a of argNodes) {
        v = this.evalArg(dot, 'value', a);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < argNodes.length; i++) argv.push(this.evalArg(dot, def.params[i]!, argNodes[i]!));
    if (def.variadic) for (; i < argNodes.length; i++) argv.push(this.evalArg(dot, def.variadic, argNodes[i]!));
    if (final !== MISSING) {
      let t = def.params[def.params.length - 1]!;
      if (def.variadic) t = numIn - 1 < numFixed ? def.params[numIn - 1]! : def.variadic;
      argv.push(this.validateType(final, t));
    }
    try {
      return def.fn(...argv);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private validateType(value: unknown, t: ParamType | null): unknown {
    const r = checkArgType(value, t);
    if ('error' in r) this.errorf(r.error);
    return r.value;
  }

  private evalArg(dot: unknown, t: ParamType | null, n: ArgNode): unknown {
    this.at(n);
    switch (n.kind) {
      case 'dot':
        return this.validateType(dot, t);
      case 'nil':
        if (t === null || t === 'any') return null;
        if (t === 'value') return undefined;
        if (t === '[]string') return [];
        return this.errorf(`cannot assign nil to ${goParamType(t)}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), t);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), t);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), t);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), t);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), t);
    }
    const found = nodeString(n);
    switch (t) {
      case 'bool':
        if (n.kind === 'bool') return n.value;
        return this.errorf(`expected bool; found ${found}`);
      case 'float64':
        if (n.kind === 'number' && n.num.isFloat) return new GoFloat(n.num.float);
        return this.errorf(`expected float; found ${found}`);
      case 'int':
        if (n.kind === 'number' && n.num.isInt) return Number.isSafeInteger(Number(n.num.int)) ? Number(n.num.int) : n.num.int;
        return this.errorf(`expected integer; found ${found}`);
      case 'string':
        if (n.kind === 'string') return n.text;
        return this.errorf(`expected string; found ${found}`);
      case '[]string':
        return this.errorf(`can't handle ${found} for arg of type []string`);
    }
    // interface{} / reflect.Value / untyped
    switch (n.kind) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n, n.num);
      case 'string':
        return n.text;
    }
  }

  private printValue(node: Node, v: unknown): void {
    this.at(node);
    if (v === undefined) {
      this.out.push('<no value>');
      return;
    }
    if (typeof v === 'string') {
      // fmt.Sprint of one string is the string
      this.out.push(v);
      return;
    }
    if (typeof v === 'function') this.errorf(`can't print ${nodeString(node)} of type ${typeName(v)}`);
    this.out.push(sprint([v]));
  }
}

