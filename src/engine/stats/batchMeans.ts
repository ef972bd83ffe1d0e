/**
 * Confidence intervals for the mean of a correlated series by the method of batch means.
 *
 * Successive responses of a queue are correlated (a request behind a long one waits long too),
 * so the textbook interval over single observations is far too narrow. Cutting the series into
 * a few long contiguous batches makes the batch means nearly independent and nearly normal;
 * their spread then gives an honest interval: mean +- t(1 - alpha/2, k - 1) sd / sqrt(k) over
 * the k batch means. The remainder that does not fill a batch is cut from the start of the
 * series, where a run's warm-up leaves the least typical values.
 */
import { studentTQuantile } from './student.ts';

export interface Interval {
  mean: number;
  halfWidth: number;
  low: number;
  high: number;
  batches: number;
}

export function batchMeansInterval(
  values: ArrayLike<number>,
  batches: number,
  confidence = 0.99,
): Interval {
  checkBatches(batches);
  const batchSize = Math.floor(values.length / batches);
  if (batchSize < 1) {
    throw new RangeError(
      `batchMeansInterval: ${values.length} values cannot fill ${batches} batches`,
    );
  }
  const skipped = values.length - batchSize * batches;
  const means: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    means.push(meanOf(values, skipped + batch * batchSize, batchSize));
  }
  return intervalFromBatchMeans(means, confidence);
}

/** The interval from batch means already collected, e.g. one per simulated minute. */
export function intervalFromBatchMeans(batchMeans: number[], confidence = 0.99): Interval {
  checkBatches(batchMeans.length);
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`intervalFromBatchMeans: confidence must be in (0, 1), got ${confidence}`);
  }
  const moments = new RunningMoments();
  for (const value of batchMeans) moments.add(value);

  const k = moments.count;
  const quantile = studentTQuantile(1 - (1 - confidence) / 2, k - 1);
  const halfWidth = (quantile * moments.standardDeviation) / Math.sqrt(k);
  const mean = moments.mean;
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, batches: k };
}

/**
 * Running mean and variance by Welford's update, which stays accurate when the values are
 * large and close together, where summing squares would cancel.
 */
export class RunningMoments {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the current mean. */
  private squaredDeviations = 0;

  add(value: number): void {
    this.count += 1;
    const before = value - this.mean;
    this.mean += before / this.count;
    this.squaredDeviations += before * (value - this.mean);
  }

  /** The sample variance (divided by n - 1); 0 with fewer than two values. */
  get variance(): number {
    return this.count < 2 ? 0 : this.squaredDeviations / (this.count - 1);
  }

  get standardDeviation(): number {
    return Math.sqrt(this.variance);
  }
}

function meanOf(values: ArrayLike<number>, start: number, length: number): number {
  let sum = 0;
  for (let i = start; i < start + length; i++) sum += values[i] ?? NaN;
  return sum / length;
}

function checkBatches(batches: number): void {
  if (!Number.isInteger(batches) || batches < 2) {
    throw new RangeError(`batch means: need a whole number of at least 2 batches, got ${batches}`);
  }
}
