import { describe, expect, it } from 'vitest';
import { decodeGoJson, GoNumber, goFloat, goValueString } from './decode';

/** the error text of decoding `text`, or 'ok' */
function err(text: string | Uint8Array): string {
  try {
    decodeGoJson(text);
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('decodeGoJson: Go json.Decoder error texts (recorded from dockerd 20.10 reading daemon.json)', () => {
  it.each([
    ['{\n  "registry-mirrors": [\n    "https://hub-mirror.c.163.com",\n  ]\n}\n', "invalid character ']' looking for beginning of value"],
    ['{\n  "registry-mirrors": ["https://hub-mirror.c.163.com"]\n  "debug": true\n}\n', `invalid character '"' after object key:value pair`],
    ["{ 'debug': true }\n", "invalid character '\\'' looking for beginning of object key string"],
    ['{\n  registry-mirrors: []\n}\n', "invalid character 'r' looking for beginning of object key string"],
    ['{"a\\q": 1}\n', "invalid character 'q' in string escape code"],
    ['{"debug": True}\n', "invalid character 'T' looking for beginning of value"],
    ['{ // comment\n "debug": true }\n', "invalid character '/' looking for beginning of object key string"],
    ['{"a\tb": 1}\n', "invalid character '\\t' in string literal"],
    ['{1: 2}\n', "invalid character '1' looking for beginning of object key string"],
    ['{"mtu": 1e}\n', "invalid character '}' in exponent of numeric literal"],
    ['{"mtu": -}\n', "invalid character '}' in numeric literal"],
    ['{"mtu": 1.}\n', "invalid character '}' after decimal point in numeric literal"],
    ['{"mtu": 01}\n', "invalid character '1' after object key:value pair"],
    ['{"debug": tr\n', "invalid character '\\n' in literal true (expecting 'u')"],
    ['{"registry-mirrors": ["https://a\n', "invalid character '\\n' in string literal"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['[1 2]', "invalid character '2' after array element"],
    ['"\\u12x4"', "invalid character 'x' in \\u hexadecimal character escape"],
    ['', 'EOF'],
    [' \n\t', 'EOF'],
    ['{"debug": true', 'unexpected EOF'],
    ['{', 'unexpected EOF'],
  ])('%j → %s', (text, want) => {
    expect(err(text)).toBe(want);
  });

  it("names a stray UTF-8 byte by its byte value, as Go's scanner does (a BOM is 'ï')", () => {
    expect(err(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe("invalid character 'ï' looking for beginning of value");
  });

  it('reads the first value only: what follows it is left unread', () => {
    expect(err('{ "registry-mirrors": ["https://hub-mirror.c.163.com"] }}\n')).toBe('ok');
    expect(err('{} garbage')).toBe('ok');
    expect(decodeGoJson('42')).toEqual(new GoNumber('42'));
  });

  it('keeps key order; a repeated key keeps its last value', () => {
    const v = decodeGoJson('{"b": 1, "a": "x", "b": [true, null]}') as Map<string, unknown>;
    expect([...v.keys()]).toEqual(['a', 'b']);
    expect(v.get('b')).toEqual([true, null]);
    expect(decodeGoJson('"\\u4e2d\\n"')).toBe('中\n');
    expect(decodeGoJson('"中文"')).toBe('中文');
  });
});

describe('goValueString: fmt %v of decoded values', () => {
  it('prints lists, maps with sorted keys, floats like %g', () => {
    expect(goValueString(decodeGoJson('["tcp://0.0.0.0:2375", "unix:///var/run/docker.sock"]'))).toBe(
      '[tcp://0.0.0.0:2375 unix:///var/run/docker.sock]',
    );
    expect(goValueString(decodeGoJson('{"b": 1, "a": null}'))).toBe('map[a:<nil> b:1]');
    expect([1, 1.5, 1000000, 123456, 1e21, 0.0001, 0.00001, -2.5].map(goFloat)).toEqual([
      '1',
      '1.5',
      '1e+06',
      '123456',
      '1e+21',
      '0.0001',
      '1e-05',
      '-2.5',
    ]);
  });
});
