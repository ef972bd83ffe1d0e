/**
 * Exports of what a run measured: the metric history as CSV (one row per series point, the
 * header naming each column with its unit) or as JSON with the run's summary beside it, so a
 * student can take the figures into a spreadsheet and check them against the screen.
 */
import type { History } from '../worker/protocol.ts';

/** Column names as exported, with their units. */
const HEADERS: Record<string, string> = {
  timeMs: 'time_s',
  arrived: 'arrived_per_s',
  completed: 'throughput_per_s',
  dropped: 'dropped_per_s',
  timedOut: 'timed_out_per_s',
  latencyMeanMs: 'latency_mean_ms',
  latencyP50Ms: 'latency_p50_ms',
  latencyP90Ms: 'latency_p90_ms',
  latencyP99Ms: 'latency_p99_ms',
  cpuUtilization: 'cpu_utilization',
  backlog: 'backlog_length',
  requestQueue: 'request_queue_length',
  responseQueue: 'response_queue_length',
  inFlight: 'in_flight',
  waitingForCore: 'waiting_for_core',
};

/** Counts per interval become rates per second, so rows of any interval read the same way. */
const PER_SECOND = new Set(['arrived', 'completed', 'dropped', 'timedOut']);

export function historyToCsv(history: History): string {
  const columns = Object.keys(HEADERS).filter((c) => c in history.columns);
  const data = history.columns as unknown as Record<string, number[]>;
  const n = history.columns.timeMs.length;
  const intervalSec = pointSeconds(history);
  const lines = [columns.map((c) => HEADERS[c]).join(',')];
  for (let i = 0; i < n; i++) {
    const row = columns.map((c) => {
      const v = data[c]![i]!;
      if (c === 'timeMs') return formatNumber(v / 1000);
      return formatNumber(PER_SECOND.has(c) ? v / intervalSec : v);
    });
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function historyToJson(history: History, scenarioName: string | undefined): string {
  const document = {
    exportedBy: 'Servicescope',
    scenario: scenarioName ?? null,
    pointSeconds: pointSeconds(history),
    summary: history.summary,
    theory: history.theory,
    series: history.columns,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** How many seconds each stored point spans (the series coarsens as a run grows long). */
function pointSeconds(history: History): number {
  const t = history.columns.timeMs;
  if (t.length >= 2) return (t[1]! - t[0]!) / 1000;
  return history.intervalMs / 1000;
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}
