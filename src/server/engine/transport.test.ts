import { describe, expect, it } from 'vitest';
import { modemCause } from './transport';

describe('modemCause', () => {
  it("takes the daemon's text out of the modem's wording of a streamed call's error", () => {
    expect(modemCause('(HTTP code 404) unexpected - No such container: nosuchcontainer ')).toBe('No such container: nosuchcontainer');
    expect(modemCause('(HTTP code 404) no such image - manifest for 127.0.0.1:5000/x:latest not found: manifest unknown: manifest unknown ')).toBe(
      'manifest for 127.0.0.1:5000/x:latest not found: manifest unknown: manifest unknown',
    );
    expect(modemCause('(HTTP code 500) server error - a - b ')).toBe('a - b');
  });
  it('leaves other messages as they are', () => {
    expect(modemCause('socket hang up')).toBe('socket hang up');
    expect(modemCause(undefined)).toBeUndefined();
  });
});
