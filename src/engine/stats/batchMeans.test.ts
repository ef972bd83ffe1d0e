import { describe, expect, it } from 'vitest';
import { batchMeansInterval, intervalFromBatchMeans, RunningMoments } from './batchMeans.ts';
import { studentTQuantile } from './student.ts';

/** A 32-bit linear congruential generator: uniform numbers in [0, 1) from a seed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** x(t) = mean + 0.9 (x(t-1) - mean) + noise: strongly correlated, like queue responses. */
function correlatedSeries(seed: number, length: number, mean: number): Float64Array {
  const next = lcg(seed);
  const values = new Float64Array(length);
  let deviation = 0;
  for (let i = 0; i < length; i++) {
    deviation = 0.9 * deviation + (next() - 0.5);
    values[i] = mean + deviation;
  }
  return values;
}

describe('batchMeansInterval', () => {
  it('batchMeansInterval(a seeded correlated series, 20) contains its true mean', () => {
    const interval = batchMeansInterval(correlatedSeries(42, 100_000, 5), 20);
    expect(interval.batches).toBe(20);
    expect(interval.low).toBeLessThan(5);
    expect(interval.high).toBeGreaterThan(5);
    expect(interval.halfWidth).toBeGreaterThan(0);
    expect(interval.halfWidth).toBeLessThan(0.05);
  });

  it('batchMeansInterval(200 seeded series, 10, 0.95) covers the mean in 93% of them', () => {
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const interval = batchMeansInterval(correlatedSeries(seed, 10_000, 0), 10, 0.95);
      if (interval.low <= 0 && 0 <= interval.high) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(199);
  });

  it('batchMeansInterval(a constant series, 10) has half-width 0', () => {
    const interval = batchMeansInterval(new Array<number>(1000).fill(7), 10);
    expect(interval).toEqual({ mean: 7, halfWidth: 0, low: 7, high: 7, batches: 10 });
  });

  it('batchMeansInterval([100, 1, 2, 3, 4], 2) drops the 100 at the start', () => {
    const interval = batchMeansInterval([100, 1, 2, 3, 4], 2);
    expect(interval.mean).toBe(2.5);
    expect(interval.halfWidth).toBeCloseTo(studentTQuantile(0.995, 1), 12);
  });

  it('batchMeansInterval(3 values, 5) and batchMeansInterval(values, 1) throw', () => {
    expect(() => batchMeansInterval([1, 2, 3], 5)).toThrow(RangeError);
    expect(() => batchMeansInterval([1, 2, 3], 1)).toThrow(RangeError);
  });
});

describe('intervalFromBatchMeans', () => {
  it('intervalFromBatchMeans([1, 2, 3, 4, 5], 0.95) is 3 +- 2.776 sqrt(2.5) / sqrt(5)', () => {
    const interval = intervalFromBatchMeans([1, 2, 3, 4, 5], 0.95);
    const halfWidth = (2.7764451051977987 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(interval.mean).toBe(3);
    expect(interval.halfWidth).toBeCloseTo(halfWidth, 10);
    expect(interval.low).toBeCloseTo(3 - halfWidth, 10);
    expect(interval.high).toBeCloseTo(3 + halfWidth, 10);
  });

  it('intervalFromBatchMeans(means, 1) throws: no interval has full confidence', () => {
    expect(() => intervalFromBatchMeans([1, 2], 1)).toThrow(RangeError);
  });
});

describe('RunningMoments', () => {
  it('RunningMoments over [2, 4, 4, 4, 5, 5, 7, 9] has mean 5 and sample variance 32/7', () => {
    const moments = new RunningMoments();
    for (const value of [2, 4, 4, 4, 5, 5, 7, 9]) moments.add(value);
    expect(moments.count).toBe(8);
    expect(moments.mean).toBe(5);
    expect(moments.variance).toBeCloseTo(32 / 7, 12);
    expect(moments.standardDeviation).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('RunningMoments with one value has variance 0', () => {
    const moments = new RunningMoments();
    moments.add(1e9);
    expect(moments.variance).toBe(0);
  });
});
