import { describe, expect, it } from 'vitest';
import { render } from '../../runner/render';
import { LineEditor } from './line-editor';

const P = 'learner@dockyard:~$ ';

function session(keys: string[]): { screen: string; submitted: string[] } {
  const ed = new LineEditor(P);
  let screen = ed.start();
  const submitted: string[] = [];
  for (const k of keys) {
    const r = ed.handle(k);
    screen += r.output;
    if (r.submit !== undefined) {
      submitted.push(r.submit);
      screen += ed.start();
    }
  }
  return { screen: render(screen), submitted };
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
});
