/**
 * Checks of data from outside (a stored or imported sandbox) against the shape
 * the code expects, before any of it is used: the types of the fields the code
 * reads, with a readable path in the error (`containers[2].State.Pid: not an
 * integer`). Objects may have more keys than the shape names; keys are own
 * properties only ("constructor" is no field of `{}`).
 */

export class ShapeError extends Error {
  override name = 'ShapeError';
}

export type Shape = (v: unknown, path: string) => void;

function fail(path: string, what: string): never {
  throw new ShapeError(`${path}: ${what}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str: Shape = (v, p) => {
  if (typeof v !== 'string') fail(p, 'not a string');
};
export const bool: Shape = (v, p) => {
  if (typeof v !== 'boolean') fail(p, 'not true or false');
};
/** a finite number */
export const num: Shape = (v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(p, 'not a number');
};
/** a safe integer ≥ min */
export function int(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Shape {
  return (v, p) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(p, 'not an integer');
    if (v < min || v > max) fail(p, `out of range (${min}…${max})`);
  };
}
export function matching(re: RegExp, what: string): Shape {
  return (v, p) => {
    if (typeof v !== 'string' || !re.test(v)) fail(p, `not ${what}`);
  };
}
export function oneOf(...values: readonly unknown[]): Shape {
  return (v, p) => {
    if (!values.includes(v)) fail(p, `not one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
  };
}
/** undefined (absent) or the shape */
export function opt(s: Shape): Shape {
  return (v, p) => {
    if (v !== undefined) s(v, p);
  };
}
/** null or the shape */
export function nullable(s: Shape): Shape {
  return (v, p) => {
    if (v !== null) s(v, p);
  };
}
/** absent, null or the shape */
export function maybe(s: Shape): Shape {
  return (v, p) => {
    if (v !== null && v !== undefined) s(v, p);
  };
}
export function arr(item: Shape): Shape {
  return (v, p) => {
    if (!Array.isArray(v)) fail(p, 'not a list');
    for (let i = 0; i < v.length; i++) item(v[i], `${p}[${i}]`);
  };
}
export function tuple(...items: Shape[]): Shape {
  return (v, p) => {
    if (!Array.isArray(v) || v.length !== items.length) fail(p, `not a list of ${items.length}`);
    for (let i = 0; i < items.length; i++) (items[i] as Shape)(v[i], `${p}[${i}]`);
  };
}
/** an object with these fields (more are allowed) */
export function obj(fields: Record<string, Shape>): Shape {
  return (v, p) => {
    if (!isObject(v)) fail(p, 'not an object');
    for (const [k, s] of Object.entries(fields)) s(Object.hasOwn(v, k) ? v[k] : undefined, `${p}.${k}`);
  };
}
/** an object used as a map: every value of this shape */
export function record(value: Shape): Shape {
  return (v, p) => {
    if (!isObject(v)) fail(p, 'not an object');
    for (const k of Object.keys(v)) value(v[k], `${p}[${JSON.stringify(k)}]`);
  };
}
/** any JSON object */
export const anyObject: Shape = (v, p) => {
  if (!isObject(v)) fail(p, 'not an object');
};
/** the first shape whose check passes (the error of the last otherwise) */
export function either(...shapes: Shape[]): Shape {
  return (v, p) => {
    let last: unknown;
    for (const s of shapes) {
      try {
        s(v, p);
        return;
      } catch (e) {
        last = e;
      }
    }
    throw last;
  };
}

/**
 * Refuse data nested deeper than `max` levels or holding more than `maxNodes`
 * values, without recursion (a 10,000-deep list must fail here, not overflow
 * the stack of the code that copies or exports it later).
 */
export function checkDepth(v: unknown, max: number, maxNodes = 5_000_000): void {
  const stack: [unknown, number][] = [[v, 0]];
  let nodes = 0;
  while (stack.length) {
    const [x, d] = stack.pop() as [unknown, number];
    if (++nodes > maxNodes) throw new ShapeError(`more than ${maxNodes} values`);
    if (typeof x !== 'object' || x === null) continue;
    if (d >= max) throw new ShapeError(`nested deeper than ${max} levels`);
    if (Array.isArray(x)) for (const y of x) stack.push([y, d + 1]);
    else for (const k of Object.keys(x)) stack.push([(x as Record<string, unknown>)[k], d + 1]);
  }
}
