import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Series } from './series.ts';

const SPEC = { count: 'sum', level: 'mean', peak: 'max' } as const;

describe('Series', () => {
  it('Series.push stores one point per push until the capacity is reached', () => {
    const series = new Series(SPEC, 4);
    for (let i = 1; i <= 4; i++) series.push(i * 10, [i, i, i]);

    expect(series.toColumns()).toEqual({
      timeMs: [10, 20, 30, 40],
      count: [1, 2, 3, 4],
      level: [1, 2, 3, 4],
      peak: [1, 2, 3, 4],
    });
    expect(series.span).toBe(1);
  });

  it('Series.push past the capacity merges pairs: sums add, means average, maxima win', () => {
    const series = new Series(SPEC, 4);
    for (let i = 1; i <= 6; i++) series.push(i * 10, [i, i, 7 - i]);

    expect(series.span).toBe(2);
    expect(series.toColumns()).toEqual({
      timeMs: [20, 40, 60],
      count: [3, 7, 11],
      level: [1.5, 3.5, 5.5],
      peak: [6, 4, 2],
    });
  });

  it('Series.value and time return a stored point', () => {
    const series = new Series(SPEC, 4);
    series.push(10, [1, 2, 3]);

    expect([series.time(0), series.value('count', 0), series.value('peak', 0)]).toEqual([10, 1, 3]);
  });

  it('Series keeps within its capacity and every point summarises its base intervals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).map((n) => 2 * n),
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 400 }),
        (capacity, values) => {
          const series = new Series(SPEC, capacity);
          values.forEach((v, k) => series.push((k + 1) * 100, [v, v, v]));
          expect(series.length).toBeLessThanOrEqual(capacity);
          expect(values.length - series.length * series.span).toBeLessThan(series.span);
          for (let i = 0; i < series.length; i++) {
            const covered = values.slice(i * series.span, (i + 1) * series.span);
            const sum = covered.reduce((a, b) => a + b, 0);
            expect(series.value('count', i)).toBe(sum);
            expect(series.value('level', i)).toBeCloseTo(sum / series.span, 9);
            expect(series.value('peak', i)).toBe(Math.max(...covered));
            expect(series.time(i)).toBe((i + 1) * series.span * 100);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
