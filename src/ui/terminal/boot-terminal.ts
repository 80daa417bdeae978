/**
 * The terminal of the first frame: the page opens with it, before React, the
 * store or the simulator are loaded (src/app/main.ts), so a prompt that takes
 * keys is on the screen as soon as xterm.js is. It shows what the terminal
 * will show once the app is up (the welcome lines and the fresh shell's
 * prompt, or the screen saved when the page went away) and has the keyboard
 * focus. Keys typed meanwhile are held, in order, and echoed while they are
 * plain text on the prompt's row; the TerminalView of that terminal adopts the
 * same xterm instance (adoptBootTerminal), erases the prompt row and hands the
 * held keys to its controller, which draws the prompt again and plays them.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal as XTerm } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { charWidth } from './display-width';
import { TERMINAL_OPTIONS } from './xterm-theme';

/** the prompt of a fresh sandbox's host shell (a unit test holds it to the simulator's) */
export const FRESH_PROMPT = 'learner@dockyard:~$ ';

export interface BootScreen {
  /** the terminal it stands for */
  terminalId: string;
  /** what to draw: the welcome lines and FRESH_PROMPT, or a saved screen */
  text: string;
  /** the text ends with a prompt that takes keys (not so while a saved command was running) */
  prompt: boolean;
  /** the saved screen it was made from (a reload) */
  saved?: string;
  /** the command that was running when the page went away */
  running?: string;
}

/** what a TerminalView takes over */
export interface AdoptedTerminal {
  readonly term: XTerm;
  readonly fit: FitAddon;
  /** the screen shown is the one this terminal would draw (false: the view starts over with term.reset()) */
  readonly screenMatches: boolean;
  /**
   * Stop holding keys: erase the prompt row the boot terminal drew (and what it
   * echoed), and return the keys typed so far. The caller's onData listener
   * must be in place before it returns to its event loop.
   */
  release(): string;
}

interface Boot {
  term: XTerm;
  fit: FitAddon;
  screen: BootScreen;
  held: string;
  /** keys still echo (plain text on the prompt's row, nothing else typed yet) */
  echoing: boolean;
  /** the cursor's column after the prompt, once xterm has drawn the screen */
  promptEnd?: number;
  /** columns echoed after the prompt */
  echoed: number;
  listener: { dispose(): void };
  onAdopted: (() => void)[];
  adopted: boolean;
}

let boot: Boot | undefined;

function echo(b: Boot, data: string): void {
  if (!b.screen.prompt || !b.echoing) return;
  if (b.promptEnd === undefined) {
    // typed before xterm drew the prompt: held, shown by the controller
    b.echoing = false;
    return;
  }
  let out = '';
  for (const ch of data) {
    if (ch === '\x7f') {
      // Backspace over what was echoed (at the prompt itself it does nothing, as in bash)
      if (b.echoed > 0) {
        b.echoed--;
        out += '\b \b';
      }
      continue;
    }
    // anything but plain text (Enter, arrows, Ctrl keys, wide characters, a wrap): held without echo from here on
    if (charWidth(ch) !== 1 || ch.length !== 1 || b.promptEnd + b.echoed + 1 >= b.term.cols) {
      b.echoing = false;
      break;
    }
    b.echoed++;
    out += ch;
  }
  if (out) b.term.write(out);
}

/**
 * Opens the boot terminal in `parent`, draws `screen`, focuses it and starts
 * holding keys. Resolves once the screen has been written (xterm draws it in
 * the next animation frame).
 */
export function openBootTerminal(parent: HTMLElement, screen: BootScreen): Promise<void> {
  const term = new XTerm(TERMINAL_OPTIONS);
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(parent);
  try {
    if (parent.clientWidth > 0 && parent.clientHeight > 0) fit.fit();
  } catch {
    // not laid out: xterm's default size until the view fits it
  }
  const b: Boot = {
    term,
    fit,
    screen,
    held: '',
    echoing: true,
    echoed: 0,
    listener: { dispose() {} },
    onAdopted: [],
    adopted: false,
  };
  b.listener = term.onData((d) => {
    b.held += d;
    echo(b, d);
  });
  boot = b;
  term.focus();
  return new Promise((resolve) =>
    term.write(screen.text, () => {
      b.promptEnd = term.buffer.active.cursorX;
      resolve();
    }),
  );
}

/** show a line under the prompt (the app failed to start); keys stay held */
export function bootTerminalMessage(text: string): void {
  if (!boot) return;
  boot.echoing = false;
  boot.term.write(`\r\n\x1b[31m${text.replace(/\r?\n/g, '\r\n')}\x1b[0m\r\n`);
}

/** the terminal the boot terminal stands for, if it is still waiting for its view */
export function bootTerminalId(): string | undefined {
  return boot && !boot.adopted ? boot.screen.terminalId : undefined;
}

/** runs `fn` once a TerminalView adopted the boot terminal (at once if there is none) */
export function whenBootTerminalAdopted(fn: () => void): void {
  if (!boot || boot.adopted) fn();
  else boot.onAdopted.push(fn);
}

/**
 * Take over the boot terminal as terminal `id` (the store's active terminal
 * after hydration). Moves its element into `host` and keeps the keyboard focus
 * where it was. Undefined when there is none left to adopt.
 */
export function adoptBootTerminal(id: string, host: HTMLElement, screenMatches: (screen: BootScreen) => boolean): AdoptedTerminal | undefined {
  const b = boot;
  if (!b || b.adopted) return undefined;
  b.adopted = true;
  boot = undefined;
  const { term, fit } = b;
  const focused = term.element?.contains(document.activeElement) ?? false;
  for (const fn of b.onAdopted.splice(0)) fn();
  if (term.element) host.appendChild(term.element);
  try {
    if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
  } catch {
    // hidden
  }
  if (focused) term.focus();
  const matches = b.screen.terminalId === id && screenMatches(b.screen);
  return {
    term,
    fit,
    screenMatches: matches,
    release() {
      b.listener.dispose();
      // the prompt row (and the echo on it) goes; the controller draws the prompt again
      if (matches && b.screen.prompt) term.write('\r\x1b[K');
      const held = b.held;
      b.held = '';
      return held;
    },
  };
}
