/**
 * The headline figures over the last two seconds of virtual time: what the run is doing now,
 * rather than averaged since the start. Counts come from the engine's exact totals, kept as a
 * small ring of snapshots, one per frame; a rate is the difference between now and the newest
 * snapshot at least a window old, divided by the time between them. When a single frame covers
 * more than the window (high speeds), the window is that frame.
 *
 * Latency percentiles come from the completions in the drained transitions, counted into
 * log-bucketed histograms, one per eighth of the window, so the figures for a frame cost a few
 * thousand additions however many requests completed.
 */
import type { Counts } from '../engine/metrics.ts';
import { Deque } from '../engine/deque.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { RecentFigures } from './protocol.ts';

export const RECENT_WINDOW_MS = 2000;
const SLOTS_PER_WINDOW = 8;
const SLOT_MS = RECENT_WINDOW_MS / SLOTS_PER_WINDOW;
/** One more than a window's worth, for the slot being filled. */
const SLOT_RING = SLOTS_PER_WINDOW + 1;

/** Buckets grow by 2%, from 10 microseconds to a million seconds: percentiles within 1%. */
const LOWEST_MS = 0.01;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(1e9 / LOWEST_MS) / LOG_GROWTH) + 1;

/** What the window needs from the engine at one instant. */
export interface RecentSnapshot {
  simMs: number;
  arrived: number;
  completed: number;
  dropped: number;
  timedOut: number;
  busyCoreMs: number;
  coreMs: number;
}

export function snapshotOf(
  simMs: number,
  total: Counts,
  busyCoreMs: number,
  coreMs: number,
): RecentSnapshot {
  const { arrived, completed, dropped, timedOut } = total;
  return { simMs, arrived, completed, dropped, timedOut, busyCoreMs, coreMs };
}

export class RecentWindow {
  private readonly snapshots = new Deque<RecentSnapshot>();
  private readonly latency = new SlottedLatency();

  /** Called once per frame after virtual time moved. */
  record(snapshot: RecentSnapshot): void {
    const newest = this.snapshots.at(this.snapshots.length - 1);
    if (newest && snapshot.simMs <= newest.simMs) return;
    this.snapshots.push(snapshot);
    const oldestNeededMs = snapshot.simMs - RECENT_WINDOW_MS;
    while (this.snapshots.length > 2 && this.snapshots.at(1)!.simMs <= oldestNeededMs) {
      this.snapshots.shift();
    }
  }

  addLatency(atMs: number, latencyMs: number): void {
    this.latency.add(atMs, latencyMs);
  }

  figures(queueLength: number): RecentFigures {
    const from = this.snapshots.at(0);
    const to = this.snapshots.at(this.snapshots.length - 1);
    const windowMs = from && to ? to.simMs - from.simMs : 0;
    const perSec = (key: 'arrived' | 'completed' | 'dropped' | 'timedOut') =>
      windowMs > 0 ? ((to![key] - from![key]) * 1000) / windowMs : 0;
    const coreMs = windowMs > 0 ? to!.coreMs - from!.coreMs : 0;
    const quantiles = this.latency.summary(to?.simMs ?? 0);
    return {
      windowMs,
      throughputPerSec: perSec('completed'),
      arrivalsPerSec: perSec('arrived'),
      dropsPerSec: perSec('dropped'),
      timeoutsPerSec: perSec('timedOut'),
      latencyP50Ms: quantiles.p50Ms,
      latencyP99Ms: quantiles.p99Ms,
      latencyMeanMs: quantiles.meanMs,
      cpuUtilization: coreMs > 0 ? (to!.busyCoreMs - from!.busyCoreMs) / coreMs : 0,
      queueLength,
    };
  }

  clear(): void {
    while (this.snapshots.length > 0) this.snapshots.shift();
    this.latency.clear();
  }
}

/**
 * Busy core-time and available core-time, integrated over virtual time from samples the host
 * takes after each batch of events and each frame. Between samples the busy count is taken to
 * move in a straight line (the trapezoid rule); a batch spans a few milliseconds of a busy run
 * and a single frame in slow motion, so the error stays far below what the screen shows.
 */
export class BusyCoreClock {
  busyCoreMs = 0;
  coreMs = 0;
  private lastMs = 0;
  private lastBusy = 0;
  private lastCores = 0;

  sample(sim: Simulation): void {
    let busy = 0;
    let cores = 0;
    for (const m of sim.machines) {
      busy += m.cpu.busy;
      cores += m.cpu.cores.length;
    }
    const dtMs = sim.now - this.lastMs;
    if (dtMs > 0) {
      this.busyCoreMs += ((this.lastBusy + busy) / 2) * dtMs;
      this.coreMs += ((this.lastCores + cores) / 2) * dtMs;
    }
    this.lastMs = sim.now;
    this.lastBusy = busy;
    this.lastCores = cores;
  }

  reset(): void {
    this.busyCoreMs = 0;
    this.coreMs = 0;
    this.lastMs = 0;
    this.lastBusy = 0;
    this.lastCores = 0;
  }
}

/** Latencies in a ring of histograms, one per slot of virtual time. */
class SlottedLatency {
  private readonly counts = Array.from({ length: SLOT_RING }, () => new Uint32Array(BUCKETS));
  private readonly slotOf = new Float64Array(SLOT_RING).fill(-1);
  private readonly sums = new Float64Array(SLOT_RING);
  private readonly merged = new Uint32Array(BUCKETS);

  add(atMs: number, latencyMs: number): void {
    const slot = Math.floor(atMs / SLOT_MS);
    const i = slot % SLOT_RING;
    if (this.slotOf[i] !== slot) {
      this.counts[i]!.fill(0);
      this.sums[i] = 0;
      this.slotOf[i] = slot;
    }
    this.counts[i]![bucketOf(latencyMs)]!++;
    this.sums[i]! += latencyMs;
  }

  /** Percentiles over the slots of the window ending at `nowMs`. */
  summary(nowMs: number): { p50Ms: number; p99Ms: number; meanMs: number } {
    const newest = Math.floor(nowMs / SLOT_MS);
    this.merged.fill(0);
    let count = 0;
    let sum = 0;
    for (let i = 0; i < SLOT_RING; i++) {
      const slot = this.slotOf[i]!;
      if (slot < 0 || slot > newest || slot <= newest - SLOTS_PER_WINDOW) continue;
      const counts = this.counts[i]!;
      for (let b = 0; b < BUCKETS; b++) this.merged[b]! += counts[b]!;
      sum += this.sums[i]!;
    }
    for (let b = 0; b < BUCKETS; b++) count += this.merged[b]!;
    if (count === 0) return { p50Ms: 0, p99Ms: 0, meanMs: 0 };
    return {
      p50Ms: quantile(this.merged, count, 0.5),
      p99Ms: quantile(this.merged, count, 0.99),
      meanMs: sum / count,
    };
  }

  clear(): void {
    this.slotOf.fill(-1);
  }
}

function bucketOf(valueMs: number): number {
  if (!(valueMs > LOWEST_MS)) return 0;
  const b = Math.floor(Math.log(valueMs / LOWEST_MS) / LOG_GROWTH) + 1;
  return b < BUCKETS ? b : BUCKETS - 1;
}

function quantile(counts: Uint32Array, total: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let b = 0; b < BUCKETS; b++) {
    seen += counts[b]!;
    if (seen >= rank) return b === 0 ? 0 : LOWEST_MS * Math.pow(GROWTH, b - 0.5);
  }
  return 0;
}
