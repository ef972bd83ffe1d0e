/**
 * Number formats shared by charts and the headline strip. Figures meant to be read (and parsed
 * by tests) carry no thousands separators, so `parseFloat` of any figure on screen gives the
 * number; precision shrinks as numbers grow, so a figure never shows more digits than it has.
 */
import { format } from 'd3-format';

const twoDecimals = format('.2f');
const oneDecimal = format('.1f');
const whole = format('.0f');
const axisShort = format('~s');
const axisFine = format('~g');

/** A figure: 0.42, 3.5, 187, 12045. */
export function figure(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const size = Math.abs(x);
  if (size === 0) return '0';
  if (size < 1) return twoDecimals(x);
  if (size < 100) return oneDecimal(x);
  return whole(x);
}

/** Whole counts. */
export function count(x: number): string {
  return Number.isFinite(x) ? whole(x) : '0';
}

/** Axis ticks: 0, 250, 1.5k, 20k; small ones 0.05. */
export function tick(x: number): string {
  return Math.abs(x) >= 1000 ? axisShort(x) : axisFine(x);
}

/** Simulated time on an axis or a clock: 12.3 s. */
export function seconds(sec: number): string {
  return `${oneDecimal(sec)} s`;
}

/** A speed factor: 0.01x, 0.5x, 1x, 30x. */
export function speedFactor(x: number): string {
  if (!Number.isFinite(x)) return 'max';
  return `${format('~g')(Number(x.toPrecision(2)))}x`;
}

/** A fraction as a percentage; tiny ones say so rather than showing 0.00%. */
export function percentOf(fraction: number): string {
  const percent = fraction * 100;
  if (percent === 0) return '0%';
  if (percent < 0.01) return 'under 0.01%';
  return `${figure(percent)}%`;
}
