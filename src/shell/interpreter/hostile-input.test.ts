/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell source text, not templates */
/** Inputs a fuzzer found: names every JS object has, a lone `[`, huge values. */
import { describe, expect, it, vi } from 'vitest';
import { parseScript } from '../parser/parser';
import { hostShell, run, testIO } from '../testing/harness';

const PROTO_NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf'];

describe('names that are Object.prototype keys', () => {
  it('are commands that are not found, and $? stays a number', async () => {
    const { sh } = hostShell();
    for (const name of PROTO_NAMES) {
      expect(await run(sh, `${name} a b`)).toEqual({ out: '', err: `bash: ${name}: command not found\n`, status: 127 });
      expect((await run(sh, 'echo $?')).out).toBe('127\n');
      expect((await run(sh, `type ${name}; command -v ${name}; echo $?`)).out).toBe('1\n');
    }
  });

  it('are ordinary names for functions, variables, signals and test operators', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'constructor() { echo fn $1; }; constructor x; __proto__=v; echo $__proto__; export toString=e; echo $toString')).out).toBe(
      'fn x\nv\ne\n',
    );
    expect(await run(sh, 'kill -constructor 1')).toEqual({ out: '', err: 'bash: kill: constructor: invalid signal specification\n', status: 1 });
    expect((await run(sh, '[ 1 toString 2 ]; echo $?')).out).toBe('2\n');
    expect((await run(sh, 'echo $((valueOf + 1))')).out).toBe('1\n');
    expect((await run(sh, "echo abc | tr '[:constructor:]' x")).status).toBe(0);
  });
});

describe('patterns', () => {
  it('a lone [ is no pattern: the test command never reads the directory', async () => {
    const { sh, fs } = hostShell();
    fs.writeFile('/root/a', '');
    const readdir = vi.spyOn(fs, 'readdir');
    expect((await run(sh, 'i=0; while [ $i -lt 20 ]; do i=$((i+1)); done; [ -f a ] && echo yes; echo [ x[ ]')).out).toBe('yes\n[ x[ ]\n');
    expect(readdir).not.toHaveBeenCalled();
    expect((await run(sh, 'echo [ab] [a]')).out).toBe('a a\n');
    expect(readdir).toHaveBeenCalled();
  });

  it('a bracket expression JavaScript rejects matches nothing', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'case b in [z-a]) echo no;; *) echo other;; esac; echo [z-a]')).out).toBe('other\n[z-a]\n');
  });
});

describe('parsing cost', () => {
  it('reads nested $( $( … ) ) once per level (it used to read each level again from every level above)', () => {
    // 40 levels: at three reads per level this would never finish
    const src = `echo ${'$( '.repeat(40)}x${' )'.repeat(40)}`;
    expect(parseScript(src)).toHaveLength(1);
    const deep = `case ${'$( '.repeat(40)}x${' )'.repeat(40)} in x) ;; esac`;
    expect(parseScript(deep)).toHaveLength(1);
  });

  it('numbers lines without rescanning the source for every command', () => {
    const src = Array.from({ length: 2000 }, (_, i) => `echo ${i}`).join('\n');
    const list = parseScript(src);
    const last = list[list.length - 1].first.commands[0];
    expect(last.type === 'simple' && last.line).toBe(2000);
  });
});

describe('big values', () => {
  it('${#x} counts characters without spreading the value', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'x=é😀a; echo ${#x}')).out).toBe('3\n');
  });

  it('printf with a huge field width says so instead of failing inside', async () => {
    const { sh } = hostShell();
    const r = await run(sh, "printf 'a%999999999db\\n' 1");
    expect(r).toEqual({ out: 'a', err: 'printf: field width 999999999: the Dockyard simulator writes at most 1048576 characters per field\n', status: 1 });
    expect((await run(sh, "LANG=zh_CN.UTF-8; printf '%.2000000s' x")).err).toBe('printf: 字段宽度 2000000：Dockyard 模拟器每个字段最多输出 1048576 个字符\n');
    expect((await run(sh, "printf '%1000s' x | wc -c")).out).toBe('1000\n');
    expect((await run(sh, "printf '%.103f|%.102e' 1 1")).out).toBe(`1.${'0'.repeat(103)}|1.${'0'.repeat(102)}e+00`);
  });
});

describe('history', () => {
  it('keeps the last HISTSIZE lines (bash: 500), numbered on', async () => {
    const { sh } = hostShell();
    for (let i = 1; i <= 600; i++) await sh.run(`: ${i}`, testIO().io);
    expect(sh.history).toHaveLength(500);
    expect((await run(sh, 'history 2')).out).toBe('  600  : 600\n  601  history 2\n');
    await run(sh, 'HISTSIZE=3');
    await run(sh, ': x');
    expect((await run(sh, 'history')).out).toBe('  602  HISTSIZE=3\n  603  : x\n  604  history\n');
  });
});
