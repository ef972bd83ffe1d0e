/**
 * Draws from the scenario's distributions. Lognormal is given by its own mean and standard
 * deviation, as people think of work sizes, and converted to the underlying normal's parameters:
 * sigma^2 = ln(1 + sd^2 / mean^2), mu = ln(mean) - sigma^2 / 2.
 */
import type { Distribution } from './scenario/schema.ts';
import type { Random } from './random.ts';

/**
 * A distribution ready to draw from. One class for all four, rather than a closure each: every
 * simulation makes new samplers, and a hot call site that meets a new closure each run is
 * recompiled each run, while one that meets the same class stays compiled.
 */
export class Sampler {
  private readonly kind: Distribution['dist'];
  /** constant: the value; exponential: the mean; uniform: the minimum; lognormal: mu. */
  private readonly a: number;
  /** uniform: the width; lognormal: sigma; otherwise unused. */
  private readonly b: number;

  constructor(d: Distribution) {
    this.kind = d.dist;
    switch (d.dist) {
      case 'constant':
        [this.a, this.b] = [d.value, 0];
        break;
      case 'exponential':
        [this.a, this.b] = [d.mean, 0];
        break;
      case 'uniform':
        [this.a, this.b] = [d.min, d.max - d.min];
        break;
      case 'lognormal': {
        const sigma2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
        [this.a, this.b] = [Math.log(d.mean) - sigma2 / 2, Math.sqrt(sigma2)];
        break;
      }
    }
  }

  sample(rng: Random): number {
    switch (this.kind) {
      case 'constant':
        return this.a;
      case 'exponential':
        return -this.a * Math.log(1 - rng.next());
      case 'uniform':
        return this.a + this.b * rng.next();
      case 'lognormal':
        return Math.exp(this.a + this.b * standardNormal(rng));
    }
  }
}

/** A drawing function, for callers that want one. */
export function samplerFor(d: Distribution): (rng: Random) => number {
  const sampler = new Sampler(d);
  return (rng) => sampler.sample(rng);
}

/** Box-Muller, one value per call so that the stream's position depends only on the count. */
export function standardNormal(rng: Random): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
