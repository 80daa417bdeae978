import { describe, expect, it } from 'vitest';
import { render } from '../../runner/render';
import { LineEditor } from './line-editor';
import { TestScreen } from './test-screen';

const P = 'learner@dockyard:~$ ';

function session(keys: string[], history: string[] = []): { screen: string; submitted: string[]; ed: LineEditor } {
  const ed = new LineEditor(P, 200, history);
  let screen = ed.start();
  const submitted: string[] = [];
  for (const k of keys) {
    const r = ed.handle(k);
    screen += r.output;
    if (r.submit !== undefined) submitted.push(r.submit);
    if (r.submit !== undefined || r.cancelled) screen += ed.start();
  }
  return { screen: render(screen), submitted, ed };
}

/** type keys on a narrow screen; returns the screen and the cursor */
function narrow(cols: number, prompt: string, keys: string[]) {
  const ed = new LineEditor(prompt, cols);
  const scr = new TestScreen(cols);
  scr.write(ed.start());
  for (const k of keys) scr.write(ed.handle(k).output);
  return { scr, ed };
}

describe('LineEditor', () => {
  it('types and submits a line', () => {
    const r = session(['docker ps', '\r']);
    expect(r.submitted).toEqual(['docker ps']);
    expect(r.screen).toBe(`${P}docker ps\n${P}`);
  });
  it('edits in the middle with left/right, backspace, delete, home/end', () => {
    const r = session(['docker sp', '\x1b[D', '\x7f', '\x1b[C', 's', '\x1b[H', 'x', '\x1b[D', '\x1b[3~', '\x1b[F', '!', '\x7f', '\r']);
    expect(r.submitted).toEqual(['docker ps']);
  });
  it('browses history with up/down and keeps the draft', () => {
    const r = session(['echo 1\r', 'echo 2\r', 'dra', '\x1b[A', '\x1b[A', '\x1b[B', '\x1b[B', '\r']);
    expect(r.submitted).toEqual(['echo 1', 'echo 2', 'dra']);
    const r2 = session(['echo 1\r', 'echo 2\r', '\x1b[A', '\x1b[A', '\r']);
    expect(r2.submitted[2]).toBe('echo 1');
  });
  it('Ctrl-C abandons the line, Ctrl-U erases to the start', () => {
    const r = session(['abc', '\x03', 'docker images', '\x15', 'ls', '\r']);
    expect(r.submitted).toEqual(['ls']);
    expect(r.screen).toBe(`${P}abc^C\n${P}ls\n${P}`);
  });
  it('Ctrl-L clears the screen and redraws the line', () => {
    const r = session(['echo hi\r', 'ls', '\x0c']);
    expect(r.screen).toBe(`${P}ls`);
  });
  it('moves over wide characters by two columns', () => {
    const ed = new LineEditor('$ ');
    ed.start();
    ed.handle('中文');
    expect(ed.handle('\x1b[D').output).toBe('\x1b[2D');
  });
  it('Ctrl-A/E, Ctrl-K and Ctrl-Y yank back what was erased', () => {
    const r = session(['docker ps -a', '\x01', '\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C', '\x0b', 'x', '\x19', '\x05', '\r']);
    expect(r.submitted).toEqual(['dockerx ps -a']);
  });
  it('Ctrl-W erases the word before the cursor, Alt-Backspace a smaller word', () => {
    expect(session(['docker run  nginx:latest', '\x17', '\r']).submitted).toEqual(['docker run  ']);
    expect(session(['docker run nginx:latest', '\x1b\x7f', '\r']).submitted).toEqual(['docker run nginx:']);
    expect(session(['a b c', '\x1bb', '\x1bb', '\x1bd', '\r']).submitted).toEqual(['a  c']);
  });
  it('Ctrl-R searches the history backwards; Enter runs the match', () => {
    const r = session(['\x12', 'ps', '\r'], ['docker ps -a', 'ls', 'docker ps', 'echo']);
    expect(r.submitted).toEqual(['docker ps']);
    const again = session(['\x12', 'ps', '\x12', '\r'], ['docker ps -a', 'ls', 'docker ps', 'echo']);
    expect(again.submitted).toEqual(['docker ps -a']);
  });
  it('Ctrl-R shows the search prompt and a failed search; Ctrl-G gives the line back', () => {
    const ed = new LineEditor(P, 200, ['docker images']);
    let out = ed.start();
    out += ed.handle('draft').output;
    out += ed.handle('\x12ima').output;
    expect(render(out)).toBe("(reverse-i-search)`ima': docker images");
    out += ed.handle('z').output;
    expect(render(out)).toBe("(failed reverse-i-search)`imaz': docker images");
    out += ed.handle('\x07').output;
    expect(render(out)).toBe(`${P}draft`);
    expect(ed.searching).toBe(false);
  });
  it('an arrow key ends the search and keeps the match for editing', () => {
    const ed = new LineEditor(P, 200, ['docker run -d nginx', 'ls']);
    ed.start();
    ed.handle('\x12run');
    ed.handle('\x1b[F!');
    expect(ed.line).toBe('docker run -d nginx!');
    expect(ed.searching).toBe(false);
  });
  it('asks for completion on Tab and keeps the keys after it', () => {
    const ed = new LineEditor(P);
    ed.start();
    const r = ed.handle('docker im\tages');
    expect(r.complete).toBe(true);
    expect(r.rest).toBe('ages');
    expect(ed.line).toBe('docker im');
    ed.replace(7, 9, 'image ');
    expect(ed.line).toBe('docker image ');
    expect(ed.cursorIndex).toBe(13);
  });
  it('keeps the lines after Enter in a paste', () => {
    const ed = new LineEditor(P);
    ed.start();
    const r = ed.handle('echo a\recho b\r');
    expect(r.submit).toBe('echo a');
    expect(r.rest).toBe('echo b\r');
  });
  it('wraps long lines and redraws them in place', () => {
    const { scr, ed } = narrow(10, '$ ', ['abcdefghijklmnop']);
    expect(scr.text()).toBe('$ abcdefgh\nijklmnop');
    expect([scr.row, scr.col]).toEqual([1, 8]);
    // go home (two rows up) and insert
    scr.write(ed.handle('\x01X').output);
    expect(scr.text()).toBe('$ Xabcdefg\nhijklmnop');
    expect([scr.row, scr.col]).toEqual([0, 3]);
    // erase everything after the cursor: the second row goes away
    scr.write(ed.handle('\x0b').output);
    expect(scr.text()).toBe('$ X');
    expect(ed.line).toBe('X');
  });
  it('a line ending exactly at the margin puts the cursor on the next row', () => {
    const { scr } = narrow(10, '$ ', ['abcdefgh']);
    expect(scr.text()).toBe('$ abcdefgh');
    expect([scr.row, scr.col]).toEqual([1, 0]);
    scr.write('');
  });
  it('backspace across a row boundary', () => {
    const { scr, ed } = narrow(10, '$ ', ['abcdefghi', '\x7f', '\x7f']);
    expect(scr.text()).toBe('$ abcdefg');
    expect([scr.row, scr.col]).toEqual([0, 9]);
    scr.write(ed.handle('\r').output);
    expect(scr.row).toBe(1);
  });
  it('a wide character that does not fit moves to the next row', () => {
    const { scr } = narrow(10, '$ ', ['abcdefg中文']);
    expect(scr.text()).toBe('$ abcdefg\n中文');
    expect([scr.row, scr.col]).toEqual([1, 4]);
  });
  it('lists completions in columns and draws the line again', () => {
    const ed = new LineEditor('$ ', 30);
    const scr = new TestScreen(30);
    scr.write(ed.start());
    scr.write(ed.handle('docker i').output);
    scr.write(ed.showList(['image', 'images', 'import', 'info', 'inspect']));
    expect(scr.text()).toBe('$ docker i\nimage    import   inspect\nimages   info\n$ docker i');
  });
});
