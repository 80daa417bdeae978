/** The terminals' look: a dark theme and fonts that have CJK glyphs at double width. */
import type { ITerminalOptions } from '@xterm/xterm';

export const TERMINAL_OPTIONS: ITerminalOptions = {
  allowProposedApi: true,
  cursorBlink: true,
  convertEol: false,
  fontFamily: '"JetBrains Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Noto Sans Mono", "Sarasa Mono SC", Menlo, Consolas, monospace',
  fontSize: 14,
  // with a line height of 1 some monospace fonts draw '_' below the cell, where it is clipped
  lineHeight: 1.2,
  scrollback: 5000,
  rightClickSelectsWord: false,
  macOptionIsMeta: true,
  theme: {
    background: '#0f1419',
    foreground: '#d8dee9',
    cursor: '#f0c674',
    cursorAccent: '#0f1419',
    selectionBackground: '#33507a',
    black: '#1c2128',
    red: '#f07178',
    green: '#a6cc70',
    yellow: '#f0c674',
    blue: '#6cb6ff',
    magenta: '#d2a6ff',
    cyan: '#73d0c8',
    white: '#d8dee9',
    brightBlack: '#5c6773',
    brightRed: '#ff8f8f',
    brightGreen: '#bae67e',
    brightYellow: '#ffd580',
    brightBlue: '#8ccfff',
    brightMagenta: '#e0b8ff',
    brightCyan: '#95e6cb',
    brightWhite: '#ffffff',
  },
};

/** search highlights (#RRGGBB as the search addon wants) */
export const SEARCH_DECORATIONS = {
  matchBackground: '#3d4f2f',
  matchBorder: '#a6cc70',
  matchOverviewRuler: '#a6cc70',
  activeMatchBackground: '#7a5c1e',
  activeMatchBorder: '#f0c674',
  activeMatchColorOverviewRuler: '#f0c674',
};
