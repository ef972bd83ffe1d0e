/**
 * The figures of a run, as the headless runner prints them and tests read them. Counts cover the
 * requests sent in the measured window (after the warm-up), each followed to its end, so that
 * arrived = completed + dropped + timedOut + inFlight.
 */
import type { Counts } from './metrics.ts';
import type { Simulation } from './simulation.ts';
import { stageCountsByName, type StageName } from './stages.ts';

export interface RunSummary {
  arrived: number;
  completed: number;
  dropped: number;
  timedOut: number;
  inFlight: number;
  throughputPerSec: number;
  dropRate: number;
  timeoutRate: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  waitMs: { mean: number; p99: number };
  cpuUtilization: number;
  dropsByReason: Counts['dropsByReason'];
  wastedJobs: number;
  retries: number;
  simulatedSec: number;
  events: number;
  /** Tries still in the system at the end, by stage (all of them, measured or not). */
  stagesAtEnd: Record<StageName, number>;
}

export function summarize(sim: Simulation): RunSummary {
  const m = sim.metrics;
  const c = m.measured;
  const inFlight = c.arrived - c.completed - c.dropped - c.timedOut;
  const windowSec = (sim.now - sim.warmupMs) / 1000;
  return {
    arrived: c.arrived,
    completed: c.completed,
    dropped: c.dropped,
    timedOut: c.timedOut,
    inFlight,
    throughputPerSec: windowSec > 0 ? c.completed / windowSec : 0,
    dropRate: c.arrived > 0 ? c.dropped / c.arrived : 0,
    timeoutRate: c.arrived > 0 ? c.timedOut / c.arrived : 0,
    latencyMs: {
      mean: m.latency.mean,
      p50: m.latency.quantile(0.5),
      p90: m.latency.quantile(0.9),
      p99: m.latency.quantile(0.99),
      max: m.latency.max,
    },
    waitMs: { mean: m.wait.mean, p99: m.wait.quantile(0.99) },
    cpuUtilization: m.cpuUtilization(sim.now),
    dropsByReason: { ...c.dropsByReason },
    wastedJobs: c.wastedJobs,
    retries: c.retries,
    simulatedSec: sim.now / 1000,
    events: sim.eventsProcessed,
    stagesAtEnd: stageCountsByName(sim),
  };
}
