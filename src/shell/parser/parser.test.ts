import { describe, expect, it } from 'vitest';
import type { SimpleCommand } from './ast';
import { parseScript, ShellSyntaxError } from './parser';

function err(src: string): string {
  try {
    parseScript(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('parser', () => {
  it('parses lists, pipelines and and-or', () => {
    const l = parseScript('a | b && c || d; e &');
    expect(l).toHaveLength(2);
    expect(l[0].first.commands).toHaveLength(2);
    expect(l[0].rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(l[1].background).toBe(true);
  });

  it('parses words, quotes, assignments and redirects', () => {
    const [ao] = parseScript(`A=1 echo 'x y' "a $HOME \\$" \\; 2>&1 >/dev/null`);
    const c = ao.first.commands[0] as SimpleCommand;
    expect(c.assigns[0].name).toBe('A');
    expect(c.words.map((w) => w.raw)).toEqual(['echo', "'x y'", '"a $HOME \\$"', '\\;']);
    expect(c.redirects.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [2, '>&', '1'],
      [1, '>', '/dev/null'],
    ]);
    expect(c.words[2].parts).toEqual([
      { kind: 'lit', text: 'a ', quoted: true },
      { kind: 'param', name: 'HOME', quoted: true },
      { kind: 'lit', text: ' $', quoted: true },
    ]);
  });

  it('parses compound commands', () => {
    const src = 'while true; do echo hi; sleep 1; done\nfor x in a b; do echo $x; done\nif a; then b; elif c; then d; else e; fi\ncase $x in a|b) echo 1;; *) echo 2;; esac\n{ a; }; (b)\nf() { echo f; }';
    const types = parseScript(src).map((ao) => ao.first.commands[0].type);
    expect(types).toEqual(['while', 'for', 'if', 'case', 'group', 'subshell', 'function']);
  });

  it('parses command substitution, heredocs and comments', () => {
    const [a, b] = parseScript('echo $(echo `echo hi`) # comment\ncat <<EOF\nline $X\nEOF\n');
    const w = (a.first.commands[0] as SimpleCommand).words[1];
    expect(w.parts[0].kind).toBe('cmd');
    const r = (b.first.commands[0] as SimpleCommand).redirects[0];
    expect(r.heredoc?.raw).toBe('line $X\n');
  });

  it('reports syntax errors in bash words', () => {
    expect(err(';;')).toBe("syntax error near unexpected token `;;'");
    expect(err('echo a ;; b')).toBe("syntax error near unexpected token `;;'");
    expect(err('| a')).toBe("syntax error near unexpected token `|'");
    expect(err('while true; do done')).toBe("syntax error near unexpected token `done'");
    expect(err('echo >')).toBe("syntax error near unexpected token `newline'");
    expect(err('if true; then')).toBe('syntax error: unexpected end of file');
    expect(err("echo 'abc")).toBe("unexpected EOF while looking for matching `''");
    expect(err('fi')).toBe("syntax error near unexpected token `fi'");
  });
});
