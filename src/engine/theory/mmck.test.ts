import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmck, type QueueTheory } from './mmck.ts';

/** The M/M/c/K chain summed term by term: fine for the small cases it checks against. */
function bruteForce(arrivalRatePerSec: number, serviceRatePerSec: number, c: number, k: number) {
  const a = arrivalRatePerSec / serviceRatePerSec;
  const weights = [1];
  for (let n = 1; n <= k; n++) weights.push((weights[n - 1] ?? 0) * (a / Math.min(n, c)));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const p = weights.map((w) => w / total);

  const pFull = p[k] ?? 0;
  const meanInSystem = p.reduce((sum, pn, n) => sum + n * pn, 0);
  const meanInQueue = p.reduce((sum, pn, n) => sum + Math.max(0, n - c) * pn, 0);
  const waiting = p.slice(c, k).reduce((sum, pn) => sum + pn, 0);
  const throughputPerSec = arrivalRatePerSec * (1 - pFull);
  return { pFull, meanInSystem, meanInQueue, waiting, throughputPerSec };
}

function expectClose(actual: number, expected: number, relative = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected)),
  );
}

function expectFinite(theory: QueueTheory): void {
  for (const value of Object.values(theory)) {
    if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  }
}

describe('mmck', () => {
  it('mmck(1, 2, 1, Infinity) is M/M/1 with L = 1 and W = 2/mu', () => {
    const theory = mmck(1, 2, 1, Infinity);
    expect(theory.model).toBe('M/M/1');
    expect(theory.stable).toBe(true);
    expectClose(theory.meanInSystem, 1);
    expectClose(theory.meanInQueue, 0.5);
    expectClose(theory.meanResponseMs, 1000);
    expectClose(theory.meanWaitMs, 500);
    expectClose(theory.utilization, 0.5);
    expectClose(theory.waitProbability, 0.5);
    expectClose(theory.throughputPerSec, 1);
    expect(theory.dropProbability).toBe(0);
  });

  it('mmck(4, 5, 1, 6) matches the M/M/1/K closed forms', () => {
    const rho = 0.8;
    const k = 6;
    const theory = mmck(4, 5, 1, k);
    const pFull = ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
    const meanInSystem = rho / (1 - rho) - ((k + 1) * rho ** (k + 1)) / (1 - rho ** (k + 1));
    expect(theory.model).toBe('M/M/1/6');
    expectClose(theory.dropProbability, pFull);
    expectClose(theory.meanInSystem, meanInSystem);
    expectClose(theory.throughputPerSec, 4 * (1 - pFull));
    expectClose(theory.meanResponseMs, (meanInSystem / (4 * (1 - pFull))) * 1000);
  });

  it('mmck(3, 3, 1, 9) at rho = 1 has p_K = 1/(K+1) and L = K/2', () => {
    const theory = mmck(3, 3, 1, 9);
    expectClose(theory.dropProbability, 0.1);
    expectClose(theory.meanInSystem, 4.5);
  });

  it('mmck(lambda, mu, c, K) equals the chain summed term by term', () => {
    const cases: [number, number, number, number][] = [
      [5, 1.3, 3, 7],
      [0.4, 2, 4, 4],
      [20, 1, 6, 30],
      [2.5, 1, 2, 2],
      [9, 3, 3, 50],
    ];
    for (const [lambda, mu, c, k] of cases) {
      const theory = mmck(lambda, mu, c, k);
      const exact = bruteForce(lambda, mu, c, k);
      expectClose(theory.dropProbability, exact.pFull);
      expectClose(theory.meanInSystem, exact.meanInSystem);
      expectClose(theory.meanInQueue, exact.meanInQueue);
      expectClose(theory.throughputPerSec, exact.throughputPerSec);
      expectClose(theory.waitProbability, exact.waiting / (1 - exact.pFull));
      expectClose(theory.utilization, exact.throughputPerSec / (c * mu));
      expectClose(theory.meanWaitMs, (exact.meanInQueue / exact.throughputPerSec) * 1000);
    }
  });

  it('mmck(10, 1, 12, 12) drops with the Erlang B probability and never queues', () => {
    const theory = mmck(10, 1, 12, 12);
    const blocking = erlangB(12, 10);
    expectClose(theory.dropProbability, blocking);
    expect(theory.waitProbability).toBe(0);
    expect(theory.meanInQueue).toBe(0);
    expectClose(theory.meanInSystem, 10 * (1 - blocking));
  });

  it('mmck(3, 1, 4, 10000) approaches M/M/4, whose wait chance is Erlang C', () => {
    const finite = mmck(3, 1, 4, 10_000);
    const infinite = mmck(3, 1, 4, Infinity);
    const waitChance = erlangC(4, 3);
    expect(infinite.model).toBe('M/M/4');
    expectClose(infinite.waitProbability, waitChance);
    expectClose(infinite.meanInQueue, (waitChance * 0.75) / 0.25);
    expectClose(infinite.meanWaitMs, (waitChance / (4 - 3)) * 1000);
    expectClose(finite.meanInSystem, infinite.meanInSystem);
    expectClose(finite.meanResponseMs, infinite.meanResponseMs);
    expect(finite.dropProbability).toBeLessThan(1e-300);
  });

  it('mmck(0, 4, 2, 10) with no arrivals is empty and answers a lone request in 1/mu', () => {
    const theory = mmck(0, 4, 2, 10);
    expect(theory.meanInSystem).toBe(0);
    expect(theory.meanInQueue).toBe(0);
    expect(theory.throughputPerSec).toBe(0);
    expect(theory.dropProbability).toBe(0);
    expect(theory.waitProbability).toBe(0);
    expect(theory.meanResponseMs).toBe(250);
    expect(theory.meanWaitMs).toBe(0);
    expect(mmck(0, 4, 2, Infinity).meanResponseMs).toBe(250);
  });

  it('mmck(3, 1, 2, Infinity) is overloaded: unstable with infinite means', () => {
    const theory = mmck(3, 1, 2, Infinity);
    expect(theory.stable).toBe(false);
    expect(theory.meanInSystem).toBe(Infinity);
    expect(theory.meanResponseMs).toBe(Infinity);
    expect(theory.throughputPerSec).toBe(2);
    expect(theory.utilization).toBe(1);
  });

  it('mmck(2, 1, 1, 10) is overloaded yet stable, because a full system drops', () => {
    const theory = mmck(2, 1, 1, 10);
    const exact = bruteForce(2, 1, 1, 10);
    expect(theory.stable).toBe(true);
    expectClose(theory.dropProbability, exact.pFull);
    expectClose(theory.meanInSystem, exact.meanInSystem);
  });

  it('mmck(1000, 1, 1024, ...) with 1024 servers gives finite figures', () => {
    const infinite = mmck(1000, 1, 1024, Infinity);
    expectFinite(infinite);
    expect(infinite.meanInSystem).toBeGreaterThan(1000);
    expectClose(infinite.throughputPerSec, 1000);

    const overloaded = mmck(2000, 1, 1024, 2048);
    expectFinite(overloaded);
    expectClose(overloaded.throughputPerSec, 1024, 1e-6);
    expectClose(overloaded.dropProbability, 1 - 1024 / 2000, 1e-6);
  });

  it('mmck(4000, 1, 4096, Infinity) with 4096 servers matches a small-load check', () => {
    const theory = mmck(4000, 1, 4096, Infinity);
    expectFinite(theory);
    expectClose(theory.utilization, 4000 / 4096);
    expect(mmck(1, 1, 4096, 5000).meanInSystem).toBeCloseTo(1, 12);
  });

  it('mmck(1, 2, 1, 1e6) is M/M/1 to the last digit', () => {
    const theory = mmck(1, 2, 1, 1_000_000);
    expectFinite(theory);
    expectClose(theory.meanInSystem, 1);
    expect(theory.dropProbability).toBe(0);
  });

  it('mmck(2, 2, 1, 1e6) at rho = 1 has L = K/2 and p_K = 1/(K+1)', () => {
    const theory = mmck(2, 2, 1, 1_000_000);
    expectClose(theory.meanInSystem, 500_000);
    expectClose(theory.dropProbability, 1 / 1_000_001);
  });

  it('mmck(4, 2, 1, 1e6) at rho = 2 is full but for one request and drops half', () => {
    const theory = mmck(4, 2, 1, 1_000_000);
    expectFinite(theory);
    expectClose(theory.meanInSystem, 1_000_000 - 1);
    expectClose(theory.dropProbability, 0.5);
    expectClose(theory.throughputPerSec, 2);
  });

  it('mmck(lambda, 1, 1, 1e6) is continuous across rho = 1', () => {
    const below = mmck(1 - 1e-9, 1, 1, 1_000_000).meanInSystem;
    const at = mmck(1, 1, 1, 1_000_000).meanInSystem;
    const above = mmck(1 + 1e-9, 1, 1, 1_000_000).meanInSystem;
    expect(below).toBeLessThan(at);
    expect(above).toBeGreaterThan(at);
    expect(Math.abs(above - below) / at).toBeLessThan(1e-3);
  });

  it('mmck(1, 2, 0, 5) and mmck(1, 2, 3, 2) throw for impossible shapes', () => {
    expect(() => mmck(1, 2, 0, 5)).toThrow(RangeError);
    expect(() => mmck(1, 2, 3, 2)).toThrow(RangeError);
    expect(() => mmck(-1, 2, 1, 5)).toThrow(RangeError);
    expect(() => mmck(1, 0, 1, 5)).toThrow(RangeError);
  });
});

describe('erlangB and erlangC', () => {
  it('erlangB(1, 1) is 0.5 and erlangB(2, 1) is 0.2', () => {
    expectClose(erlangB(1, 1), 0.5);
    expectClose(erlangB(2, 1), 0.2);
  });

  it('erlangB(0, a) is 1 and erlangB(c, 0) is 0', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
  });

  it('erlangB(4096, 4000) is a probability, not an overflow', () => {
    const blocking = erlangB(4096, 4000);
    expect(blocking).toBeGreaterThan(0);
    expect(blocking).toBeLessThan(0.05);
  });

  it('erlangC(2, 1) is 1/3', () => {
    expectClose(erlangC(2, 1), 1 / 3);
  });

  it('erlangC(c, a) is 1 when a >= c', () => {
    expect(erlangC(2, 2)).toBe(1);
    expect(erlangC(2, 5)).toBe(1);
  });
});
