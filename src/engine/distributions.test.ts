import { describe, expect, it } from 'vitest';
import { samplerFor, standardNormal } from './distributions.ts';
import { meanOf } from './scenario/means.ts';
import { Xoshiro128 } from './random.ts';
import type { Distribution } from './scenario/schema.ts';

const DRAWS = 200_000;

function draws(d: Distribution, seed = 3): number[] {
  const sample = samplerFor(d);
  const rng = new Xoshiro128(seed);
  return Array.from({ length: DRAWS }, () => sample(rng));
}

function min(xs: number[]): number {
  return xs.reduce((a, b) => Math.min(a, b), Infinity);
}

function max(xs: number[]): number {
  return xs.reduce((a, b) => Math.max(a, b), -Infinity);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function sd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

describe('samplerFor', () => {
  it('samplerFor(constant) returns exactly the value every time', () => {
    const xs = draws({ dist: 'constant', value: 12.5 }).slice(0, 1000);

    expect(new Set(xs)).toEqual(new Set([12.5]));
  });

  it('samplerFor(exponential) returns draws with the given mean and sd equal to it', () => {
    const xs = draws({ dist: 'exponential', mean: 20 });

    expect(min(xs)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(mean(xs) / 20 - 1)).toBeLessThan(0.01);
    expect(Math.abs(sd(xs) / 20 - 1)).toBeLessThan(0.02);
  });

  it('samplerFor(uniform) returns draws within [min, max) with the middle as mean', () => {
    const xs = draws({ dist: 'uniform', min: 5, max: 15 });

    expect(min(xs)).toBeGreaterThanOrEqual(5);
    expect(max(xs)).toBeLessThan(15);
    expect(Math.abs(mean(xs) / 10 - 1)).toBeLessThan(0.005);
  });

  it('samplerFor(uniform) with min equal to max returns that value', () => {
    const sample = samplerFor({ dist: 'uniform', min: 4, max: 4 });

    expect(sample(new Xoshiro128(1))).toBe(4);
  });

  it('samplerFor(lognormal) returns draws with the given mean and sd', () => {
    const xs = draws({ dist: 'lognormal', mean: 30, sd: 15 });

    expect(min(xs)).toBeGreaterThan(0);
    expect(Math.abs(mean(xs) / 30 - 1)).toBeLessThan(0.01);
    expect(Math.abs(sd(xs) / 15 - 1)).toBeLessThan(0.03);
  });

  it('samplerFor(lognormal) with sd 0 returns the mean every time', () => {
    const sample = samplerFor({ dist: 'lognormal', mean: 8, sd: 0 });
    const rng = new Xoshiro128(2);

    for (let i = 0; i < 100; i++) expect(sample(rng)).toBeCloseTo(8, 12);
  });
});

describe('standardNormal', () => {
  it('standardNormal returns draws with mean 0 and sd 1', () => {
    const rng = new Xoshiro128(4);
    const xs = Array.from({ length: DRAWS }, () => standardNormal(rng));

    expect(Math.abs(mean(xs))).toBeLessThan(0.01);
    expect(Math.abs(sd(xs) - 1)).toBeLessThan(0.01);
  });

  it('standardNormal consumes exactly two numbers per call', () => {
    const a = new Xoshiro128(8);
    const b = new Xoshiro128(8);
    standardNormal(a);
    b.next();
    b.next();

    expect(a.next()).toBe(b.next());
  });
});

describe('meanOf', () => {
  it('meanOf returns the mean of each distribution', () => {
    expect(meanOf({ dist: 'constant', value: 3 })).toBe(3);
    expect(meanOf({ dist: 'exponential', mean: 4 })).toBe(4);
    expect(meanOf({ dist: 'uniform', min: 2, max: 8 })).toBe(5);
    expect(meanOf({ dist: 'lognormal', mean: 6, sd: 1 })).toBe(6);
  });
});
