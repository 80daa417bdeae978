/**
 * The app's keyboard shortcuts. They avoid keys a shell needs (Ctrl-A…Ctrl-Z,
 * Tab, arrows), so the terminal lets them through to the page.
 */
import type { ShortcutTextKey } from '../i18n';

export type ShortcutAction =
  | 'help'
  | 'nextArea'
  | 'prevArea'
  | 'newTerminal'
  | 'closeTerminal'
  | 'nextTerminal'
  | 'prevTerminal'
  | 'undo'
  | 'redo'
  | { terminal: number };

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export function shortcutFor(e: KeyLike): ShortcutAction | undefined {
  const plain = !e.ctrlKey && !e.altKey && !e.metaKey;
  if (e.key === 'F1' && plain && !e.shiftKey) return 'help';
  if (e.key === 'F6' && plain) return e.shiftKey ? 'prevArea' : 'nextArea';
  if (!e.altKey || e.ctrlKey || e.metaKey) return undefined;
  // Alt+Shift+letter: by physical key, so keyboard layouts and macOS Option characters do not matter
  const letter = e.code?.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key.toLowerCase();
  if (e.shiftKey) {
    if (letter === 't') return 'newTerminal';
    if (letter === 'w') return 'closeTerminal';
    if (letter === 'z') return 'undo';
    if (letter === 'y') return 'redo';
    if (e.key === 'ArrowRight' || e.code === 'BracketRight') return 'nextTerminal';
    if (e.key === 'ArrowLeft' || e.code === 'BracketLeft') return 'prevTerminal';
    return undefined;
  }
  const digit = e.code?.startsWith('Digit') ? e.code.slice(5) : /^[1-9]$/.test(e.key) ? e.key : undefined;
  if (digit && /^[1-9]$/.test(digit)) return { terminal: Number(digit) };
  return undefined;
}

/** what the help dialog lists: key labels and the dictionary key of the description */
export const APP_SHORTCUTS: readonly { keys: string; what: ShortcutTextKey }[] = [
  { keys: 'F1', what: 'help' },
  { keys: 'F6 / Shift+F6', what: 'nextArea' },
  { keys: 'Alt+Shift+T', what: 'newTerminal' },
  { keys: 'Alt+Shift+W', what: 'closeTerminal' },
  { keys: 'Alt+1 … Alt+9', what: 'switchTerminal' },
  { keys: 'Alt+Shift+← / →', what: 'cycleTerminal' },
  { keys: 'Alt+Shift+Z', what: 'undo' },
  { keys: 'Alt+Shift+Y', what: 'redo' },
];

export const TERMINAL_SHORTCUTS: readonly { keys: string; what: ShortcutTextKey }[] = [
  { keys: 'Tab', what: 'complete' },
  { keys: '↑ / ↓', what: 'history' },
  { keys: 'Ctrl+R', what: 'reverseSearch' },
  { keys: 'Ctrl+A / Ctrl+E', what: 'lineStartEnd' },
  { keys: 'Ctrl+U / Ctrl+K', what: 'eraseStartEnd' },
  { keys: 'Ctrl+W', what: 'eraseWord' },
  { keys: 'Ctrl+L', what: 'clearScreen' },
  { keys: 'Ctrl+C', what: 'interrupt' },
  { keys: 'Ctrl+Shift+C', what: 'copy' },
  { keys: 'Ctrl+Shift+V', what: 'paste' },
  { keys: 'Ctrl+Shift+F', what: 'find' },
];
