/**
 * A line chart over simulated time: several measured lines, optional horizontal theory lines
 * (dashed), axes with units, and a crosshair that shows every line's value at the hovered moment.
 * It is plain SVG rendered by React; d3 only computes scales and paths. Charts redraw when the
 * history store refreshes (a few times a second), never per animation frame.
 */
import { useState, type PointerEvent, type ReactNode } from 'react';
import { bisectCenter, max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { innerHeight, innerWidth, TimeAxis, ValueAxis, type Plot } from './Axes.tsx';
import { ChartFrame, LineKey } from './ChartFrame.tsx';
import { seconds } from './format.ts';
import { useWidth } from './useWidth.ts';

export interface ChartLine {
  name: string;
  values: number[];
  colour: string;
  dashed?: boolean;
}

/** A constant that theory predicts, drawn dashed across the whole chart. */
export interface ReferenceLine {
  name: string;
  value: number;
  colour: string;
}

export interface TimeChartProps {
  title: string;
  unit: string;
  timesSec: number[];
  lines: ChartLine[];
  references?: ReferenceLine[];
  /** A fixed top for the value axis, such as 100 for a percentage. */
  yMax?: number;
  formatValue: (value: number) => string;
  note?: ReactNode;
}

const HEIGHT_PX = 170;
const MARGIN = { top: 16, right: 12, bottom: 34, left: 44 };

export function TimeChart(props: TimeChartProps) {
  const [ref, widthPx] = useWidth<HTMLDivElement>(360);
  const [hoverIndex, setHoverIndex] = useState<number | null>(null);
  const plot: Plot = { widthPx, heightPx: HEIGHT_PX, margin: MARGIN };
  const { x, y } = scales(props, plot);

  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const timeSec = x.invert(event.clientX - box.left);
    setHoverIndex(props.timesSec.length > 0 ? bisectCenter(props.timesSec, timeSec) : null);
  };

  return (
    <ChartFrame title={props.title} note={props.note} keys={<Keys {...props} />}>
      <div className="chart-plot" ref={ref}>
        <svg width={widthPx} height={HEIGHT_PX} role="img" aria-label={describe(props)}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <ValueAxis scale={y} plot={plot} unit={props.unit} ticks={4} />
            <TimeAxis scale={x} plot={plot} unit="simulated time (s)" ticks={6} />
            <Lines {...props} x={x} y={y} />
            <Crosshair index={hoverIndex} props={props} x={x} y={y} plot={plot} />
            <rect
              className="chart-hit"
              width={innerWidth(plot)}
              height={innerHeight(plot)}
              onPointerMove={onPointerMove}
              onPointerLeave={() => setHoverIndex(null)}
            />
          </g>
        </svg>
        <Tooltip index={hoverIndex} props={props} x={x} />
      </div>
    </ChartFrame>
  );
}

type Scale = ReturnType<typeof scaleLinear<number, number>>;

function scales(props: TimeChartProps, plot: Plot): { x: Scale; y: Scale } {
  const lastSec = props.timesSec[props.timesSec.length - 1] ?? 0;
  const x = scaleLinear()
    .domain([0, Math.max(lastSec, 1)])
    .range([0, innerWidth(plot)]);
  const highest = Math.max(
    max(props.lines, (l) => max(l.values.filter(Number.isFinite))) ?? 0,
    max(props.references ?? [], (r) => r.value) ?? 0,
  );
  const top = props.yMax ?? (highest > 0 ? highest * 1.1 : 1);
  const y = scaleLinear()
    .domain([0, top])
    .range([innerHeight(plot), 0])
    .nice(4);
  return { x, y };
}

function Lines({ lines, references, timesSec, x, y }: TimeChartProps & { x: Scale; y: Scale }) {
  const path = (values: number[]) =>
    line<number>()
      .defined((v) => Number.isFinite(v))
      .x((_v, i) => x(timesSec[i] ?? 0))
      .y((v) => y(v))(values) ?? '';
  // Theory lines go on top, on a halo of the page colour, so noisy measurements cannot hide them.
  const y0 = (r: ReferenceLine) => y(r.value);
  return (
    <g>
      {lines.map((l) => (
        <path
          key={l.name}
          className={l.dashed ? 'chart-line chart-line-dashed' : 'chart-line'}
          d={path(l.values)}
          stroke={l.colour}
        />
      ))}
      {(references ?? []).map((r) => (
        <g key={r.name}>
          <line className="chart-halo" x1={0} x2={x.range()[1]} y1={y0(r)} y2={y0(r)} />
          <line
            className="chart-reference"
            x1={0}
            x2={x.range()[1]}
            y1={y0(r)}
            y2={y0(r)}
            stroke={r.colour}
          />
        </g>
      ))}
    </g>
  );
}

interface HoverProps {
  index: number | null;
  props: TimeChartProps;
  x: Scale;
}

function Crosshair({ index, props, x, y, plot }: HoverProps & { y: Scale; plot: Plot }) {
  const timeSec = index === null ? undefined : props.timesSec[index];
  if (index === null || timeSec === undefined) return null;
  return (
    <g className="chart-crosshair">
      <line x1={x(timeSec)} x2={x(timeSec)} y1={0} y2={innerHeight(plot)} />
      {props.lines.map((l) => {
        const value = l.values[index];
        if (value === undefined || !Number.isFinite(value)) return null;
        return <circle key={l.name} cx={x(timeSec)} cy={y(value)} r={3.5} fill={l.colour} />;
      })}
    </g>
  );
}

function Tooltip({ index, props, x }: HoverProps) {
  const timeSec = index === null ? undefined : props.timesSec[index];
  if (index === null || timeSec === undefined) return null;
  const [, plotWidthPx = 0] = x.range();
  const atPx = MARGIN.left + x(timeSec);
  const onRight = atPx < plotWidthPx / 2 + MARGIN.left;
  const style = onRight ? { left: atPx + 10 } : { right: MARGIN.left + plotWidthPx - atPx + 10 };
  return (
    <div className="chart-tooltip" style={{ ...style, top: MARGIN.top }} aria-hidden="true">
      <div className="chart-tooltip-time">t = {seconds(timeSec)}</div>
      {props.lines.map((l) => (
        <div key={l.name}>
          <span className="chart-swatch" style={{ background: l.colour }} />
          {l.name}: <strong>{props.formatValue(l.values[index] ?? 0)}</strong> {props.unit}
        </div>
      ))}
      {(props.references ?? []).map((r) => (
        <div key={r.name}>
          <span className="chart-swatch chart-swatch-dashed" style={{ borderColor: r.colour }} />
          {r.name}: <strong>{props.formatValue(r.value)}</strong> {props.unit}
        </div>
      ))}
    </div>
  );
}

function Keys({ lines, references }: TimeChartProps) {
  return (
    <>
      {lines.map((l) => (
        <LineKey key={l.name} name={l.name} colour={l.colour} dashed={l.dashed ?? false} />
      ))}
      {(references ?? []).map((r) => (
        <LineKey key={r.name} name={r.name} colour={r.colour} dashed />
      ))}
    </>
  );
}

/** What a screen reader hears: the latest value of each line. */
function describe({ title, lines, unit, formatValue }: TimeChartProps): string {
  const latest = lines.map((l) => {
    const value = l.values[l.values.length - 1];
    return value === undefined ? `${l.name}: no data yet` : `${l.name} ${formatValue(value)}`;
  });
  return `${title}, latest (${unit}): ${latest.join(', ')}`;
}
