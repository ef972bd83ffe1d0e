/**
 * The headline strip: the figures a room reads off the wall while someone turns a knob. Each
 * comes from the engine's exact counters (rates and percentiles over a short recent window,
 * counts since the start), never from the sample of requests the picture draws. Each figure's
 * element starts with its number and carries `data-testid="metric-<name>"` for tests and tools.
 */
import { useShallow } from 'zustand/react/shallow';
import type { DropReason } from '../engine/model.ts';
import type { Watch } from '../lessons/types.ts';
import { useHeadline } from '../state/headline.ts';
import { count, figure } from '../viz/charts/format.ts';
import { STAGE, STAGE_WORDS } from './engineWords.ts';

/** The figures, named as lessons name them when they point at one. */
type MetricName = Watch;

interface Metric {
  name: MetricName;
  label: string;
  unit: string;
  value: number;
  text: string;
  /** Figures that signal trouble when above zero are marked, so a drop catches the eye. */
  alarm?: boolean;
}

function useMetrics(): Metric[] {
  const h = useHeadline(
    useShallow((s) => ({ recent: s.recent, total: s.total, inFlight: s.inFlight })),
  );
  const r = h.recent;
  const m = (name: MetricName, label: string, unit: string, value: number, text: string) => ({
    name,
    label,
    unit,
    value,
    text,
  });
  return [
    m('throughput', 'Throughput', '/s', r.throughputPerSec, figure(r.throughputPerSec)),
    m('p50', 'Latency p50', 'ms', r.latencyP50Ms, figure(r.latencyP50Ms)),
    m('p99', 'Latency p99', 'ms', r.latencyP99Ms, figure(r.latencyP99Ms)),
    {
      ...m('dropped', 'Dropped', '', h.total.dropped, count(h.total.dropped)),
      alarm: true,
    },
    {
      ...m('timeouts', 'Timed out', '', h.total.timedOut, count(h.total.timedOut)),
      alarm: true,
    },
    m('cpu', 'CPU busy', '%', r.cpuUtilization * 100, figure(r.cpuUtilization * 100)),
    m('queue', 'Queued now', '', r.queueLength, count(r.queueLength)),
    m('inflight', 'In flight', '', h.inFlight, count(h.inFlight)),
    m('completed', 'Completed', '', h.total.completed, count(h.total.completed)),
  ];
}

/** `watched`: the figures an open lesson step points at, highlighted. */
export function Headline({ watched }: { watched: ReadonlySet<string> }) {
  const metrics = useMetrics();
  return (
    <section className="headline" aria-label="Headline figures">
      <ul className="metrics">
        {metrics.map((metric) => (
          <li
            key={metric.name}
            className={metricClass(metric, watched.has(metric.name))}
            data-testid={`metric-${metric.name}`}
            data-value={metric.value}
          >
            <span className="metric-figure">
              <span className="metric-value">{metric.text}</span>
              {metric.unit && <span className="metric-unit"> {metric.unit}</span>}
            </span>{' '}
            <span className="metric-label">{metric.label}</span>
          </li>
        ))}
      </ul>
      <DropReasons />
    </section>
  );
}

function metricClass(metric: Metric, watched: boolean): string {
  const classes = ['metric'];
  if (metric.alarm && metric.value > 0) classes.push('metric-alarm');
  if (watched) classes.push('metric-watched');
  return classes.join(' ');
}

const REASON_WORDS: Record<DropReason, string> = {
  'backlog-full': 'backlog full',
  'queue-full': 'queue full',
  'nobody-listening': 'nobody listening',
  'retries-exhausted': 'gave up after retries',
};

/** Why requests were dropped, by reason, once any were. */
function DropReasons() {
  const byReason = useHeadline((s) => s.total.dropsByReason);
  const reasons = (Object.keys(REASON_WORDS) as DropReason[]).filter((r) => byReason[r] > 0);
  if (reasons.length === 0) return null;
  return (
    <ul className="drop-reasons" aria-label="Drops by reason" data-testid="drop-reasons">
      {reasons.map((reason) => (
        <li key={reason}>
          <span className="drop-mark" aria-hidden="true">
            ✕
          </span>{' '}
          {count(byReason[reason])} dropped: {REASON_WORDS[reason]}
        </li>
      ))}
    </ul>
  );
}

/** Exact counts of requests in each stage, as the engine counts them. */
export function WhereRequestsAre() {
  const stageCounts = useHeadline(useShallow((s) => s.stageCounts));
  const rows = STAGE_WORDS.map(({ stage, words }) => ({
    stage,
    words,
    n: stageCounts[STAGE[stage]] ?? 0,
  }));
  return (
    <section className="panel" aria-labelledby="stages-title">
      <h2 id="stages-title">Where the requests are</h2>
      <table className="stages">
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.stage}
              data-testid={`stage-${row.stage}`}
              className={row.n ? '' : 'stage-empty'}
            >
              <td className="stage-count">{count(row.n)}</td>
              <td>{row.words}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
