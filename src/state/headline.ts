/**
 * The headline figures of the latest frame (windowed rates and percentiles, exact totals, the
 * clock, requests per stage), as plain values in a React store. The frame loop updates it about
 * eight times a second, and at once after a pause, step, reset or live change, so the strip of
 * figures stays current without re-rendering React at the display's rate.
 */
import { create } from 'zustand';
import type { Counts } from '../engine/metrics.ts';
import type { DropReason } from '../engine/model.ts';
import type { Frame, RecentFigures } from '../worker/protocol.ts';

export interface HeadlineState {
  recent: RecentFigures;
  /** Exact counts since the start of the run. */
  total: Counts;
  inFlight: number;
  simNowMs: number;
  durationMs: number;
  finished: boolean;
  achievedSpeed: number;
  /** Requests in each stage, indexed by the engine's JobStage. */
  stageCounts: number[];
  /** Engine events processed since the start of the run. */
  events: number;
}

export const useHeadline = create<HeadlineState>(() => emptyHeadline());

export function headlineOf(frame: Frame): HeadlineState {
  return {
    recent: frame.recent,
    total: frame.total,
    inFlight: frame.inFlight,
    simNowMs: frame.simNowMs,
    durationMs: frame.durationMs,
    finished: frame.finished,
    achievedSpeed: frame.achievedSpeed,
    stageCounts: Array.from(frame.stageCounts),
    events: frame.events,
  };
}

export function emptyHeadline(): HeadlineState {
  const dropsByReason: Record<DropReason, number> = {
    'backlog-full': 0,
    'queue-full': 0,
    'nobody-listening': 0,
    'retries-exhausted': 0,
  };
  return {
    recent: {
      windowMs: 0,
      throughputPerSec: 0,
      arrivalsPerSec: 0,
      dropsPerSec: 0,
      timeoutsPerSec: 0,
      latencyP50Ms: 0,
      latencyP99Ms: 0,
      latencyMeanMs: 0,
      cpuUtilization: 0,
      queueLength: 0,
    },
    total: {
      arrived: 0,
      completed: 0,
      dropped: 0,
      timedOut: 0,
      dropsByReason,
      wastedJobs: 0,
      retries: 0,
    },
    inFlight: 0,
    simNowMs: 0,
    durationMs: 0,
    finished: false,
    achievedSpeed: 0,
    stageCounts: [],
    events: 0,
  };
}
