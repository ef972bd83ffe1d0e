/**
 * The latency histogram: how many completed requests took how long, since the start of the
 * measured window. Bars are equal-width bins from the engine; markers show the measured
 * percentiles, and the theory's mean when the scenario fits a queueing model. Hovering a bar
 * shows its range and count.
 */
import { useState, type ReactNode } from 'react';
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { innerHeight, innerWidth, TimeAxis, ValueAxis, type Plot } from './Axes.tsx';
import { ChartFrame, LineKey } from './ChartFrame.tsx';
import { count as formatCount, figure } from './format.ts';
import type { Bin } from './historySeries.ts';
import { useWidth } from './useWidth.ts';

export interface Marker {
  name: string;
  valueMs: number;
  colour: string;
}

interface HistogramChartProps {
  title: string;
  bins: Bin[];
  barColour: string;
  markers: Marker[];
  note?: ReactNode;
}

const HEIGHT_PX = 170;
const MARGIN = { top: 16, right: 12, bottom: 34, left: 44 };

export function HistogramChart({ title, bins, barColour, markers, note }: HistogramChartProps) {
  const [ref, widthPx] = useWidth<HTMLDivElement>(360);
  const [hover, setHover] = useState<number | null>(null);
  const plot: Plot = { widthPx, heightPx: HEIGHT_PX, margin: MARGIN };
  const { x, y } = scales(bins, plot);
  const hovered = hover === null ? undefined : bins[hover];
  const total = bins.reduce((sum, b) => sum + b.count, 0);
  const [loMs, hiMs] = x.domain() as [number, number];
  const shown = markers.filter((m) => m.valueMs >= loMs && m.valueMs <= hiMs);

  const keys = markers.map((m) => <LineKey key={m.name} name={m.name} colour={m.colour} dashed />);
  return (
    <ChartFrame title={title} note={note} keys={keys}>
      <div className="chart-plot" ref={ref}>
        <svg width={widthPx} height={HEIGHT_PX} role="img" aria-label={describe(title, total)}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <ValueAxis scale={y} plot={plot} unit="requests" ticks={4} />
            <TimeAxis scale={x} plot={plot} unit="latency (ms)" ticks={6} />
            {bins.map((b, i) => (
              <rect
                key={i}
                className={i === hover ? 'chart-bar chart-bar-hover' : 'chart-bar'}
                x={x(b.loMs)}
                width={Math.max(1, x(b.hiMs) - x(b.loMs) - 1)}
                y={y(b.count)}
                height={innerHeight(plot) - y(b.count)}
                fill={barColour}
                onPointerEnter={() => setHover(i)}
                onPointerLeave={() => setHover(null)}
              />
            ))}
            {shown.map((m) => (
              <line
                key={m.name}
                className="chart-reference"
                x1={x(m.valueMs)}
                x2={x(m.valueMs)}
                y1={0}
                y2={innerHeight(plot)}
                stroke={m.colour}
              />
            ))}
          </g>
        </svg>
        {hovered && (
          <div className="chart-tooltip" style={{ left: MARGIN.left + 8, top: 0 }}>
            {figure(hovered.loMs)}–{figure(hovered.hiMs)} ms:{' '}
            <strong>{formatCount(hovered.count)}</strong> requests
          </div>
        )}
      </div>
    </ChartFrame>
  );
}

function scales(bins: Bin[], plot: Plot) {
  const loMs = bins[0]?.loMs ?? 0;
  const hiMs = bins[bins.length - 1]?.hiMs ?? 1;
  const x = scaleLinear()
    .domain([loMs, Math.max(hiMs, loMs + 1)])
    .range([0, innerWidth(plot)]);
  const tallest = max(bins, (b) => b.count) ?? 0;
  const y = scaleLinear()
    .domain([0, Math.max(tallest, 1)])
    .range([innerHeight(plot), 0])
    .nice(4);
  return { x, y };
}

function describe(title: string, total: number): string {
  return `${title}: ${formatCount(total)} completed requests`;
}
