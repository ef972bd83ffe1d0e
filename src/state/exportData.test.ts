import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engine/run.ts';
import { scenarioSchema } from '../engine/scenario/schema.ts';
import { theoryFor } from '../engine/theory/fit.ts';
import type { History } from '../worker/protocol.ts';
import { historyToCsv, historyToJson } from './exportData.ts';

function historyOf(durationSec: number): History {
  const scenario = scenarioSchema.parse({
    version: 1,
    seed: 3,
    durationSec,
    load: { pattern: 'poisson', ratePerSec: 50 },
    request: { cpuMs: { dist: 'exponential', mean: 10 } },
    machines: { count: 1, cores: 1, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 1, backlog: 10 },
  });
  const { sim, summary } = runToEnd(scenario);
  return {
    intervalMs: 1000,
    columns: sim.metrics.series.toColumns(),
    latencyBins: { loMs: 0, hiMs: 100, counts: [] },
    summary,
    theory: theoryFor(scenario),
  };
}

describe('historyToCsv', () => {
  it('historyToCsv gives a header with units and one row per point', () => {
    const history = historyOf(20);
    const lines = historyToCsv(history).trim().split('\n');
    expect(lines[0]).toMatch(/^time_s,arrived_per_s,throughput_per_s,dropped_per_s,/);
    expect(lines).toHaveLength(history.columns.timeMs.length + 1);
    expect(lines[1]!.split(',')[0]).toBe('1');
  });

  it('historyToCsv rows add up to the counters once rates are turned back into counts', () => {
    const history = historyOf(20);
    const rows = historyToCsv(history).trim().split('\n').slice(1);
    const completed = rows.reduce((sum, row) => sum + Number(row.split(',')[2]), 0);
    expect(completed).toBe(history.columns.completed.reduce((a, b) => a + b, 0));
  });

  it('historyToCsv reports rates per second when the series has coarsened', () => {
    const history = historyOf(2000);
    const spanSec = (history.columns.timeMs[1]! - history.columns.timeMs[0]!) / 1000;
    expect(spanSec).toBeGreaterThan(1);
    const rows = historyToCsv(history).trim().split('\n').slice(1);
    const meanRate = rows.reduce((sum, row) => sum + Number(row.split(',')[1]), 0) / rows.length;
    expect(meanRate).toBeGreaterThan(45);
    expect(meanRate).toBeLessThan(55);
  });
});

describe('historyToJson', () => {
  it('historyToJson carries the summary, the theory and the series', () => {
    const history = historyOf(20);
    const parsed = JSON.parse(historyToJson(history, 'test')) as Record<string, unknown>;
    expect(parsed.scenario).toBe('test');
    expect(parsed.summary).toEqual(JSON.parse(JSON.stringify(history.summary)));
    expect((parsed.series as { timeMs: number[] }).timeMs).toEqual(history.columns.timeMs);
  });
});
