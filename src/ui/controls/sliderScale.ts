/**
 * Where a slider's thumb sits for a value, and back. Log sliders spread decades evenly, so that
 * 1, 10, 100 and 1,000 requests per second are equally easy to reach, and round what they give
 * to two significant digits, since a dragged value is a rough choice and a typed one is exact.
 */
import type { SliderScale } from './fields.ts';

/** Thumb positions of a log slider; fine enough that neighbouring stops differ by about 1%. */
export const LOG_STEPS = 1000;

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

export function sliderRange(scale: SliderScale): SliderRange {
  switch (scale.kind) {
    case 'linear':
      return { min: scale.min, max: scale.max, step: scale.step };
    case 'log':
      return { min: 0, max: LOG_STEPS, step: 1 };
  }
}

export function positionOf(scale: SliderScale, value: number): number {
  switch (scale.kind) {
    case 'linear':
      return clamp(value, scale.min, scale.max);
    case 'log': {
      if (value <= 0 && scale.zeroAtStart) return 0;
      const fraction = Math.log(value / scale.min) / Math.log(scale.max / scale.min);
      return Math.round(clamp(fraction, 0, 1) * LOG_STEPS);
    }
  }
}

export function valueAt(scale: SliderScale, position: number, integer: boolean): number {
  switch (scale.kind) {
    case 'linear':
      return position;
    case 'log': {
      if (position <= 0 && scale.zeroAtStart) return 0;
      const raw = scale.min * (scale.max / scale.min) ** (position / LOG_STEPS);
      const rounded = roundToSignificant(raw, 2);
      return integer ? Math.max(1, Math.round(rounded)) : rounded;
    }
  }
}

export function roundToSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return Number((Math.round(x / magnitude) * magnitude).toPrecision(digits + 1));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
