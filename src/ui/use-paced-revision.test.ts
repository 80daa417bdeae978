import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { paceRevision } from './use-paced-revision';

describe('paceRevision', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a burst of revisions at most once per pace, the newest, from a timer; a change after a quiet spell in the next task', () => {
    const store = createStore(() => ({ revision: 0 }));
    const shown: number[] = [];
    const off = paceRevision(store, 90, (r) => shown.push(r), () => Date.now());
    // a change after a quiet spell: not in the task that made it, in the next one
    store.setState({ revision: 1 });
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(shown).toEqual([1]);
    // 100 commands' events over 50 ms: nothing more until the pace has gone by since the last one shown
    for (let i = 2; i <= 101; i++) {
      store.setState({ revision: i });
      vi.advanceTimersByTime(0.5);
    }
    expect(shown).toEqual([1]);
    vi.advanceTimersByTime(39);
    expect(shown).toEqual([1]);
    // then only the newest, once
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([1, 101]);
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([1, 101]);
    off();
    store.setState({ revision: 102 });
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([1, 101]);
  });
});
