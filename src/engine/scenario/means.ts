/**
 * The mean of a scenario's distribution: what the controls show as "CPU per request", what
 * lessons speak of, and what theory starts from.
 */
import type { Distribution } from './schema.ts';

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
