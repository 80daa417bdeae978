/**
 * The engine's only source of randomness: container/network/volume IDs and
 * random container names. Deterministic given its seed.
 */
export interface IdSource {
  /** `bytes` random bytes as lower-case hex (32 bytes → a 64-hex ID) */
  hex(bytes: number): string;
  /** an integer in [0, n) */
  int(n: number): number;
}

/** xorshift128+-style PRNG seeded by a number: same seed, same IDs. */
export class SeededIds implements IdSource {
  private s0: number;
  private s1: number;
  constructor(seed = 1) {
    this.s0 = (seed ^ 0x9e3779b9) >>> 0 || 1;
    this.s1 = (Math.imul(seed, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0 || 2;
  }
  private next(): number {
    let x = this.s0;
    const y = this.s1;
    this.s0 = y;
    x ^= x << 23;
    x ^= x >>> 17;
    x ^= y ^ (y >>> 26);
    this.s1 = x >>> 0;
    return (this.s0 + this.s1) >>> 0;
  }
  int(n: number): number {
    return this.next() % n;
  }
  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i++) out += (this.next() & 0xff).toString(16).padStart(2, '0');
    return out;
  }
  /** the generator's position (sandbox snapshots): restore() continues the same sequence */
  state(): SeededIdsState {
    return [this.s0, this.s1];
  }
  restore(state: SeededIdsState): void {
    this.s0 = state[0] >>> 0 || 1;
    this.s1 = state[1] >>> 0 || 2;
  }
}

/** the two words of SeededIds' state */
export type SeededIdsState = [number, number];

/** Moby never hands out an ID whose 12-char short form is all digits; same rule here. */
export function generateId(ids: IdSource): string {
  for (;;) {
    const id = ids.hex(32);
    if (!/^[0-9]+$/.test(id.slice(0, 12))) return id;
  }
}
