/**
 * The runner's readable summary: a few aligned lines a person can read at a glance.
 */
import type { Scenario } from '../engine/scenario/schema.ts';
import type { RunSummary } from '../engine/summary.ts';

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const percent = (n: number) => `${(n * 100).toFixed(2)}%`;

export function formatSummary(scenario: Scenario, s: RunSummary, wallMs: number): string {
  const reasons = Object.entries(s.dropsByReason)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const lines = [
    `${scenario.name ?? 'scenario'}: ${scenario.server.model}, seed ${scenario.seed}, ` +
      `${scenario.durationSec} s simulated (${scenario.warmupSec} s warm-up)`,
    `requests    ${s.arrived} arrived, ${s.completed} completed, ${s.dropped} dropped, ` +
      `${s.timedOut} timed out, ${s.inFlight} in flight`,
    `throughput  ${fixed(s.throughputPerSec, 2)} responses/s`,
    `drops       ${percent(s.dropRate)}${reasons ? ` (${reasons})` : ''}`,
    `latency ms  mean ${fixed(s.latencyMs.mean, 2)}  p50 ${fixed(s.latencyMs.p50, 2)}  ` +
      `p90 ${fixed(s.latencyMs.p90, 2)}  p99 ${fixed(s.latencyMs.p99, 2)}  ` +
      `max ${fixed(s.latencyMs.max, 2)}`,
    `wait ms     mean ${fixed(s.waitMs.mean, 2)}  p99 ${fixed(s.waitMs.p99, 2)}`,
    `cpu         ${percent(s.cpuUtilization)} busy`,
    `engine      ${s.events} events in ${wallMs} ms`,
  ];
  if (s.retries > 0 || s.wastedJobs > 0) {
    lines.splice(
      4,
      0,
      `retries     ${s.retries} retries, ${s.wastedJobs} answers nobody waited for`,
    );
  }
  return `${lines.join('\n')}\n`;
}
