/**
 * The web app's clock: follows real time (the engine itself never reads
 * Date.now or calls setTimeout; it gets this object).
 */
import type { Clock } from '../engine/core/clock';

export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }
  setTimer(ms: number, fn: () => void): () => void {
    const h = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(h);
  }
}

/** A seed for the engine's IdSource from the platform's cryptographic random source. */
export function randomSeed(): number {
  const a = new Uint32Array(1);
  globalThis.crypto.getRandomValues(a);
  return a[0] || 1;
}
