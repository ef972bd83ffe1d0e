/**
 * When the next request of an open client arrives. Poisson arrivals are exponential gaps; a
 * constant rate is evenly spaced; bursts switch between a base and a burst rate on a fixed cycle,
 * drawn exactly by spending an exponential amount of "hazard" across the rate's pieces; a ramp
 * rises linearly and is drawn by thinning (propose at the top rate, accept in proportion to the
 * rate at that instant). Times are milliseconds since the pattern took effect.
 */
import type { Random } from './random.ts';
import type { Load } from './scenario/schema.ts';

type OpenLoad = Exclude<Load, { pattern: 'closed' }>;

/** The time of the next arrival after `fromMs`, or Infinity when the rate stays zero. */
export function nextArrivalMs(load: OpenLoad, fromMs: number, rng: Random): number {
  switch (load.pattern) {
    case 'poisson':
      return load.ratePerSec > 0 ? fromMs + exponentialMs(load.ratePerSec, rng) : Infinity;
    case 'constant':
      return load.ratePerSec > 0 ? fromMs + 1000 / load.ratePerSec : Infinity;
    case 'bursts':
      return nextBurstArrival(load, fromMs, rng);
    case 'ramp':
      return nextRampArrival(load, fromMs, rng);
  }
}

export function rateAt(load: Load, atMs: number): number {
  switch (load.pattern) {
    case 'poisson':
    case 'constant':
      return load.ratePerSec;
    case 'bursts':
      return inBurst(load, atMs) ? load.burstRatePerSec : load.ratePerSec;
    case 'ramp':
      return (
        load.fromPerSec +
        (load.toPerSec - load.fromPerSec) * Math.min(1, atMs / (load.rampSec * 1000))
      );
    case 'closed':
      return NaN;
  }
}

function exponentialMs(ratePerSec: number, rng: Random): number {
  return (-Math.log(1 - rng.next()) * 1000) / ratePerSec;
}

type Bursts = Extract<Load, { pattern: 'bursts' }>;

/** Bursts come at the start of each cycle: [k*every, k*every + length) runs at the burst rate. */
function inBurst(load: Bursts, atMs: number): boolean {
  const everyMs = load.burstEverySec * 1000;
  return atMs % everyMs < Math.min(load.burstLengthSec * 1000, everyMs);
}

function nextBurstArrival(load: Bursts, fromMs: number, rng: Random): number {
  const everyMs = load.burstEverySec * 1000;
  const burstMs = Math.min(load.burstLengthSec * 1000, everyMs);
  // A burst as long as the cycle leaves no time at the base rate.
  const baseCounts = burstMs < everyMs && load.ratePerSec > 0;
  if (!baseCounts && load.burstRatePerSec === 0) return Infinity;
  let hazard = -Math.log(1 - rng.next());
  let t = fromMs;
  for (;;) {
    const phase = t % everyMs;
    const inside = phase < burstMs;
    const pieceEnd = t - phase + (inside ? burstMs : everyMs);
    const rate = (inside ? load.burstRatePerSec : load.ratePerSec) / 1000;
    const pieceHazard = rate * (pieceEnd - t);
    if (rate > 0 && pieceHazard >= hazard) return t + hazard / rate;
    hazard -= pieceHazard;
    // Rounding can leave t a hair short of a boundary, where the piece has no length in
    // floating point: step over the boundary rather than stand still.
    t = pieceEnd > t ? pieceEnd : t + t * Number.EPSILON;
  }
}

type Ramp = Extract<Load, { pattern: 'ramp' }>;

function nextRampArrival(load: Ramp, fromMs: number, rng: Random): number {
  const topPerSec = Math.max(load.fromPerSec, load.toPerSec);
  if (topPerSec === 0) return Infinity;
  let t = fromMs;
  for (;;) {
    t += exponentialMs(topPerSec, rng);
    if (rng.next() * topPerSec < rateAt(load, t)) return t;
    // Past the ramp the rate stays at its end; at zero, thinning would propose forever.
    if (load.toPerSec === 0 && t >= load.rampSec * 1000) return Infinity;
  }
}
