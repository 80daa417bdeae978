/** Argument type checks of Go's evalArg/validateType, and property lookup on JS objects. */
import type { ParamType } from './funcs';
import { kindOf, typeName } from './values';

export function goParamType(t: ParamType): string {
  return t === 'any' ? 'interface {}' : t === 'value' ? 'reflect.Value' : t;
}

/** Own or inherited (below Object.prototype) property lookup. */
export function findProperty(obj: object, name: string): { found: boolean; value: unknown } {
  for (let o: object | null = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.hasOwn(o, name)) return { found: true, value: (obj as Record<string, unknown>)[name] };
  }
  return { found: false, value: undefined };
}

/** Go's validateType: the value to pass, or the error text. */
export function checkArgType(value: unknown, t: ParamType | null): { value: unknown } | { error: string } {
  if (t === null || t === 'value') return { value };
  if (value === undefined) {
    if (t === 'any') return { value: null };
    if (t === '[]string') return { value: [] };
    return { error: `invalid value; expected ${goParamType(t)}` };
  }
  const k = kindOf(value);
  let ok: boolean;
  switch (t) {
    case 'any':
      return { value };
    case 'string':
      ok = k === 'string';
      break;
    case 'int':
      ok = k === 'int';
      break;
    case 'bool':
      ok = k === 'bool';
      break;
    case 'float64':
      ok = k === 'float';
      break;
    case '[]string':
      ok = Array.isArray(value) && value.every((e) => typeof e === 'string');
      break;
  }
  if (!ok) return { error: `wrong type for value; expected ${goParamType(t)}; got ${typeName(value)}` };
  return { value };
}
