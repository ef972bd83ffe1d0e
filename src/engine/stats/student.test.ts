import { describe, expect, it } from 'vitest';
import { logGamma, regularizedBeta, studentTQuantile } from './student.ts';

describe('studentTQuantile', () => {
  it.each([
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 5, 2.571],
    [0.975, 10, 2.228],
    [0.975, 30, 2.042],
    [0.975, 1000, 1.962],
    [0.995, 20, 2.845],
    [0.995, 9, 3.25],
    [0.95, 4, 2.132],
  ])('studentTQuantile(%d, %d) is %d as in the printed tables', (p, df, table) => {
    expect(Math.abs(studentTQuantile(p, df) - table)).toBeLessThan(5e-4);
  });

  it.each([
    [0.975, 3, 3.1824463052837078],
    [0.975, 1000, 1.9623390808264083],
    [0.6, 4, 0.2707222947075976],
    [0.995, 2.5, 7.163728138948783],
    [0.9999999, 3, 222.57159098625124],
  ])('studentTQuantile(%d, %d) is %d to 1e-10', (p, df, exact) => {
    expect(Math.abs(studentTQuantile(p, df) - exact)).toBeLessThan(1e-10 * exact);
  });

  it('studentTQuantile(0.975, 1e6) is the normal 1.959964 plus its first correction', () => {
    const z = 1.959963984540054;
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(z + (z ** 3 + z) / 4e6, 9);
  });

  it('studentTQuantile(0.025, 5) is minus studentTQuantile(0.975, 5)', () => {
    expect(studentTQuantile(0.025, 5)).toBe(-studentTQuantile(0.975, 5));
  });

  it('studentTQuantile(0.5, df) is 0', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('studentTQuantile(p, df) throws outside 0 < p < 1 or for df <= 0', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('regularizedBeta and logGamma', () => {
  it('regularizedBeta(x, 1 - x, 1, 1) is x', () => {
    for (const x of [0.1, 0.5, 0.9]) expect(regularizedBeta(x, 1 - x, 1, 1)).toBeCloseTo(x, 14);
  });

  it('regularizedBeta(x, 1 - x, a, b) is 1 - regularizedBeta(1 - x, x, b, a)', () => {
    const left = regularizedBeta(0.3, 0.7, 2.5, 4);
    expect(left).toBeCloseTo(1 - regularizedBeta(0.7, 0.3, 4, 2.5), 14);
  });

  it('logGamma(5) is ln 24 and logGamma(0.5) is ln sqrt(pi)', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  });
});
