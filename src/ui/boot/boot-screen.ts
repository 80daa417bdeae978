/**
 * What the boot terminal draws: for a fresh sandbox the welcome lines and the
 * fresh shell's prompt, as the TerminalView would; after a reload the saved
 * screen, whose last row (the prompt it showed, perhaps with a half-typed
 * line the reload drops) is drawn again as the bare prompt.
 */
import type { Dictionary } from '../i18n';
import { type BootScreen, FRESH_PROMPT } from '../terminal/boot-terminal';
import type { SavedScreen } from './saved-screen';

// CSI and OSC sequences, and two-character escapes
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;
/** a host shell prompt at the start of a row: user@host:dir$ */
const PROMPT_AT_START = /^[a-z_][a-z0-9_-]*@[a-zA-Z0-9.-]+:[^\s$#]*[$#] /;

/** the prompt the last row of a saved screen starts with, if any */
export function savedPrompt(scrollback: string): string | undefined {
  const last = scrollback.slice(scrollback.lastIndexOf('\n') + 1).replace(ESCAPES, '').replace(/^\r+/, '');
  return PROMPT_AT_START.exec(last)?.[0];
}

export function bootScreen(saved: SavedScreen | undefined, t: Dictionary): BootScreen {
  const terminalId = saved?.terminalId ?? 't1';
  const scrollback = saved?.scrollback;
  if (saved?.running !== undefined) {
    // the command that ran when the page went away: the view decides what becomes of it
    return { terminalId, text: scrollback ?? '', prompt: false, saved: scrollback, running: saved.running };
  }
  if (scrollback) {
    const prompt = savedPrompt(scrollback);
    if (prompt === undefined) return { terminalId, text: `${scrollback}\r\x1b[K`, prompt: false, saved: scrollback };
    return { terminalId, text: `${scrollback}\r\x1b[K${prompt}`, prompt: true, saved: scrollback };
  }
  return { terminalId, text: `${t.welcome.map((l) => `${l}\r\n`).join('')}${FRESH_PROMPT}`, prompt: true };
}
