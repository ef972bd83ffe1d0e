/**
 * The controls show one number per kind of work, its mean, while a scenario may describe the work
 * as any distribution. Setting a new mean keeps the distribution's shape: an exponential stays
 * exponential, a lognormal keeps its spread relative to its mean, a uniform range is stretched.
 */
import { meanOf } from '../../engine/scenario/means.ts';
import type { Distribution } from '../../engine/scenario/schema.ts';

/** The engine's own mean, re-exported so the controls read and write means in one place. */
export { meanOf };

/** The same kind of distribution with mean `meanMs`; no work at all is always constant 0. */
export function withMean(d: Distribution, meanMs: number): Distribution {
  if (meanMs === 0) return { dist: 'constant', value: 0 };
  const oldMean = meanOf(d);
  const stretch = oldMean > 0 ? meanMs / oldMean : 1;
  switch (d.dist) {
    case 'constant':
      return { dist: 'constant', value: meanMs };
    case 'exponential':
      return { dist: 'exponential', mean: meanMs };
    case 'lognormal':
      return { dist: 'lognormal', mean: meanMs, sd: d.sd * stretch };
    case 'uniform':
      return oldMean > 0
        ? { dist: 'uniform', min: d.min * stretch, max: d.max * stretch }
        : { dist: 'uniform', min: 0, max: 2 * meanMs };
  }
}

/** A few words for the kind of distribution, shown beside the mean. */
export function shapeWords(d: Distribution): string {
  switch (d.dist) {
    case 'constant':
      return 'always';
    case 'exponential':
      return 'exponential, mean';
    case 'lognormal':
      return 'lognormal, mean';
    case 'uniform':
      return 'uniform, mean';
  }
}
