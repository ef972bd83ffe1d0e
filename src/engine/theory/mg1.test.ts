import { describe, expect, it } from 'vitest';
import { distributionMoments, mg1 } from './mg1.ts';
import { mmck } from './mmck.ts';

describe('mg1', () => {
  it('mg1(5, 100, 0) is M/D/1 with Wq = rho / (2 mu (1 - rho)) = 50 ms', () => {
    const theory = mg1(5, 100, 0);
    expect(theory.model).toBe('M/G/1');
    expect(theory.stable).toBe(true);
    expect(theory.utilization).toBeCloseTo(0.5, 12);
    expect(theory.meanWaitMs).toBeCloseTo(50, 10);
    expect(theory.meanResponseMs).toBeCloseTo(150, 10);
    expect(theory.meanInSystem).toBeCloseTo(0.75, 12);
    expect(theory.meanInQueue).toBeCloseTo(0.25, 12);
    expect(theory.throughputPerSec).toBe(5);
    expect(theory.dropProbability).toBe(0);
  });

  it('mg1(7, 100, 100^2), exponential moments, equals mmck(7, 10, 1, Infinity)', () => {
    const general = mg1(7, 100, 100 * 100);
    const markov = mmck(7, 10, 1, Infinity);
    expect(general.meanInSystem).toBeCloseTo(markov.meanInSystem, 10);
    expect(general.meanResponseMs).toBeCloseTo(markov.meanResponseMs, 8);
    expect(general.meanWaitMs).toBeCloseTo(markov.meanWaitMs, 8);
    expect(general.waitProbability).toBeCloseTo(markov.waitProbability, 12);
  });

  it('mg1(10, 100, 0) at rho = 1 is unstable with infinite means', () => {
    const theory = mg1(10, 100, 0);
    expect(theory.stable).toBe(false);
    expect(theory.meanResponseMs).toBe(Infinity);
    expect(theory.meanInQueue).toBe(Infinity);
    expect(theory.throughputPerSec).toBe(10);
  });

  it('mg1(0, 40, 25) with no arrivals answers a lone request in its mean service time', () => {
    const theory = mg1(0, 40, 25);
    expect(theory.meanResponseMs).toBe(40);
    expect(theory.meanWaitMs).toBe(0);
    expect(theory.meanInSystem).toBe(0);
  });

  it('mg1(5, 100, 20000) waits longer than M/M/1 because the work varies more', () => {
    expect(mg1(5, 100, 20_000).meanWaitMs).toBeGreaterThan(mg1(5, 100, 10_000).meanWaitMs);
  });

  it('mg1(-1, 10, 0) and mg1(1, 10, -1) throw', () => {
    expect(() => mg1(-1, 10, 0)).toThrow(RangeError);
    expect(() => mg1(1, 10, -1)).toThrow(RangeError);
  });
});

describe('distributionMoments', () => {
  it('distributionMoments(constant 5) is mean 5, variance 0', () => {
    expect(distributionMoments({ dist: 'constant', value: 5 })).toEqual({
      meanMs: 5,
      varianceMs2: 0,
    });
  });

  it('distributionMoments(exponential 10) is mean 10, variance 100', () => {
    expect(distributionMoments({ dist: 'exponential', mean: 10 })).toEqual({
      meanMs: 10,
      varianceMs2: 100,
    });
  });

  it('distributionMoments(uniform 2..8) is mean 5, variance 3', () => {
    expect(distributionMoments({ dist: 'uniform', min: 2, max: 8 })).toEqual({
      meanMs: 5,
      varianceMs2: 3,
    });
  });

  it('distributionMoments(lognormal mean 10, sd 4) is mean 10, variance 16', () => {
    expect(distributionMoments({ dist: 'lognormal', mean: 10, sd: 4 })).toEqual({
      meanMs: 10,
      varianceMs2: 16,
    });
  });
});
