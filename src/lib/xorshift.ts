/**
 * A small deterministic generator (xorshift32) for tests that draw random
 * cases from a seed: `rng(seed)(n)` is an integer in [0, n). Golden files
 * were written with this exact sequence, so it must not change.
 */
export function xorshift(seed: number): (n: number) => number {
  let x = seed || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return Math.abs(x) % n;
  };
}
