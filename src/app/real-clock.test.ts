import { describe, expect, it } from 'vitest';
import { RealClock, randomSeed } from './real-clock';

describe('RealClock', () => {
  it('follows real time and fires timers', async () => {
    const c = new RealClock();
    const t = c.now();
    expect(Math.abs(t - Date.now())).toBeLessThan(1000);
    const fired = await new Promise<boolean>((r) => c.setTimer(5, () => r(true)));
    expect(fired).toBe(true);
  });
  it('cancels timers', async () => {
    const c = new RealClock();
    let fired = false;
    const cancel = c.setTimer(5, () => {
      fired = true;
    });
    cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(fired).toBe(false);
  });
  it('gives non-zero random seeds', () => {
    expect(randomSeed()).toBeGreaterThan(0);
  });
});
