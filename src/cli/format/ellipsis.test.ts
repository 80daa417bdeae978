import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, ellipsis } from './ellipsis';

describe('ellipsis (formatter.Ellipsis)', () => {
  it('cuts docker ps COMMAND at 20 and history/search text at 45', () => {
    expect(ellipsis("/docker-entrypoint.sh nginx -g 'daemon off;'", 20)).toBe('/docker-entrypoint.…');
    expect(ellipsis("/bin/sh -c 'while true; do echo hi; done'", 20)).toBe("/bin/sh -c 'while t…");
    expect(ellipsis('Centos container with "headless" VNC session, Xfce4 UI', 45)).toBe(
      'Centos container with "headless" VNC session…',
    );
    expect(ellipsis('sleep 1000', 20)).toBe('sleep 1000');
    expect(ellipsis('12345678901234567890', 20)).toBe('12345678901234567890');
    expect(ellipsis('123456789012345678901', 20)).toBe('1234567890123456789…');
  });
  it('counts East Asian wide characters as two cells', () => {
    expect(charWidth('中'.codePointAt(0)!)).toBe(2);
    expect(charWidth('a'.codePointAt(0)!)).toBe(1);
    expect(displayWidth('中文ab')).toBe(6);
    expect(ellipsis('中文中文中文', 6)).toBe('中文…');
    expect(ellipsis('中文中', 6)).toBe('中文中');
    expect(ellipsis('héllo wörld', 5)).toBe('héll…');
  });
  it('handles tiny widths like docker', () => {
    expect(ellipsis('abc', 0)).toBe('');
    expect(ellipsis('abc', 1)).toBe('a');
  });
});
