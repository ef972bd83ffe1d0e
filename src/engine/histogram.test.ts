import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram.ts';
import { Xoshiro128 } from './random.ts';

/** The value at rank ceil(q * n) of the sorted values: the definition Histogram follows. */
function exactQuantile(sorted: number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

const QUANTILES = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999];

describe('Histogram', () => {
  it('Histogram.quantile returns values within 1% of the exact quantiles of random data', () => {
    const rng = new Xoshiro128(17);
    const values = Array.from({ length: 50_000 }, () => Math.exp(-4 + 15 * rng.next()));
    const histogram = new Histogram();
    for (const v of values) histogram.record(v);
    const sorted = [...values].sort((a, b) => a - b);

    for (const q of QUANTILES) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(histogram.quantile(q) / exact - 1)).toBeLessThan(0.01);
    }
  });

  it('Histogram.quantile stays within 1% for any small set of values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.constantFrom(...QUANTILES, 1),
        (values, q) => {
          const histogram = new Histogram();
          for (const v of values) histogram.record(v);
          const exact = exactQuantile(
            [...values].sort((a, b) => a - b),
            q,
          );
          expect(Math.abs(histogram.quantile(q) / exact - 1)).toBeLessThan(0.01);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Histogram keeps the exact count, sum, mean, min and max', () => {
    const histogram = new Histogram();
    for (const v of [3, 1, 4, 1, 5]) histogram.record(v);

    expect([histogram.count, histogram.sum, histogram.mean]).toEqual([5, 14, 2.8]);
    expect([histogram.min, histogram.max]).toEqual([1, 5]);
    expect(histogram.quantile(1)).toBe(5);
  });

  it('Histogram.quantile and mean return 0 when empty', () => {
    const histogram = new Histogram();

    expect([histogram.quantile(0.5), histogram.quantile(1), histogram.mean]).toEqual([0, 0, 0]);
    expect(histogram.count).toBe(0);
  });

  it('Histogram.quantile returns 0 for values of zero', () => {
    const histogram = new Histogram();
    for (let i = 0; i < 10; i++) histogram.record(0);

    expect(histogram.quantile(0.5)).toBe(0);
  });

  it('Histogram.reset returns it to the empty state', () => {
    const histogram = new Histogram();
    for (const v of [10, 20, 30]) histogram.record(v);
    histogram.reset();
    histogram.record(7);

    expect([histogram.count, histogram.sum, histogram.min, histogram.max]).toEqual([1, 7, 7, 7]);
    expect(histogram.quantile(0.5)).toBe(7);
  });

  it('Histogram.bins returns counts that sum to the number of values recorded', () => {
    const rng = new Xoshiro128(23);
    const histogram = new Histogram();
    for (let i = 0; i < 10_000; i++) histogram.record(200 * rng.next());

    const bins = histogram.bins(50, 150, 20);
    expect(bins).toHaveLength(20);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(bins[10]!).toBeGreaterThan(200);
  });
});
