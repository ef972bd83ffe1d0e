/**
 * The engine's host: one simulation, paced against the wall clock, changed live, and reported
 * to the page as one frame per display frame. It uses no worker globals (the wall clock for its
 * compute budget is handed in), so the same class runs in Node tests and behind Comlink in the
 * Web Worker.
 *
 * A frame runs the engine for at most `budgetMs` of compute, in batches of events; after each
 * batch the transition log is drained into the frame's events, the inspector and the recent
 * latencies, and busy cores are sampled. A scenario or a live change that a person got wrong is
 * refused with messages naming the field and the rule, and the run keeps its last good state.
 * An exception from the engine is a bug: the run stops, and every later call says so until the
 * run is reset or another scenario is loaded.
 */
import type { Counts } from '../engine/metrics.ts';
import type { Histogram } from '../engine/histogram.ts';
import { tryApplyPatch } from '../engine/scenario/patch.ts';
import type { Patch, Scenario } from '../engine/scenario/schema.ts';
import { parsePatch, parseScenario } from '../engine/scenario/validate.ts';
import { Simulation } from '../engine/simulation.ts';
import { summarize } from '../engine/summary.ts';
import { theoryFor, type TheoryFit } from '../engine/theory/fit.ts';
import { TransitionKind } from '../engine/transitions.ts';
import { buildScene } from './frameBuilder.ts';
import { HappenedSinceFrame } from './happened.ts';
import { Inspector } from './inspect.ts';
import { checkedSpeed, Pacer } from './pacing.ts';
import type { EngineApi, Frame, History, Result, SelectTarget, Speed } from './protocol.ts';
import { BusyCoreClock, RecentWindow, snapshotOf } from './recent.ts';

export const SERIES_INTERVAL_MS = 250;
/** Leaves half of a 60 Hz display frame for building and sending the frame. */
export const DEFAULT_BUDGET_MS = 8;
/** Events between looks at the clock; a batch takes well under a millisecond. */
const EVENTS_PER_BATCH = 512;
const LATENCY_BINS = 40;

export interface EngineServiceOptions {
  /** A wall clock in milliseconds for the compute budget; the worker passes performance.now. */
  now: () => number;
  budgetMs?: number;
}

export class EngineService implements EngineApi {
  private readonly now: () => number;
  private readonly budgetMs: number;
  private loaded: Scenario | null = null;
  private sim: Simulation | null = null;
  private playing = false;
  private failure: Error | null = null;
  private framesBuilt = 0;
  private theory: { config: Scenario; fit: TheoryFit } | null = null;
  private readonly pacer = new Pacer();
  private readonly recent = new RecentWindow();
  private readonly busy = new BusyCoreClock();
  private readonly happened = new HappenedSinceFrame();
  private readonly inspector = new Inspector();

  constructor(options: EngineServiceOptions) {
    this.now = options.now;
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  }

  load(raw: unknown): Result<Scenario> {
    const parsed = parseScenario(raw);
    if (!parsed.ok) return parsed;
    this.loaded = parsed.value;
    this.startRun(parsed.value);
    return parsed;
  }

  play(): void {
    if (!this.running().finished) this.playing = true;
  }

  pause(): void {
    this.playing = false;
    this.pacer.stop();
  }

  step(): number {
    this.pause();
    const sim = this.running();
    this.guard(() => {
      sim.step();
      this.afterEvents(sim);
    });
    return sim.now;
  }

  setSpeed(speed: Speed): void {
    this.pacer.speed = checkedSpeed(speed);
  }

  reset(): void {
    if (!this.loaded) throw new Error('no scenario is loaded');
    this.startRun(this.loaded);
  }

  apply(raw: Patch): Result<Scenario> {
    const sim = this.running();
    const patch = parsePatch(raw);
    if (!patch.ok) return patch;
    const checked = tryApplyPatch(sim.config, patch.value);
    if (!checked.ok) return checked;
    this.guard(() => sim.apply(patch.value));
    return { ok: true, value: sim.config };
  }

  frame(wallNowMs: number): Frame {
    const sim = this.running();
    if (this.playing) this.guard(() => this.advance(sim, wallNowMs));
    return this.guard(() => this.buildFrame(sim));
  }

  history(): History {
    const sim = this.running();
    const metrics = sim.metrics;
    return {
      intervalMs: SERIES_INTERVAL_MS * metrics.series.span,
      columns: metrics.series.toColumns(),
      latencyBins: latencyBins(metrics.latency),
      summary: summarize(sim),
      theory: this.theoryOf(sim.config),
    };
  }

