import { describe, expect, it } from 'vitest';
import { formatFloat } from './floatfmt';
import { sprint, sprintln } from './print';
import { sprintf } from './printf';
import { GoFloat, goStruct } from './values';

describe('sprintf', () => {
  it.each([
    ['%s|%5s|%-5s|%.2s', ['ab', 'ab', 'ab', 'abc'], 'ab|   ab|ab   |ab'],
    ['%d|%05d|%-5d|%+d|% d|%x|%X|%o|%b|%#x|%#o', [42, 42, 42, 42, 42, 255, 255, 8, 5, 255, 8], '42|00042|42   |+42| 42|ff|FF|10|101|0xff|010'],
    ['%05d|%.3d|%8.3d', [-42, 7, 7], '-0042|007|     007'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%s', [5], '%!s(int=5)'],
    ['%d %d', [1], '1 %!d(MISSING)'],
    ['%d', [1, 'a'], '1%!(EXTRA string=a)'],
    ['%d', [1, 2, null], '1%!(EXTRA int=2, <nil>)'],
    ['%!', [], '%!!(MISSING)'],
    ['abc%', [], 'abc%!(NOVERB)'],
    ['%[2]s %[1]s', ['a', 'b'], 'b a'],
    ['%[3]s', ['a'], '%!s(BADINDEX)'],
    ['%*d|%-*d|%.*f', [4, 1, 3, 2, 1, new GoFloat(3.14159)], '   1|2  |3.1'],
    ['%v %v %v', [null, true, [1, 'a']], '<nil> true [1 a]'],
    ['%d|%s', [['1', 2], ['a', 3]], '[%!d(string=1) 2]|[a %!s(int=3)]'],
    ['%q|%+q|%#q|%q', ['é\n', 'é', 'a', 0x41], '"é\\n"|"\\u00e9"|`a`|\'A\''],
    ['%x|% X|%c|%U', ['hi', 'hi', 0x263a, 0x263a], '6869|68 69|☺|U+263A'],
    ['%t|%v|%t', [true, false, 1], 'true|false|%!t(int=1)'],
    ['%T %T %T %T %T', [1, 1.5, 's', [], {}], 'int float64 string []interface {} map[string]interface {}'],
    ['%%|%5%', [], '%|%'],
    ['%v', [{ b: 1, a: [true] }], 'map[a:[true] b:1]'],
    ['%v|%+v', [goStruct({ A: 1, B: 'x' }, 'T'), goStruct({ A: 1, B: 'x' }, 'T')], '{1 x}|{A:1 B:x}'],
    ['%6.2f|%-8.3f|%e|%E|%g|%G', [3.14159, 2.5, 123456.789, 0.000123, 1e21, 1e-7].map((x) => new GoFloat(x)), '  3.14|2.500   |1.234568e+05|1.230000E-04|1e+21|1E-07'],
    ['%08.3f|%+.2f|% .1f|%.0f|%.0f', [-3.5, 2, 2, 0.5, 1.5].map((x) => new GoFloat(x)), '-003.500|+2.00| 2.0|0|2'],
    ['%v %v %v', [new GoFloat(1e20), new GoFloat(123456), new GoFloat(1234567)], '1e+20 123456 1.234567e+06'],
    ['%f', [5], '%!f(int=5)'],
  ] as [string, unknown[], string][])('%j', (f, args, want) => {
    expect(sprintf(f, args)).toBe(want);
  });
});

describe('sprint / sprintln', () => {
  it('adds spaces between non-string operands', () => {
    expect(sprint([1, 2, 'a', 'b', 3, null])).toBe('1 2ab3 <nil>');
    expect(sprintln(['a', 1, true])).toBe('a 1 true\n');
  });
});

describe('formatFloat (strconv)', () => {
  it.each([
    [0, 'g', -1, '0'],
    [1, 'g', -1, '1'],
    [1e6, 'g', -1, '1e+06'],
    [123456, 'g', -1, '123456'],
    [0.0001, 'g', -1, '0.0001'],
    [0.00001, 'g', -1, '1e-05'],
    [67108864, 'g', -1, '6.7108864e+07'],
    [-1.5, 'g', -1, '-1.5'],
    [1234.5678, 'g', 3, '1.23e+03'],
    [1234.5678, 'g', 6, '1234.57'],
    [2.5, 'f', 0, '2'],
    [3.5, 'f', 0, '4'],
    [0.125, 'f', 2, '0.12'],
    [0.0006, 'f', 3, '0.001'],
    [1e21, 'f', 1, '1000000000000000000000.0'],
    [123.456, 'e', 2, '1.23e+02'],
    [0, 'e', -1, '0e+00'],
    [Number.POSITIVE_INFINITY, 'g', -1, '+Inf'],
    [Number.NaN, 'f', 2, 'NaN'],
  ] as [number, 'g' | 'e' | 'f', number, string][])('%s %s %s', (x, fmt, prec, want) => {
    expect(formatFloat(x, fmt, prec)).toBe(want);
  });
});
