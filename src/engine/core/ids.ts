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

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** numbers drawn before the low byte of the output comes round again (8,190 states, bytes repeat after 4,095) */
const CYCLE = 4095;

/**
 * xorshift128+-style PRNG seeded by a number: same seed, same IDs.
 *
 * With 32-bit words its state goes round a cycle of 8,190 states, and the low
 * byte of its output (what hex() uses) repeats every 4,095 numbers, so IDs
 * would come again. After 4,095 numbers the generator therefore moves to a
 * state on another cycle: the first 4,095 numbers of a seed are as they always
 * were, and IDs do not repeat later.
 */
export class SeededIds implements IdSource {
  private s0: number;
  private s1: number;
  /** numbers drawn on the current cycle */
  private steps = 0;
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
    const out = (this.s0 + this.s1) >>> 0;
    if (++this.steps >= CYCLE) this.leaveCycle();
    return out;
  }
  /** jump to a state on another cycle (deterministically) */
  private leaveCycle(): void {
    this.s0 = (this.s0 ^ 0x6c078965) >>> 0 || 1;
    this.s1 = (Math.imul(this.s1, 0x2c1b3c6d) + 0x297a2d39) >>> 0 || 2;
    this.steps = 0;
  }
  int(n: number): number {
    return this.next() % n;
  }
  hex(bytes: number): string {
    // joined once: a flat string, not a chain of concatenations kept alive with the ID
    const parts: string[] = new Array(bytes);
    for (let i = 0; i < bytes; i++) parts[i] = HEX_BYTES[this.next() & 0xff] as string;
    return parts.join('');
  }
  /** the generator's position (sandbox snapshots): restore() continues the same sequence */
  state(): SeededIdsState {
    return [this.s0, this.s1, this.steps];
  }
  restore(state: SeededIdsState): void {
    this.s0 = state[0] >>> 0 || 1;
    this.s1 = state[1] >>> 0 || 2;
    // a two-word state (older snapshots) counts its cycle from here
    this.steps = Math.min(CYCLE - 1, Math.max(0, Math.trunc(state[2] ?? 0)));
  }
}

/** SeededIds' state: the two words, then the numbers drawn on the current cycle (absent in older snapshots) */
export type SeededIdsState = [s0: number, s1: number, steps?: number];

/** Moby never hands out an ID whose 12-char short form is all digits; same rule here. */
export function generateId(ids: IdSource): string {
  for (;;) {
    const id = ids.hex(32);
    if (!/^[0-9]+$/.test(id.slice(0, 12))) return id;
  }
}
