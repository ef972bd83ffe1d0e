/**
 * A time series with bounded memory. Points arrive at a fixed interval of virtual time; when the
 * series reaches its capacity it merges neighbouring points in pairs and doubles its interval, so
 * a run of any length keeps its whole shape at a coarser grain. Each column says how two points
 * merge: counts add, levels average, maxima take the larger.
 */

export type Merge = 'sum' | 'mean' | 'max';

export class Series<Column extends string> {
  readonly columns: readonly Column[];
  private readonly merges: readonly Merge[];
  private readonly data: Float64Array[];
  private readonly times: Float64Array;
  private size = 0;
  /** How many base intervals each stored point spans. */
  span = 1;
  private pending = 0;
  private pendingRow: Float64Array;

  constructor(
    spec: Record<Column, Merge>,
    readonly capacity = 720,
  ) {
    this.columns = Object.keys(spec) as Column[];
    this.merges = this.columns.map((c) => spec[c]);
    this.data = this.columns.map(() => new Float64Array(capacity));
    this.times = new Float64Array(capacity);
    this.pendingRow = new Float64Array(this.columns.length);
  }

  get length(): number {
    return this.size;
  }

  /** Adds one base-interval point ending at `timeMs`; values in column order. */
  push(timeMs: number, values: ArrayLike<number>): void {
    for (let c = 0; c < this.columns.length; c++) {
      this.pendingRow[c] =
        this.pending === 0
          ? values[c]!
          : combine(this.merges[c]!, this.pendingRow[c]!, values[c]!, this.pending);
    }
    this.pending++;
    if (this.pending < this.span) return;
    if (this.size === this.capacity) {
      this.halve();
      // The point just completed spans the old interval: it waits for its partner.
      if (this.pending < this.span) return;
    }
    this.times[this.size] = timeMs;
    for (let c = 0; c < this.columns.length; c++) this.data[c]![this.size] = this.pendingRow[c]!;
    this.size++;
    this.pending = 0;
  }

  time(i: number): number {
    return this.times[i]!;
  }

  value(column: Column, i: number): number {
    return this.data[this.columns.indexOf(column)]![i]!;
  }

  /** A copy of the whole series as plain arrays, for charts and export. */
  toColumns(): { timeMs: number[] } & Record<Column, number[]> {
    const out = { timeMs: Array.from(this.times.subarray(0, this.size)) } as {
      timeMs: number[];
    } & Record<Column, number[]>;
    this.columns.forEach((c, k) => {
      (out as Record<string, number[]>)[c] = Array.from(this.data[k]!.subarray(0, this.size));
    });
    return out;
  }

  private halve(): void {
    const half = this.size >> 1;
    for (let i = 0; i < half; i++) {
      this.times[i] = this.times[2 * i + 1]!;
      for (let c = 0; c < this.columns.length; c++) {
        const col = this.data[c]!;
        col[i] = combine(this.merges[c]!, col[2 * i]!, col[2 * i + 1]!, 1);
      }
    }
    this.size = half;
    this.span *= 2;
  }
}

/** Merges `next` into `acc`, where acc already stands for `weight` points. */
function combine(merge: Merge, acc: number, next: number, weight: number): number {
  switch (merge) {
    case 'sum':
      return acc + next;
    case 'max':
      return Math.max(acc, next);
    case 'mean':
      return (acc * weight + next) / (weight + 1);
  }
}
