/**
 * Records keyed by what users type (filter names, labels, environment
 * variables, map keys of a restored snapshot): "constructor", "toString" or
 * "__proto__" are keys like any other, never Object.prototype's members.
 * Reads see own properties only; writes define an own property, where a plain
 * assignment to "__proto__" would change the object's prototype instead.
 */

/** the value under `key` when `o` has it as its own */
export function own<T>(o: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return o != null && Object.hasOwn(o, key) ? o[key] : undefined;
}

export function hasOwnKey(o: object | null | undefined, key: string): boolean {
  return o != null && Object.hasOwn(o, key);
}

/** o[key] = value as an own, enumerable data property (also for "__proto__") */
export function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
