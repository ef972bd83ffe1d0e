/**
 * Turns the engine's history into the lines the charts draw. The engine keeps counts per interval
 * (arrived, completed, dropped, timed out) and levels averaged over it; charts show counts as
 * rates per second. The interval is read from the spacing of the points rather than assumed,
 * because the engine's series doubles its interval when it fills up on a long run.
 */
import type { History } from '../../worker/protocol.ts';

export interface Line {
  name: string;
  values: number[];
}

export type RateColumn = 'arrived' | 'completed' | 'dropped' | 'timedOut';

/** Seconds covered by each point: the gap to the previous point, the history's interval first. */
export function intervalsSec(history: History): number[] {
  const times = history.columns.timeMs;
  return times.map((t, i) => {
    const previous = i > 0 ? times[i - 1] : undefined;
    const gapMs = previous === undefined ? history.intervalMs : t - previous;
    return Math.max(gapMs, 1e-9) / 1000;
  });
}

export function perSecond(history: History, column: RateColumn): number[] {
  const seconds = intervalsSec(history);
  return history.columns[column].map((count, i) => count / (seconds[i] ?? 1));
}

/** Responses per second from the start to each point: the figure theory predicts. */
export function throughputSinceStart(history: History): number[] {
  let completed = 0;
  return history.columns.completed.map((count, i) => {
    completed += count;
    const elapsedSec = (history.columns.timeMs[i] ?? 0) / 1000;
    return elapsedSec > 0 ? completed / elapsedSec : 0;
  });
}

/** Mean latency of everything completed from the start to each point, weighted by count. */
export function meanLatencySinceStart(history: History): number[] {
  const { completed, latencyMeanMs } = history.columns;
  let count = 0;
  let sumMs = 0;
  return completed.map((n, i) => {
    count += n;
    sumMs += n * (latencyMeanMs[i] ?? 0);
    return count > 0 ? sumMs / count : NaN;
  });
}

export function timesSec(history: History): number[] {
  return history.columns.timeMs.map((t) => t / 1000);
}

export function percent(values: number[]): number[] {
  return values.map((v) => v * 100);
}

/** The figures theory gives for this history, or why there are none. */
export type TheoryLines =
  | {
      fits: true;
      model: string;
      note: string;
      throughputPerSec: number | null;
      meanLatencyMs: number | null;
      dropProbability: number;
    }
  | { fits: false; reason: string };

export function theoryLines(history: History): TheoryLines {
  const fit = history.theory;
  if (!fit.fits) return { fits: false, reason: fit.reasons[0] ?? 'the scenario has no model' };
  const { theory } = fit;
  return {
    fits: true,
    model: fit.model,
    note: fit.note,
    throughputPerSec: finiteOrNull(theory.throughputPerSec),
    meanLatencyMs: theory.stable ? finiteOrNull(theory.meanResponseMs) : null,
    dropProbability: theory.dropProbability,
  };
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Equal-width bins of the latency histogram, with their edges. */
export interface Bin {
  loMs: number;
  hiMs: number;
  count: number;
}

export function latencyBins(history: History): Bin[] {
  const { loMs, hiMs, counts } = history.latencyBins;
  const widthMs = counts.length > 0 ? (hiMs - loMs) / counts.length : 0;
  return counts.map((count, i) => ({
    loMs: loMs + i * widthMs,
    hiMs: loMs + (i + 1) * widthMs,
    count,
  }));
}
