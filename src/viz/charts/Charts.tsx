/**
 * The charts under the picture: throughput, latency percentiles, drops and timeouts, queue
 * lengths, CPU utilisation, and the latency histogram, all from the history the worker reports a
 * few times a second. When the scenario is one queueing theory describes exactly, its predictions
 * are drawn dashed beside the measurements and a note names the model; when it is not, the note
 * says why in one line.
 */
import type { History } from '../../worker/protocol.ts';
import { useHistory } from '../../state/history.ts';
import type { Theme } from '../palette.ts';
import { Guarded } from './ChartFrame.tsx';
import { chartColours, type ChartColours } from './colours.ts';
import { figure, percentOf } from './format.ts';
import { HistogramChart, type Marker } from './HistogramChart.tsx';
import {
  latencyBins,
  meanLatencySinceStart,
  percent,
  perSecond,
  theoryLines,
  throughputSinceStart,
  timesSec,
  type TheoryLines,
} from './historySeries.ts';
import { TimeChart } from './TimeChart.tsx';

interface ChartProps {
  history: History;
  colours: ChartColours;
  theory: TheoryLines;
}

export function Charts({ theme }: { theme: Theme }) {
  const history = useHistory((s) => s.history);
  if (!history) {
    return <p className="charts-empty">The charts fill in as soon as the simulation runs.</p>;
  }
  const props: ChartProps = { history, colours: chartColours(theme), theory: theoryLines(history) };
  return (
    <>
      <TheoryNote theory={props.theory} history={history} />
      <div className="charts">
        <Guarded title="Throughput">
          <ThroughputChart {...props} />
        </Guarded>
        <Guarded title="Latency">
          <LatencyChart {...props} />
        </Guarded>
        <Guarded title="Drops and timeouts">
          <DropsChart {...props} />
        </Guarded>
        <Guarded title="Queue lengths">
          <QueuesChart {...props} />
        </Guarded>
        <Guarded title="CPU utilisation">
          <CpuChart {...props} />
        </Guarded>
        <Guarded title="Latency histogram">
          <LatencyHistogram {...props} />
        </Guarded>
      </div>
    </>
  );
}

function TheoryNote({ theory, history }: { theory: TheoryLines; history: History }) {
  if (!theory.fits) {
    return (
      <p className="theory-note" data-testid="theory-note">
        <strong>No theory line:</strong> {theory.reason}.
      </p>
    );
  }
  const { arrived, dropRate } = history.summary;
  // Measurement starts after the warm-up; before then there is nothing to compare.
  const measured = arrived > 0 ? `measured ${percentOf(dropRate)}` : 'measured after the warm-up';
  return (
    <p className="theory-note" data-testid="theory-note">
      <strong>Theory ({theory.model}), dashed:</strong> {theory.note} Drop probability: theory{' '}
      {percentOf(theory.dropProbability)}, {measured}.
    </p>
  );
}

function ThroughputChart({ history, colours, theory }: ChartProps) {
  const references =
    theory.fits && theory.throughputPerSec !== null
      ? [{ name: 'theory', value: theory.throughputPerSec, colour: colours.mean }]
      : [];
  return (
    <TimeChart
      title="Throughput"
      unit="per second"
      timesSec={timesSec(history)}
      lines={[
        { name: 'responses', values: perSecond(history, 'completed'), colour: colours.responses },
        { name: 'arrivals', values: perSecond(history, 'arrived'), colour: colours.arrivals },
        {
          name: 'average since start',
          values: throughputSinceStart(history),
          colour: colours.mean,
        },
      ]}
      references={references}
      formatValue={figure}
    />
  );
}

function LatencyChart({ history, colours, theory }: ChartProps) {
  const c = history.columns;
  const references =
    theory.fits && theory.meanLatencyMs !== null
      ? [{ name: 'theory mean', value: theory.meanLatencyMs, colour: colours.mean }]
      : [];
  return (
    <TimeChart
      title="Latency"
      unit="ms"
      timesSec={timesSec(history)}
      lines={[
        { name: 'p50', values: c.latencyP50Ms, colour: colours.p50 },
        { name: 'p90', values: c.latencyP90Ms, colour: colours.p90 },
        { name: 'p99', values: c.latencyP99Ms, colour: colours.p99 },
        { name: 'mean since start', values: meanLatencySinceStart(history), colour: colours.mean },
      ]}
      references={references}
      formatValue={figure}
    />
  );
}

function DropsChart({ history, colours }: ChartProps) {
  return (
    <TimeChart
      title="Drops and timeouts"
      unit="per second"
      timesSec={timesSec(history)}
      lines={[
        { name: 'dropped', values: perSecond(history, 'dropped'), colour: colours.drops },
        { name: 'timed out', values: perSecond(history, 'timedOut'), colour: colours.timeouts },
      ]}
      formatValue={figure}
    />
  );
}

function QueuesChart({ history, colours }: ChartProps) {
  const c = history.columns;
  return (
    <TimeChart
      title="Queue lengths"
      unit="requests"
      timesSec={timesSec(history)}
      lines={[
        { name: 'backlog', values: c.backlog, colour: colours.backlog },
        { name: 'request queue', values: c.requestQueue, colour: colours.requestQueue },
        { name: 'response queue', values: c.responseQueue, colour: colours.responseQueue },
        { name: 'waiting for a core', values: c.waitingForCore, colour: colours.waitingForCore },
      ]}
      formatValue={figure}
    />
  );
}

function CpuChart({ history, colours }: ChartProps) {
  return (
    <TimeChart
      title="CPU utilisation"
      unit="% of cores busy"
      timesSec={timesSec(history)}
      lines={[
        { name: 'busy', values: percent(history.columns.cpuUtilization), colour: colours.cpu },
      ]}
      yMax={100}
      formatValue={figure}
    />
  );
}

function LatencyHistogram({ history, colours, theory }: ChartProps) {
  const latency = history.summary.latencyMs;
  const markers: Marker[] = [
    { name: 'p50', valueMs: latency.p50, colour: colours.p50 },
    { name: 'p99', valueMs: latency.p99, colour: colours.p99 },
  ];
  if (theory.fits && theory.meanLatencyMs !== null) {
    markers.push({ name: 'theory mean', valueMs: theory.meanLatencyMs, colour: colours.mean });
  }
  return (
    <HistogramChart
      title="Latency histogram"
      bins={latencyBins(history)}
      barColour={colours.bars}
      markers={markers}
    />
  );
}
