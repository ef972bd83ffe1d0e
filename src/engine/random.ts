/**
 * Seeded random streams. Every source of randomness (arrivals, CPU work, the balancer, ...)
 * draws from its own stream, derived from the scenario's seed and the stream's name, so that
 * changing one knob does not reshuffle the others and two architectures can be fed the very same
 * requests (common random numbers). The generator is xoshiro128**, small and fast with 32-bit
 * integer arithmetic; a golden-sequence test pins its output so a shared link replays the same
 * run after upgrades.
 */

export interface Random {
  /** A uniform number in [0, 1). */
  next(): number;
  /** A uniform whole number in [0, n). */
  int(n: number): number;
}

export class Xoshiro128 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // SplitMix32 spreads any seed, even 0, over the four words of state.
    let s = seed >>> 0;
    const mix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** FNV-1a over the name, mixed with the seed: one independent-looking seed per stream. */
export function streamSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) {
    h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  }
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

export function createStream(seed: number, name: string): Xoshiro128 {
  return new Xoshiro128(streamSeed(seed, name));
}
