/**
 * Draws from the scenario's distributions. Lognormal is given by its own mean and standard
 * deviation, as people think of work sizes, and converted to the underlying normal's parameters:
 * sigma^2 = ln(1 + sd^2 / mean^2), mu = ln(mean) - sigma^2 / 2.
 */
import type { Distribution } from './scenario/schema.ts';
import type { Random } from './random.ts';

export type Sampler = (rng: Random) => number;

export function samplerFor(d: Distribution): Sampler {
  switch (d.dist) {
    case 'constant': {
      const value = d.value;
      return () => value;
    }
    case 'exponential': {
      const mean = d.mean;
      return (rng) => -mean * Math.log(1 - rng.next());
    }
    case 'uniform': {
      const { min, max } = d;
      return (rng) => min + (max - min) * rng.next();
    }
    case 'lognormal':
      return lognormalSampler(d.mean, d.sd);
  }
}

function lognormalSampler(mean: number, sd: number): Sampler {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(mean) - sigma2 / 2;
  return (rng) => Math.exp(mu + sigma * standardNormal(rng));
}

/** Box-Muller, one value per call so that the stream's position depends only on the count. */
export function standardNormal(rng: Random): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function meanOf(d: Distribution): number {
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'exponential':
    case 'lognormal':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
  }
}
