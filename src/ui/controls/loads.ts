/**
 * One arrival rate for every open load pattern, so the 'Arrival rate' control means the same
 * thing whichever pattern is chosen: the steady rate of poisson and constant arrivals, the rate
 * between bursts, the rate a ramp ends at. Burst and ramp rates scale with it, so a burst stays
 * three times the base rate when the base rate changes. A closed load has users instead.
 */
import type { Load, LoadPattern } from '../../engine/scenario/schema.ts';

export const LOAD_PATTERNS: { pattern: LoadPattern; words: string }[] = [
  { pattern: 'poisson', words: 'Poisson (random arrivals)' },
  { pattern: 'constant', words: 'Constant (evenly spaced)' },
  { pattern: 'bursts', words: 'Bursts (3x every 10 s)' },
  { pattern: 'ramp', words: 'Ramp (rising over 60 s)' },
  { pattern: 'closed', words: 'Closed (users who wait)' },
];

const BURST_FACTOR = 3;
const RAMP_SEC = 60;
const DEFAULT_USERS = 50;
const DEFAULT_THINK_MS = 1000;

/** The arrival rate the control shows, or null for a closed load. */
export function rateOf(load: Load): number | null {
  switch (load.pattern) {
    case 'poisson':
    case 'constant':
    case 'bursts':
      return load.ratePerSec;
    case 'ramp':
      return load.toPerSec;
    case 'closed':
      return null;
  }
}

export function withRate(load: Load, ratePerSec: number): Load {
  switch (load.pattern) {
    case 'poisson':
    case 'constant':
      return { ...load, ratePerSec };
    case 'bursts': {
      const ratio = load.ratePerSec > 0 ? load.burstRatePerSec / load.ratePerSec : BURST_FACTOR;
      return { ...load, ratePerSec, burstRatePerSec: ratePerSec * ratio };
    }
    case 'ramp': {
      const ratio = load.toPerSec > 0 ? load.fromPerSec / load.toPerSec : 0;
      return { ...load, toPerSec: ratePerSec, fromPerSec: ratePerSec * ratio };
    }
    case 'closed':
      return load;
  }
}

/** A load of another pattern at the same rate; `fallbackPerSec` when leaving a closed load. */
export function withPattern(load: Load, pattern: LoadPattern, fallbackPerSec: number): Load {
  const ratePerSec = rateOf(load) ?? fallbackPerSec;
  switch (pattern) {
    case 'poisson':
    case 'constant':
      return { pattern, ratePerSec };
    case 'bursts':
      return {
        pattern,
        ratePerSec,
        burstRatePerSec: ratePerSec * BURST_FACTOR,
        burstEverySec: 10,
        burstLengthSec: 2,
      };
    case 'ramp':
      return { pattern, fromPerSec: 0, toPerSec: ratePerSec, rampSec: RAMP_SEC };
    case 'closed':
      return {
        pattern,
        users: DEFAULT_USERS,
        thinkMs: { dist: 'exponential', mean: DEFAULT_THINK_MS },
      };
  }
}
