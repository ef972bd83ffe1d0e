/**
 * Axes drawn by React from d3 scales: d3 picks the ticks, React owns the elements. The value axis
 * carries light grid lines across the plot, and each axis names its unit, so a chart projected
 * on a wall can be read without a legend hunt.
 */
import type { ScaleLinear } from 'd3-scale';
import { tick as formatTick } from './format.ts';

export interface Plot {
  widthPx: number;
  heightPx: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export function innerWidth(plot: Plot): number {
  return Math.max(10, plot.widthPx - plot.margin.left - plot.margin.right);
}

export function innerHeight(plot: Plot): number {
  return Math.max(10, plot.heightPx - plot.margin.top - plot.margin.bottom);
}

interface AxisProps {
  scale: ScaleLinear<number, number>;
  plot: Plot;
  unit: string;
  ticks: number;
}

export function ValueAxis({ scale, plot, unit, ticks }: AxisProps) {
  const width = innerWidth(plot);
  return (
    <g className="chart-axis">
      {scale.ticks(ticks).map((value) => (
        <g key={value} transform={`translate(0,${scale(value)})`}>
          <line className="chart-grid" x1={0} x2={width} />
          <text x={-6} dy="0.32em" textAnchor="end">
            {formatTick(value)}
          </text>
        </g>
      ))}
      <text className="chart-unit" x={-plot.margin.left + 2} y={-8}>
        {unit}
      </text>
    </g>
  );
}

export function TimeAxis({ scale, plot, unit, ticks }: AxisProps) {
  const height = innerHeight(plot);
  return (
    <g className="chart-axis" transform={`translate(0,${height})`}>
      <line className="chart-baseline" x1={0} x2={innerWidth(plot)} />
      {scale.ticks(ticks).map((value) => (
        <text key={value} x={scale(value)} y={16} textAnchor="middle">
          {formatTick(value)}
        </text>
      ))}
      <text className="chart-unit" x={innerWidth(plot)} y={30} textAnchor="end">
        {unit}
      </text>
    </g>
  );
}
