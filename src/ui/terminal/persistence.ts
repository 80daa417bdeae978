/**
 * Restoring a terminal's saved screen (the store keeps it: `scrollback`,
 * `saveScrollback`, `runningCommands` in src/store/contract.ts).
 */

/**
 * A saved screen ends with the prompt it showed; the terminal that restores it
 * draws a new prompt, so the old last line is erased first. When a command was
 * running, its output stays and the command runs again on a new line.
 */
export function restoreSequence(saved: string, wasRunning: boolean): string {
  if (!saved) return '';
  return wasRunning ? saved : `${saved}\r\x1b[K`;
}
