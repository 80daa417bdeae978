import { describe, expect, it } from 'vitest';
import { hasOwnKey, own, setOwn } from './own';

describe('own', () => {
  it('reads own keys only and writes __proto__ as a key', () => {
    const o: Record<string, string> = {};
    expect(own(o, 'constructor')).toBeUndefined();
    expect(own(o, 'toString')).toBeUndefined();
    expect(hasOwnKey(o, 'constructor')).toBe(false);
    setOwn(o, '__proto__', 'x');
    setOwn(o, 'constructor', 'y');
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(own(o, '__proto__')).toBe('x');
    expect(own(o, 'constructor')).toBe('y');
    expect(Object.keys(o)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(o)).toBe('{"__proto__":"x","constructor":"y"}');
    expect(own(null, 'a')).toBeUndefined();
  });
});