  select(target: SelectTarget | null): void {
    if (this.sim) this.inspector.select(this.sim, target);
    else this.inspector.clear();
  }

  ping(): number {
    return this.framesBuilt;
  }

  private startRun(scenario: Scenario): void {
    this.sim = new Simulation(scenario, {
      recordTransitions: true,
      trackRequests: true,
      seriesIntervalMs: SERIES_INTERVAL_MS,
    });
    this.playing = false;
    this.failure = null;
    this.pacer.stop();
    this.recent.clear();
    this.busy.reset();
    this.happened.clear();
    this.inspector.clear();
  }

  /** The simulation, when there is one that has not failed. */
  private running(): Simulation {
    if (this.failure) {
      throw new Error(
        `the engine stopped after an internal error (${this.failure.message}); ` +
          'reset or load a scenario to go on',
      );
    }
    if (!this.sim) throw new Error('no scenario is loaded');
    return this.sim;
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.playing = false;
      throw error;
    }
  }

  private advance(sim: Simulation, wallNowMs: number): void {
    const stepMs = this.pacer.advanceFor(wallNowMs);
    this.runUntil(sim, stepMs === Infinity ? sim.durationMs : sim.now + stepMs);
    this.pacer.record(wallNowMs, sim.now);
    if (sim.finished) this.pause();
  }

  /**
   * Runs events up to `targetMs` within the compute budget. Out of budget, virtual time stays at
   * the last event run: the run falls behind rather than skipping events.
   */
  private runUntil(sim: Simulation, targetMs: number): void {
    const endMs = Math.min(targetMs, sim.durationMs);
    const deadline = this.now() + this.budgetMs;
    while (sim.nextEventMs <= endMs) {
      for (let i = 0; i < EVENTS_PER_BATCH && sim.nextEventMs <= endMs; i++) sim.step();
      this.afterEvents(sim);
      if (this.now() >= deadline) return;
    }
    sim.runUntil(endMs);
    this.afterEvents(sim);
  }

  private afterEvents(sim: Simulation): void {
    this.busy.sample(sim);
    const batch = sim.transitions!.drain();
    this.happened.add(batch);
    this.inspector.observe(batch);
    for (let k = 0; k < batch.count; k++) {
      if (batch.kind[k] === TransitionKind.completed) {
        this.recent.addLatency(batch.timeMs[k]!, batch.valueMs[k]!);
      }
    }
  }

  private buildFrame(sim: Simulation): Frame {
    this.afterEvents(sim);
    const { busyCoreMs, coreMs } = this.busy;
    this.recent.record(snapshotOf(sim.now, sim.metrics.total, busyCoreMs, coreMs));
    const levels = sim.levels();
    this.framesBuilt++;
    return {
      seq: this.framesBuilt,
      simNowMs: sim.now,
      durationMs: sim.durationMs,
      playing: this.playing,
      finished: sim.finished,
      speed: this.pacer.speed,
      achievedSpeed: this.pacer.achievedSpeed,
      events: sim.eventsProcessed,
      total: copyCounts(sim.metrics.total),
      inFlight: sim.openCount,
      recent: this.recent.figures(levels.backlog + levels.requestQueue),
      model: sim.config.server.model,
      ...buildScene(sim),
      happened: this.happened.take(),
      selection: this.inspector.inspect(sim),
    };
  }

  /** Theory depends only on the settings, which change far less often than charts redraw. */
  private theoryOf(config: Scenario): TheoryFit {
    if (this.theory?.config !== config) this.theory = { config, fit: theoryFor(config) };
    return this.theory.fit;
  }
}

function copyCounts(counts: Counts): Counts {
  return { ...counts, dropsByReason: { ...counts.dropsByReason } };
}

/**
 * Equal bins from 0 to about the 99.9th percentile; the slowest 0.1% fall in the last bin, so a
 * single outlier does not squeeze the whole histogram into its first bin.
 */
function latencyBins(latency: Histogram): History['latencyBins'] {
  if (latency.count === 0) return { loMs: 0, hiMs: 0, counts: [] };
  const hiMs = Math.max(latency.quantile(0.999), latency.min, 1e-3);
  return { loMs: 0, hiMs, counts: latency.bins(0, hiMs, LATENCY_BINS) };
}
