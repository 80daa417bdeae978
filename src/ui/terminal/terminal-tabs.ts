/**
 * The terminal tab bar's rules: labels ("Terminal 2", "终端 2": the number
 * stays with the tab), which tab becomes active when one closes, Alt+n and
 * next/previous tab.
 */
import type { TerminalTab } from '../../store/contract';
import { type Dictionary, fmt } from '../i18n';

export function terminalLabel(t: Dictionary, tab: TerminalTab): string {
  return fmt(t.terminalName, { n: tab.index });
}

/** the tab to show after `closing` closes: the one after it, else the one before (bash-like terminals do this) */
export function activeAfterClose(tabs: readonly TerminalTab[], closing: string, active: string): string | undefined {
  const rest = tabs.filter((x) => x.id !== closing);
  if (rest.length === 0) return undefined;
  if (closing !== active && rest.some((x) => x.id === active)) return active;
  const i = tabs.findIndex((x) => x.id === closing);
  return (rest[Math.min(i, rest.length - 1)] ?? rest[0])!.id;
}

/** next (dir 1) or previous (dir -1) tab, wrapping around */
export function cycleTab(tabs: readonly TerminalTab[], active: string, dir: 1 | -1): string | undefined {
  if (tabs.length === 0) return undefined;
  const i = Math.max(0, tabs.findIndex((x) => x.id === active));
  return tabs[(i + dir + tabs.length) % tabs.length]!.id;
}

/** Alt+n: the n-th tab from the left (1-based) */
export function tabAt(tabs: readonly TerminalTab[], n: number): string | undefined {
  return tabs[n - 1]?.id;
}

/** the number a new tab gets: one more than the highest in use (numbers are never reused while open) */
export function nextTabIndex(tabs: readonly TerminalTab[]): number {
  return tabs.reduce((m, x) => Math.max(m, x.index), 0) + 1;
}
