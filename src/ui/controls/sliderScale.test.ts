import { describe, expect, it } from 'vitest';
import type { SliderScale } from './fields.ts';
import { LOG_STEPS, positionOf, roundToSignificant, valueAt } from './sliderScale.ts';

const rate: SliderScale = { kind: 'log', min: 1, max: 10_000, zeroAtStart: true };

describe('log sliders', () => {
  it('positionOf spreads decades evenly', () => {
    expect(positionOf(rate, 1)).toBe(0);
    expect(positionOf(rate, 100)).toBe(LOG_STEPS / 2);
    expect(positionOf(rate, 10_000)).toBe(LOG_STEPS);
  });

  it('valueAt gives zero at the start when zero is allowed, and rounds to two digits', () => {
    expect(valueAt(rate, 0, false)).toBe(0);
    expect(valueAt(rate, 501, false)).toBe(100);
    expect(valueAt(rate, LOG_STEPS, true)).toBe(10_000);
  });

  it('positionOf clamps values outside the slider to its ends', () => {
    expect(positionOf(rate, 1e6)).toBe(LOG_STEPS);
  });
});

describe('linear sliders', () => {
  it('valueAt is the position', () => {
    const cores: SliderScale = { kind: 'linear', min: 1, max: 32, step: 1 };
    expect(valueAt(cores, 7, true)).toBe(7);
    expect(positionOf(cores, 64)).toBe(32);
  });
});

describe('roundToSignificant', () => {
  it('keeps two digits', () => {
    expect(roundToSignificant(1234, 2)).toBe(1200);
    expect(roundToSignificant(0.01234, 2)).toBe(0.012);
    expect(roundToSignificant(0, 2)).toBe(0);
  });
});
