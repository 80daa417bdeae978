import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n';
import { activeAfterClose, cycleTab, nextTabIndex, tabAt, terminalLabel } from './terminal-tabs';

const tabs = [
  { id: 't1', index: 1 },
  { id: 't2', index: 2 },
  { id: 't4', index: 4 },
];

describe('terminal tabs', () => {
  it('labels tabs in both languages with their stable number', () => {
    expect(terminalLabel(dictionaries.en, tabs[2]!)).toBe('Terminal 4');
    expect(terminalLabel(dictionaries['zh-CN'], tabs[2]!)).toBe('终端 4');
  });
  it('picks the next active tab when one closes', () => {
    expect(activeAfterClose(tabs, 't2', 't2')).toBe('t4');
    expect(activeAfterClose(tabs, 't4', 't4')).toBe('t2');
    expect(activeAfterClose(tabs, 't1', 't4')).toBe('t4');
    expect(activeAfterClose([{ id: 'a', index: 1 }], 'a', 'a')).toBeUndefined();
  });
  it('cycles and jumps', () => {
    expect(cycleTab(tabs, 't4', 1)).toBe('t1');
    expect(cycleTab(tabs, 't1', -1)).toBe('t4');
    expect(tabAt(tabs, 2)).toBe('t2');
    expect(tabAt(tabs, 9)).toBeUndefined();
    expect(nextTabIndex(tabs)).toBe(5);
    expect(nextTabIndex([])).toBe(1);
  });
});
