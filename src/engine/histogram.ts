/**
 * A log-bucketed histogram of non-negative values (milliseconds), in the spirit of HDR
 * histograms: fixed memory (about 21 KB) however many values it holds, and any percentile within
 * 1% of the true value across 1 microsecond to 100,000 seconds. Exact count, sum, min and max are
 * kept beside the buckets. We keep our own rather than a library's so that recording stays a
 * handful of arithmetic operations on the engine's hot path and results repeat bit for bit.
 */

const LOWEST_MS = 1e-3;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(1e8 / LOWEST_MS) / LOG_GROWTH) + 2;

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
    if (this.count === 0) return 0;
    if (q >= 1) return this.max;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, valueOf(i)));
    }
    return this.max;
  }

  reset(): void {
    this.counts.fill(0);
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

function bucketOf(valueMs: number): number {
  if (!(valueMs > LOWEST_MS)) return 0;
  const i = Math.floor(Math.log(valueMs / LOWEST_MS) / LOG_GROWTH) + 1;
  return i < BUCKETS ? i : BUCKETS - 1;
}

/** The geometric middle of bucket i, which bounds the relative error by half the growth. */
function valueOf(i: number): number {
  if (i === 0) return 0;
  return LOWEST_MS * Math.pow(GROWTH, i - 0.5);
}
