/**
 * Real time for the step driver (StepClock of step-driver.ts) when the work
 * is not on our timers: a real engine answers over the network. The driver
 * looks every `tickMs` whether the command ended, output went idle (typed
 * input is due) or the step's time ran out, as the fidelity recorder does on
 * a real pseudo-terminal. Timers of the shell and CLI (sleep, relative times)
 * follow real time too.
 */
import { RealClock } from '../app/real-clock';
import type { StepClock } from './step-driver';

export class PollingClock extends RealClock implements StepClock {
  constructor(private readonly tickMs = 25) {
    super();
  }

  nextTimerAt(): number {
    return this.now() + this.tickMs;
  }

  async advance(ms: number, settle?: () => Promise<void>): Promise<void> {
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    await settle?.();
  }
}
