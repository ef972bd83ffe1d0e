/**
 * The engine's exact counters. Two views are kept: `total` counts everything since the start,
 * as the live screen shows it; `measured` counts the requests sent after the warm-up, and follows
 * each of them to its end, so that arrived = completed + dropped + timedOut + inFlight holds for
 * the measured window. Latency and wait are recorded for measured requests in histograms of
 * fixed size, and a bounded series keeps per-interval figures for charts, so memory does not grow
 * with the length of the run.
 */
import { Histogram } from './histogram.ts';
import { DROP_REASONS, type DropReason } from './model.ts';
import { Series } from './series.ts';

export interface Counts {
  arrived: number;
  completed: number;
  dropped: number;
  timedOut: number;
  dropsByReason: Record<DropReason, number>;
  /** Timed-out requests whose work the server did anyway. */
  wastedJobs: number;
  /** Tries beyond the first. */
  retries: number;
}

export function emptyCounts(): Counts {
  const dropsByReason = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<
    DropReason,
    number
  >;
  return {
    arrived: 0,
    completed: 0,
    dropped: 0,
    timedOut: 0,
    dropsByReason,
    wastedJobs: 0,
    retries: 0,
  };
}

export const SERIES_SPEC = {
  arrived: 'sum',
  completed: 'sum',
  dropped: 'sum',
  timedOut: 'sum',
  latencyMeanMs: 'mean',
  latencyP50Ms: 'mean',
  latencyP90Ms: 'mean',
  latencyP99Ms: 'max',
  cpuUtilization: 'mean',
  backlog: 'mean',
  requestQueue: 'mean',
  responseQueue: 'mean',
  inFlight: 'mean',
  waitingForCore: 'mean',
} as const;
export type SeriesColumn = keyof typeof SERIES_SPEC;

const INTERVAL_QUANTILES = [0.5, 0.9, 0.99] as const;

/** Smaller than the main series: there may be 64 machines, and machines come and go. */
const MACHINE_SERIES_CAPACITY = 360;

export class Metrics {
  readonly total = emptyCounts();
  readonly measured = emptyCounts();
  readonly latency = new Histogram();
  readonly wait = new Histogram();
  readonly series = new Series<SeriesColumn>(SERIES_SPEC);
  /** Each machine's own backlog and run queue over time, by machine id. */
  readonly machineQueues = new Map<number, Series<'backlog' | 'waitingForCore'>>();
  /** Latencies of the current series interval only. */
  readonly intervalLatency = new Histogram();
  readonly interval = emptyCounts();

  private busyCoreMs = 0;
  private coreMs = 0;
  private busyCores = 0;
  private cores = 0;
  private lastChangeMs = 0;
  private measuredBusyStart = 0;
  private measuredCoreStart = 0;
  private intervalBusyStart = 0;
  private intervalCoreStart = 0;

  /** Accumulates core-time up to `now`; call before the number of busy or total cores changes. */
  advance(nowMs: number): void {
    const dt = nowMs - this.lastChangeMs;
    if (dt > 0) {
      this.busyCoreMs += this.busyCores * dt;
      this.coreMs += this.cores * dt;
      this.lastChangeMs = nowMs;
    }
  }

  busyCoresChanged(nowMs: number, delta: number): void {
    this.advance(nowMs);
    this.busyCores += delta;
  }

  coresChanged(nowMs: number, delta: number): void {
    this.advance(nowMs);
    this.cores += delta;
  }

  /** The warm-up ended: CPU utilisation is measured from here. */
  startMeasuring(nowMs: number): void {
    this.advance(nowMs);
    this.measuredBusyStart = this.busyCoreMs;
    this.measuredCoreStart = this.coreMs;
  }

  cpuUtilization(nowMs: number): number {
    this.advance(nowMs);
    const available = this.coreMs - this.measuredCoreStart;
    return available > 0 ? (this.busyCoreMs - this.measuredBusyStart) / available : 0;
  }

  /** Utilisation since the start of the current series interval, which it then closes. */
  takeIntervalUtilization(nowMs: number): number {
    this.advance(nowMs);
    const available = this.coreMs - this.intervalCoreStart;
    const busy = this.busyCoreMs - this.intervalBusyStart;
    this.intervalBusyStart = this.busyCoreMs;
    this.intervalCoreStart = this.coreMs;
    return available > 0 ? busy / available : 0;
  }

  arrived(measured: boolean): void {
    this.total.arrived++;
    this.interval.arrived++;
    if (measured) this.measured.arrived++;
  }

  completed(measured: boolean, latencyMs: number, waitMs: number): void {
    this.total.completed++;
    this.interval.completed++;
    this.intervalLatency.record(latencyMs);
    if (!measured) return;
    this.measured.completed++;
    this.latency.record(latencyMs);
    this.wait.record(waitMs);
  }

  dropped(measured: boolean, reason: DropReason): void {
    for (const c of this.targets(measured)) {
      c.dropped++;
      c.dropsByReason[reason]++;
    }
  }

  timedOut(measured: boolean): void {
    for (const c of this.targets(measured)) c.timedOut++;
  }

  wasted(measured: boolean): void {
    for (const c of this.targets(measured)) c.wastedJobs++;
  }

  retried(measured: boolean): void {
    for (const c of this.targets(measured)) c.retries++;
  }

  /** Closes a series interval with the levels sampled now. */
  closeInterval(
    nowMs: number,
    levels: Record<
      'backlog' | 'requestQueue' | 'responseQueue' | 'inFlight' | 'waitingForCore',
      number
    >,
  ): void {
    const h = this.intervalLatency;
    const i = this.interval;
    const [p50, p90, p99] = h.quantiles(INTERVAL_QUANTILES);
    this.series.push(nowMs, [
      i.arrived,
      i.completed,
      i.dropped,
      i.timedOut,
      h.mean,
      p50!,
      p90!,
      p99!,
      this.takeIntervalUtilization(nowMs),
      levels.backlog,
      levels.requestQueue,
      levels.responseQueue,
      levels.inFlight,
      levels.waitingForCore,
    ]);
    h.reset();
    Object.assign(this.interval, emptyCounts());
  }

  /** Samples one machine's queues at the close of an interval. */
  machineLevels(nowMs: number, machineId: number, backlog: number, waitingForCore: number): void {
    let series = this.machineQueues.get(machineId);
    if (!series) {
      series = new Series({ backlog: 'mean', waitingForCore: 'mean' }, MACHINE_SERIES_CAPACITY);
      this.machineQueues.set(machineId, series);
    }
    series.push(nowMs, [backlog, waitingForCore]);
  }

  /** The counts an outcome adds to; built once, since overload can drop most arrivals. */
  private readonly unmeasuredTargets: readonly Counts[] = [this.total, this.interval];
  private readonly measuredTargets: readonly Counts[] = [...this.unmeasuredTargets, this.measured];

  private targets(measured: boolean): readonly Counts[] {
    return measured ? this.measuredTargets : this.unmeasuredTargets;
  }
}
