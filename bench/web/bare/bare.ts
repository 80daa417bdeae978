/**
 * The web benchmark's yardstick (`npm run bench:web`): a bare xterm.js page,
 * the same @xterm/xterm and options as the app's terminal and nothing around
 * it. It shows a prompt, takes the focus and echoes what is typed (Enter
 * gives a new prompt), as fast as a page with a terminal can be.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { TERMINAL_OPTIONS } from '../../../src/ui/terminal/xterm-theme';

const PROMPT = 'learner@dockyard:~$ ';
const term = new Terminal(TERMINAL_OPTIONS);
const fit = new FitAddon();
term.loadAddon(fit);
const el = document.getElementById('terminal');
if (el) {
  term.open(el);
  fit.fit();
}
// a greeting in the browser's language, as the app's welcome lines are: the first Chinese text
// loads a CJK font (on Debian's Noto Sans CJK, 150–200 ms of layout), whichever page shows it
const zh = /^zh\b/i.test(navigator.languages?.[0] ?? navigator.language);
term.write(`${zh ? '欢迎' : 'Welcome'}\r\n${PROMPT}`);
term.onData((d) => {
  if (d === '\r') term.write(`\r\n${PROMPT}`);
  else if (d === '\x7f') term.write('\b \b');
  else if (d === '\x15') term.write(`\r\x1b[K${PROMPT}`);
  else term.write(d);
});
term.focus();
// the benchmark fills the scrollback through it (`seq 10000` on the app)
(window as unknown as { term: Terminal }).term = term;
