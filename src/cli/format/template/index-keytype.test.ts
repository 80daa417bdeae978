import { describe, expect, it } from 'vitest';
import { goMap, parseTemplate } from '.';

describe('index on a map with a named key type', () => {
  it('refuses a plain string key like Go (value has type string; should be nat.Port)', () => {
    const ports = goMap({ '80/tcp': [] }, 'nat.PortMap', null, 'nat.Port');
    expect(() => parseTemplate('{{index . "80/tcp"}}').execute(ports)).toThrow('error calling index: value has type string; should be nat.Port');
    expect(parseTemplate('{{range $k, $v := .}}{{$k}}{{end}}').execute(ports)).toBe('80/tcp');
  });
});
