import { describe, expect, it } from 'vitest';
import type { History } from '../../worker/protocol.ts';
import { intervalsSec, latencyBins, perSecond, theoryLines } from './historySeries.ts';

function history(overrides: Partial<History> = {}): History {
  const columns = {
    timeMs: [250, 500, 1000],
    arrived: [50, 50, 100],
    completed: [25, 50, 50],
    dropped: [0, 5, 10],
    timedOut: [0, 0, 0],
    latencyMeanMs: [1, 2, 3],
    latencyP50Ms: [1, 2, 3],
    latencyP90Ms: [1, 2, 3],
    latencyP99Ms: [1, 2, 3],
    cpuUtilization: [0.5, 0.5, 0.5],
    backlog: [0, 1, 2],
    requestQueue: [0, 0, 0],
    responseQueue: [0, 0, 0],
    inFlight: [1, 1, 1],
    waitingForCore: [0, 0, 0],
  };
  return {
    intervalMs: 250,
    columns,
    latencyBins: { loMs: 0, hiMs: 40, counts: [1, 2, 3, 4] },
    summary: {} as History['summary'],
    theory: { fits: false, reasons: ['load.pattern is bursts; theory needs poisson arrivals'] },
    ...overrides,
  };
}

describe('perSecond', () => {
  it('divides each count by the gap to the previous point, which doubles on long runs', () => {
    expect(intervalsSec(history())).toEqual([0.25, 0.25, 0.5]);
    expect(perSecond(history(), 'arrived')).toEqual([200, 200, 200]);
    expect(perSecond(history(), 'completed')).toEqual([100, 200, 100]);
  });
});

describe('theoryLines', () => {
  it('gives the first reason when theory does not fit', () => {
    expect(theoryLines(history())).toEqual({
      fits: false,
      reason: 'load.pattern is bursts; theory needs poisson arrivals',
    });
  });

  it('gives no latency line for an unstable queue', () => {
    const theory = {
      model: 'M/M/1',
      stable: false,
      offeredLoad: 2,
      utilization: 1,
      dropProbability: 0,
      throughputPerSec: 100,
      meanInSystem: Infinity,
      meanInQueue: Infinity,
      meanResponseMs: Infinity,
      meanWaitMs: Infinity,
      waitProbability: 1,
    };
    const lines = theoryLines(
      history({ theory: { fits: true, model: 'M/M/1', note: '', theory } }),
    );
    expect(lines).toMatchObject({ fits: true, throughputPerSec: 100, meanLatencyMs: null });
  });
});

describe('latencyBins', () => {
  it('splits the range into equal bins', () => {
    expect(latencyBins(history())[1]).toEqual({ loMs: 10, hiMs: 20, count: 2 });
  });
});
