/**
 * A log-bucketed histogram of non-negative values (milliseconds), in the spirit of HDR
 * histograms: fixed memory (about 40 KB) however many values it holds, and any percentile within
 * 0.4% of the true value from about a microsecond to 1.5 days. Exact count, sum, min and max are
 * kept beside the buckets. We keep our own rather than a library's so that recording stays a
 * handful of integer operations on the engine's hot path and results repeat bit for bit.
 *
 * A value's bucket comes straight from its floating-point bits: the exponent picks the octave
 * and the top SUB_BITS of the mantissa split the octave into equal parts, so no logarithm is
 * taken per value.
 */

const SUB_BITS = 7;
const SUBS = 1 << SUB_BITS;
/** Octaves from 2^-10 ms (about 1 microsecond) up to 2^27 ms (about 37 hours). */
const LOWEST_EXPONENT = -10;
const HIGHEST_EXPONENT = 27;
const BUCKETS = (HIGHEST_EXPONENT - LOWEST_EXPONENT) * SUBS + 1;
const LOWEST_MS = 2 ** LOWEST_EXPONENT;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** The word holding sign, exponent and the top of the mantissa, by the platform's byte order. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;

  record(valueMs: number): void {
    this.counts[bucketOf(valueMs)]!++;
    this.count++;
    this.sum += valueMs;
    if (valueMs < this.min) this.min = valueMs;
    if (valueMs > this.max) this.max = valueMs;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** The value below which a fraction q (0..1) of the recorded values lie; 0 when empty. */
  quantile(q: number): number {
    return this.quantiles([q])[0]!;
  }

  /**
   * Several quantiles, `qs` in ascending order, in one walk over the buckets: a series interval
   * takes three, and three walks cost more than the events of a quiet interval.
   */
  quantiles(qs: readonly number[]): number[] {
    const out = new Array<number>(qs.length);
    let k = 0;
    let seen = 0;
    // Buckets below the minimum's are empty: start there rather than at the first bucket.
    for (let i = bucketOf(this.min); i < BUCKETS && k < qs.length && this.count > 0; i++) {
      seen += this.counts[i]!;
      for (; k < qs.length && qs[k]! < 1 && seen >= this.rank(qs[k]!); k++) {
        out[k] = Math.min(this.max, Math.max(this.min, valueOf(i)));
      }
    }
    for (; k < qs.length; k++) out[k] = this.count === 0 ? 0 : this.max;
    return out;
  }

  private rank(q: number): number {
    return Math.max(1, Math.ceil(q * this.count));
  }

  reset(): void {
    // Only buckets between the minimum's and the maximum's can hold anything.
    if (this.count > 0) this.counts.fill(0, bucketOf(this.min), bucketOf(this.max) + 1);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }

  /** Counts per bucket between lo and hi, for drawing: `bins` equal-width bins. */
  bins(loMs: number, hiMs: number, bins: number): number[] {
    const out = new Array<number>(bins).fill(0);
    const width = (hiMs - loMs) / bins;
    for (let i = 0; i < BUCKETS; i++) {
      const c = this.counts[i]!;
      if (c === 0) continue;
      const v = Math.min(this.max, Math.max(this.min, valueOf(i)));
      const b = Math.min(bins - 1, Math.max(0, Math.floor((v - loMs) / width)));
      out[b]! += c;
    }
    return out;
  }
}

/** Bucket 0 holds everything below the lowest octave; bucket i >= 1 one slice of an octave. */
function bucketOf(valueMs: number): number {
  if (!(valueMs >= LOWEST_MS)) return 0;
  bits[0] = valueMs;
  const high = words[HIGH]!;
  const exponent = ((high >>> 20) & 0x7ff) - 1023;
  const slice = (high >>> (20 - SUB_BITS)) & (SUBS - 1);
  const i = (exponent - LOWEST_EXPONENT) * SUBS + slice + 1;
  return i < BUCKETS ? i : BUCKETS - 1;
}

/** The middle of bucket i, which bounds the relative error by half a slice. */
function valueOf(i: number): number {
  if (i === 0) return 0;
  const k = i - 1;
  const octave = 2 ** (Math.floor(k / SUBS) + LOWEST_EXPONENT);
  return octave * (1 + ((k % SUBS) + 0.5) / SUBS);
}
