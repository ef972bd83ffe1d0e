/**
 * The M/G/1 queue: Poisson arrivals, one server, first come first served, an unbounded queue and
 * service times of any distribution. Only the service time's mean and variance matter, through
 * the Pollaczek-Khinchine formula for the mean wait:
 *
 *   Wq = lambda E[S^2] / (2 (1 - rho)),   E[S^2] = Var[S] + E[S]^2,   rho = lambda E[S].
 *
 * It has a steady state only while rho < 1. Arrivals see the time-average state (PASTA), so the
 * chance that one has to wait is the server's busy fraction, rho.
 */
import type { Distribution } from '../scenario/schema.ts';
import type { QueueTheory } from './mmck.ts';

const MS_PER_SEC = 1000;

export function mg1(
  arrivalRatePerSec: number,
  meanServiceMs: number,
  serviceVarianceMs2: number,
): QueueTheory {
  checkArguments(arrivalRatePerSec, meanServiceMs, serviceVarianceMs2);
  const arrivalRatePerMs = arrivalRatePerSec / MS_PER_SEC;
  const rho = arrivalRatePerMs * meanServiceMs;
  if (rho >= 1) return overloaded(rho, meanServiceMs);

  const secondMomentMs2 = serviceVarianceMs2 + meanServiceMs * meanServiceMs;
  const meanWaitMs = (arrivalRatePerMs * secondMomentMs2) / (2 * (1 - rho));
  const meanResponseMs = meanWaitMs + meanServiceMs;
  return {
    model: 'M/G/1',
    stable: true,
    offeredLoad: rho,
    utilization: rho,
    dropProbability: 0,
    throughputPerSec: arrivalRatePerSec,
    meanInSystem: arrivalRatePerMs * meanResponseMs,
    meanInQueue: arrivalRatePerMs * meanWaitMs,
    meanResponseMs,
    meanWaitMs,
    waitProbability: rho,
  };
}

/** Mean and variance of a scenario distribution, in ms and ms^2. */
export function distributionMoments(d: Distribution): { meanMs: number; varianceMs2: number } {
  switch (d.dist) {
    case 'constant':
      return { meanMs: d.value, varianceMs2: 0 };
    case 'exponential':
      return { meanMs: d.mean, varianceMs2: d.mean * d.mean };
    case 'uniform':
      return { meanMs: (d.min + d.max) / 2, varianceMs2: (d.max - d.min) ** 2 / 12 };
    case 'lognormal':
      // The scenario gives the lognormal by its own mean and sd, not its log's.
      return { meanMs: d.mean, varianceMs2: d.sd * d.sd };
  }
}

/** The server is always busy and the queue grows without bound. */
function overloaded(rho: number, meanServiceMs: number): QueueTheory {
  return {
    model: 'M/G/1',
    stable: false,
    offeredLoad: rho,
    utilization: 1,
    dropProbability: 0,
    throughputPerSec: MS_PER_SEC / meanServiceMs,
    meanInSystem: Infinity,
    meanInQueue: Infinity,
    meanResponseMs: Infinity,
    meanWaitMs: Infinity,
    waitProbability: 1,
  };
}

function checkArguments(
  arrivalRatePerSec: number,
  meanServiceMs: number,
  serviceVarianceMs2: number,
): void {
  if (!(arrivalRatePerSec >= 0 && Number.isFinite(arrivalRatePerSec))) {
    throw new RangeError(`mg1: arrival rate must be finite and >= 0, got ${arrivalRatePerSec}`);
  }
  if (!(meanServiceMs >= 0 && Number.isFinite(meanServiceMs))) {
    throw new RangeError(`mg1: mean service time must be finite and >= 0, got ${meanServiceMs}`);
  }
  if (!(serviceVarianceMs2 >= 0 && Number.isFinite(serviceVarianceMs2))) {
    throw new RangeError(
      `mg1: service variance must be finite and >= 0, got ${serviceVarianceMs2}`,
    );
  }
}
