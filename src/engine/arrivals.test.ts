import { describe, expect, it } from 'vitest';
import { nextArrivalMs, rateAt } from './arrivals.ts';
import { Xoshiro128, type Random } from './random.ts';
import type { Load } from './scenario/schema.ts';

type OpenLoad = Exclude<Load, { pattern: 'closed' }>;

/** A seeded source that throws after `limit` draws, so a runaway loop fails instead of hanging. */
function limitedRandom(seed: number, limit = 1_000_000): Random {
  const rng = new Xoshiro128(seed);
  let draws = 0;
  const next = () => {
    if (++draws > limit) throw new Error(`more than ${limit} random draws`);
    return rng.next();
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** Arrival times in [0, untilMs). */
function arrivals(load: OpenLoad, untilMs: number, seed = 1): number[] {
  const rng = limitedRandom(seed);
  const times: number[] = [];
  for (let t = nextArrivalMs(load, 0, rng); t < untilMs; t = nextArrivalMs(load, t, rng)) {
    times.push(t);
  }
  return times;
}

const BURSTS = {
  pattern: 'bursts',
  ratePerSec: 10,
  burstRatePerSec: 200,
  burstEverySec: 4,
  burstLengthSec: 1,
} as const;

describe('nextArrivalMs', () => {
  it('nextArrivalMs(constant) returns evenly spaced times', () => {
    expect(arrivals({ pattern: 'constant', ratePerSec: 250 }, 20)).toEqual([4, 8, 12, 16]);
  });

  it('nextArrivalMs returns Infinity when the rate is zero', () => {
    const rng = limitedRandom(1);

    expect(nextArrivalMs({ pattern: 'poisson', ratePerSec: 0 }, 5, rng)).toBe(Infinity);
    expect(nextArrivalMs({ pattern: 'constant', ratePerSec: 0 }, 5, rng)).toBe(Infinity);
    expect(nextArrivalMs({ ...BURSTS, ratePerSec: 0, burstRatePerSec: 0 }, 5, rng)).toBe(Infinity);
    const flat = { pattern: 'ramp', fromPerSec: 0, toPerSec: 0, rampSec: 1 } as const;
    expect(nextArrivalMs(flat, 5, rng)).toBe(Infinity);
  });

  it('nextArrivalMs(poisson) returns gaps with mean 1000 / rate', () => {
    const times = arrivals({ pattern: 'poisson', ratePerSec: 100 }, 500_000);

    expect(Math.abs(times.length / 50_000 - 1)).toBeLessThan(0.02);
  });

  it('nextArrivalMs(bursts) puts the burst rate inside bursts and the base rate outside', () => {
    const times = arrivals(BURSTS, 400_000);
    const inside = times.filter((t) => t % 4000 < 1000).length;
    const outside = times.length - inside;

    // 100 cycles: 1 s at 200/s inside, 3 s at 10/s outside.
    expect(Math.abs(inside / 20_000 - 1)).toBeLessThan(0.03);
    expect(Math.abs(outside / 3_000 - 1)).toBeLessThan(0.06);
  });

  it('nextArrivalMs(bursts) with no base rate returns times inside bursts only', () => {
    const times = arrivals({ ...BURSTS, ratePerSec: 0 }, 40_000);

    expect(times.length).toBeGreaterThan(1500);
    expect(times.every((t) => t % 4000 < 1000)).toBe(true);
  });

  it('nextArrivalMs(bursts) returns Infinity when bursts fill the cycle at rate zero', () => {
    const load = { ...BURSTS, burstRatePerSec: 0, burstLengthSec: 4 } as const;

    expect(nextArrivalMs(load, 0, limitedRandom(1))).toBe(Infinity);
  });

  it('nextArrivalMs(bursts) steps over a boundary that rounding leaves a hair away', () => {
    const load = { ...BURSTS, ratePerSec: 1, burstRatePerSec: 1, burstEverySec: 4.052 } as const;
    const fromMs = 12_498_977.346718311;
    const rng: Random = { next: () => 0.999, int: () => 0 };

    // Equal rates make the pieces invisible: the gap is the hazard over the rate.
    const gapMs = nextArrivalMs({ ...load, burstLengthSec: 3.36 }, fromMs, rng) - fromMs;
    expect(gapMs).toBeCloseTo(-1000 * Math.log(0.001), 3);
  });

  it('nextArrivalMs(bursts) given a zero draw inside a silent burst returns its end', () => {
    const load = { ...BURSTS, burstRatePerSec: 0 } as const;
    const rng: Random = { next: () => 0, int: () => 0 };

    expect(nextArrivalMs(load, 0, rng)).toBe(1000);
  });

  it('nextArrivalMs(ramp) follows the rising rate', () => {
    const load = { pattern: 'ramp', fromPerSec: 0, toPerSec: 100, rampSec: 100 } as const;
    const times = arrivals(load, 100_000);
    const firstHalf = times.filter((t) => t < 50_000).length;

    // The integral of the rate: 5000 in all, a quarter of it in the first half.
    expect(Math.abs(times.length / 5_000 - 1)).toBeLessThan(0.05);
    expect(Math.abs(firstHalf / 1_250 - 1)).toBeLessThan(0.1);
  });

  it('nextArrivalMs(ramp) down to zero returns Infinity once the ramp is over', () => {
    const load = { pattern: 'ramp', fromPerSec: 100, toPerSec: 0, rampSec: 10 } as const;
    const rng = limitedRandom(2);
    let t = 0;
    let count = 0;
    while (t < Infinity) {
      t = nextArrivalMs(load, t, rng);
      if (t < Infinity) count++;
    }

    expect(Math.abs(count / 500 - 1)).toBeLessThan(0.15);
  });
});

describe('rateAt', () => {
  it('rateAt returns the rate of each pattern at a moment', () => {
    const ramp = { pattern: 'ramp', fromPerSec: 10, toPerSec: 30, rampSec: 10 } as const;

    expect(rateAt({ pattern: 'poisson', ratePerSec: 7 }, 123)).toBe(7);
    expect([rateAt(BURSTS, 500), rateAt(BURSTS, 1500), rateAt(BURSTS, 4200)]).toEqual([
      200, 10, 200,
    ]);
    expect([rateAt(ramp, 0), rateAt(ramp, 5000), rateAt(ramp, 20_000)]).toEqual([10, 20, 30]);
  });
});
