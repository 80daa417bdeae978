import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../../testing/harness';
import { sh } from '../../testing/container-run';
import { awkSprintf, numberToString } from './format';
import { parseAwk } from './parse';

const DATA = 'alpha 3\nbeta 10\ngamma 7\n';

async function awk(program: string, input = DATA, extra = ''): Promise<{ out: string; err: string; status: number }> {
  const { sh: shell } = hostShell();
  return run(shell, `awk ${extra} '${program}'`, input);
}

describe('awk', () => {
  it('fields, patterns, BEGIN/END, variables', async () => {
    expect((await awk('{print $1}')).out).toBe('alpha\nbeta\ngamma\n');
    expect((await awk('{ s += $2 } END { print "total", s, NR }')).out).toBe('total 20 3\n');
    expect((await awk('$2 > 5')).out).toBe('beta 10\ngamma 7\n');
    expect((await awk('/^b|^g/ { print length($0), substr($1, 2, 3), index($0, "a") }')).out).toBe('7 eta 4\n7 amm 2\n');
    expect((await awk('NR == 2 { $2 = "changed"; print; print NF }')).out).toBe('beta changed\n2\n');
    expect((await awk('{ print NF, $NF }', 'a b c\n')).out).toBe('3 c\n');
    expect((await awk('/beta/,/gamma/ { print NR }')).out).toBe('2\n3\n');
  });

  it('-F, -v, OFS, strnum comparisons', async () => {
    expect((await awk('$3 < 10 { print $1 ":" $3 }', 'root:x:0\nsys:x:3\nnobody:x:65534\n', '-F:')).out).toBe('root:0\nsys:3\n');
    expect((await awk('{ print NR, $1 }', 'a:b\n', "-F: -v OFS=' | '")).out).toBe('1 | a\n');
    expect((await awk('$1 == 10', '10\n10.0\nabc\n')).out).toBe('10\n10.0\n');
    expect((await awk('{ print ($1 < $2) }', '9 10\n')).out).toBe('1\n');
  });

  it('arrays, loops, functions, string builtins', async () => {
    expect((await awk('{ c[$1 % 3]++ } END { for (k = 0; k < 3; k++) print k, c[k] }', '1\n2\n3\n4\n')).out).toBe('0 1\n1 2\n2 1\n');
    expect((await awk('{ n = split($0, p, " "); gsub(/a/, "A"); print n, p[1], $0 }')).out).toBe('2 alpha AlphA 3\n2 beta betA 10\n2 gamma gAmmA 7\n');
    expect((await awk('function twice(x) { return x * 2 } BEGIN { print twice(21); if ("x42" ~ /42$/) print "match" }', '')).out).toBe('42\nmatch\n');
    expect((await awk('BEGIN { while (i < 3) { i++; printf "%d ", i }; print ""; print toupper("hi"), tolower("HI"), int(7 / 2), 10 % 4, 2 ^ 10 }', '')).out).toBe('1 2 3 \nHI hi 3 2 1024\n');
    expect((await awk('BEGIN { print match("foobar", /ob/), RSTART, RLENGTH; x["a"]; print ("a" in x), ("b" in x) }', '')).out).toBe('3 3 2\n1 0\n');
    expect((await awk('{ print $1 / $2 }', '3 4\n1 3\n')).out).toBe('0.75\n0.333333\n');
  });

  it('printf and number output as C does', () => {
    const args = (vals: (string | number)[]) => ({
      count: vals.length,
      num: (i: number) => Number(vals[i]),
      str: (i: number) => String(vals[i]),
      isNum: (i: number) => typeof vals[i] === 'number',
    });
    expect(awkSprintf('%-6s|%5.2f|%03d|%x|%s|%c|%e|%g', args(['ab', 3.14259, 7, 255, 'HI', 65, 12345.678, 0.0001234]))).toBe('ab    | 3.14|007|ff|HI|A|1.234568e+04|0.0001234');
    expect(numberToString(0.1 + 0.2, '%.6g')).toBe('0.3');
    expect(numberToString(1e6, '%.6g')).toBe('1000000');
    expect(numberToString(123456789.5, '%.6g')).toBe('1.23457e+08');
  });

  it('a call to a function never defined: mawk refuses the program, busybox stops at the call (the fuzzer saw "undefined" in our own words)', async () => {
    const host = await awk('BEGIN { print 1 }\nfunction f(x) { return x }\nEND { print g(2) }', '');
    expect([host.status, host.out, host.err]).toEqual([2, '', 'awk: line 4: function g never defined\n']);
    const one = await awk('BEGIN { print lengh("docker"), 1 }', '');
    expect([one.status, one.err]).toEqual([2, 'awk: line 2: function lengh never defined\n']);
    const bb = await sh("awk 'BEGIN { print 1 }  function f(x) { return x }  END { print g(2) }' </dev/null");
    expect([bb.status, bb.out, bb.err]).toEqual([1, '1\n', 'awk: cmd. line:1: Call to undefined function\n']);
  });

  it('syntax errors in mawk words on the host, busybox words in a container', async () => {
    const host = await awk('{ print', '');
    expect([host.status, host.err]).toEqual([2, 'awk: line 1: syntax error at or near end of file\n']);
    const bb = await sh("awk '{ print' /dev/null");
    // busybox 1.35 (Docker 20.10's busybox image) exits 1 on a syntax or run-time error
    expect([bb.status, bb.err]).toEqual([1, 'awk: cmd. line:1: Unexpected token\n']);
    expect(() => parseAwk('BEGIN { x = 1 }')).not.toThrow();
    const missing = await awk('{ print }', '', '');
    expect(missing.status).toBe(0);
  });

  it('reads files in order with FILENAME and var=value operands', async () => {
    const { sh: shell, fs } = hostShell();
    fs.writeFile('/root/a', '1\n');
    fs.writeFile('/root/b', '2\n');
    expect((await run(shell, "awk '{ print FILENAME, x, $0 }' a x=5 b")).out).toBe('a  1\nb 5 2\n');
    const nofile = await run(shell, "awk '{ print }' nope");
    expect([nofile.status, nofile.err]).toEqual([2, 'awk: cannot open nope (No such file or directory)\n']);
  });
});
