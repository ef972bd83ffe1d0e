import { describe, expect, it } from 'vitest';
import { createStream, streamSeed, Xoshiro128 } from './random.ts';

function firstUint32s(rng: Xoshiro128, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

describe('Xoshiro128', () => {
  // Golden values: a change here means every saved scenario and shared link replays differently.
  it('Xoshiro128(11).nextUint32 returns the pinned golden sequence', () => {
    expect(firstUint32s(new Xoshiro128(11), 8)).toEqual([
      2048242, 4032800994, 1540324158, 2152141288, 1453323586, 212216144, 4164425441, 380897488,
    ]);
  });

  it("createStream(11, 'arrivals').nextUint32 returns the pinned golden sequence", () => {
    expect(firstUint32s(createStream(11, 'arrivals'), 8)).toEqual([
      2856364237, 3279251919, 2743480686, 2954287238, 1444862347, 690965925, 1777827945, 3553459175,
    ]);
  });

  it('Xoshiro128 with the same seed returns the same sequence', () => {
    expect(firstUint32s(new Xoshiro128(99), 16)).toEqual(firstUint32s(new Xoshiro128(99), 16));
  });

  it('Xoshiro128(0) returns a sequence that is not stuck at zero', () => {
    const values = firstUint32s(new Xoshiro128(0), 16);

    expect(new Set(values).size).toBe(16);
  });

  it('Xoshiro128.next returns numbers in [0, 1) with a mean near one half', () => {
    const rng = new Xoshiro128(5);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }

    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('Xoshiro128.int(n) returns every whole number in [0, n) and nothing else', () => {
    const rng = new Xoshiro128(6);
    const seen = new Array<number>(7).fill(0);
    let outside = 0;
    for (let i = 0; i < 70_000; i++) {
      const k = rng.int(7);
      if (Number.isInteger(k) && k >= 0 && k < 7) seen[k]!++;
      else outside++;
    }

    expect(outside).toBe(0);
    for (const count of seen) expect(count).toBeGreaterThan(9_000);
  });
});

describe('createStream', () => {
  it('createStream returns different sequences for different names of one seed', () => {
    const names = ['arrivals', 'cpu', 'io', 'balancer', 'think'];
    const firsts = names.map((name) => firstUint32s(createStream(11, name), 4).join(','));

    expect(new Set(firsts).size).toBe(names.length);
  });

  it('createStream returns different sequences for one name under different seeds', () => {
    const a = firstUint32s(createStream(1, 'arrivals'), 4);
    const b = firstUint32s(createStream(2, 'arrivals'), 4);

    expect(a).not.toEqual(b);
  });

  it('streamSeed returns an unsigned 32-bit integer', () => {
    for (const seed of [0, 1, 4_294_967_295]) {
      const s = streamSeed(seed, 'cpu');
      expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    }
  });
});
