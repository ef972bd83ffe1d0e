/**
 * Which palette colour each chart line takes. Lines that show a state take that state's colour
 * (CPU busy is 'running', drops are 'dropped', requests waiting for a core are 'waitingForCore'),
 * so the charts and the picture agree; figures that are not states take ink and greys. A theory
 * line takes the colour of the measurement it predicts and is dashed.
 */
import { palette, type Theme } from '../palette.ts';

export interface ChartColours {
  responses: string;
  arrivals: string;
  p50: string;
  p90: string;
  p99: string;
  mean: string;
  drops: string;
  timeouts: string;
  backlog: string;
  requestQueue: string;
  responseQueue: string;
  waitingForCore: string;
  cpu: string;
  bars: string;
}

export function chartColours(theme: Theme): ChartColours {
  const p = palette(theme);
  const s = p.states;
  return {
    responses: s.completed.color,
    arrivals: s.wire.color,
    p50: p.outline,
    p90: p.mutedText,
    p99: p.text,
    mean: s.queued.color,
    drops: s.dropped.color,
    timeouts: s.timedOut.color,
    backlog: p.mutedText,
    requestQueue: s.queued.color,
    responseQueue: s.waitingToPush.color,
    waitingForCore: s.waitingForCore.color,
    cpu: s.running.color,
    bars: s.queued.color,
  };
}
