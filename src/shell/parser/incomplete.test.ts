import { describe, expect, it } from 'vitest';
import { historyEntry, inputNeeds, MultiLineInput } from './incomplete';

describe('inputNeeds: what bash still reads before running', () => {
  it('complete commands need nothing, also ones with syntax errors that are not about the end', () => {
    for (const src of ['docker ps', 'echo a; echo b', 'cat <<EOF\nhi\nEOF', "echo 'a\nb'", 'if true; then echo; fi', 'echo )', 'echo a \\ ', 'echo "\\\\"', 'echo a # b \\'])
      expect(inputNeeds(src), src).toBeUndefined();
  });
  it('a line ending in an unquoted backslash continues', () => {
    expect(inputNeeds('docker commit \\')).toBe('backslash');
    expect(inputNeeds('docker commit \\\n    --author "Tao Wang <twang2218@gmail.com>" \\')).toBe('backslash');
    expect(inputNeeds('docker commit \\\n    --author "Tao Wang <twang2218@gmail.com>" \\\n    nginx:v2')).toBeUndefined();
    expect(inputNeeds('echo a\\')).toBe('backslash');
    // a syntax error before the backslash ends the line as bash's tokenizer does
    expect(inputNeeds('echo ) \\')).toBeUndefined();
  });
  it('here-documents read their body up to the delimiter line (<<, <<-, quoted)', () => {
    expect(inputNeeds('cat > Dockerfile <<EOF')).toBe('heredoc');
    expect(inputNeeds('cat > Dockerfile <<EOF\nFROM nginx')).toBe('heredoc');
    expect(inputNeeds('cat > Dockerfile <<EOF\nFROM nginx\nEOF')).toBeUndefined();
    expect(inputNeeds("cat <<'EOF'\n$HOME\n")).toBe('heredoc');
    expect(inputNeeds("cat <<'EOF'\n$HOME\nEOF")).toBeUndefined();
    expect(inputNeeds('cat <<-EOF\n\tx\n\tEOF')).toBeUndefined();
    expect(inputNeeds('cat <<-EOF\n\tx\n  EOF')).toBe('heredoc');
    expect(inputNeeds('if true; then cat <<EOF\nx\nEOF')).toBe('syntax');
  });
  it('open quotes, $( and backquotes continue', () => {
    expect(inputNeeds('echo "abc')).toBe('quote');
    expect(inputNeeds("echo 'abc")).toBe('quote');
    expect(inputNeeds('echo $(ls')).toBe('quote');
    expect(inputNeeds('echo `ls')).toBe('quote');
    expect(inputNeeds('echo "abc\ndef"')).toBeUndefined();
  });
  it('unfinished compound commands, pipes and and-or lists continue', () => {
    for (const src of ['if true', 'if true; then', 'for i in 1 2', 'for i in 1 2; do echo $i', 'while true', 'until false; do', 'case $x in', '{', '(', 'echo a |', 'true &&', 'false ||', 'f()'])
      expect(inputNeeds(src), src).toBe('syntax');
  });
});

describe('historyEntry: one entry per command, as bash keeps it', () => {
  it('drops backslash-newlines', () => {
    expect(historyEntry(['docker commit \\', '    --author "T W" \\', '    nginx:v2'])).toBe('docker commit     --author "T W"     nginx:v2');
  });
  it('joins compound commands with `; ` or a space', () => {
    expect(historyEntry(['for i in 1 2', 'do', 'echo $i', 'done'])).toBe('for i in 1 2; do echo $i; done');
    expect(historyEntry(['if true; then', 'echo yes', 'else', 'echo no', 'fi'])).toBe('if true; then echo yes; else echo no; fi');
    expect(historyEntry(['echo a |', 'tr a b'])).toBe('echo a | tr a b');
    expect(historyEntry(['while true; do echo do', 'done'])).toBe('while true; do echo do; done');
    expect(historyEntry(['f()', '{', 'echo f', '}'])).toBe('f() { echo f; }');
    expect(historyEntry(['if true; then', '', 'echo x', 'fi'])).toBe('if true; then echo x; fi');
  });
  it('keeps newlines in here-documents, quotes and after comments', () => {
    expect(historyEntry(['cat > Dockerfile <<EOF', 'FROM nginx', '', 'EOF'])).toBe('cat > Dockerfile <<EOF\nFROM nginx\n\nEOF');
    expect(historyEntry(['echo "a', 'b"'])).toBe('echo "a\nb"');
    expect(historyEntry(['if true; then # why', 'echo x', 'fi'])).toBe('if true; then # why\necho x; fi');
  });
});

describe('MultiLineInput', () => {
  it('collects lines until the command is complete', () => {
    const m = new MultiLineInput();
    expect(m.add('cat > f <<EOF')).toBeUndefined();
    expect(m.pending).toBe(true);
    expect(m.add('hi')).toBeUndefined();
    expect(m.add('EOF')).toEqual({ source: 'cat > f <<EOF\nhi\nEOF', history: 'cat > f <<EOF\nhi\nEOF' });
    expect(m.pending).toBe(false);
    expect(m.add('ls')).toEqual({ source: 'ls', history: 'ls' });
    m.add('echo "x');
    expect(m.reset()).toBe('echo "x');
    expect(m.pending).toBe(false);
  });
});
